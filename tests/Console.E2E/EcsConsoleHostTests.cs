namespace EcsConsole.E2E;

/// <summary>What the suite fixture of README "For test suites" promises beyond the browser journeys: the demo users'
/// AccessKeys, API faults and their clearing, completing tasks, a refused control, and a database gone on dispose.</summary>
public sealed class EcsConsoleHostTests
{
    private static readonly Dictionary<string, string> CopyToShanghai = new()
    {
        ["RegionId"] = "cn-hangzhou", ["DestinationRegionId"] = "cn-shanghai", ["ImageId"] = "m-does-not-exist",
    };

    [Fact]
    public async Task TheControls_FaultTheApi_ClearTheFaults_CompleteTasks_AndRefuseBadInput_AndDisposingDeletesTheDatabase()
    {
        // Arrange: a console, and Alice's seeded AccessKey as DemoUsers gives it
        var console = await EcsConsoleHost.StartAsync(new EcsConsoleHostOptions { TaskDuration = TimeSpan.FromHours(1) });
        using var alice = new EcsApi(console.Url, DemoUsers.Alice.AccessKeyId!, DemoUsers.Alice.AccessKeySecret!);

        // Act and Assert: an API fault answers the next CopyImage with its code and status, once
        await console.AddApiFaultAsync("CopyImage", "Throttling.User", 400, count: 1);
        var (status, faulted) = await alice.SendAsync("CopyImage", CopyToShanghai);
        Assert.Equal(400, status);
        Assert.Equal("Throttling.User", faulted.RootElement.GetProperty("Code").GetString());
        var (_, next) = await alice.SendAsync("CopyImage", CopyToShanghai);
        Assert.NotEqual("Throttling.User", next.RootElement.GetProperty("Code").GetString());

        // Act and Assert: cleared faults never fire
        await console.AddApiFaultAsync("CopyImage", "Throttling.User", 400, count: 5);
        await console.ClearFaultsAsync();
        var (_, cleared) = await alice.SendAsync("CopyImage", CopyToShanghai);
        Assert.NotEqual("Throttling.User", cleared.RootElement.GetProperty("Code").GetString());

        // Act and Assert: an hour-long image task ends at once when tasks are completed
        var instanceId = await alice.InstanceIdAsync("cn-hangzhou", "web-1");
        using var created = await alice.CallAsync("CreateImage",
            new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["InstanceId"] = instanceId, ["ImageName"] = "fixture-completed" });
        Assert.True(await console.CompleteTasksAsync() >= 1);

        // Act and Assert: bad input is refused with the control's code
        var refused = await Assert.ThrowsAsync<SimulationControlException>(() => console.AdvanceClockAsync(TimeSpan.FromSeconds(-5)));
        Assert.Equal(400, refused.Status);
        Assert.Equal("InvalidParameter", refused.Code);

        // Act and Assert: disposing stops the console and deletes its database
        await console.DisposeAsync();
        Assert.False(File.Exists(console.DatabasePath));
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(console.Url + "/healthz"));
    }
}
