using System.Net;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcsConsole.Tests.Api;

/// <summary>Cancelling work in flight: a console whose simulated jobs take ten minutes, so nothing finishes under the test.</summary>
public sealed class EcsApiSlowTaskTests : IDisposable
{
    private const string Region = "cn-hangzhou";
    private readonly ConsoleAppFactory _base = new();
    private readonly WebApplicationFactory<Program> _app;

    public EcsApiSlowTaskTests() => _app = _base.WithWebHostBuilder(b => b.UseSetting("Simulation:TaskDuration", "00:10:00"));

    public void Dispose()
    {
        _app.Dispose();
        _base.Dispose();
    }

    [Fact]
    public async Task CancelCopyImage_StopsACopyInProgress_AndCancelTask_StopsAnExport()
    {
        // Arrange: acme-base-v1 is Available from the seed
        var alice = new EcsTestClient(_app.CreateClient(), "LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001");
        var images = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"));
        var imageId = images["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;

        // Act
        var copy = await alice.CallAsync("CopyImage", ("RegionId", Region), ("ImageId", imageId), ("DestinationRegionId", "cn-shanghai"));
        var copyId = copy["ImageId"].GetString()!;
        var cancelCopy = await alice.CallAsync("CancelCopyImage", ("RegionId", "cn-shanghai"), ("ImageId", copyId));
        var export = await alice.CallAsync("ExportImage", ("RegionId", Region), ("ImageId", imageId), ("OSSBucket", "acme-images-hangzhou"));
        var taskId = export["TaskId"].GetString()!;
        var processing = await alice.CallAsync("DescribeTaskAttribute", ("RegionId", Region), ("TaskId", taskId));
        var cancelTask = await alice.CallAsync("CancelTask", ("RegionId", Region), ("TaskId", taskId));
        var cancelled = await alice.CallAsync("DescribeTasks", ("RegionId", Region), ("TaskIds", taskId));
        var twice = await alice.CallAsync("CancelTask", ("RegionId", Region), ("TaskId", taskId));

        // Assert
        Assert.True(cancelCopy.Status == HttpStatusCode.OK, cancelCopy.ToString());
        Assert.Equal("Processing", processing["TaskStatus"].GetString());
        Assert.Equal("true", processing["SupportCancel"].GetString());
        Assert.True(cancelTask.Status == HttpStatusCode.OK, cancelTask.ToString());
        Assert.Equal("Cancelled", cancelled["TaskSet"].GetProperty("Task")[0].GetProperty("TaskStatus").GetString());
        Assert.Equal("InvalidTaskId.IncorrectTaskStatus", twice.Code);
    }
}
