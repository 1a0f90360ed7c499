using System.Net;
using EcsConsole.Domain.ClientTokens;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// ClientToken on every implemented action whose SDK request model has one (VAL-TOKEN-01, ADR-021): the same token with
/// the same parameters from the same account within 24 hours answers the first call's answer and creates nothing; the
/// same token with other parameters answers the action's mismatch code; a token still in flight answers
/// <c>IdempotentProcessing</c>.
/// </summary>
public sealed class EcsApiClientTokenTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    /// <summary>The implemented actions whose request model in ecs-model-trees.txt has a ClientToken.</summary>
    private static readonly string[] TokenActionNames =
    [
        "CopyImage", "CreateDisk", "CreateImage", "CreateImageComponent", "CreateImagePipeline", "CreateInstance", "CreateSnapshot",
        "DeleteInstances", "ImportImage", "ReplaceSystemDisk", "RunInstances", "StartImagePipelineExecution",
        "CopySnapshot", "CreateSnapshotGroup",
    ];

    public static TheoryData<string> TokenActions() => [.. TokenActionNames];

    [Fact]
    public void EveryImplementedActionWhoseModelHasAClientToken_IsRegisteredWithIt()
    {
        // Arrange
        var fromModels = ModelTrees.RequestFields()
            .Where(kv => kv.Value.Contains("ClientToken") && EcsActions.All.ContainsKey(kv.Key))
            .Select(kv => kv.Key).Order(StringComparer.Ordinal);

        // Act
        var registered = EcsActions.All.Values.Where(a => a.TakesClientToken).Select(a => a.Name).Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(fromModels, registered);
        Assert.Equal(TokenActionNames.Order(StringComparer.Ordinal), registered);
    }

    [Theory]
    [MemberData(nameof(TokenActions))]
    public async Task ARetry_AnswersTheFirstAnswer_CreatesNothing_AndOtherParametersAreRefused(string action)
    {
        // Arrange
        var alice = api.Alice();
        var (parameters, other) = await ValidAsync(alice, action);
        var token = Guid.NewGuid().ToString();
        var first = await alice.CallAsync(action, [.. parameters, ("ClientToken", token)]);
        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        var afterFirst = await MadeAsync(action, parameters);

        // Act: the retry is signed the other way (V1 form): only the protocol's parameters differ
        var retry = await api.Alice(EcsSigning.V1Form).CallAsync(action, [.. parameters, ("ClientToken", token)]);
        var afterRetry = await MadeAsync(action, parameters);
        var changed = await alice.CallAsync(action, [.. parameters.Where(p => p.Name != other.Name), other, ("ClientToken", token)]);

        // Assert
        Assert.True(retry.Status == HttpStatusCode.OK, retry.ToString());
        Assert.Equal(WithoutRequestId(first), WithoutRequestId(retry));
        Assert.NotEqual(first["RequestId"].GetString(), retry["RequestId"].GetString());
        Assert.Equal(1, afterFirst);
        Assert.Equal(afterFirst, afterRetry);
        var (code, status) = action == "CreateImage" ? ("IdempotenceParamNotMatch", HttpStatusCode.BadRequest) : ("IdempotentParameterMismatch", HttpStatusCode.Forbidden);
        Assert.Equal((status, code), (changed.Status, changed.Code));
        Assert.Equal(afterFirst, await MadeAsync(action, parameters));
    }

    [Fact]
    public async Task WithoutAToken_EveryCallCreates()
    {
        // Arrange
        var alice = api.Alice();
        (string, string)[] parameters = [("RegionId", Region), ("Name", "no-token"), ("SystemType", "Linux"), ("ComponentType", "Build"), ("Content", "RUN echo 1")];

        // Act
        var first = await alice.CallAsync("CreateImageComponent", parameters);
        var second = await alice.CallAsync("CreateImageComponent", parameters);

        // Assert
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotEqual(first["ImageComponentId"].GetString(), second["ImageComponentId"].GetString());
    }

    [Fact]
    public async Task ATokenStillInFlight_IsIdempotentProcessing()
    {
        // Arrange: another node has claimed the token for the same call and not answered yet
        var alice = api.Alice();
        var token = Guid.NewGuid().ToString();
        var parameters = new Dictionary<string, string>
        {
            ["RegionId"] = Region, ["Name"] = "in-flight", ["SystemType"] = "Linux", ["ComponentType"] = "Build", ["Content"] = "RUN echo 1",
        };
        await api.App.Services.GetRequiredService<ClientTokenService>()
            .ClaimAsync(DemoWorld.AcmeAccountId, "CreateImageComponent", token, ApiClientToken.Fingerprint(new ApiParameters(parameters)));
        var before = await MadeAsync("CreateImageComponent", [("Name", "in-flight")]);

        // Act
        var retry = await alice.CallAsync("CreateImageComponent", new Dictionary<string, string>(parameters) { ["ClientToken"] = token });

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, "IdempotentProcessing"), (retry.Status, retry.Code));
        Assert.Equal(0, before);
        Assert.Equal(before, await MadeAsync("CreateImageComponent", [("Name", "in-flight")]));
    }

    [Fact]
    public async Task AFailedFirstCall_KeepsNothing_SoARetryRuns()
    {
        // Arrange: the first call names an image that does not exist
        var alice = api.Alice();
        var token = Guid.NewGuid().ToString();
        var failed = await alice.CallAsync("CopyImage", ("RegionId", Region), ("ImageId", "m-none"), ("DestinationRegionId", "cn-beijing"), ("ClientToken", token));

        // Act: the retry, corrected
        var retry = await alice.CallAsync("CopyImage", ("RegionId", Region), ("ImageId", await AcmeBaseImageIdAsync()), ("DestinationRegionId", "cn-beijing"),
            ("DestinationImageName", "token-after-failure"), ("ClientToken", token));

        // Assert
        Assert.Equal("InvalidImageId.NotFound", failed.Code);
        Assert.True(retry.Status == HttpStatusCode.OK, retry.ToString());
    }

    [Fact]
    public async Task TheSameToken_FromAnotherAccount_IsItsOwn()
    {
        // Arrange
        var token = Guid.NewGuid().ToString();
        (string, string)[] parameters = [("RegionId", Region), ("Name", "shared-token"), ("SystemType", "Linux"), ("ComponentType", "Build"), ("Content", "RUN echo 1"),
            ("ClientToken", token)];
        var acme = await api.Alice().CallAsync("CreateImageComponent", parameters);

        // Act
        var globex = await api.As(DemoWorld.Carol).CallAsync("CreateImageComponent", parameters);

        // Assert
        Assert.Equal(HttpStatusCode.OK, globex.Status);
        Assert.NotEqual(acme["ImageComponentId"].GetString(), globex["ImageComponentId"].GetString());
    }

    [Theory]
    [InlineData("CreateImageComponent", HttpStatusCode.BadRequest)]
    [InlineData("CreateSnapshot", HttpStatusCode.Forbidden)]
    public async Task ATokenOver64CharactersOrNotAscii_IsMalformed(string action, HttpStatusCode status)
    {
        // Act
        var tooLong = await api.Alice().CallAsync(action, ("RegionId", Region), ("DiskId", "d-none"), ("ClientToken", new string('t', 65)));
        var notAscii = await api.Alice().CallAsync(action, ("RegionId", Region), ("DiskId", "d-none"), ("ClientToken", "jeton-é"));

        // Assert
        Assert.Equal((status, "InvalidClientToken.Malformed"), (tooLong.Status, tooLong.Code));
        Assert.Equal((status, "InvalidClientToken.Malformed"), (notAscii.Status, notAscii.Code));
    }

    [Fact]
    public async Task ADryRun_ClaimsNoToken()
    {
        // Arrange
        var alice = api.Alice();
        var token = Guid.NewGuid().ToString();
        (string, string)[] parameters = [("RegionId", Region), ("Name", "dry-token"), ("SystemType", "Linux"), ("ComponentType", "Build"), ("Content", "RUN echo 1"),
            ("ClientToken", token)];

        // Act
        var dryRun = await alice.CallAsync("CreateImageComponent", [.. parameters, ("DryRun", "true")]);
        var real = await alice.CallAsync("CreateImageComponent", parameters);

        // Assert
        Assert.Equal("DryRunOperation", dryRun.Code);
        Assert.True(real.Status == HttpStatusCode.OK, real.ToString());
    }

    [Fact]
    public async Task After24SimulatedHours_TheSameTokenCreatesAgain()
    {
        // Arrange
        var alice = api.Alice();
        (string, string)[] parameters = [("RegionId", Region), ("Name", "a-day-later"), ("SystemType", "Linux"), ("ComponentType", "Build"), ("Content", "RUN echo 1"),
            ("ClientToken", Guid.NewGuid().ToString())];
        var first = await alice.CallAsync("CreateImageComponent", parameters);
        var clock = api.App.Services.GetRequiredService<SimulationClockService>();
        await clock.AdvanceAsync(ClientTokenService.Window.TotalSeconds - 60);
        var withinTheDay = await alice.CallAsync("CreateImageComponent", parameters);

        // Act
        await clock.AdvanceAsync(60);
        var aDayLater = await alice.CallAsync("CreateImageComponent", parameters);

        // Assert
        Assert.Equal(first["ImageComponentId"].GetString(), withinTheDay["ImageComponentId"].GetString());
        Assert.Equal(HttpStatusCode.OK, aDayLater.Status);
        Assert.NotEqual(first["ImageComponentId"].GetString(), aDayLater["ImageComponentId"].GetString());
    }

    /// <summary>Parameters with which <paramref name="action"/> succeeds for Alice, and one parameter changed.</summary>
    private async Task<((string Name, string Value)[] Parameters, (string Name, string Value) Other)> ValidAsync(EcsTestClient alice, string action)
    {
        (string, string) region = ("RegionId", Region);
        var unique = Guid.NewGuid().ToString("N")[..8];
        return action switch
        {
            "CreateImage" => ([region, ("InstanceId", await EcsApiImageTests.RunningInstanceAsync(alice)), ("ImageName", "token-image-" + unique)],
                ("ImageName", "other-" + unique)),
            "CopyImage" => ([region, ("ImageId", await AcmeBaseImageIdAsync()), ("DestinationRegionId", "cn-beijing"), ("DestinationImageName", "token-copy-" + unique)],
                ("DestinationImageName", "other-" + unique)),
            "ImportImage" => ([region, ("ImageName", "token-import-" + unique), ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"),
                ("DiskDeviceMapping.1.OSSObject", "imports/web-base.qcow2"), ("Platform", "Aliyun")], ("ImageName", "other-" + unique)),
            "CreateSnapshot" => ([("DiskId", await DataDiskIdAsync(alice)), ("SnapshotName", "token-snapshot-" + unique)], ("SnapshotName", "other-" + unique)),
            "RunInstances" => ([region, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"),
                ("InstanceName", "token-instance-" + unique), ("SystemDisk.Category", "cloud_essd")], ("InstanceName", "other-" + unique)),
            "CreateInstance" => ([region, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"),
                ("InstanceName", "token-created-" + unique)], ("InstanceName", "other-" + unique)),
            "DeleteInstances" => ([region, ("InstanceId.1", await NewStoppedInstanceIdAsync(alice))], ("Force", "true")),
            "ReplaceSystemDisk" => ([("InstanceId", await StoppedInstanceIdAsync()), ("ImageId", "ubuntu_22_04_x64_20G_alibase_20240130.vhd")],
                ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd")),
            "CreateImageComponent" => ([region, ("Name", "token-component-" + unique), ("SystemType", "Linux"), ("ComponentType", "Build"), ("Content", "RUN echo 1")],
                ("Name", "other-" + unique)),
            "CreateImagePipeline" => ([region, ("Name", "token-template-" + unique), ("BaseImageType", "IMAGE"), ("BaseImage", "ubuntu_22_04_x64_20G_alibase_20240130.vhd"),
                ("BuildContent", "RUN echo 1")], ("Name", "other-" + unique)),
            "StartImagePipelineExecution" => ([region, ("ImagePipelineId", await NewPipelineIdAsync(alice, unique))], ("Tag.1.Key", "other")),
            "CreateDisk" => ([region, ("ZoneId", "cn-hangzhou-h"), ("Size", "20"), ("DiskName", "token-disk-" + unique)], ("DiskName", "other-" + unique)),
            "CopySnapshot" => ([region, ("SnapshotId", await SeededSnapshotIdAsync("web-1-system-base")), ("DestinationRegionId", "cn-shanghai"),
                ("DestinationSnapshotName", "token-copy-" + unique)], ("DestinationSnapshotName", "other-" + unique)),
            "CreateSnapshotGroup" => ([region, ("InstanceId", await EcsApiImageTests.RunningInstanceAsync(alice)), ("Name", "token-group-" + unique)],
                ("Name", "other-" + unique)),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private async Task<string> SeededSnapshotIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Snapshots.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    private static async Task<string> NewPipelineIdAsync(EcsTestClient alice, string unique)
    {
        var created = await alice.CallAsync("CreateImagePipeline", ("RegionId", Region), ("Name", "token-run-" + unique), ("BaseImageType", "IMAGE"),
            ("BaseImage", "ubuntu_22_04_x64_20G_alibase_20240130.vhd"), ("BuildContent", "RUN echo 1"));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created["ImagePipelineId"].GetString()!;
    }

    private static async Task<string> DataDiskIdAsync(EcsTestClient alice)
    {
        var disks = await alice.CallAsync("DescribeDisks", ("RegionId", Region), ("DiskType", "data"));
        return disks["Disks"].GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
    }

    /// <summary>A new instance of Acme's, stopped (DeleteInstances releases it).</summary>
    private async Task<string> NewStoppedInstanceIdAsync(EcsTestClient alice)
    {
        var clock = api.App.Services.GetRequiredService<SimulationClockService>();
        var run = await alice.CallAsync("RunInstances", ("RegionId", Region), ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        var instanceId = run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
        await clock.CompleteTasksAsync();
        Assert.Equal(HttpStatusCode.OK, (await alice.CallAsync("StopInstance", ("InstanceId", instanceId))).Status);
        await clock.CompleteTasksAsync();
        return instanceId;
    }

    private async Task<string> StoppedInstanceIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Instances.Where(i => i.AccountId == DemoWorld.AcmeAccountId && i.Name == "db-1").Select(i => i.Id).SingleAsync();
    }

    private static string WithoutRequestId(EcsResponse response) =>
        string.Join(",", response.Body.EnumerateObject().Where(p => p.Name != "RequestId").Select(p => p.Name + "=" + p.Value.GetRawText()));

    /// <summary>
    /// How many of what the call made exist: the resources named as the call names them (a build in the background makes
    /// images and instances of its own), the pipeline's executions, the instance's system-disk replacements.
    /// </summary>
    private async Task<int> MadeAsync(string action, (string Name, string Value)[] parameters)
    {
        var named = parameters.ToDictionary(p => p.Name, p => p.Value);
        await using var db = await DbAsync();
        return action switch
        {
            "CreateImage" or "ImportImage" => await db.Images.CountAsync(i => i.Name == named["ImageName"]),
            "CopyImage" => await db.Images.CountAsync(i => i.Name == named["DestinationImageName"]),
            "CreateSnapshot" => await db.Snapshots.CountAsync(i => i.Name == named["SnapshotName"]),
            "RunInstances" or "CreateInstance" => await db.Instances.CountAsync(i => i.Name == named["InstanceName"]),
            "DeleteInstances" => await db.AuditEntries.CountAsync(e => e.Action == "DeleteInstance" && e.ResourceId == named["InstanceId.1"]),
            "CreateImageComponent" => await db.ImageComponents.CountAsync(i => i.Name == named["Name"]),
            "CreateImagePipeline" => await db.ImagePipelines.CountAsync(i => i.Name == named["Name"]),
            "StartImagePipelineExecution" => await db.ImagePipelineExecutions.CountAsync(e => e.PipelineId == named["ImagePipelineId"]),
            "ReplaceSystemDisk" => await db.AuditEntries.CountAsync(e => e.Action == action && e.ResourceId == named["InstanceId"]),
            "CreateDisk" => await db.Disks.CountAsync(d => d.Name == named["DiskName"]),
            "CopySnapshot" => await db.Snapshots.CountAsync(s => s.Name == named["DestinationSnapshotName"]),
            "CreateSnapshotGroup" => await db.SnapshotGroups.CountAsync(g => g.Name == named["Name"]),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private async Task<string> AcmeBaseImageIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Images.Where(i => i.Name == "acme-base-v1" && i.RegionId == Region).Select(i => i.Id).SingleAsync();
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
