using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Issue #21 part 1 for the instance actions (docs/rules/instance-parameters.md): RunInstances' and CreateInstance's
/// launch options are honoured — stored and shown by DescribeInstances, DescribeInstanceAttribute and DescribeDisks — or
/// refused with ECS's codes, and StopInstance's <c>StoppedMode</c> and <c>Hibernate</c> likewise.
/// </summary>
public sealed class EcsApiInstanceParameterTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string Zone = "cn-hangzhou-h";
    private const string PublicImage = "aliyun_3_x64_20G_alibase_20250101.vhd";
    private static readonly (string, string) InRegion = ("RegionId", Region);

    [Theory]
    [InlineData("UserData=not base64!", "InvalidUserData.Base64FormatInvalid", HttpStatusCode.BadRequest)]
    [InlineData("LaunchTemplateId=lt-nosuchtemplate", "InvalidLaunchTemplate.NotFound", HttpStatusCode.NotFound)]
    [InlineData("LaunchTemplateName=no-such-template", "InvalidLaunchTemplate.NotFound", HttpStatusCode.NotFound)]
    [InlineData("DeploymentSetId=ds-nosuchset", "InvalidDeploymentSetId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("DedicatedHostId=dh-nosuchhost", "InvalidDedicatedHostId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("HpcClusterId=hpc-nosuchcluster", "InvalidHpcClusterId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("RamRoleName=NoSuchRole", "InvalidRamRole.NotFound", HttpStatusCode.NotFound)]
    [InlineData("StorageSetId=ss-nosuchset", "InvalidStorageSetId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("PrivatePoolOptions.Id=eap-nosuchpool", "InvalidPrivatePoolOptions.NotFound", HttpStatusCode.NotFound)]
    [InlineData("SchedulerOptions.DedicatedHostClusterId=dc-nosuchcluster", "InvalidDedicatedHostClusterId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("ManagedHostId=mh-nosuchhost", "InvalidManagedHostId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("Ipv6AddressCount=1", "InvalidVSwitch.Ipv6NotTurnOn", HttpStatusCode.BadRequest)]
    [InlineData("Ipv6Address.1=2408:4005:300::1", "InvalidVSwitch.Ipv6NotTurnOn", HttpStatusCode.BadRequest)]
    [InlineData("PrivatePoolOptions.MatchCriteria=Target", "MissingParameter", HttpStatusCode.BadRequest)]
    [InlineData("PrivatePoolOptions.MatchCriteria=Anything", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("InternetChargeType=PayByHour", "InvalidInternetChargeType.ValueNotSupported", HttpStatusCode.BadRequest)]
    [InlineData("InternetMaxBandwidthOut=101", "InvalidInternetMaxBandwidthOut.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("InternetMaxBandwidthIn=0", "InvalidInternetMaxBandwidthIn.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("SpotStrategy=Cheapest", "InvalidSpotStrategy", HttpStatusCode.BadRequest)]
    [InlineData("SpotStrategy=SpotWithPriceLimit", "InvalidSpotPriceLimit", HttpStatusCode.BadRequest)]
    [InlineData("SpotStrategy=SpotWithPriceLimit&SpotPriceLimit=-1", "InvalidSpotPriceLimit", HttpStatusCode.BadRequest)]
    [InlineData("SpotStrategy=SpotAsPriceGo&InstanceChargeType=PrePaid&Period=1", "InvalidSpotPrepaid", HttpStatusCode.BadRequest)]
    [InlineData("SpotDuration=7", "InvalidSpotDuration", HttpStatusCode.BadRequest)]
    [InlineData("SpotInterruptionBehavior=Hibernate", "InvalidSpotInterruptionBehavior", HttpStatusCode.BadRequest)]
    [InlineData("HttpEndpoint=on", "InvalidHttpEndpoint.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("HttpTokens=always", "InvalidHttpTokens.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("HttpPutResponseHopLimit=65", "InvalidHttpPutResponseHopLimit.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("IoOptimized=none", "InvalidIoOptimizedValue.ValueNotSupported", HttpStatusCode.BadRequest)]
    [InlineData("PasswordInherit=true&Password=Passw0rd!23", "InvalidParameter.Conflict", HttpStatusCode.BadRequest)]
    [InlineData("PrivateIpAddress=172.16.300.1", "InvalidPrivateIpAddress.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("PrivateIpAddress=172.16.0.10", "MissingParameter", HttpStatusCode.BadRequest)]
    [InlineData("SystemDisk.DiskName=-starts-with-a-hyphen", "InvalidDiskName.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("SystemDisk.Description=http://example.com", "InvalidDescription.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("SystemDisk.PerformanceLevel=PL9", "InvalidPerformanceLevel.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("SystemDisk.PerformanceLevel=PL3", "OperationDenied.PerformanceLevelNotMatch", HttpStatusCode.Forbidden)]
    [InlineData("SystemDisk.KMSKeyId=key-nosuchkey", "InvalidParameter.EncryptedIllegal", HttpStatusCode.BadRequest)]
    [InlineData("SystemDisk.Encrypted=true&SystemDisk.KMSKeyId=key-nosuchkey", "InvalidParameter.KMSKeyId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("SystemDisk.AutoSnapshotPolicyId=sp-nosuchpolicy", "ParameterInvalid", HttpStatusCode.NotFound)]
    [InlineData("AutoReleaseTime=tomorrow", "InvalidAutoReleaseTime.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("AutoReleaseTime=2020-01-01T00:00:00Z", "InvalidAutoReleaseTime.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("AutoReleaseTime=2126-01-01T00:00:00Z", "InvalidAutoReleaseTime.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("HostNames.1=one-host&HostNames.2=two-hosts", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("HostNames.1=-bad-host", "InvalidHostName.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("MinAmount=2", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("Tag.1.Key=acs:reserved&Tag.1.Value=x", "InvalidTagKey.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("SystemDisk.StorageClusterId=dbsc-nosuchcluster", "InvalidStorageClusterId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("Tenancy=host", "OperationDenied.NoDedicatedHost", HttpStatusCode.Forbidden)]
    [InlineData("Affinity=host", "OperationDenied.NoDedicatedHost", HttpStatusCode.Forbidden)]
    [InlineData("Tenancy=shared", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("HibernationOptions.Configured=true", "InvalidHibernationOptions.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("PeriodUnit=Week&InstanceChargeType=PrePaid&Period=1", "InvalidPeriodUnit.ValueNotSupported", HttpStatusCode.BadRequest)]
    [InlineData("PeriodUnit=Year&InstanceChargeType=PrePaid&Period=1", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("AutoPay=false&InstanceChargeType=PrePaid&Period=1", "InvalidParameter.AutoPay", HttpStatusCode.BadRequest)]
    [InlineData("NetworkInterface.1.VSwitchId=vsw-another", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("CpuOptions.ThreadsPerCore=3", "InvalidCpuOptions.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("CpuOptions.Core=2&CpuOptions.ThreadsPerCore=2", "InvalidCpuOptions.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("CpuOptions.TopologyType=Random", "InvalidCpuOptions.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("CreditSpecification=Unlimited", "InvalidCreditSpecification.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("CreditSpecification=Boundless&InstanceType=ecs.t6-c1m1.large", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("PrivateDnsNameOptions.HostnameType=Random", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("ClockOptions.PtpStatus=on", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("AutoRenew=true&AutoRenewPeriod=5&InstanceChargeType=PrePaid&Period=1", "InvalidAutoRenewPeriod.ValueNotSupported", HttpStatusCode.BadRequest)]
    public async Task RunInstances_RefusesALaunchOption_OutsideItsRules_WithEcsCode(string parameters, string code, HttpStatusCode status)
    {
        // Act
        var refused = await api.Alice().CallAsync("RunInstances", Order(Parse(parameters)));

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task RunInstances_RefusesUserData_LargerThan32KB()
    {
        // Arrange
        var userData = Convert.ToBase64String(new byte[(32 * 1024) + 1]);

        // Act
        var refused = await api.Alice().CallAsync("RunInstances", Order(("UserData", userData)));

        // Assert
        Assert.Equal(("InvalidUserData.SizeExceeded", HttpStatusCode.BadRequest), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task RunInstances_RefusesAPrivateAddress_OutsideTheVSwitch_OrTakenAlready()
    {
        // Arrange
        var (vSwitchId, cidr) = await VSwitchAsync();
        var prefix = cidr[..cidr.LastIndexOf('.', cidr.IndexOf('/', StringComparison.Ordinal))];
        var address = $"{prefix}.{Random.Shared.Next(10, 250)}";
        await new SeededWorldCalls(api).RaiseQuotasAsync();

        // Act
        var outside = await api.Alice().CallAsync("RunInstances", Order(("VSwitchId", vSwitchId), ("PrivateIpAddress", "10.0.0.5")));
        var placed = await api.Alice().CallAsync("RunInstances", Order(("VSwitchId", vSwitchId), ("PrivateIpAddress", address)));
        var again = await api.Alice().CallAsync("RunInstances", Order(("VSwitchId", vSwitchId), ("PrivateIpAddress", address)));
        var several = await api.Alice().CallAsync("RunInstances", Order(("VSwitchId", vSwitchId), ("PrivateIpAddress", address), ("Amount", "2")));

        // Assert
        Assert.Equal(("InvalidPrivateIpAddress", HttpStatusCode.BadRequest), (outside.Code, outside.Status));
        Assert.True(placed.Status == HttpStatusCode.OK, placed.ToString());
        var instance = await DescribeAsync(IdsOf(placed)[0]);
        Assert.Equal(address, instance.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString());
        Assert.Equal(("InvalidPrivateIpAddress.Duplicated", HttpStatusCode.BadRequest), (again.Code, again.Status));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (several.Code, several.Status));
    }

    [Fact]
    public async Task RunInstances_HonoursTheLaunchOptions_AsDescribeInstancesShowsThem()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var releaseAt = Now().AddDays(2);
        var userData = Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/sh\necho hello"));

        // Act
        var run = await api.Alice().CallAsync("RunInstances", Order(
            ("Amount", "2"), ("HostName", "web-host"), ("UniqueSuffix", "true"), ("Description", "launched with options"), ("DeletionProtection", "true"),
            ("UserData", userData), ("Tag.1.Key", "team"), ("Tag.1.Value", "web"), ("AutoReleaseTime", ApiTimeText(releaseAt)),
            ("InternetChargeType", "PayByBandwidth"), ("InternetMaxBandwidthOut", "10"), ("InternetMaxBandwidthIn", "50"),
            ("SpotStrategy", "SpotWithPriceLimit"), ("SpotPriceLimit", "0.5"), ("SpotDuration", "1"), ("SpotInterruptionBehavior", "Stop"),
            ("HttpEndpoint", "enabled"), ("HttpTokens", "required"), ("HttpPutResponseHopLimit", "3"), ("IoOptimized", "optimized"),
            ("PrivatePoolOptions.MatchCriteria", "Open")));
        var ids = IdsOf(run);
        var first = await DescribeAsync(ids[0]);
        var second = await DescribeAsync(ids[1]);
        var tagged = await api.Alice().CallAsync("DescribeInstances", InRegion, ("InstanceIds", JsonSerializer.Serialize(ids)), ("Tag.1.Key", "team"), ("Tag.1.Value", "web"));
        var otherTag = await api.Alice().CallAsync("DescribeInstances", InRegion, ("InstanceIds", JsonSerializer.Serialize(ids)), ("Tag.1.Key", "team"), ("Tag.1.Value", "db"));
        var released = await api.Alice().CallAsync("DeleteInstance", ("InstanceId", ids[0]), ("Force", "true"));

        // Assert
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        Assert.Equal(("web-host001", "web-host002"), (first.GetProperty("HostName").GetString(), second.GetProperty("HostName").GetString()));
        Assert.Equal("launched with options", first.GetProperty("Description").GetString());
        Assert.True(first.GetProperty("DeletionProtection").GetBoolean());
        Assert.Equal(("InvalidOperation.DeletionProtection", HttpStatusCode.Forbidden), (released.Code, released.Status));
        var tag = first.GetProperty("Tags").GetProperty("Tag")[0];
        Assert.Equal(("team", "web"), (tag.GetProperty("TagKey").GetString(), tag.GetProperty("TagValue").GetString()));
        Assert.Equal(2, tagged["Instances"].GetProperty("Instance").GetArrayLength());
        Assert.Equal(0, otherTag["Instances"].GetProperty("Instance").GetArrayLength());
        Assert.Equal(ApiTimeText(releaseAt), first.GetProperty("AutoReleaseTime").GetString());
        Assert.Equal(("PayByBandwidth", 10, 50), (first.GetProperty("InternetChargeType").GetString(),
            first.GetProperty("InternetMaxBandwidthOut").GetInt32(), first.GetProperty("InternetMaxBandwidthIn").GetInt32()));
        Assert.Equal(("SpotWithPriceLimit", 0.5, 1, "Stop"), (first.GetProperty("SpotStrategy").GetString(), first.GetProperty("SpotPriceLimit").GetDouble(),
            first.GetProperty("SpotDuration").GetInt32(), first.GetProperty("SpotInterruptionBehavior").GetString()));
        var metadata = first.GetProperty("MetadataOptions");
        Assert.Equal(("enabled", "required", 3), (metadata.GetProperty("HttpEndpoint").GetString(), metadata.GetProperty("HttpTokens").GetString(),
            metadata.GetProperty("HttpPutResponseHopLimit").GetInt32()));
    }

    [Fact]
    public async Task RunInstances_GivesEachInstanceItsHostName_FromHostNames()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();

        // Act
        var run = await api.Alice().CallAsync("RunInstances", Order(("Amount", "2"), ("HostNames.1", "alpha-host"), ("HostNames.2", "beta-host")));
        var ids = IdsOf(run);

        // Assert
        Assert.Equal("alpha-host", (await DescribeAsync(ids[0])).GetProperty("HostName").GetString());
        Assert.Equal("beta-host", (await DescribeAsync(ids[1])).GetProperty("HostName").GetString());
    }

    [Fact]
    public async Task RunInstances_MakesTheSystemDisk_WithItsNameDescriptionLevelEncryptionAndPolicy()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var policy = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", ("regionId", Region), ("autoSnapshotPolicyName", "launch-policy"),
            ("timePoints", "[\"2\"]"), ("repeatWeekdays", "[\"1\"]"), ("retentionDays", "7"));
        var policyId = policy["AutoSnapshotPolicyId"].GetString()!;

        // Act
        var run = await api.Alice().CallAsync("RunInstances", Order(("SystemDisk.DiskName", "launch-system"), ("SystemDisk.Description", "the system disk"),
            ("SystemDisk.PerformanceLevel", "PL0"), ("SystemDisk.Encrypted", "true"), ("SystemDisk.AutoSnapshotPolicyId", policyId)));
        var disks = await api.Alice().CallAsync("DescribeDisks", InRegion, ("InstanceId", IdsOf(run)[0]), ("DiskType", "system"));

        // Assert
        var disk = disks["Disks"].GetProperty("Disk")[0];
        Assert.Equal(("launch-system", "the system disk", "PL0"), (disk.GetProperty("DiskName").GetString(), disk.GetProperty("Description").GetString(),
            disk.GetProperty("PerformanceLevel").GetString()));
        Assert.True(disk.GetProperty("Encrypted").GetBoolean());
        Assert.Equal(policyId, disk.GetProperty("AutoSnapshotPolicyId").GetString());
    }

    [Fact]
    public async Task CreateInstance_HonoursItsLaunchOptions_AsDescribeInstanceAttributeShowsThem()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();

        // Act
        var created = await api.Alice().CallAsync("CreateInstance", InRegion, ("ZoneId", Zone), ("InstanceType", "ecs.g7.large"), ("ImageId", PublicImage),
            ("UserData", Convert.ToBase64String(Encoding.UTF8.GetBytes("echo created"))), ("Tag.1.Key", "made-by"), ("Tag.1.Value", "create"),
            ("InternetChargeType", "PayByBandwidth"), ("InternetMaxBandwidthOut", "5"), ("HttpTokens", "required"));
        var refused = await api.Alice().CallAsync("CreateInstance", InRegion, ("ZoneId", Zone), ("InstanceType", "ecs.g7.large"), ("ImageId", PublicImage),
            ("DedicatedHostId", "dh-nosuchhost"));
        var instanceId = created["InstanceId"].GetString()!;
        var attribute = await api.Alice().CallAsync("DescribeInstanceAttribute", ("InstanceId", instanceId));
        var described = await DescribeAsync(instanceId);

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        Assert.Equal(("PayByBandwidth", 5), (attribute["InternetChargeType"].GetString(), attribute["InternetMaxBandwidthOut"].GetInt32()));
        Assert.Equal("made-by", described.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagKey").GetString());
        Assert.Equal("required", described.GetProperty("MetadataOptions").GetProperty("HttpTokens").GetString());
        Assert.Equal(("InvalidDedicatedHostId.NotFound", HttpStatusCode.NotFound), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task StopInstance_InEconomicalMode_ShowsStopCharging_UntilTheNextStopKeepsCharging()
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();

        // Act
        var stopped = await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId), ("StoppedMode", "StopCharging"));
        await CompleteTasksAsync();
        var economical = await DescribeAsync(instanceId);
        var attribute = await api.Alice().CallAsync("DescribeInstanceAttribute", ("InstanceId", instanceId));
        await api.Alice().CallAsync("StartInstance", ("InstanceId", instanceId));
        await CompleteTasksAsync();
        await api.Alice().CallAsync("StopInstances", InRegion, ("InstanceId.1", instanceId));
        await CompleteTasksAsync();
        var keeping = await DescribeAsync(instanceId);

        // Assert
        Assert.True(stopped.Status == HttpStatusCode.OK, stopped.ToString());
        Assert.Equal("StopCharging", economical.GetProperty("StoppedMode").GetString());
        Assert.Equal("StopCharging", attribute["StoppedMode"].GetString());
        Assert.Equal("KeepCharging", keeping.GetProperty("StoppedMode").GetString());
    }

    [Fact]
    public async Task StopInstances_InEconomicalMode_ShowsStopCharging()
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();

        // Act
        var stopped = await api.Alice().CallAsync("StopInstances", InRegion, ("InstanceId.1", instanceId), ("StoppedMode", "StopCharging"));
        await CompleteTasksAsync();

        // Assert
        Assert.True(stopped.Status == HttpStatusCode.OK, stopped.ToString());
        Assert.Equal("StopCharging", (await DescribeAsync(instanceId)).GetProperty("StoppedMode").GetString());
    }

    [Theory]
    [InlineData("StoppedMode", "Sleep", "InvalidParameter.StoppedMode")]
    [InlineData("Hibernate", "true", "InvalidParameter.Hibernate")]
    public async Task StopInstance_RefusesAModeItCannotStopIn(string name, string value, string code)
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();

        // Act
        var refused = await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId), (name, value));

        // Assert
        Assert.Equal((code, HttpStatusCode.BadRequest), (refused.Code, refused.Status));
        Assert.Equal("Running", (await DescribeAsync(instanceId)).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task RunInstances_WithMinAmount_MakesAsManyAsTheInstanceQuotaLeaves_ButNoFewer()
    {
        // Arrange: room for one more instance in the region
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        await using var db = await api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
        var quota = await db.Quotas.SingleAsync(q => q.AccountId == EcsConsole.Domain.Seeding.DemoWorld.AcmeAccountId && q.RegionId == Region
            && q.Name == EcsConsole.Domain.Quotas.QuotaCatalogue.InstanceCount);
        var raised = quota.Limit;
        quota.Limit = await db.Instances.CountAsync(i => i.AccountId == EcsConsole.Domain.Seeding.DemoWorld.AcmeAccountId && i.RegionId == Region) + 1;
        await db.SaveChangesAsync();
        try
        {
            // Act
            var tooMany = await api.Alice().CallAsync("RunInstances", Order(("Amount", "3"), ("MinAmount", "2")));
            var asManyAsFit = await api.Alice().CallAsync("RunInstances", Order(("Amount", "3"), ("MinAmount", "1")));

            // Assert
            Assert.Equal(("QuotaExceed.ElasticQuota", HttpStatusCode.Forbidden), (tooMany.Code, tooMany.Status));
            Assert.Single(IdsOf(asManyAsFit));
        }
        finally
        {
            quota.Limit = raised;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task ModifyInstanceAttribute_ChangesTheUserData_OnlyWhileTheInstanceIsStopped()
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();
        var userData = Convert.ToBase64String(Encoding.UTF8.GetBytes("echo modified"));

        // Act
        var whileRunning = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("UserData", userData));
        await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId));
        await CompleteTasksAsync();
        var malformed = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("UserData", "not base64!"));
        var modified = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("UserData", userData));

        // Assert
        Assert.Equal(("IncorrectInstanceStatus", HttpStatusCode.BadRequest), (whileRunning.Code, whileRunning.Status));
        Assert.Equal(("InvalidUserData.Base64FormatInvalid", HttpStatusCode.BadRequest), (malformed.Code, malformed.Status));
        Assert.True(modified.Status == HttpStatusCode.OK, modified.ToString());
        await using var db = await api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(userData, await db.Instances.Where(i => i.Id == instanceId).Select(i => i.UserData).SingleAsync());
    }

    [Fact]
    public async Task StopInstance_WithForceStop_IsStoppedAtOnce_WhileANormalStopPassesThroughStopping()
    {
        // Arrange
        var forced = await RunningInstanceAsync();
        var normal = await RunningInstanceAsync();
        var forcedInBatch = await RunningInstanceAsync();

        // Act
        var stoppedNormally = await api.Alice().CallAsync("StopInstance", ("InstanceId", normal), ("ForceStop", "false"));
        var normalAfterwards = await StatusAsync(normal);
        var stoppedForcibly = await api.Alice().CallAsync("StopInstance", ("InstanceId", forced), ("ForceStop", "true"));
        var batch = await api.Alice().CallAsync("StopInstances", InRegion, ("InstanceId.1", forcedInBatch), ("ForceStop", "true"));

        // Assert
        Assert.True(stoppedForcibly.Status == HttpStatusCode.OK, stoppedForcibly.ToString());
        Assert.True(stoppedNormally.Status == HttpStatusCode.OK, stoppedNormally.ToString());
        Assert.True(batch.Status == HttpStatusCode.OK, batch.ToString());
        Assert.Equal(("Stopped", "Stopping", "Stopped"), (await StatusAsync(forced), normalAfterwards, await StatusAsync(forcedInBatch)));
    }

    [Fact]
    public async Task RebootInstance_Normally_PassesThroughStopping_WhileAForcedRebootGoesStraightToStarting()
    {
        // Arrange
        var normal = await RunningInstanceAsync();
        var forced = await RunningInstanceAsync();

        // Act
        await api.Alice().CallAsync("RebootInstance", ("InstanceId", normal));
        var normalDuring = await StatusAsync(normal);
        var forcedReboot = await api.Alice().CallAsync("RebootInstance", ("InstanceId", forced), ("ForceStop", "true"));
        var during = (normalDuring, await StatusAsync(forced));
        await CompleteTasksAsync();

        // Assert
        Assert.True(forcedReboot.Status == HttpStatusCode.OK, forcedReboot.ToString());
        Assert.Equal(("Stopping", "Starting"), during);
        Assert.Equal(("Running", "Running"), (await StatusAsync(normal), await StatusAsync(forced)));
    }

    [Fact]
    public async Task DeleteInstance_ForcedWithoutForceStop_StopsTheInstanceFirst_ThenReleasesIt()
    {
        // Arrange
        var stoppedFirst = await RunningInstanceAsync();
        var atOnce = await RunningInstanceAsync();
        var batched = await RunningInstanceAsync();

        // Act
        var released = await api.Alice().CallAsync("DeleteInstance", ("InstanceId", stoppedFirst), ("Force", "true"), ("ForceStop", "false"));
        var whileStopping = await StatusAsync(stoppedFirst);
        await api.Alice().CallAsync("DeleteInstance", ("InstanceId", atOnce), ("Force", "true"), ("ForceStop", "true"));
        await api.Alice().CallAsync("DeleteInstances", InRegion, ("InstanceId.1", batched), ("Force", "true"), ("ForceStop", "false"));
        var batchedWhileStopping = await StatusAsync(batched);
        var atOnceGone = await CountAsync(atOnce);
        await CompleteTasksAsync();

        // Assert
        Assert.True(released.Status == HttpStatusCode.OK, released.ToString());
        Assert.Equal(("Stopping", "Stopping", 0), (whileStopping, batchedWhileStopping, atOnceGone));
        Assert.Equal((0, 0), (await CountAsync(stoppedFirst), await CountAsync(batched)));
    }

    [Fact]
    public async Task DeleteInstance_OfAnExpiredSubscription_NeedsTerminateSubscription()
    {
        // Arrange: two one-month subscriptions, stopped, then the clock past their expiry
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var single = IdsOf(await api.Alice().CallAsync("RunInstances", Order(("InstanceChargeType", "PrePaid"), ("Period", "1"), ("PeriodUnit", "Month"))))[0];
        var batched = IdsOf(await api.Alice().CallAsync("RunInstances", Order(("InstanceChargeType", "PrePaid"), ("Period", "1"), ("PeriodUnit", "Month"))))[0];
        await CompleteTasksAsync();
        var beforeExpiry = await api.Alice().CallAsync("DeleteInstance", ("InstanceId", single), ("Force", "true"), ("TerminateSubscription", "true"));
        await api.App.Services.GetRequiredService<SimulationClockService>().AdvanceAsync(32 * 24 * 3600);

        // Act
        var without = await api.Alice().CallAsync("DeleteInstance", ("InstanceId", single), ("Force", "true"));
        var batchWithout = await api.Alice().CallAsync("DeleteInstances", InRegion, ("InstanceId.1", batched), ("Force", "true"));
        var with = await api.Alice().CallAsync("DeleteInstance", ("InstanceId", single), ("Force", "true"), ("TerminateSubscription", "true"));
        var batchWith = await api.Alice().CallAsync("DeleteInstances", InRegion, ("InstanceId.1", batched), ("Force", "true"), ("TerminateSubscription", "true"));

        // Assert
        Assert.Equal(("ChargeTypeViolation", HttpStatusCode.Forbidden), (beforeExpiry.Code, beforeExpiry.Status));
        Assert.Equal(("ChargeTypeViolation", HttpStatusCode.Forbidden), (without.Code, without.Status));
        Assert.Equal(("ChargeTypeViolation", HttpStatusCode.Forbidden), (batchWithout.Code, batchWithout.Status));
        Assert.True(with.Status == HttpStatusCode.OK, with.ToString());
        Assert.True(batchWith.Status == HttpStatusCode.OK, batchWith.ToString());
        Assert.Equal((0, 0), (await CountAsync(single), await CountAsync(batched)));
    }

    [Fact]
    public async Task AnInstance_IsReleasedByTheSimulatedClock_WhenItsAutoReleaseTimeComes()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var releaseAt = Now().AddHours(1);
        var instanceId = IdsOf(await api.Alice().CallAsync("RunInstances", Order(("AutoReleaseTime", ApiTimeText(releaseAt)))))[0];
        await CompleteTasksAsync();
        var clock = api.App.Services.GetRequiredService<SimulationClockService>();

        // Act
        await clock.AdvanceAsync(30 * 60);
        var halfWay = await CountAsync(instanceId);
        await clock.AdvanceAsync(31 * 60);

        // Assert
        Assert.Equal((1, 0), (halfWay, await CountAsync(instanceId)));
    }

    [Fact]
    public async Task DescribeInstances_AnswersTheMetadataOptions_ThePrimaryInterfaceAddresses_AndTheSaleCycle_OnlyWhenAsked()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var instanceId = IdsOf(await api.Alice().CallAsync("RunInstances", Order(("InstanceChargeType", "PrePaid"), ("Period", "1"), ("HttpTokens", "required"))))[0];
        var ids = ("InstanceIds", $"[\"{instanceId}\"]");

        // Act
        var plain = (await api.Alice().CallAsync("DescribeInstances", InRegion, ids))["Instances"].GetProperty("Instance")[0];
        var asked = (await api.Alice().CallAsync("DescribeInstances", InRegion, ids, ("AdditionalAttributes.1", "META_OPTIONS"),
            ("AdditionalAttributes.2", "NETWORK_PRIMARY_ENI_IP"), ("AdditionalAttributes.3", "DDH_CLUSTER"), ("NeedSaleCycle", "true")))["Instances"].GetProperty("Instance")[0];
        var unknown = await api.Alice().CallAsync("DescribeInstances", InRegion, ids, ("AdditionalAttributes.1", "EVERYTHING"));

        // Assert
        static (string?, int, string?) Extras(JsonElement instance) => (instance.GetProperty("MetadataOptions").GetProperty("HttpTokens").GetString(),
            instance.GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").GetArrayLength(),
            instance.GetProperty("SaleCycle").GetString());
        Assert.Equal(("", 0, ""), Extras(plain));
        Assert.Equal(("required", 1, "Month"), Extras(asked));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (unknown.Code, unknown.Status));
    }

    [Fact]
    public async Task ReplaceSystemDisk_HonoursEncryptedAndPasswordInherit_AndRefusesAnotherDiskOrAKmsKey()
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();
        await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId), ("ForceStop", "true"));
        (string, string)[] replace = [("InstanceId", instanceId), ("ImageId", PublicImage)];

        // Act
        var otherDisk = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("DiskId", "d-nosuchdisk")]);
        var kmsKey = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("Encrypted", "true"), ("KMSKeyId", "key-nosuchkey")]);
        var conflict = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("PasswordInherit", "true"), ("Password", "Passw0rd!23")]);
        var systemDiskId = (await api.Alice().CallAsync("DescribeDisks", InRegion, ("InstanceId", instanceId), ("DiskType", "system")))["Disks"]
            .GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
        var replaced = await api.Alice().CallAsync("ReplaceSystemDisk", [.. replace, ("DiskId", systemDiskId), ("Encrypted", "true"), ("PasswordInherit", "true")]);
        var disk = (await api.Alice().CallAsync("DescribeDisks", InRegion, ("InstanceId", instanceId), ("DiskType", "system")))["Disks"].GetProperty("Disk")[0];

        // Assert
        Assert.Equal(("InvalidDiskId.NotFound", HttpStatusCode.NotFound), (otherDisk.Code, otherDisk.Status));
        Assert.Equal(("InvalidParameter.KMSKeyId.NotFound", HttpStatusCode.NotFound), (kmsKey.Code, kmsKey.Status));
        Assert.Equal(("InvalidParameter.Conflict", HttpStatusCode.BadRequest), (conflict.Code, conflict.Status));
        Assert.True(replaced.Status == HttpStatusCode.OK, replaced.ToString());
        Assert.True(disk.GetProperty("Encrypted").GetBoolean());
    }

    [Fact]
    public async Task RunInstances_HonoursTheCpuDnsClockAndSecurityOptions_AsDescribeInstancesShowsThem()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();

        // Act
        var run = await api.Alice().CallAsync("RunInstances", Order(("CpuOptions.Core", "1"), ("CpuOptions.ThreadsPerCore", "1"),
            ("CpuOptions.TopologyType", "DiscreteCoreToHyperThread"), ("CpuOptions.NestedVirtualization", "Enabled"),
            ("PrivateDnsNameOptions.HostnameType", "IpBased"), ("PrivateDnsNameOptions.EnableIpDnsARecord", "true"), ("ClockOptions.PtpStatus", "enabled"),
            ("SecurityOptions.EnableSecureBoot", "true"), ("ImageOptions.LoginAsNonRoot", "true"), ("NetworkOptions.EnableJumboFrame", "true"),
            ("NetworkOptions.BandwidthWeighting", "Vpc-L1")));
        var instanceId = IdsOf(run)[0];
        var described = await DescribeAsync(instanceId);
        var attribute = await api.Alice().CallAsync("DescribeInstanceAttribute", ("InstanceId", instanceId));
        var burstable = await api.Alice().CallAsync("RunInstances", Order(("InstanceType", "ecs.t6-c1m1.large"), ("CreditSpecification", "Unlimited")));

        // Assert
        var cpu = described.GetProperty("CpuOptions");
        Assert.Equal((1, 1, "DiscreteCoreToHyperThread", "Enabled"), (cpu.GetProperty("CoreCount").GetInt32(), cpu.GetProperty("ThreadsPerCore").GetInt32(),
            cpu.GetProperty("TopologyType").GetString(), cpu.GetProperty("NestedVirtualization").GetString()));
        var dns = described.GetProperty("PrivateDnsNameOptions");
        Assert.Equal(("IpBased", true), (dns.GetProperty("HostnameType").GetString(), dns.GetProperty("EnableIpDnsARecord").GetBoolean()));
        Assert.Equal("enabled", described.GetProperty("ClockOptions").GetProperty("PtpStatus").GetString());
        Assert.True(described.GetProperty("SecurityOptions").GetProperty("EnableSecureBoot").GetBoolean());
        Assert.True(described.GetProperty("ImageOptions").GetProperty("LoginAsNonRoot").GetBoolean());
        Assert.Equal(("Vpc-L1", true), (attribute["NetworkOptions"].GetProperty("BandwidthWeighting").GetString(), attribute["EnableJumboFrame"].GetBoolean()));
        Assert.Equal("Unlimited", (await DescribeAsync(IdsOf(burstable)[0])).GetProperty("CreditSpecification").GetString());
    }

    [Fact]
    public async Task ModifyInstanceAttribute_ChangesTheCpuOptionsWhileStopped_AndTheDnsAndNetworkOptions()
    {
        // Arrange
        var instanceId = await RunningInstanceAsync();

        // Act
        var whileRunning = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("CpuOptions.ThreadsPerCore", "1"));
        var dns = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("PrivateDnsNameOptions.HostnameType", "InstanceIdBased"),
            ("EnableNetworkEncryption", "true"), ("Recyclable", "true"));
        var credit = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("CreditSpecification", "Standard"));
        await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId), ("ForceStop", "true"));
        var stopped = await api.Alice().CallAsync("ModifyInstanceAttribute", ("InstanceId", instanceId), ("CpuOptions.ThreadsPerCore", "1"));
        var described = await DescribeAsync(instanceId);
        var attribute = await api.Alice().CallAsync("DescribeInstanceAttribute", ("InstanceId", instanceId));

        // Assert
        Assert.Equal(("IncorrectInstanceStatus", HttpStatusCode.BadRequest), (whileRunning.Code, whileRunning.Status));
        Assert.True(dns.Status == HttpStatusCode.OK, dns.ToString());
        Assert.Equal(("InvalidCreditSpecification.NotSupported", HttpStatusCode.BadRequest), (credit.Code, credit.Status));
        Assert.True(stopped.Status == HttpStatusCode.OK, stopped.ToString());
        Assert.Equal(1, described.GetProperty("CpuOptions").GetProperty("ThreadsPerCore").GetInt32());
        Assert.Equal("InstanceIdBased", described.GetProperty("PrivateDnsNameOptions").GetProperty("HostnameType").GetString());
        Assert.True(described.GetProperty("Recyclable").GetBoolean());
        Assert.True(attribute["EnableNetworkEncryption"].GetBoolean());
    }

    [Fact]
    public async Task ASubscriptionWithAutoRenew_IsRenewedByTheSimulatedClock_WhenItExpires()
    {
        // Arrange
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var renewing = IdsOf(await api.Alice().CallAsync("RunInstances", Order(("InstanceChargeType", "PrePaid"), ("Period", "1"), ("PeriodUnit", "Month"),
            ("AutoRenew", "true"), ("AutoRenewPeriod", "3"))))[0];
        var expiring = IdsOf(await api.Alice().CallAsync("RunInstances", Order(("InstanceChargeType", "PrePaid"), ("Period", "1"))))[0];
        await CompleteTasksAsync();
        var expiredTime = DateTimeOffset.Parse((await DescribeAsync(renewing)).GetProperty("ExpiredTime").GetString()!, CultureInfo.InvariantCulture);

        // Act
        await api.App.Services.GetRequiredService<SimulationClockService>().AdvanceAsync(32 * 24 * 3600);
        var renewed = DateTimeOffset.Parse((await DescribeAsync(renewing)).GetProperty("ExpiredTime").GetString()!, CultureInfo.InvariantCulture);
        var release = await api.Alice().CallAsync("DeleteInstance", ("InstanceId", renewing), ("Force", "true"), ("TerminateSubscription", "true"));
        var releaseExpired = await api.Alice().CallAsync("DeleteInstance", ("InstanceId", expiring), ("Force", "true"), ("TerminateSubscription", "true"));

        // Assert
        Assert.Equal(expiredTime.AddMonths(3), renewed);
        Assert.Equal(("ChargeTypeViolation", HttpStatusCode.Forbidden), (release.Code, release.Status));
        Assert.True(releaseExpired.Status == HttpStatusCode.OK, releaseExpired.ToString());
    }

    private static (string, string)[] Parse(string parameters) =>
        [.. parameters.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (kv[0], kv[1]))];

    private static Dictionary<string, string> Order(params (string Name, string Value)[] extra)
    {
        var all = new Dictionary<string, string>
        {
            ["RegionId"] = Region, ["ZoneId"] = Zone, ["InstanceType"] = "ecs.g7.large", ["ImageId"] = PublicImage, ["SystemDisk.Category"] = "cloud_essd",
        };
        foreach (var (name, value) in extra)
        {
            all[name] = value;
        }

        return all;
    }

    private static string ApiTimeText(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static List<string> IdsOf(EcsResponse run)
    {
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        return [.. run["InstanceIdSets"].GetProperty("InstanceIdSet").EnumerateArray().Select(i => i.GetString()!)];
    }

    private async Task<JsonElement> DescribeAsync(string instanceId)
    {
        var listed = await api.Alice().CallAsync("DescribeInstances", InRegion, ("InstanceIds", $"[\"{instanceId}\"]"), ("AdditionalAttributes.1", "META_OPTIONS"));
        return listed["Instances"].GetProperty("Instance")[0];
    }

    private async Task<string> StatusAsync(string instanceId) => (await DescribeAsync(instanceId)).GetProperty("Status").GetString()!;

    private async Task<int> CountAsync(string instanceId)
    {
        var listed = await api.Alice().CallAsync("DescribeInstances", InRegion, ("InstanceIds", $"[\"{instanceId}\"]"));
        return listed["Instances"].GetProperty("Instance").GetArrayLength();
    }

    private async Task<(string Id, string Cidr)> VSwitchAsync()
    {
        var listed = await api.Alice().CallAsync("DescribeVSwitches", InRegion, ("ZoneId", Zone));
        var vSwitch = listed["VSwitches"].GetProperty("VSwitch")[0];
        return (vSwitch.GetProperty("VSwitchId").GetString()!, vSwitch.GetProperty("CidrBlock").GetString()!);
    }

    private async Task<string> RunningInstanceAsync()
    {
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var run = await api.Alice().CallAsync("RunInstances", Order());
        var instanceId = IdsOf(run)[0];
        await CompleteTasksAsync();
        return instanceId;
    }

    private DateTimeOffset Now() => api.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private Task CompleteTasksAsync() => api.App.Services.GetRequiredService<SimulationClockService>().CompleteTasksAsync();
}
