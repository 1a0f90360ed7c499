using System.Net;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Task faults (ui-contract §7) on the task types a suite meets most, beyond CreateImage (<see cref="SimulationControlTests"/>):
/// the task ends as a real failure ends it — its resource failed, the task <c>Failed</c> with the injected code in
/// DescribeTaskAttribute — and each firing is in the audit log as <c>&lt;type&gt;:InjectedFault</c> with that code.
/// </summary>
public sealed class InjectedTaskFaultTests(SimulationHostFixture sim) : IClassFixture<SimulationHostFixture>
{
    private const string Region = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";

    [Fact]
    public async Task ACopyImageFault_FailsOneCopyAtItsEnd_AsARealFailure_TheNextCopySucceeds_AndTheFiringIsAudited()
    {
        // Arrange: one CopyImage fault, and a copy to Shanghai
        await sim.ControlAsync(HttpMethod.Delete, "/simulation/faults");
        var alice = sim.Alice();
        var fault = await sim.PostAsync("/simulation/faults", new { taskType = "CopyImage", code = "InternalError", count = 1 });
        var source = await AcmeBaseAsync(alice);
        var faulted = await CopyAsync(alice, source, "faulted-copy");

        // Act: the copy runs to its end, then a second copy does
        await sim.PostAsync("/simulation/tasks/complete");
        var next = await CopyAsync(alice, source, "next-copy");
        await sim.PostAsync("/simulation/tasks/complete");

        // Assert: the faulted copy is CreateFailed, its task Failed with the code; the fault was used up by it
        Assert.Equal("CreateFailed", await ImageStatusAsync(alice, Shanghai, faulted.ImageId));
        var attribute = await alice.CallAsync("DescribeTaskAttribute", ("RegionId", Shanghai), ("TaskId", faulted.TaskId));
        Assert.Equal("Failed", attribute["TaskStatus"].GetString());
        Assert.Equal("InternalError", attribute["OperationProgressSet"].GetProperty("OperationProgress")[0].GetProperty("ErrorCode").GetString());
        Assert.Equal("Available", await ImageStatusAsync(alice, Shanghai, next.ImageId));
        Assert.Equal("1", await sim.App.QueryScalarAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'CopyImage:InjectedFault' AND ResourceId = '{fault.Body.GetProperty("faultId").GetString()}' AND ErrorCode = 'InternalError'"));
    }

    [Fact]
    public async Task ACreateSnapshotFault_LeavesAFailedSnapshot_AndAFailedTask_AndTheFiringIsAudited()
    {
        // Arrange
        await sim.ControlAsync(HttpMethod.Delete, "/simulation/faults");
        var alice = sim.Alice();
        var fault = await sim.PostAsync("/simulation/faults", new { taskType = "CreateSnapshot", code = "OperationDenied.Snapshot", count = 1 });
        var disks = await alice.CallAsync("DescribeDisks", ("RegionId", Region), ("DiskType", "data"));
        var diskId = disks["Disks"].GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
        var created = await alice.CallAsync("CreateSnapshot", ("DiskId", diskId), ("SnapshotName", "faulted-snapshot"));
        var snapshotId = created["SnapshotId"].GetString()!;

        // Act
        await sim.PostAsync("/simulation/tasks/complete");

        // Assert
        var snapshots = await alice.CallAsync("DescribeSnapshots", ("RegionId", Region), ("SnapshotIds", $"[\"{snapshotId}\"]"));
        Assert.Equal("failed", snapshots["Snapshots"].GetProperty("Snapshot")[0].GetProperty("Status").GetString());
        var tasks = await alice.CallAsync("DescribeTasks", ("RegionId", Region), ("ResourceIds.1", snapshotId));
        Assert.Equal("Failed", tasks["TaskSet"].GetProperty("Task")[0].GetProperty("TaskStatus").GetString());
        Assert.Equal("1", await sim.App.QueryScalarAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'CreateSnapshot:InjectedFault' AND ResourceId = '{fault.Body.GetProperty("faultId").GetString()}' AND ErrorCode = 'OperationDenied.Snapshot'"));
    }

    private static async Task<(string ImageId, string TaskId)> CopyAsync(EcsTestClient alice, string source, string name)
    {
        var copied = await alice.CallAsync("CopyImage", ("RegionId", Region), ("ImageId", source), ("DestinationRegionId", Shanghai), ("DestinationImageName", name));
        Assert.True(copied.Status == HttpStatusCode.OK, copied.ToString());
        var imageId = copied["ImageId"].GetString()!;
        var tasks = await alice.CallAsync("DescribeTasks", ("RegionId", Shanghai), ("ResourceIds.1", imageId));
        return (imageId, tasks["TaskSet"].GetProperty("Task")[0].GetProperty("TaskId").GetString()!);
    }

    private static async Task<string> AcmeBaseAsync(EcsTestClient alice)
    {
        var found = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));
        return found["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;
    }

    private static async Task<string?> ImageStatusAsync(EcsTestClient client, string regionId, string imageId)
    {
        var images = (await client.CallAsync("DescribeImages", ("RegionId", regionId), ("ImageId", imageId), ("Status", "ALL")))["Images"].GetProperty("Image");
        return images.GetArrayLength() == 0 ? null : images[0].GetProperty("Status").GetString();
    }
}
