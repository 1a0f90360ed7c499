using System.Net;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>
/// The "Equivalent API call" of Create Snapshot, Delete Image, Stop, Start, Replace System Disk and Release, sent to the
/// API, does what the console does (ADR-014). One world for the class: the steps run in order on one instance.
/// </summary>
public sealed class InstanceAndSnapshotCallsRoundTripTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    private async Task<string> StatusAsync(string instanceId)
    {
        var response = await api.Alice().CallAsync("DescribeInstances", ("RegionId", Region), ("InstanceIds", $"[\"{instanceId}\"]"));
        return response["Instances"].GetProperty("Instance")[0].GetProperty("Status").GetString()!;
    }

    private async Task WaitForAsync(string instanceId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await StatusAsync(instanceId) != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{instanceId} did not become {status}");
            await Task.Delay(100);
        }
    }

    private async Task<EcsResponse> SendAsync(EcsCall call) => await api.Alice().CallAsync(call.Action, call.ToWire());

    [Fact]
    public async Task CreateSnapshot_ThePanelsCall_TakesTheSnapshotWithItsNameAndDescription()
    {
        // Arrange
        var disks = await api.Alice().CallAsync("DescribeDisks", ("RegionId", Region));
        var diskId = disks["Disks"].GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;

        // Act
        var created = await SendAsync(EcsCalls.CreateSnapshot(new CreateSnapshotRequest(Region, diskId, "panel-snapshot", "taken from the panel")));
        var described = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", Region), ("SnapshotIds", $"[\"{created["SnapshotId"].GetString()}\"]"));

        // Assert
        var snapshot = described["Snapshots"].GetProperty("Snapshot")[0];
        Assert.Equal(("panel-snapshot", "taken from the panel", diskId),
            (snapshot.GetProperty("SnapshotName").GetString(), snapshot.GetProperty("Description").GetString(), snapshot.GetProperty("SourceDiskId").GetString()));
    }

    [Fact]
    public async Task DeleteImage_ThePanelsCalls_DeleteEveryImageOfTheDialog()
    {
        // Arrange: Acme's own images in the region, deleted with Force as the dialog's "also if in use"
        var own = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));
        var imageId = own["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;

        // Act
        var responses = new List<EcsResponse>();
        foreach (var call in EcsCalls.DeleteImages(Region, new DeleteImagesRequest([imageId], Force: true)))
        {
            responses.Add(await SendAsync(call));
        }

        var after = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageId", imageId), ("Status", "ALL"));

        // Assert
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(0, after["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task StopReplaceStartAndRelease_ThePanelsCalls_DoWhatTheConsoleDoes()
    {
        // Arrange
        var instanceId = await EcsApiImageTests.RunningInstanceAsync(api.Alice());

        // Act and Assert: stop
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(EcsCalls.StopInstance(instanceId))).Status);
        await WaitForAsync(instanceId, "Stopped");

        // Act and Assert: replace the system disk with Ubuntu, a password as the dialog sends it
        var replaced = await SendAsync(EcsCalls.ReplaceSystemDisk(new ReplaceSystemDiskRequest
        {
            RegionId = Region, InstanceId = instanceId, ImageId = "ubuntu_22_04_x64_20G_alibase_20240130.vhd", SystemDiskSizeGiB = 50, Password = "Panel@Pass123",
        }));
        Assert.True(replaced.Status == HttpStatusCode.OK, replaced.ToString());
        var described = await api.Alice().CallAsync("DescribeInstances", ("RegionId", Region), ("InstanceIds", $"[\"{instanceId}\"]"));
        Assert.Equal("ubuntu_22_04_x64_20G_alibase_20240130.vhd", described["Instances"].GetProperty("Instance")[0].GetProperty("ImageId").GetString());
        await WaitForAsync(instanceId, "Running");

        // Act and Assert: release it while running (Force, as the console's Release of a running instance)
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(EcsCalls.DeleteInstance(instanceId, force: true))).Status);
        var gone = await api.Alice().CallAsync("DescribeInstances", ("RegionId", Region), ("InstanceIds", $"[\"{instanceId}\"]"));
        Assert.Equal(0, gone["Instances"].GetProperty("Instance").GetArrayLength());
    }

    [Fact]
    public async Task StartInstance_ThePanelsCall_StartsAStoppedInstance()
    {
        // Arrange: a stopped instance of Acme's
        var all = await api.Alice().CallAsync("DescribeInstances", ("RegionId", Region), ("Status", "Stopped"));
        var stopped = all["Instances"].GetProperty("Instance");
        var instanceId = stopped.GetArrayLength() > 0
            ? stopped[0].GetProperty("InstanceId").GetString()!
            : await StopOneAsync();

        // Act
        var started = await SendAsync(EcsCalls.StartInstance(instanceId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, started.Status);
        await WaitForAsync(instanceId, "Running");
    }

    private async Task<string> StopOneAsync()
    {
        var instanceId = await EcsApiImageTests.RunningInstanceAsync(api.Alice());
        await api.Alice().CallAsync("StopInstance", ("InstanceId", instanceId));
        await WaitForAsync(instanceId, "Stopped");
        return instanceId;
    }
}
