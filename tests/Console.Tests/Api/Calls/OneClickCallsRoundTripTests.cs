using System.Net;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Storage;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>
/// The "Equivalent API call" of the one-click changes and of the confirmations (Cancel Copy, Cancel Task, Deprecate and
/// Restore, Delete Snapshot, Start Build, Cancel Build, Delete Template, Delete Component), sent to the API, does what the
/// console does (ADR-014). Ten-minute jobs on a host with the simulation control: a task stays in flight until the test
/// completes it.
/// </summary>
public sealed class OneClickCallsRoundTripTests(SimulationHostFixture sim) : IClassFixture<SimulationHostFixture>
{
    private const string Region = "cn-hangzhou";
    private const string Ubuntu = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";

    private async Task<EcsResponse> SendAsync(EcsCall call) => await sim.Alice().CallAsync(call.Action, call.ToWire());

    private async Task<string> AcmeBaseAsync()
    {
        var found = await sim.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));
        return found["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;
    }

    private async Task<string> TaskStatusAsync(string regionId, string taskId)
    {
        var tasks = await sim.Alice().CallAsync("DescribeTasks", ("RegionId", regionId), ("TaskIds", taskId));
        return tasks["TaskSet"].GetProperty("Task")[0].GetProperty("TaskStatus").GetString()!;
    }

    [Fact]
    public async Task CancelCopyImage_ThePanelsCall_RemovesTheCopyInFlight()
    {
        // Arrange: a copy to Shanghai, still transferring
        var copied = await SendAsync(EcsCalls.CopyImage(new CopyImageRequest(Region, await AcmeBaseAsync(), "cn-shanghai", "to-cancel", null)));
        Assert.True(copied.Status == HttpStatusCode.OK, copied.ToString());
        var copyId = copied["ImageId"].GetString()!;

        // Act: what Cancel Copy on the copy's row sends (the copy's own region)
        var cancelled = await SendAsync(EcsCalls.CancelCopyImage("cn-shanghai", copyId));
        var after = await sim.Alice().CallAsync("DescribeImages", ("RegionId", "cn-shanghai"), ("ImageId", copyId), ("Status", "ALL"));

        // Assert
        Assert.True(cancelled.Status == HttpStatusCode.OK, cancelled.ToString());
        Assert.Equal(0, after["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task CancelTask_ThePanelsCall_CancelsAnExportInFlight()
    {
        // Arrange: an export, still running
        var exported = await SendAsync(EcsCalls.ExportImage(new ExportImageRequest(Region, await AcmeBaseAsync(), "acme-images-hangzhou", "tocancel", "raw")));
        Assert.True(exported.Status == HttpStatusCode.OK, exported.ToString());
        var taskId = exported["TaskId"].GetString()!;

        // Act: what the tasks page's Cancel sends
        var cancelled = await SendAsync(EcsCalls.CancelTask(Region, taskId));

        // Assert
        Assert.True(cancelled.Status == HttpStatusCode.OK, cancelled.ToString());
        Assert.Equal("Cancelled", await TaskStatusAsync(Region, taskId));
    }

    [Fact]
    public async Task DeprecateThenRestore_ThePanelsCalls_MoveTheImageToDeprecatedAndBack()
    {
        // Arrange
        var imageId = await AcmeBaseAsync();

        // Act
        var deprecated = await SendAsync(EcsCalls.ModifyImageAttribute(Region, imageId, new ModifyImageRequest(), ImageStatus.Deprecated));
        var whileDeprecated = await sim.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageId", imageId), ("Status", "ALL"));
        var restored = await SendAsync(EcsCalls.ModifyImageAttribute(Region, imageId, new ModifyImageRequest(), ImageStatus.Available));
        var afterRestore = await sim.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageId", imageId), ("Status", "ALL"));

        // Assert
        Assert.True(deprecated.Status == HttpStatusCode.OK, deprecated.ToString());
        Assert.Equal("Deprecated", whileDeprecated["Images"].GetProperty("Image")[0].GetProperty("Status").GetString());
        Assert.True(restored.Status == HttpStatusCode.OK, restored.ToString());
        Assert.Equal("Available", afterRestore["Images"].GetProperty("Image")[0].GetProperty("Status").GetString());
    }

    [Fact]
    public async Task DeleteSnapshot_ThePanelsCall_DeletesTheSnapshot()
    {
        // Arrange: a finished snapshot of a data disk
        var disks = await sim.Alice().CallAsync("DescribeDisks", ("RegionId", Region), ("DiskType", "data"));
        var diskId = disks["Disks"].GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
        var created = await SendAsync(EcsCalls.CreateSnapshot(new CreateSnapshotRequest(Region, diskId, "to-delete", null)));
        var snapshotId = created["SnapshotId"].GetString()!;
        await sim.PostAsync("/simulation/tasks/complete");

        // Act
        var deleted = await SendAsync(EcsCalls.DeleteSnapshot(snapshotId));
        var after = await sim.Alice().CallAsync("DescribeSnapshots", ("RegionId", Region), ("SnapshotIds", $"[\"{snapshotId}\"]"));

        // Assert
        Assert.True(deleted.Status == HttpStatusCode.OK, deleted.ToString());
        Assert.Equal(0, after["Snapshots"].GetProperty("Snapshot").GetArrayLength());
    }

    [Fact]
    public async Task StartBuildCancelBuildAndTheDeletes_ThePanelsCalls_DoWhatTheImageBuilderPagesDo()
    {
        // Arrange: a component and a template that uses it, made through their dialogs' calls
        var component = await SendAsync(EcsCalls.CreateImageComponent(new CreateImageComponentRequest
        {
            RegionId = Region, Name = "one-click-component", ComponentVersion = "1.0.0", SystemType = "Linux", ComponentType = "Build", Content = "RUN true",
        }));
        var componentId = component["ImageComponentId"].GetString()!;
        var template = await SendAsync(EcsCalls.CreateImagePipeline(new CreateImagePipelineRequest
        {
            RegionId = Region, Name = "one-click-template", BaseImageType = "IMAGE", BaseImage = Ubuntu, InstanceType = "ecs.g7.large",
            BuildContent = $"COMPONENT {componentId}",
        }));
        Assert.True(template.Status == HttpStatusCode.OK, template.ToString());
        var pipelineId = template["ImagePipelineId"].GetString()!;

        // Act and Assert: Start Build
        var started = await SendAsync(EcsCalls.StartImagePipelineExecution(Region, pipelineId));
        Assert.True(started.Status == HttpStatusCode.OK, started.ToString());
        var executionId = started["ExecutionId"].GetString()!;
        Assert.Equal("PREPARING", await ExecutionStatusAsync(executionId));

        // Act and Assert: Cancel Build, then the cancellation runs out
        var cancelled = await SendAsync(EcsCalls.CancelImagePipelineExecution(Region, executionId));
        Assert.True(cancelled.Status == HttpStatusCode.OK, cancelled.ToString());
        Assert.Equal("CANCELLING", await ExecutionStatusAsync(executionId));
        await sim.PostAsync("/simulation/tasks/complete");
        Assert.Equal("CANCELLED", await ExecutionStatusAsync(executionId));

        // Act and Assert: Delete Template, then Delete Component (no longer in use)
        var templateDeleted = await SendAsync(EcsCalls.DeleteImagePipeline(Region, pipelineId));
        var componentDeleted = await SendAsync(EcsCalls.DeleteImageComponent(Region, componentId));
        Assert.True(templateDeleted.Status == HttpStatusCode.OK, templateDeleted.ToString());
        Assert.True(componentDeleted.Status == HttpStatusCode.OK, componentDeleted.ToString());
        var components = await sim.Alice().CallAsync("DescribeImageComponents", ("RegionId", Region), ("ImageComponentId.1", componentId));
        Assert.Equal(0, components["ImageComponent"].GetProperty("ImageComponentSet").GetArrayLength());
    }

    private async Task<string> ExecutionStatusAsync(string executionId)
    {
        var response = await sim.Alice().CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ExecutionId", executionId));
        return response["ImagePipelineExecution"].GetProperty("ImagePipelineExecutionSet")[0].GetProperty("Status").GetString()!;
    }
}
