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

    private SimulationClockService Clock => api.App.Services.GetRequiredService<SimulationClockService>();

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static (string, string)[] Parse(string parameters) =>
        [.. parameters.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (kv[0], kv[1]))];

    private static (string, string)[] PolicyParameters(string timePoints = "[\"2\"]", string weekdays = "[\"1\"]") =>
        [("regionId", Region), ("autoSnapshotPolicyName", "sdp-" + Unique()), ("timePoints", timePoints), ("repeatWeekdays", weekdays), ("retentionDays", "7")];

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
