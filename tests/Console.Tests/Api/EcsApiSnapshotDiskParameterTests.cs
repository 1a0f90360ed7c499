using System.Globalization;
using System.Net;
using System.Text.Json;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Issue #21 part 1 for the snapshot and disk actions (docs/rules/snapshot-disk-parameters.md): CreateSnapshot's,
/// CopySnapshot's, CreateSnapshotGroup's and CreateDisk's options are honoured — tags, retention, the creation window and
/// performance attributes shown and filtered by DescribeSnapshots, DescribeSnapshotGroups and DescribeDisks, a policy's
/// cross-region copy shown by DescribeAutoSnapshotPolicyEx, ListTagResources' fuzzy filters — or refused with ECS's codes.
/// </summary>
public sealed class EcsApiSnapshotDiskParameterTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string Zone = "cn-hangzhou-h";
    private static readonly (string, string) InRegion = ("RegionId", Region);

    [Theory]
    [InlineData("Category=flash", "InvalidSnapshotCategory.Malformed", HttpStatusCode.Forbidden)]
    [InlineData("Category=archive", "InvalidSnapshotCategory.Malformed", HttpStatusCode.Forbidden)]
    [InlineData("RetentionDays=0", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("RetentionDays=65537", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("Tag.1.Key=acs:reserved&Tag.1.Value=x", "InvalidTagKey.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("Tag.1.Key=team&Tag.2.Key=team", "Duplicate.TagKey", HttpStatusCode.BadRequest)]
    public async Task CreateSnapshot_RefusesAnOption_OutsideItsRules_WithEcsCode(string parameters, string code, HttpStatusCode status)
    {
        // Arrange
        var diskId = await DataDiskAsync();

        // Act
        var refused = await api.Alice().CallAsync("CreateSnapshot", [("DiskId", diskId), .. Parse(parameters)]);

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task CreateSnapshot_HonoursRetentionDaysAndTags_AsDescribeSnapshotsShowsAndFiltersThem()
    {
        // Arrange
        await RaiseQuotasAsync();
        var diskId = await DataDiskAsync();

        // Act
        var created = await api.Alice().CallAsync("CreateSnapshot", ("DiskId", diskId), ("SnapshotName", "kept-a-week"), ("RetentionDays", "7"),
            ("Category", "standard"), ("Tag.1.Key", "team"), ("Tag.1.Value", "storage"));
        var snapshotId = created["SnapshotId"].GetString()!;
        var ids = ("SnapshotIds", JsonSerializer.Serialize(new[] { snapshotId }));
        var shown = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ids);
        var tagged = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ids, ("Tag.1.Key", "team"), ("Tag.1.Value", "storage"));
        var otherTag = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ids, ("Tag.1.Key", "team"), ("Tag.1.Value", "web"));

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var snapshot = shown["Snapshots"].GetProperty("Snapshot")[0];
        Assert.Equal(7, snapshot.GetProperty("RetentionDays").GetInt32());
        var tag = snapshot.GetProperty("Tags").GetProperty("Tag")[0];
        Assert.Equal(("team", "storage"), (tag.GetProperty("TagKey").GetString(), tag.GetProperty("TagValue").GetString()));
        Assert.Equal(1, tagged["Snapshots"].GetProperty("Snapshot").GetArrayLength());
        Assert.Equal(0, otherTag["Snapshots"].GetProperty("Snapshot").GetArrayLength());
    }

    [Fact]
    public async Task DescribeSnapshots_KeepsTheSnapshots_MadeInTheCreationWindow()
    {
        // Arrange
        await RaiseQuotasAsync();
        var created = await api.Alice().CallAsync("CreateSnapshot", ("DiskId", await DataDiskAsync()), ("SnapshotName", "in-the-window"));
        var ids = ("SnapshotIds", JsonSerializer.Serialize(new[] { created["SnapshotId"].GetString() }));
        var now = await NowAsync();

        // Act
        var inside = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ids,
            ("Filter.1.Key", "CreationStartTime"), ("Filter.1.Value", Minutes(now.AddHours(-1))), ("Filter.2.Key", "CreationEndTime"), ("Filter.2.Value", Minutes(now.AddHours(1))));
        var later = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ids, ("Filter.1.Key", "CreationStartTime"), ("Filter.1.Value", Minutes(now.AddHours(1))));
        var unknownKey = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ("Filter.1.Key", "Colour"), ("Filter.1.Value", "blue"));

        // Assert
        Assert.Equal(1, inside["Snapshots"].GetProperty("Snapshot").GetArrayLength());
        Assert.Equal(0, later["Snapshots"].GetProperty("Snapshot").GetArrayLength());
        Assert.Equal(("InvalidFilterKey.NotFound", HttpStatusCode.NotFound), (unknownKey.Code, unknownKey.Status));
    }

    [Fact]
    public async Task CopySnapshot_TagsTheCopy_InItsDestinationRegion()
    {
        // Arrange
        await RaiseQuotasAsync();
        var source = await api.Alice().CallAsync("CreateSnapshot", ("DiskId", await DataDiskAsync()), ("SnapshotName", "to-be-copied"));
        await CompleteTasksAsync();

        // Act
        var copied = await api.Alice().CallAsync("CopySnapshot", InRegion, ("SnapshotId", source["SnapshotId"].GetString()!), ("DestinationRegionId", "cn-beijing"),
            ("Tag.1.Key", "copy"), ("Tag.1.Value", "dr"));
        var found = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", "cn-beijing"),
            ("SnapshotIds", JsonSerializer.Serialize(new[] { copied["SnapshotId"].GetString() })), ("Tag.1.Key", "copy"));

        // Assert
        Assert.True(copied.Status == HttpStatusCode.OK, copied.ToString());
        var tag = found["Snapshots"].GetProperty("Snapshot")[0].GetProperty("Tags").GetProperty("Tag")[0];
        Assert.Equal(("copy", "dr"), (tag.GetProperty("TagKey").GetString(), tag.GetProperty("TagValue").GetString()));
    }

    [Fact]
    public async Task CreateSnapshotGroup_TagsTheGroupsSnapshots_AsDescribeSnapshotGroupsShowsThem()
    {
        // Arrange
        await RaiseQuotasAsync();
        var instanceId = await RunningEssdInstanceAsync();

        // Act
        var created = await api.Alice().CallAsync("CreateSnapshotGroup", InRegion, ("InstanceId", instanceId), ("Tag.1.Key", "backup"), ("Tag.1.Value", "nightly"));
        var groupId = ("SnapshotGroupId.1", created["SnapshotGroupId"].GetString()!);
        var tagged = await api.Alice().CallAsync("DescribeSnapshotGroups", InRegion, groupId, ("Tag.1.Key", "backup"), ("Tag.1.Value", "nightly"));
        var otherTag = await api.Alice().CallAsync("DescribeSnapshotGroups", InRegion, groupId, ("Tag.1.Key", "backup"), ("Tag.1.Value", "weekly"));

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var group = tagged["SnapshotGroups"].GetProperty("SnapshotGroup")[0];
        Assert.Equal("nightly", group.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("Value").GetString());
        var snapshot = group.GetProperty("Snapshots").GetProperty("Snapshot")[0];
        Assert.Equal("backup", snapshot.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("Key").GetString());
        Assert.Equal(0, otherTag["SnapshotGroups"].GetProperty("SnapshotGroup").GetArrayLength());
    }

    [Theory]
    [InlineData("MultiAttach=Sometimes", "InvalidParameter.MultiAttach", HttpStatusCode.Forbidden)]
    [InlineData("MultiAttach=Enabled&DiskCategory=cloud_ssd", "InvalidParameter.DiskCategoryAndMultiAttachNotMatch", HttpStatusCode.Forbidden)]
    [InlineData("MultiAttach=Enabled", "UserNotInTheWhiteList", HttpStatusCode.Forbidden)]
    [InlineData("ProvisionedIops=1000", "ProvisionedIopsForDiskCategoryUnsupported", HttpStatusCode.BadRequest)]
    [InlineData("BurstingEnabled=true", "BurstingEnabledForDiskCategoryUnsupported", HttpStatusCode.BadRequest)]
    [InlineData("StorageSetId=ss-nosuchset", "InvalidStorageSetId.NotFound", HttpStatusCode.BadRequest)]
    [InlineData("StorageClusterId=dbsc-nosuchcluster", "InvalidStorageClusterId.NotFound", HttpStatusCode.BadRequest)]
    [InlineData("StorageSetId=ss-nosuchset&StorageClusterId=dbsc-nosuchcluster", "InvalidStorageClusterId.ConflictWithStorageSetId", HttpStatusCode.BadRequest)]
    [InlineData("Tag.1.Key=aliyun-owned&Tag.1.Value=x", "InvalidTagKey.Malformed", HttpStatusCode.BadRequest)]
    public async Task CreateDisk_RefusesAnOption_OutsideItsRules_WithEcsCode(string parameters, string code, HttpStatusCode status)
    {
        // Act
        var refused = await api.Alice().CallAsync("CreateDisk", DiskParameters(Parse(parameters)));

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task CreateDisk_RefusesMultiAttach_OnADiskCreatedOnAnInstance()
    {
        // Act
        var refused = await api.Alice().CallAsync("CreateDisk", InRegion, ("InstanceId", "i-anyinstance"), ("Size", "40"), ("DiskCategory", "cloud_essd"),
            ("MultiAttach", "Enabled"));

        // Assert
        Assert.Equal(("InvalidParameter.MultiAttachAndInstanceIdConflict", HttpStatusCode.Forbidden), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task CreateDisk_HonoursTags_AsDescribeDisksShowsAndFiltersThem()
    {
        // Arrange
        await RaiseQuotasAsync();

        // Act
        var created = await api.Alice().CallAsync("CreateDisk", DiskParameters(("Tag.1.Key", "team"), ("Tag.1.Value", "data"), ("MultiAttach", "Disabled")));
        var ids = ("DiskIds", JsonSerializer.Serialize(new[] { created["DiskId"].GetString() }));
        var tagged = await api.Alice().CallAsync("DescribeDisks", InRegion, ids, ("Tag.1.Key", "team"), ("Tag.1.Value", "data"));
        var otherTag = await api.Alice().CallAsync("DescribeDisks", InRegion, ids, ("Tag.1.Key", "team"), ("Tag.1.Value", "web"));

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var disk = tagged["Disks"].GetProperty("Disk")[0];
        var tag = disk.GetProperty("Tags").GetProperty("Tag")[0];
        Assert.Equal(("team", "data"), (tag.GetProperty("TagKey").GetString(), tag.GetProperty("TagValue").GetString()));
        Assert.Equal("Disabled", disk.GetProperty("MultiAttach").GetString());
        Assert.Equal(0, otherTag["Disks"].GetProperty("Disk").GetArrayLength());
    }

    [Fact]
    public async Task DescribeDisks_AnswersTheReadAndWriteCeilings_OnlyWhenAskedForPerformance()
    {
        // Arrange
        await RaiseQuotasAsync();
        var created = await api.Alice().CallAsync("CreateDisk", DiskParameters());
        var ids = ("DiskIds", JsonSerializer.Serialize(new[] { created["DiskId"].GetString() }));

        // Act
        var plain = await api.Alice().CallAsync("DescribeDisks", InRegion, ids);
        var performance = await api.Alice().CallAsync("DescribeDisks", InRegion, ids, ("AdditionalAttributes.1", "Performance"));
        var unknown = await api.Alice().CallAsync("DescribeDisks", InRegion, ids, ("AdditionalAttributes.1", "Colour"));

        // Assert
        var without = plain["Disks"].GetProperty("Disk")[0];
        var with = performance["Disks"].GetProperty("Disk")[0];
        Assert.Equal((0, 0), (without.GetProperty("IOPSRead").GetInt32(), without.GetProperty("ThroughputWrite").GetInt32()));
        Assert.Equal(with.GetProperty("IOPS").GetInt32(), with.GetProperty("IOPSRead").GetInt32());
        Assert.Equal(with.GetProperty("IOPS").GetInt32(), with.GetProperty("IOPSWrite").GetInt32());
        Assert.Equal(with.GetProperty("Throughput").GetInt32(), with.GetProperty("ThroughputRead").GetInt32());
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (unknown.Code, unknown.Status));
    }

    [Fact]
    public async Task DescribeDisks_KeepsTheDisks_MadeInTheCreationWindow()
    {
        // Arrange
        await RaiseQuotasAsync();
        var created = await api.Alice().CallAsync("CreateDisk", DiskParameters());
        var ids = ("DiskIds", JsonSerializer.Serialize(new[] { created["DiskId"].GetString() }));
        var now = await NowAsync();

        // Act
        var inside = await api.Alice().CallAsync("DescribeDisks", InRegion, ids, ("Filter.1.Key", "CreationStartTime"), ("Filter.1.Value", Minutes(now.AddHours(-1))));
        var earlier = await api.Alice().CallAsync("DescribeDisks", InRegion, ids, ("Filter.1.Key", "CreationEndTime"), ("Filter.1.Value", Minutes(now.AddHours(-1))));

        // Assert
        Assert.Equal(1, inside["Disks"].GetProperty("Disk").GetArrayLength());
        Assert.Equal(0, earlier["Disks"].GetProperty("Disk").GetArrayLength());
    }

    [Theory]
    [InlineData("EnableCrossRegionCopy=true", "MissingParameter", HttpStatusCode.BadRequest)]
    [InlineData("EnableCrossRegionCopy=true&TargetCopyRegions=[\"cn-hangzhou\"]", "InvalidOperation.NotSupportCopyInSameRegion", HttpStatusCode.Forbidden)]
    [InlineData("EnableCrossRegionCopy=true&TargetCopyRegions=[\"cn-nowhere\"]", "DestinationRegion.NotFound", HttpStatusCode.BadRequest)]
    [InlineData("TargetCopyRegions=[\"cn-beijing\",\"cn-shanghai\"]", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("CopiedSnapshotsRetentionDays=0", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("CopyEncryptionConfiguration.KMSKeyId=key-nosuchkey", "InvalidParameter.EncryptedIllegal", HttpStatusCode.BadRequest)]
    [InlineData("CopyEncryptionConfiguration.Encrypted=true&CopyEncryptionConfiguration.KMSKeyId=key-nosuchkey", "InvalidParameter.KMSKeyId.NotFound", HttpStatusCode.NotFound)]
    public async Task CreateAutoSnapshotPolicy_RefusesACrossRegionCopy_OutsideItsRules_WithEcsCode(string parameters, string code, HttpStatusCode status)
    {
        // Act
        var refused = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", [.. PolicyParameters(), .. Parse(parameters)]);

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task CreateAutoSnapshotPolicy_KeepsItsCrossRegionCopy_AsDescribeAutoSnapshotPolicyExShowsIt()
    {
        // Arrange
        await RaiseQuotasAsync();

        // Act
        var created = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", [.. PolicyParameters(), ("EnableCrossRegionCopy", "true"),
            ("TargetCopyRegions", "[\"cn-beijing\"]"), ("CopiedSnapshotsRetentionDays", "30"), ("CopyEncryptionConfiguration.Encrypted", "true")]);
        var shown = await api.Alice().CallAsync("DescribeAutoSnapshotPolicyEx", InRegion, ("AutoSnapshotPolicyId", created["AutoSnapshotPolicyId"].GetString()!));

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var policy = shown["AutoSnapshotPolicies"].GetProperty("AutoSnapshotPolicy")[0];
        Assert.True(policy.GetProperty("EnableCrossRegionCopy").GetBoolean());
        Assert.Equal("[\"cn-beijing\"]", policy.GetProperty("TargetCopyRegions").GetString());
        Assert.Equal(30, policy.GetProperty("CopiedSnapshotsRetentionDays").GetInt32());
        Assert.True(policy.GetProperty("CopyEncryptionConfiguration").GetProperty("Encrypted").GetBoolean());
    }

    [Fact]
    public async Task ListTagResources_KeepsTheResources_WhoseTagMatchesATagFilter()
    {
        // Arrange
        await RaiseQuotasAsync();
        var imageId = await new SeededWorldCalls(api).NewImageAsync("fuzzy-" + Guid.NewGuid().ToString("N")[..8]);
        var tagged = await api.Alice().CallAsync("TagResources", InRegion, ("ResourceType", "image"), ("ResourceId.1", imageId), ("Tag.1.Key", "stage"),
            ("Tag.1.Value", "production-eu"));
        (string, string)[] ofImage = [InRegion, ("ResourceType", "image"), ("ResourceId.1", imageId)];

        // Act
        var prefix = await api.Alice().CallAsync("ListTagResources", [.. ofImage, ("TagFilter.1.TagKey", "stage"), ("TagFilter.1.TagValues.1", "production*")]);
        var exact = await api.Alice().CallAsync("ListTagResources", [.. ofImage, ("TagFilter.1.TagKey", "stage"), ("TagFilter.1.TagValues.1", "production")]);
        var anyValue = await api.Alice().CallAsync("ListTagResources", [.. ofImage, ("TagFilter.1.TagKey", "stage")]);
        var both = await api.Alice().CallAsync("ListTagResources", [.. ofImage, ("TagFilter.1.TagKey", "stage"), ("Tag.1.Key", "stage")]);

        // Assert
        Assert.True(tagged.Status == HttpStatusCode.OK, tagged.ToString());
        Assert.Equal(1, prefix["TagResources"].GetProperty("TagResource").GetArrayLength());
        Assert.Equal(0, exact["TagResources"].GetProperty("TagResource").GetArrayLength());
        Assert.Equal(1, anyValue["TagResources"].GetProperty("TagResource").GetArrayLength());
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (both.Code, both.Status));
    }

    private static (string, string)[] Parse(string parameters) =>
        [.. parameters.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (kv[0], kv[1]))];

    private static (string, string)[] DiskParameters(params (string Name, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string> { ["RegionId"] = Region, ["ZoneId"] = Zone, ["DiskCategory"] = "cloud_essd", ["Size"] = "40" };
        foreach (var (name, value) in extra)
        {
            parameters[name] = value;
        }

        return [.. parameters.Select(kv => (kv.Key, kv.Value))];
    }

    private static (string, string)[] PolicyParameters() =>
        [("regionId", Region), ("autoSnapshotPolicyName", "copy-" + Guid.NewGuid().ToString("N")[..8]), ("timePoints", "[\"2\"]"), ("repeatWeekdays", "[\"1\"]"),
            ("retentionDays", "7")];

    private static string Minutes(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private Task RaiseQuotasAsync() => new SeededWorldCalls(api).RaiseQuotasAsync();

    private Task CompleteTasksAsync() => api.App.Services.GetRequiredService<SimulationClockService>().CompleteTasksAsync();

    private Task<DateTimeOffset> NowAsync() => Task.FromResult(api.App.Services.GetRequiredService<TimeProvider>().GetUtcNow());

    private async Task<string> DataDiskAsync()
    {
        await using var db = await DbAsync();
        return await db.Disks.Where(d => d.AccountId == DemoWorld.AcmeAccountId && d.RegionId == Region && d.Type == "data" && d.InstanceId != null)
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    /// <summary>A new Running instance of Acme whose disks are all ESSDs (a snapshot-consistent group takes ESSD-family disks only).</summary>
    private async Task<string> RunningEssdInstanceAsync()
    {
        var run = await api.Alice().CallAsync("RunInstances", InRegion, ("ZoneId", Zone), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("InstanceName", "group-" + Guid.NewGuid().ToString("N")[..8]), ("SystemDisk.Category", "cloud_essd"));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        await CompleteTasksAsync();
        return run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
