using System.Net;
using System.Text.Json;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Issue #21 part 1 for automatic snapshot policies and tags (docs/rules/snapshot-disk-parameters.md, SDP-15…): a policy
/// associated by instance tag covers the disks of the instances carrying its target tags, a policy that copies across
/// regions copies each automatic snapshot it takes, and TagResources, UntagResources and ListTagResources act on every
/// resource type that carries tags.
/// </summary>
public sealed class EcsApiSnapshotPolicyAndTagTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string Zone = "cn-hangzhou-h";
    private static readonly (string, string) InRegion = ("RegionId", Region);
    private static readonly string EveryHour = "[" + string.Join(',', Enumerable.Range(0, 24).Select(h => $"\"{h}\"")) + "]";
    private const string EveryDay = "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"]";

    [Theory]
    [InlineData("AssociationType=AssociatedWithEverything", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("AssociationType=AssociatedWithInstanceTag", "MissingParameter", HttpStatusCode.BadRequest)]
    [InlineData("TargetTags.1.Key=backup", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("AssociationType=AssociatedWithDisk&TargetTags.1.Key=backup", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("AssociationType=AssociatedWithInstanceTag&TargetTags.1.Key=aliyun-backup", "InvalidTagKey.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("AssociationType=AssociatedWithInstanceTag&TargetTags.1.Value=daily", "InvalidTagKey.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("AssociationType=AssociatedWithInstanceTag&TargetTags.1.Key=a&TargetTags.2.Key=b&TargetTags.3.Key=c&TargetTags.4.Key=d&TargetTags.5.Key=e&TargetTags.6.Key=f",
        "InvalidParameter", HttpStatusCode.BadRequest)]
    public async Task CreateAutoSnapshotPolicy_RefusesAnAssociationOutsideItsRules_WithEcsCode(string parameters, string code, HttpStatusCode status)
    {
        // Act
        var refused = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", [.. PolicyParameters(), .. Parse(parameters)]);

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task CreateAutoSnapshotPolicy_AssociatedByInstanceTag_IsShownWithItsTargetTags_AndAnotherByDisk()
    {
        // Arrange
        await RaiseQuotasAsync();

        // Act
        var byTag = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", [.. PolicyParameters(), ("AssociationType", "AssociatedWithInstanceTag"),
            ("TargetTags.1.Key", "backup"), ("TargetTags.1.Value", "daily"), ("TargetTags.2.Key", "team")]);
        var byDisk = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", PolicyParameters());

        // Assert
        Assert.True(byTag.Status == HttpStatusCode.OK, byTag.ToString());
        var tagPolicy = await DescribePolicyAsync(byTag["AutoSnapshotPolicyId"].GetString()!);
        Assert.Equal("AssociatedWithInstanceTag", tagPolicy.GetProperty("AssociationType").GetString());
        Assert.Equal([("backup", "daily"), ("team", "")], tagPolicy.GetProperty("TargetTags").GetProperty("TargetTag").EnumerateArray()
            .Select(t => (t.GetProperty("TagKey").GetString(), t.GetProperty("TagValue").GetString())));
        var diskPolicy = await DescribePolicyAsync(byDisk["AutoSnapshotPolicyId"].GetString()!);
        Assert.Equal("AssociatedWithDisk", diskPolicy.GetProperty("AssociationType").GetString());
        Assert.Equal(0, diskPolicy.GetProperty("TargetTags").GetProperty("TargetTag").GetArrayLength());
    }

    [Fact]
    public async Task APolicyAssociatedByInstanceTag_SnapshotsTheDisksOfTheTaggedInstances_AndNoOthers()
    {
        // Arrange: a running instance carrying the target tag, and a policy of every hour on that tag (any value)
        await RaiseQuotasAsync();
        var key = "backup-" + Unique();
        var tagged = await RunningInstanceAsync((key, "nightly"));
        var created = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", [.. PolicyParameters(EveryHour, EveryDay), ("AssociationType", "AssociatedWithInstanceTag"),
            ("TargetTags.1.Key", key)]);
        var policyId = created["AutoSnapshotPolicyId"].GetString()!;
        var diskId = await SystemDiskAsync(tagged);

        // Act: an hour and the time a snapshot takes
        await Clock.AdvanceAsync(TimeSpan.FromHours(1).TotalSeconds);
        await Clock.CompleteTasksAsync();
        var snapshots = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ("DiskId", diskId), ("SnapshotType", "auto"));
        await api.Alice().CallAsync("DeleteAutoSnapshotPolicy", ("regionId", Region), ("autoSnapshotPolicyId", policyId));

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        Assert.Equal(1, snapshots["Snapshots"].GetProperty("Snapshot").GetArrayLength());
        await using var db = await DbAsync();
        var covered = await db.Snapshots.Where(s => s.AutoSnapshotPolicyId == policyId).Select(s => s.SourceInstanceId).Distinct().ToListAsync();
        Assert.Equal([tagged], covered);
    }

    [Fact]
    public async Task APolicyThatCopiesAcrossRegions_CopiesEachAutoSnapshot_ToItsTargetRegion_EncryptedAndKeptForItsDays()
    {
        // Arrange: a policy of every hour that copies to Beijing for 3 days, encrypted, on a new disk
        await RaiseQuotasAsync();
        var created = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", [.. PolicyParameters(EveryHour, EveryDay), ("EnableCrossRegionCopy", "true"),
            ("TargetCopyRegions", "[\"cn-beijing\"]"), ("CopiedSnapshotsRetentionDays", "3"), ("CopyEncryptionConfiguration.Encrypted", "true")]);
        var policyId = created["AutoSnapshotPolicyId"].GetString()!;
        var diskId = await NewDiskAsync();
        await api.Alice().CallAsync("ApplyAutoSnapshotPolicy", ("regionId", Region), ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{diskId}\"]"));

        // Act: one run, its snapshot and its copy finished; then the policy comes off and the copy's days pass
        await Clock.AdvanceAsync(TimeSpan.FromHours(1).TotalSeconds);
        await Clock.CompleteTasksAsync();
        var taken = await api.Alice().CallAsync("DescribeSnapshots", InRegion, ("DiskId", diskId), ("SnapshotType", "auto"));
        var copies = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", "cn-beijing"), ("DiskId", diskId));
        await api.Alice().CallAsync("CancelAutoSnapshotPolicy", ("regionId", Region), ("diskIds", $"[\"{diskId}\"]"));
        await Clock.AdvanceAsync(TimeSpan.FromDays(3).Add(TimeSpan.FromHours(1)).TotalSeconds);
        var afterItsDays = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", "cn-beijing"), ("DiskId", diskId));

        // Assert
        var snapshot = Assert.Single(taken["Snapshots"].GetProperty("Snapshot").EnumerateArray());
        var copy = Assert.Single(copies["Snapshots"].GetProperty("Snapshot").EnumerateArray());
        Assert.Equal((snapshot.GetProperty("SnapshotId").GetString(), Region, "accomplished", true, 3),
            (copy.GetProperty("SourceSnapshotId").GetString(), copy.GetProperty("SourceRegionId").GetString(), copy.GetProperty("Status").GetString(),
                copy.GetProperty("Encrypted").GetBoolean(), copy.GetProperty("RetentionDays").GetInt32()));
        Assert.Equal(0, afterItsDays["Snapshots"].GetProperty("Snapshot").GetArrayLength());
    }

    [Theory]
    [InlineData("disk")]
    [InlineData("snapshot")]
    [InlineData("instance")]
    [InlineData("keypair")]
    [InlineData("snapshotpolicy")]
    public async Task TagResources_TagsAResourceOfEachType_AsListTagResourcesShows_AndUntagResourcesTakesItOff(string type)
    {
        // Arrange
        await RaiseQuotasAsync();
        var id = await NewResourceAsync(type);
        (string, string)[] ofResource = [InRegion, ("ResourceType", type), ("ResourceId.1", id)];

        // Act
        var tagged = await api.Alice().CallAsync("TagResources", [.. ofResource, ("Tag.1.Key", "owner"), ("Tag.1.Value", "ops"), ("Tag.2.Key", "stage")]);
        var listed = await api.Alice().CallAsync("ListTagResources", [.. ofResource]);
        var byFilter = await api.Alice().CallAsync("ListTagResources", InRegion, ("ResourceType", type), ("Tag.1.Key", "owner"), ("Tag.1.Value", "ops"));
        var untagged = await api.Alice().CallAsync("UntagResources", [.. ofResource, ("TagKey.1", "owner")]);
        var left = await api.Alice().CallAsync("ListTagResources", [.. ofResource]);

        // Assert
        Assert.True(tagged.Status == HttpStatusCode.OK, tagged.ToString());
        Assert.Equal([(id, type, "owner", "ops"), (id, type, "stage", "")], Rows(listed));
        Assert.Contains((id, type, "owner", "ops"), Rows(byFilter));
        Assert.Equal(HttpStatusCode.OK, untagged.Status);
        Assert.Equal([(id, type, "stage", "")], Rows(left));
    }

    [Fact]
    public async Task TagResources_OnADisk_IsShownByDescribeDisks()
    {
        // Arrange
        var diskId = await NewDiskAsync();

        // Act
        await api.Alice().CallAsync("TagResources", InRegion, ("ResourceType", "disk"), ("ResourceId.1", diskId), ("Tag.1.Key", "owner"), ("Tag.1.Value", "ops"));
        var disks = await api.Alice().CallAsync("DescribeDisks", InRegion, ("DiskIds", $"[\"{diskId}\"]"));

        // Assert
        var tag = Assert.Single(disks["Disks"].GetProperty("Disk")[0].GetProperty("Tags").GetProperty("Tag").EnumerateArray());
        Assert.Equal(("owner", "ops"), (tag.GetProperty("TagKey").GetString(), tag.GetProperty("TagValue").GetString()));
    }

    [Theory]
    [InlineData("router", "vrt-nothere", "Tag.1.Key=a", "InvalidResourceType.NotFound", HttpStatusCode.NotFound)]
    [InlineData("securitygroup", "sg-nothere", "Tag.1.Key=a", "InvalidResourceId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("disk", "d-nothere", "Tag.1.Key=a", "InvalidResourceId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("snapshot", "s-nothere", "Tag.1.Key=a", "InvalidResourceId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("instance", "i-nothere", "Tag.1.Key=a", "InvalidResourceId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("keypair", "no-such-pair", "Tag.1.Key=a", "InvalidResourceId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("snapshotpolicy", "sp-nothere", "Tag.1.Key=a", "InvalidResourceId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("disk", "d-nothere", "Tag.1.Key=acs:reserved", "InvalidTagKey.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("disk", "d-nothere", "Tag.1.Key=aliyun-reserved", "InvalidTagKey.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("disk", "d-nothere", "Tag.1.Key=k1&Tag.2.Key=k2&Tag.3.Key=k3&Tag.4.Key=k4&Tag.5.Key=k5&Tag.6.Key=k6&Tag.7.Key=k7&Tag.8.Key=k8&Tag.9.Key=k9&Tag.10.Key=k10&Tag.11.Key=k11&Tag.12.Key=k12&Tag.13.Key=k13&Tag.14.Key=k14&Tag.15.Key=k15&Tag.16.Key=k16&Tag.17.Key=k17&Tag.18.Key=k18&Tag.19.Key=k19&Tag.20.Key=k20&Tag.21.Key=k21",
        "NumberExceed.Tags", HttpStatusCode.BadRequest)]
    public async Task TagResources_RefusesWhatECSRefuses(string type, string id, string tags, string code, HttpStatusCode status)
    {
        // Act
        var refused = await api.Alice().CallAsync("TagResources", [InRegion, ("ResourceType", type), ("ResourceId.1", id), .. Parse(tags)]);

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task TagResources_BeyondTwentyTagsOnOneResource_IsQuotaExceedTags()
    {
        // Arrange: a disk with 15 tags
        var diskId = await NewDiskAsync();
        (string, string)[] ofDisk = [InRegion, ("ResourceType", "disk"), ("ResourceId.1", diskId)];
        var first = await api.Alice().CallAsync("TagResources", [.. ofDisk, .. Enumerable.Range(1, 15).Select(i => ($"Tag.{i}.Key", $"first-{i}"))]);

        // Act
        var refused = await api.Alice().CallAsync("TagResources", [.. ofDisk, .. Enumerable.Range(1, 6).Select(i => ($"Tag.{i}.Key", $"second-{i}"))]);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(("QuotaExceed.Tags", HttpStatusCode.Forbidden), (refused.Code, refused.Status));
    }

    private SimulationClockService Clock => api.App.Services.GetRequiredService<SimulationClockService>();

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static (string, string)[] Parse(string parameters) =>
        [.. parameters.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (kv[0], kv[1]))];

    private static (string, string)[] PolicyParameters(string timePoints = "[\"2\"]", string weekdays = "[\"1\"]") =>
        [("regionId", Region), ("autoSnapshotPolicyName", "sdp-" + Unique()), ("timePoints", timePoints), ("repeatWeekdays", weekdays), ("retentionDays", "7")];

    private static List<(string?, string?, string?, string?)> Rows(EcsResponse answer) =>
        [.. answer["TagResources"].GetProperty("TagResource").EnumerateArray().Select(t => (t.GetProperty("ResourceId").GetString(),
            t.GetProperty("ResourceType").GetString(), t.GetProperty("TagKey").GetString(), t.GetProperty("TagValue").GetString()))];

    private async Task<string> NewResourceAsync(string type)
    {
        switch (type)
        {
            case "disk":
                return await NewDiskAsync();
            case "snapshot":
                var snapshot = await api.Alice().CallAsync("CreateSnapshot", ("DiskId", await NewDiskAsync()), ("SnapshotName", "tag-" + Unique()));
                Assert.True(snapshot.Status == HttpStatusCode.OK, snapshot.ToString());
                await Clock.CompleteTasksAsync();
                return snapshot["SnapshotId"].GetString()!;
            case "instance":
                return await RunningInstanceAsync();
            case "keypair":
                var name = "tag-" + Unique();
                var pair = await api.Alice().CallAsync("CreateKeyPair", InRegion, ("KeyPairName", name));
                Assert.True(pair.Status == HttpStatusCode.OK, pair.ToString());
                return name;
            default:
                var policy = await api.Alice().CallAsync("CreateAutoSnapshotPolicy", PolicyParameters());
                Assert.True(policy.Status == HttpStatusCode.OK, policy.ToString());
                return policy["AutoSnapshotPolicyId"].GetString()!;
        }
    }

    private Task RaiseQuotasAsync() => new SeededWorldCalls(api).RaiseQuotasAsync();

    private async Task<JsonElement> DescribePolicyAsync(string policyId)
    {
        var described = await api.Alice().CallAsync("DescribeAutoSnapshotPolicyEx", InRegion, ("AutoSnapshotPolicyId", policyId));
        return Assert.Single(described["AutoSnapshotPolicies"].GetProperty("AutoSnapshotPolicy").EnumerateArray());
    }

    private async Task<string> RunningInstanceAsync(params (string Key, string Value)[] tags)
    {
        var run = await api.Alice().CallAsync("RunInstances", [InRegion, ("ZoneId", Zone), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("InstanceName", "sdp-" + Unique()),
            .. tags.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) })]);
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        await Clock.CompleteTasksAsync();
        return run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
    }

    private async Task<string> SystemDiskAsync(string instanceId)
    {
        var disks = await api.Alice().CallAsync("DescribeDisks", InRegion, ("InstanceId", instanceId), ("DiskType", "system"));
        return disks["Disks"].GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
    }

    private async Task<string> NewDiskAsync()
    {
        var created = await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", Zone), ("DiskCategory", "cloud_essd"), ("Size", "40"));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await Clock.CompleteTasksAsync();
        return created["DiskId"].GetString()!;
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
