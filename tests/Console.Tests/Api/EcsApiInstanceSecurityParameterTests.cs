using System.Net;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Issue #21 part 1, the instances' security, queue and remote connection options (docs/rules/instance-parameters.md
/// IPAR-38…42): <c>SecurityEnhancementStrategy</c>, <c>UseAdditionalService</c>, <c>NetworkInterfaceQueueNumber</c>,
/// <c>SecurityOptions.TrustedSystemMode</c> and <c>ConfidentialComputingMode</c>, <c>RemoteConnectionOptions</c> and
/// ReplaceSystemDisk's <c>Architecture</c> and <c>Platform</c> are honoured (the instance records them; the console's
/// instance list shows them) or refused with ECS's codes.
/// </summary>
public sealed class EcsApiInstanceSecurityParameterTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string PublicImage = "aliyun_3_x64_20G_alibase_20250101.vhd";

    [Theory]
    [InlineData("SecurityEnhancementStrategy=On", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("NetworkInterfaceQueueNumber=0", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("NetworkInterfaceQueueNumber=3", "InvalidOperation.ExceedInstanceTypeQueueNumber", HttpStatusCode.Forbidden)]
    [InlineData("SecurityOptions.TrustedSystemMode=TPM2", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("SecurityOptions.TrustedSystemMode=vTPM", "InvalidSecurityOptions.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("SecurityOptions.ConfidentialComputingMode=SEV", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("SecurityOptions.ConfidentialComputingMode=Enclave", "InvalidSecurityOptions.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("SecurityOptions.ConfidentialComputingMode=TDX&InstanceType=ecs.g7t.large", "InvalidSecurityOptions.NotSupported", HttpStatusCode.BadRequest)]
    public async Task RunInstances_RefusesASecurityOrQueueOption_OutsideItsRules_WithEcsCode(string parameters, string code, HttpStatusCode status)
    {
        // Arrange: an ecs.g7.large (two queues per interface, no vTPM, no enclave) unless the case names another type
        await new SeededWorldCalls(api).RaiseQuotasAsync();

        // Act
        var refused = await api.Alice().CallAsync("RunInstances", Order(Parse(parameters)));

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task RunInstances_RecordsTheHardeningQueuesAndTrustedAndConfidentialModes_ItWasGiven()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();

        // Act
        var hardened = await RunAsync(("SecurityEnhancementStrategy", "Active"), ("NetworkInterfaceQueueNumber", "2"));
        var trusted = await RunAsync(("InstanceType", "ecs.g7t.large"), ("SecurityOptions.TrustedSystemMode", "vTPM"),
            ("SecurityOptions.ConfidentialComputingMode", "Enclave"));
        var confidential = await RunAsync(("InstanceType", "ecs.g8i.large"), ("SecurityOptions.ConfidentialComputingMode", "TDX"));
        var plain = await RunAsync(("SecurityEnhancementStrategy", "Deactive"));

        // Assert
        var hardenedSettings = await SettingsAsync(hardened);
        Assert.Equal((true, 2), (hardenedSettings.SecurityHardening, hardenedSettings.QueueNumber));
        var trustedSettings = await SettingsAsync(trusted);
        Assert.Equal(("vTPM", "Enclave"), (trustedSettings.TrustedSystemMode, trustedSettings.ConfidentialComputingMode));
        Assert.Equal("TDX", (await SettingsAsync(confidential)).ConfidentialComputingMode);
        Assert.False((await SettingsAsync(plain)).SecurityHardening);
    }

    [Fact]
    public async Task RunInstances_SkipsTheSecurityHardening_OnACustomImage()
    {
        // Arrange: a custom image of Alice's own, made from an instance
        var source = await RunAsync();
        await CompleteTasksAsync();
        var created = await api.Alice().CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", source), ("ImageName", "hardening-probe"));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await CompleteTasksAsync();
        var customImage = created["ImageId"].GetString()!;

        // Act
        var instanceId = await RunAsync(("ImageId", customImage), ("SecurityEnhancementStrategy", "Active"));

        // Assert
        Assert.False((await SettingsAsync(instanceId)).SecurityHardening);
    }

    [Fact]
    public async Task CreateInstance_RecordsTheHardening_AndWhetherAlibabaCloudsSystemConfigurationIsUsed()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();

        // Act
        var created = await api.Alice().CallAsync("CreateInstance", Order(("SecurityEnhancementStrategy", "Active"), ("UseAdditionalService", "false")));
        var malformed = await api.Alice().CallAsync("CreateInstance", Order(("UseAdditionalService", "sometimes")));

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var settings = await SettingsAsync(created["InstanceId"].GetString()!);
        Assert.Equal((true, (bool?)false), (settings.SecurityHardening, settings.AdditionalService));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (malformed.Code, malformed.Status));
    }

    [Fact]
    public async Task ModifyInstanceAttribute_ChangesTheQueuesOnlyWhileStopped_AndWithinTheType()
    {
        // Arrange
        var instanceId = await RunAsync();
        await CompleteTasksAsync();

        // Act
        var whileRunning = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("NetworkInterfaceQueueNumber", "1"));
        await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId), ("ForceStop", "true"));
        var tooMany = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("NetworkInterfaceQueueNumber", "8"));
        var modified = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("NetworkInterfaceQueueNumber", "1"));

        // Assert
        Assert.Equal(("IncorrectInstanceStatus", HttpStatusCode.BadRequest), (whileRunning.Code, whileRunning.Status));
        Assert.Equal(("InvalidOperation.ExceedInstanceTypeQueueNumber", HttpStatusCode.Forbidden), (tooMany.Code, tooMany.Status));
        Assert.True(modified.Status == HttpStatusCode.OK, modified.ToString());
        Assert.Equal(1, (await SettingsAsync(instanceId)).QueueNumber);
    }

    [Fact]
    public async Task ModifyInstanceAttribute_SetsTheRemoteConnectionPassword_OfSixLettersOrDigits()
    {
        // Arrange
        var instanceId = await RunAsync();

        // Act
        var shortPassword = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId),
            ("RemoteConnectionOptions.Type", "vnc"), ("RemoteConnectionOptions.Password", "Ab1"));
        var otherType = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId),
            ("RemoteConnectionOptions.Type", "rdp"), ("RemoteConnectionOptions.Password", "Ab12cd"));
        var set = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId),
            ("RemoteConnectionOptions.Type", "vnc"), ("RemoteConnectionOptions.Password", "Ab12cd"));

        // Assert
        Assert.Equal(("IncorrectVncPassword.Malformed", HttpStatusCode.BadRequest), (shortPassword.Code, shortPassword.Status));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (otherType.Code, otherType.Status));
        Assert.True(set.Status == HttpStatusCode.OK, set.ToString());
        var settings = await SettingsAsync(instanceId);
        Assert.Equal(("vnc", true), (settings.RemoteConnectionType, settings.RemoteConnectionPasswordSet));
    }

    [Fact]
    public async Task ReplaceSystemDisk_InstallsTheNewOsAsAsked_AndChecksItsArchitectureAndPlatformAgainstTheImage_WithDiskId()
    {
        // Arrange
        var instanceId = await RunAsync(("SecurityEnhancementStrategy", "Active"));
        await CompleteTasksAsync();
        await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId), ("ForceStop", "true"));
        var systemDiskId = await SystemDiskAsync(instanceId);
        (string, string)[] replace = [("InstanceId", instanceId), ("ImageId", PublicImage)];

        // Act
        var unknownArchitecture = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("Architecture", "sparc")]);
        var otherArchitecture = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("DiskId", systemDiskId), ("Architecture", "arm64")]);
        var otherPlatform = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("DiskId", systemDiskId), ("Platform", "Windows Server 2012")]);
        var badStrategy = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("SecurityEnhancementStrategy", "Enabled")]);
        var replaced = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("DiskId", systemDiskId), ("Architecture", "x86_64"),
            ("Platform", "Aliyun"), ("SecurityEnhancementStrategy", "Deactive"), ("UseAdditionalService", "false")]);

        // Assert
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (unknownArchitecture.Code, unknownArchitecture.Status));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (otherArchitecture.Code, otherArchitecture.Status));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (otherPlatform.Code, otherPlatform.Status));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (badStrategy.Code, badStrategy.Status));
        Assert.True(replaced.Status == HttpStatusCode.OK, replaced.ToString());
        var settings = await SettingsAsync(instanceId);
        Assert.Equal((false, (bool?)false), (settings.SecurityHardening, settings.AdditionalService));
    }

    [Fact]
    public async Task ReInitDisk_OfTheSystemDisk_InstallsTheOsHardenedOrNot_AsAsked()
    {
        // Arrange
        var instanceId = await RunAsync();
        await CompleteTasksAsync();
        await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId), ("ForceStop", "true"));
        var systemDiskId = await SystemDiskAsync(instanceId);

        // Act
        var malformed = await api.Alice().CallAsync("ReInitDisk", ("DiskId", systemDiskId), ("SecurityEnhancementStrategy", "Yes"));
        var hardened = await api.Alice().CallAsync("ReInitDisk", ("DiskId", systemDiskId), ("SecurityEnhancementStrategy", "Active"));
        var afterActive = (await SettingsAsync(instanceId)).SecurityHardening;
        var plain = await api.Alice().CallAsync("ReInitDisk", ("DiskId", systemDiskId), ("SecurityEnhancementStrategy", "Deactive"));

        // Assert
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (malformed.Code, malformed.Status));
        Assert.True(hardened.Status == HttpStatusCode.OK, hardened.ToString());
        Assert.True(plain.Status == HttpStatusCode.OK, plain.ToString());
        Assert.True(afterActive);
        Assert.False((await SettingsAsync(instanceId)).SecurityHardening);
    }

    private static (string, string)[] Parse(string parameters) =>
        [.. parameters.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (kv[0], kv[1]))];

    /// <summary>An order of one instance in the region (its zone left to the type's first), with <paramref name="extra"/> over it.</summary>
    private static Dictionary<string, string> Order(params (string Name, string Value)[] extra)
    {
        var all = new Dictionary<string, string>
        {
            ["RegionId"] = Region, ["InstanceType"] = "ecs.g7.large", ["ImageId"] = PublicImage, ["SystemDisk.Category"] = "cloud_essd",
        };
        foreach (var (name, value) in extra)
        {
            all[name] = value;
        }

        return all;
    }

    private async Task<string> RunAsync(params (string Name, string Value)[] extra)
    {
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var run = await api.Alice().CallAsync("RunInstances", Order(extra));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        return run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
    }

    private async Task<string> SystemDiskAsync(string instanceId) =>
        (await api.Alice().CallAsync("DescribeDisks", ("RegionId", Region), ("InstanceId", instanceId), ("DiskType", "system")))["Disks"]
            .GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;

    private async Task<InstanceSettings> SettingsAsync(string instanceId)
    {
        await using var db = await api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
        return await db.Instances.Where(i => i.Id == instanceId).Select(i => i.Settings).SingleAsync();
    }

    private Task CompleteTasksAsync() => api.App.Services.GetRequiredService<SimulationClockService>().CompleteTasksAsync();
}
