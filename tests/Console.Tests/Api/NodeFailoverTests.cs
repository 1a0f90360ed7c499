using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// A node killed in the middle of a task loses nothing (issue #19, ADR-017): node A runs as a process of its own on a
/// PostgreSQL database, starts a CreateImage and is killed with SIGKILL; node B, started on the same database after it,
/// takes the task over once A's lease has run out and finishes it — one image, one snapshot per disk.
/// </summary>
public sealed class NodeFailoverTests
{
    private const string AliceKey = "LTAI5tDemoAlice000000001";
    private const string AliceSecret = "DemoAliceSecret000000000000000001";

    [PostgresOnlyFact]
    public async Task ACreateImageStartedOnAKilledNode_IsFinishedByAnotherNode_WithNothingDuplicated()
    {
        // Arrange: node A, a separate process, on a fresh database it migrates and seeds; ten-second jobs
        var database = ConsoleAppFactory.NewDatabasePath();
        TestProvider.Create(database);
        var port = FreePort();
        using var nodeA = StartNode(database, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
        await WaitForHealthAsync(http, nodeA);
        var onA = new EcsTestClient(http, AliceKey, AliceSecret);

        // Act: a CreateImage from web-1 on A; A is killed once the task has begun
        var web1 = (await onA.CallAsync("DescribeInstances", ("RegionId", "cn-hangzhou"), ("InstanceName", "web-1")))["Instances"]
            .GetProperty("Instance")[0].GetProperty("InstanceId").GetString()!;
        using var nodeB = new ConsoleAppFactory(database, new Dictionary<string, string> { ["Simulation:TaskDuration"] = "00:00:10" });
        var snapshotsBefore = Count(await nodeB.QueryScalarAsync("SELECT COUNT(*) FROM Snapshots"));
        var created = await onA.CallAsync("CreateImage", ("RegionId", "cn-hangzhou"), ("InstanceId", web1), ("ImageName", "made-across-a-crash"));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var imageId = created["ImageId"].GetString()!;
        await WaitUntilAsync(async () => Count(await nodeB.QueryScalarAsync($"SELECT Progress FROM AsyncTasks WHERE ResourceId = '{imageId}'")) >= 10);
        nodeA.Kill(entireProcessTree: true);
        await nodeA.WaitForExitAsync();

        // Act: node B starts on the same database and runs what is due
        nodeB.CreateBrowserLikeClient().Dispose();
        await WaitUntilAsync(async () => await nodeB.QueryScalarAsync($"SELECT Status FROM AsyncTasks WHERE ResourceId = '{imageId}'") is "Finished" or "Failed");

        // Assert: finished, one image of that name, one new snapshot per disk of web-1
        Assert.Equal("Finished", await nodeB.QueryScalarAsync($"SELECT Status FROM AsyncTasks WHERE ResourceId = '{imageId}'"));
        Assert.Equal("Available", await nodeB.QueryScalarAsync($"SELECT Status FROM Images WHERE Id = '{imageId}'"));
        Assert.Equal("1", await nodeB.QueryScalarAsync("SELECT COUNT(*) FROM Images WHERE Name = 'made-across-a-crash'"));
        var disks = Count(await nodeB.QueryScalarAsync($"SELECT COUNT(*) FROM Disks WHERE InstanceId = '{web1}'"));
        Assert.Equal(disks, Count(await nodeB.QueryScalarAsync("SELECT COUNT(*) FROM Snapshots")) - snapshotsBefore);
        Assert.Equal(disks, Count(await nodeB.QueryScalarAsync($"SELECT COUNT(DISTINCT m.SnapshotId) FROM ImageDiskMappings m JOIN Images i ON i.Key = m.ImageKey WHERE i.Id = '{imageId}'")));
    }

    private static int Count(string? scalar) => scalar is null ? 0 : int.Parse(scalar, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The web project's own build of the console, run with <c>dotnet</c> on the database, as a node of a cluster.</summary>
    private static Process StartNode(string database, int port)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Console.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Console.sln not found above the test binaries");
        }

        var web = Path.Combine(root.FullName, "src", "Console.Web");
        var dll = Path.Combine(AppContext.BaseDirectory, "Console.Web.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = web };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(web);
        start.Environment["ASPNETCORE_URLS"] = $"http://localhost:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__DefaultConnection"] = TestProvider.ConnectionString(database);
        start.Environment["Simulation__TaskDuration"] = "00:00:10";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node A did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process node)
    {
        await WaitUntilAsync(async () =>
        {
            Assert.False(node.HasExited, "node A exited while starting");
            try
            {
                using var response = await http.GetAsync("/healthz");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (a node's start-up, a task's progress), failing after two minutes.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
