using System.Net;
using System.Text.Json;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// CopySnapshot, ModifySnapshotAttribute, DescribeSnapshotsUsage and the snapshot-consistent groups over the ECS API
/// (domain-rules SNP-03, SNP-10, SNP-11), with the SDK models' JSON types.
/// </summary>
public sealed class EcsApiSnapshotActionsTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string Beijing = "cn-beijing";

    private Task CompleteTasksAsync() => api.App.Services.GetRequiredService<SimulationClockService>().CompleteTasksAsync();

    private async Task<JsonElement> SnapshotAsync(string regionId, string snapshotId)
    {
        var described = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", regionId), ("SnapshotIds", $"[\"{snapshotId}\"]"));
        return Assert.Single(described["Snapshots"].GetProperty("Snapshot").EnumerateArray());
    }

    private async Task<string> SeededSnapshotIdAsync(string name)
    {
        var described = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", Region), ("SnapshotName", name));
        return Assert.Single(described["Snapshots"].GetProperty("Snapshot").EnumerateArray()).GetProperty("SnapshotId").GetString()!;
    }

    private async Task<string> NewSnapshotAsync(string name)
    {
        var disks = await api.Alice().CallAsync("DescribeDisks", ("RegionId", Region), ("DiskType", "data"));
        var diskId = disks["Disks"].GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
        var created = await api.Alice().CallAsync("CreateSnapshot", ("DiskId", diskId), ("SnapshotName", name));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await CompleteTasksAsync();
        return created["SnapshotId"].GetString()!;
    }

    private async Task<string> NewRunningInstanceAsync(string name)
    {
        var run = await api.Alice().CallAsync("RunInstances", ("RegionId", Region), ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("InstanceName", name), ("SystemDisk.Category", "cloud_essd"));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        await CompleteTasksAsync();
        return run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
    }

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task CopySnapshot_AnswersTheCopyAtOnce_WhichProgressesInTheDestination_AndIsAccomplishedWhenItsTaskEnds(EcsSigning signing)
    {
        // Arrange
        var source = await SeededSnapshotIdAsync("web-1-data-base");

        // Act
        var copied = await api.Alice(signing).CallAsync("CopySnapshot", ("RegionId", Region), ("SnapshotId", source), ("DestinationRegionId", Beijing),
            ("DestinationSnapshotName", $"copied-{signing}"), ("RetentionDays", "30"), ("Encrypted", "true"));
        var copyId = copied["SnapshotId"].GetString()!;
        var progressing = await SnapshotAsync(Beijing, copyId);
        await CompleteTasksAsync();
        var accomplished = await SnapshotAsync(Beijing, copyId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, copied.Status);
        Assert.StartsWith("s-", copyId, StringComparison.Ordinal);
        Assert.Equal(("progressing", source, Region), (progressing.GetProperty("Status").GetString(), progressing.GetProperty("SourceSnapshotId").GetString(),
            progressing.GetProperty("SourceRegionId").GetString()));
        Assert.Equal(("accomplished", $"copied-{signing}", 30, true), (accomplished.GetProperty("Status").GetString(), accomplished.GetProperty("SnapshotName").GetString(),
            accomplished.GetProperty("RetentionDays").GetInt32(), accomplished.GetProperty("Encrypted").GetBoolean()));
    }

    [Fact]
    public async Task CopySnapshot_IsRefused_ForAnUnknownSnapshot_ItsOwnRegion_AKeyWithoutEncryption_AndAReadOnlyMember()
    {
        // Arrange
        var source = await SeededSnapshotIdAsync("db-1-data-daily");
        (string, string)[] valid = [("RegionId", Region), ("SnapshotId", source), ("DestinationRegionId", Beijing)];

        // Act
        var unknown = await api.Alice().CallAsync("CopySnapshot", ("RegionId", Region), ("SnapshotId", "s-nosuchsnapshot"), ("DestinationRegionId", Beijing));
        var sameRegion = await api.Alice().CallAsync("CopySnapshot", ("RegionId", Region), ("SnapshotId", source), ("DestinationRegionId", Region));
        var keyAlone = await api.Alice().CallAsync("CopySnapshot", [.. valid, ("KMSKeyId", "key-1")]);
        var retention = await api.Alice().CallAsync("CopySnapshot", [.. valid, ("RetentionDays", "0")]);
        var bob = await api.As(DemoWorld.Bob).CallAsync("CopySnapshot", valid);

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, "InvalidSnapshotId.NotFound"), (unknown.Status, unknown.Code));
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidOperation.NotSupportCopyInSameRegion"), (sameRegion.Status, sameRegion.Code));
        Assert.Equal("InvalidParameter.EncryptedIllegal", keyAlone.Code);
        Assert.Equal("InvalidParameter", retention.Code);
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (bob.Status, bob.Code));
    }

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task ModifySnapshotAttribute_RenamesAndSetsTheRetention_AsDescribeSnapshotsThenShows(EcsSigning signing)
    {
        // Arrange
        var snapshot = await NewSnapshotAsync($"to-rename-{signing}");
        var name = $"renamed-{signing}";

        // Act
        var modified = await api.Alice(signing).CallAsync("ModifySnapshotAttribute", ("SnapshotId", snapshot), ("SnapshotName", name), ("Description", "kept a week"),
            ("RetentionDays", "7"), ("DisableInstantAccess", "true"));
        var shown = await SnapshotAsync(Region, snapshot);

        // Assert
        Assert.Equal(HttpStatusCode.OK, modified.Status);
        Assert.Equal((name, "kept a week", 7), (shown.GetProperty("SnapshotName").GetString(), shown.GetProperty("Description").GetString(),
            shown.GetProperty("RetentionDays").GetInt32()));
    }

    [Fact]
    public async Task ModifySnapshotAttribute_IsRefused_ForAnAutoName_ARetentionOutOfRange_AnUnknownSnapshot_AndAReadOnlyMember()
    {
        // Arrange
        var snapshot = await SeededSnapshotIdAsync("web-1-system-base");

        // Act
        var auto = await api.Alice().CallAsync("ModifySnapshotAttribute", ("SnapshotId", snapshot), ("SnapshotName", "auto-mine"));
        var retention = await api.Alice().CallAsync("ModifySnapshotAttribute", ("SnapshotId", snapshot), ("RetentionDays", "65537"));
        var unknown = await api.Alice().CallAsync("ModifySnapshotAttribute", ("SnapshotId", "s-nosuchsnapshot"), ("Description", "nothing"));
        var bob = await api.As(DemoWorld.Bob).CallAsync("ModifySnapshotAttribute", ("SnapshotId", snapshot), ("Description", "not mine to change"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidSnapshotName.Malformed"), (auto.Status, auto.Code));
        Assert.Equal("InvalidParameter", retention.Code);
        Assert.Equal((HttpStatusCode.NotFound, "InvalidSnapshotId.NotFound"), (unknown.Status, unknown.Code));
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (bob.Status, bob.Code));
    }

    [Fact]
    public async Task DescribeSnapshotsUsage_CountsTheAccountsSnapshotsInTheRegion_AndTheirBytes()
    {
        // Act
        var usage = await api.Alice().CallAsync("DescribeSnapshotsUsage", ("RegionId", Region));
        var listed = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", Region), ("PageSize", "100"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, usage.Status);
        var snapshots = listed["Snapshots"].GetProperty("Snapshot").EnumerateArray().ToList();
        Assert.Equal(snapshots.Count, usage["SnapshotCount"].GetInt32());
        Assert.Equal(snapshots.Sum(s => s.GetProperty("FullSnapshotSizeInBytes").GetInt64()), usage["SnapshotSize"].GetInt64());
    }

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task SnapshotGroup_IsCreatedOfAnInstancesDisks_DescribedWithItsSnapshots_AndDeletedWithThem(EcsSigning signing)
    {
        // Arrange
        var instanceId = await NewRunningInstanceAsync($"group-{signing}");

        // Act
        var created = await api.Alice(signing).CallAsync("CreateSnapshotGroup", ("RegionId", Region), ("InstanceId", instanceId), ("Name", $"group-{signing}"));
        var groupId = created["SnapshotGroupId"].GetString()!;
        await CompleteTasksAsync();
        var described = await api.Alice(signing).CallAsync("DescribeSnapshotGroups", ("RegionId", Region), ("SnapshotGroupId.1", groupId), ("Status.1", "accomplished"));
        var deleted = await api.Alice(signing).CallAsync("DeleteSnapshotGroup", ("RegionId", Region), ("SnapshotGroupId", groupId));
        var afterwards = await api.Alice(signing).CallAsync("DescribeSnapshots", ("RegionId", Region), ("InstanceId", instanceId));

        // Assert
        Assert.StartsWith("ssg-", groupId, StringComparison.Ordinal);
        var group = Assert.Single(described["SnapshotGroups"].GetProperty("SnapshotGroup").EnumerateArray());
        Assert.Equal((instanceId, "accomplished"), (group.GetProperty("InstanceId").GetString(), group.GetProperty("Status").GetString()));
        var snapshot = Assert.Single(group.GetProperty("Snapshots").GetProperty("Snapshot").EnumerateArray());
        Assert.Equal(("system", "100%", true), (snapshot.GetProperty("SourceDiskType").GetString(), snapshot.GetProperty("Progress").GetString(),
            snapshot.GetProperty("Available").GetBoolean()));
        var progress = Assert.Single(deleted["OperationProgressSet"].GetProperty("OperationProgress").EnumerateArray());
        Assert.Equal("Success", progress.GetProperty("OperationStatus").GetString());
        Assert.Empty(afterwards["Snapshots"].GetProperty("Snapshot").EnumerateArray());
    }

    [Fact]
    public async Task SnapshotGroup_IsRefused_ForAnUnknownInstance_ADetachedDisk_AnUnknownGroup_AndAReadOnlyMember()
    {
        // Arrange
        var detached = await api.Alice().CallAsync("CreateDisk", ("RegionId", Region), ("ZoneId", "cn-hangzhou-h"), ("DiskCategory", "cloud_essd"), ("Size", "20"));
        var running = await NewRunningInstanceAsync("group-refusals");

        // Act
        var unknown = await api.Alice().CallAsync("CreateSnapshotGroup", ("RegionId", Region), ("InstanceId", "i-nosuchinstance"));
        var notInUse = await api.Alice().CallAsync("CreateSnapshotGroup", ("RegionId", Region), ("DiskId.1", detached["DiskId"].GetString()!));
        var noGroup = await api.Alice().CallAsync("DeleteSnapshotGroup", ("RegionId", Region), ("SnapshotGroupId", "ssg-nosuchgroup"));
        var bob = await api.As(DemoWorld.Bob).CallAsync("CreateSnapshotGroup", ("RegionId", Region), ("InstanceId", running));

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, "InvalidInstanceId.NotFound"), (unknown.Status, unknown.Code));
        Assert.Equal((HttpStatusCode.Forbidden, "IncorrectDiskStatus"), (notInUse.Status, notInUse.Code));
        Assert.Equal((HttpStatusCode.NotFound, "InvalidSnapshotGroupId.NotFound"), (noGroup.Status, noGroup.Code));
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (bob.Status, bob.Code));
    }
}
