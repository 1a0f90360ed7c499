using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// One console host with the simulation control on (ui-contract §7) and ten-minute tasks, so nothing finishes unless a
/// test advances the clock or completes the tasks. Tests start by clearing the faults they may have left.
/// </summary>
public sealed class SimulationHostFixture : IDisposable
{
    public const string Token = "test-simulation-token";

    public ConsoleAppFactory App { get; } = new(settings: new Dictionary<string, string>
    {
        ["Simulation:ControlToken"] = Token,
        ["Simulation:TaskDuration"] = "00:10:00",
    });

    public EcsTestClient Alice()
    {
        var (id, secret, _) = DemoWorld.AccessKeys.First(k => k.User == DemoWorld.Alice);
        return Client((id, secret));
    }

    public EcsTestClient Client((string Id, string Secret) key) => new(App.CreateBrowserLikeClient(), key.Id, key.Secret);

    /// <summary>Sends a control request with the token (or another <paramref name="token"/>; null sends none).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> ControlAsync(HttpMethod method, string path, object? body = null, string? token = Token)
    {
        using var http = App.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body = null) => ControlAsync(HttpMethod.Post, path, body);

    public void Dispose() => App.Dispose();
}

/// <summary>The simulation control's HTTP interface, behaviour by behaviour (ui-contract §7). Codes are asserted, never messages.</summary>
public sealed class SimulationControlTests(SimulationHostFixture sim) : IClassFixture<SimulationHostFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task Control_WithoutAToken_IsNotThere()
    {
        // Arrange: a console started without Simulation:ControlToken
        using var app = new ConsoleAppFactory();
        using var http = app.CreateBrowserLikeClient();

        // Act
        var reset = await http.PostAsync("/simulation/reset", null);
        var faults = await http.DeleteAsync("/simulation/faults");
        var unknown = await http.GetAsync("/simulation/anything/else");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, faults.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Control_WithAWrongOrMissingToken_IsUnauthorized()
    {
        // Act
        var wrong = await sim.ControlAsync(HttpMethod.Post, "/simulation/tasks/complete", token: "not-the-token");
        var missing = await sim.ControlAsync(HttpMethod.Post, "/simulation/tasks/complete", token: null);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("Unauthorized", wrong.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
    }

    [Fact]
    public async Task Reset_BringsBackADeletedDemoImage_AndRemovesACreatedOne()
    {
        // Arrange: acme-base-v1 deleted, a new image made
        var alice = sim.Alice();
        var demoImage = (await ImageIdAsync(alice, "acme-base-v1"))!;
        var deleted = await alice.CallAsync("DeleteImage", ("RegionId", Region), ("ImageId", demoImage), ("Force", "true"));
        var created = await alice.CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", await EcsApiImageTests.RunningInstanceAsync(alice)), ("ImageName", "made-before-reset"));
        Assert.True(deleted.Status == HttpStatusCode.OK, deleted.ToString());
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());

        // Act
        var reset = await sim.PostAsync("/simulation/reset");

        // Assert
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.True(reset.Body.GetProperty("elapsedMs").GetInt64() >= 0);
        Assert.Equal(demoImage, await ImageIdAsync(alice, "acme-base-v1"));
        Assert.Null(await ImageStatusAsync(alice, created["ImageId"].GetString()!));
    }

    [Fact]
    public async Task EveryLaterReset_GivesTheSameWorldAgain_AndItTakesNewWrites()
    {
        // Arrange: a first reset (on PostgreSQL it keeps the copy later resets restore), then the world changed
        var alice = sim.Alice();
        await sim.PostAsync("/simulation/reset");
        var demoImage = (await ImageIdAsync(alice, "acme-base-v1"))!;
        await alice.CallAsync("DeleteImage", ("RegionId", Region), ("ImageId", demoImage), ("Force", "true"));
        var account = await sim.PostAsync("/simulation/accounts", new { name = "gone-after-reset" });

        // Act: two more resets, then a write of every kind a suite makes first (an account, an image through the API)
        var second = await sim.PostAsync("/simulation/reset");
        var third = await sim.PostAsync("/simulation/reset");
        var after = await sim.PostAsync("/simulation/accounts", new { name = "after-reset" });
        var created = await CreateImageAsync(alice, "made-after-reset");

        // Assert: the demo world, no trace of the account made before, and new rows take fresh IDs
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (second.Status, third.Status));
        Assert.Equal(demoImage, await ImageIdAsync(alice, "acme-base-v1"));
        Assert.Equal("0", await sim.App.QueryScalarAsync(
            $"SELECT COUNT(*) FROM Accounts WHERE Id = '{account.Body.GetProperty("accountId").GetString()}'"));
        Assert.Equal(HttpStatusCode.Created, after.Status);
        Assert.Equal("Creating", await ImageStatusAsync(alice, created));
    }

    [Fact]
    public async Task EveryReset_LeavesTheCustomTabsKeptCounts_EqualToTheImages()
    {
        // Arrange: images deleted and made (the kept counts follow them with triggers; a reset replaces the images whole:
        // on PostgreSQL a TRUNCATE, which fires no row trigger, and a copy back, which does)
        var alice = sim.Alice();
        await sim.PostAsync("/simulation/reset");
        var demoImage = (await ImageIdAsync(alice, "acme-base-v1"))!;
        await alice.CallAsync("DeleteImage", ("RegionId", Region), ("ImageId", demoImage), ("Force", "true"));
        await CreateImageAsync(alice, "counted-before-reset");

        // Act: the first reset of a process seeds, the later ones copy back
        var drift = new List<int>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await sim.PostAsync("/simulation/reset");
            await using var db = await sim.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
            drift.Add(await KeptCounts.DriftAsync(db));
        }

        // Assert
        Assert.Equal([0, 0], drift);
    }

    [Fact]
    public async Task Accounts_CreatesAnIsolatedAccount_WhoseKeySeesOnlyPublicImages()
    {
        // Act
        var created = await sim.PostAsync("/simulation/accounts", new { name = "suite-1" });

        // Assert: a 16-digit account, a user who can sign in, a working key
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var body = created.Body;
        Assert.Matches("^[1-9][0-9]{15}$", body.GetProperty("accountId").GetString());
        using (var scope = sim.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            var user = await users.FindByEmailAsync(body.GetProperty("email").GetString()!);
            Assert.NotNull(user);
            Assert.True(user.EmailConfirmed);
            Assert.True(await users.CheckPasswordAsync(user, body.GetProperty("password").GetString()!));
        }

        var client = sim.Client((body.GetProperty("accessKeyId").GetString()!, body.GetProperty("accessKeySecret").GetString()!));
        var own = await client.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"));
        var others = await client.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "others"), ("PageSize", "100"));
        var system = await client.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"));
        var acmeByName = await client.CallAsync("DescribeImages", ("RegionId", Region), ("ImageName", "acme-base-v1"), ("Status", "ALL"));
        var instances = await client.CallAsync("DescribeInstances", ("RegionId", Region));
        Assert.True(own.Status == HttpStatusCode.OK, own.ToString());
        Assert.Equal(0, own["TotalCount"].GetInt32());
        Assert.True(system["TotalCount"].GetInt32() > 0);
        Assert.DoesNotContain(others["Images"].GetProperty("Image").EnumerateArray(),
            i => i.GetProperty("ImageName").GetString() is "globex-shared-tools" or "acme-base-v1");
        Assert.Equal(0, acmeByName["TotalCount"].GetInt32());
        Assert.Equal(0, instances["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task ClockAdvance_FinishesACreateImageDueInThatTime()
    {
        // Arrange: a ten-minute CreateImage
        await sim.ControlAsync(HttpMethod.Delete, "/simulation/faults");
        var alice = sim.Alice();
        var imageId = await CreateImageAsync(alice, "made-by-the-clock");
        Assert.Equal("Creating", await ImageStatusAsync(alice, imageId));

        // Act
        var advanced = await sim.PostAsync("/simulation/clock/advance", new { seconds = 600 });

        // Assert: it answered after the steps ran
        Assert.Equal(HttpStatusCode.OK, advanced.Status);
        Assert.True(advanced.Body.GetProperty("now").GetDateTimeOffset() >= DateTimeOffset.UtcNow.AddSeconds(590));
        Assert.Equal("Available", await ImageStatusAsync(alice, imageId));
    }

    [Fact]
    public async Task TasksComplete_FinishesEveryRunningTaskNow()
    {
        // Arrange
        await sim.ControlAsync(HttpMethod.Delete, "/simulation/faults");
        var alice = sim.Alice();
        var imageId = await CreateImageAsync(alice, "made-by-complete");

        // Act
        var completed = await sim.PostAsync("/simulation/tasks/complete");

        // Assert
        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.True(completed.Body.GetProperty("completed").GetInt32() >= 1);
        Assert.Equal("Available", await ImageStatusAsync(alice, imageId));
        var tasks = await alice.CallAsync("DescribeTasks", ("RegionId", Region), ("ResourceIds.1", imageId));
        Assert.Equal("Finished", tasks["TaskSet"].GetProperty("Task")[0].GetProperty("TaskStatus").GetString());
    }

    [Fact]
    public async Task ApiFault_AnswersItsCodeAndStatusNTimes_ThenTheActionRuns_AndEachFiringIsAudited()
    {
        // Arrange
        await sim.ControlAsync(HttpMethod.Delete, "/simulation/faults");
        var alice = sim.Alice();

        // Act
        var fault = await sim.PostAsync("/simulation/faults", new { action = "DescribeInstanceTypes", code = "Throttling.User", httpStatus = 400, count = 2 });
        var first = await alice.CallAsync("DescribeInstanceTypes");
        var second = await alice.CallAsync("DescribeInstanceTypes");
        var third = await alice.CallAsync("DescribeInstanceTypes");

        // Assert
        Assert.Equal(HttpStatusCode.Created, fault.Status);
        var faultId = fault.Body.GetProperty("faultId").GetString()!;
        Assert.Equal((HttpStatusCode.BadRequest, "Throttling.User"), (first.Status, first.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "Throttling.User"), (second.Status, second.Code));
        Assert.True(third.Status == HttpStatusCode.OK, third.ToString());
        Assert.Equal("2", await sim.App.QueryScalarAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'DescribeInstanceTypes:InjectedFault' AND ResourceId = '{faultId}' AND ErrorCode = 'Throttling.User'"));
    }

    [Fact]
    public async Task ApiFault_TheLastOneIsTakenOnce_ByParallelCalls()
    {
        // Arrange
        await sim.ControlAsync(HttpMethod.Delete, "/simulation/faults");
        var alice = sim.Alice();
        await sim.PostAsync("/simulation/faults", new { action = "DescribeRegions", code = "ServiceUnavailable", httpStatus = 503, count = 1 });

        // Act
        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => alice.CallAsync("DescribeRegions")));

        // Assert
        Assert.Single(calls, c => c.Code == "ServiceUnavailable" && c.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(5, calls.Count(c => c.Status == HttpStatusCode.OK));
    }

    [Fact]
    public async Task TaskFault_EndsACreateImageInCreateFailed()
    {
        // Arrange
        await sim.ControlAsync(HttpMethod.Delete, "/simulation/faults");
        var alice = sim.Alice();
        var fault = await sim.PostAsync("/simulation/faults", new { taskType = "CreateImage", code = "InternalError", count = 1 });
        var imageId = await CreateImageAsync(alice, "made-to-fail");

        // Act
        await sim.PostAsync("/simulation/tasks/complete");

        // Assert
        Assert.Equal(HttpStatusCode.Created, fault.Status);
        Assert.Equal("CreateFailed", await ImageStatusAsync(alice, imageId));
        var task = (await alice.CallAsync("DescribeTasks", ("RegionId", Region), ("ResourceIds.1", imageId)))["TaskSet"].GetProperty("Task")[0];
        Assert.Equal("Failed", task.GetProperty("TaskStatus").GetString());
        Assert.Equal("1", await sim.App.QueryScalarAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'CreateImage:InjectedFault' AND ResourceId = '{fault.Body.GetProperty("faultId").GetString()}' AND ErrorCode = 'InternalError'"));
    }

    [Fact]
    public async Task DeleteFaults_ClearsEveryPendingFault()
    {
        // Arrange
        var alice = sim.Alice();
        await sim.PostAsync("/simulation/faults", new { action = "DescribeZones", code = "InternalError", httpStatus = 500, count = 5 });

        // Act
        var cleared = await sim.ControlAsync(HttpMethod.Delete, "/simulation/faults");
        var call = await alice.CallAsync("DescribeZones", ("RegionId", Region));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, cleared.Status);
        Assert.True(call.Status == HttpStatusCode.OK, call.ToString());
    }

    [Theory]
    [InlineData("/simulation/clock/advance", "{}", "MissingParameter")]
    [InlineData("/simulation/clock/advance", "{\"seconds\": \"soon\"}", "InvalidParameter")]
    [InlineData("/simulation/clock/advance", "{\"seconds\": -5}", "InvalidParameter")]
    [InlineData("/simulation/clock/advance", "not json", "InvalidParameter")]
    [InlineData("/simulation/clock/advance", "[1]", "InvalidParameter")]
    [InlineData("/simulation/faults", "{\"code\": \"X\"}", "MissingParameter")]
    [InlineData("/simulation/faults", "{\"action\": \"NoSuchAction\", \"code\": \"X\", \"httpStatus\": 400}", "InvalidParameter")]
    [InlineData("/simulation/faults", "{\"action\": \"CopyImage\", \"code\": \"X\", \"httpStatus\": 200}", "InvalidParameter")]
    [InlineData("/simulation/faults", "{\"action\": \"CopyImage\", \"code\": \"X\"}", "MissingParameter")]
    [InlineData("/simulation/faults", "{\"action\": \"CopyImage\", \"code\": \"X\", \"httpStatus\": 400, \"count\": 0}", "InvalidParameter")]
    [InlineData("/simulation/faults", "{\"action\": \"CopyImage\", \"taskType\": \"CopyImage\", \"code\": \"X\", \"httpStatus\": 400}", "InvalidParameter")]
    [InlineData("/simulation/faults", "{\"taskType\": \"Nap\", \"code\": \"X\"}", "InvalidParameter")]
    [InlineData("/simulation/faults", "{\"taskType\": \"ImageBuild\", \"code\": \"X\"}", "InvalidParameter")]
    [InlineData("/simulation/faults", "{\"taskType\": \"CreateImage\", \"code\": \"not a code\"}", "InvalidParameter")]
    [InlineData("/simulation/accounts", "{\"name\": 7}", "InvalidParameter")]
    public async Task BadInput_IsA400WithAStableCode(string path, string body, string code)
    {
        // Act
        var answer = await sim.PostAsync(path, body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(code, answer.Body.GetProperty("code").GetString());
    }

    private async Task<string> CreateImageAsync(EcsTestClient alice, string name)
    {
        var created = await alice.CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", await EcsApiImageTests.RunningInstanceAsync(alice)), ("ImageName", name));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created["ImageId"].GetString()!;
    }

    private static async Task<string?> ImageStatusAsync(EcsTestClient client, string imageId)
    {
        var images = (await client.CallAsync("DescribeImages", ("RegionId", Region), ("ImageId", imageId), ("Status", "ALL")))["Images"].GetProperty("Image");
        return images.GetArrayLength() == 0 ? null : images[0].GetProperty("Status").GetString();
    }

    private static async Task<string?> ImageIdAsync(EcsTestClient client, string name)
    {
        var images = (await client.CallAsync("DescribeImages", ("RegionId", Region), ("ImageName", name), ("Status", "ALL")))["Images"].GetProperty("Image");
        return images.GetArrayLength() == 0 ? null : images[0].GetProperty("ImageId").GetString();
    }
}
