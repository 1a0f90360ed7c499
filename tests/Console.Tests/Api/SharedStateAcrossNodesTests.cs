using System.Net;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Nothing that must be shared lives in one process (ADR-017): two hosts over one database behave as one console. On
/// SQLite the two hosts share the file, on PostgreSQL the database.
/// </summary>
public sealed class SharedStateAcrossNodesTests
{
    private const string AliceKey = "LTAI5tDemoAlice000000001";
    private const string AliceSecret = "DemoAliceSecret000000000000000001";

    [Fact]
    public async Task ANonceUsedOnOneNode_IsRefusedOnTheOther()
    {
        // Arrange: node A on a fresh database, node B on the same one
        using var nodeA = new ConsoleAppFactory();
        var nonce = Guid.NewGuid().ToString("N");
        var onA = new EcsTestClient(nodeA.CreateBrowserLikeClient(), AliceKey, AliceSecret) { Nonce = nonce };
        var first = await onA.CallAsync("DescribeRegions");
        using var nodeB = new ConsoleAppFactory(nodeA.DatabasePath);
        var onB = new EcsTestClient(nodeB.CreateBrowserLikeClient(), AliceKey, AliceSecret) { Nonce = nonce };

        // Act
        var replay = await onB.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal(ApiErrors.NonceUsedCode, replay.Code);
    }

    [Fact]
    public async Task TwentyCreatesAtTheLastUnitOfQuota_SpreadOverTwoNodes_LetExactlyOneThrough()
    {
        // Arrange: Acme's image quota in Hangzhou one above its usage (acme-base-v1), two nodes on the database
        using var nodeA = new ConsoleAppFactory();
        var onA = new EcsTestClient(nodeA.CreateBrowserLikeClient(), AliceKey, AliceSecret);
        await using (var db = await nodeA.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = "cn-hangzhou", Name = QuotaCatalogue.ImageCount, Limit = 2 });
            await db.SaveChangesAsync();
        }

        using var nodeB = new ConsoleAppFactory(nodeA.DatabasePath);
        var onB = new EcsTestClient(nodeB.CreateBrowserLikeClient(), AliceKey, AliceSecret);
        var web1 = await nodeA.QueryScalarAsync("SELECT Id FROM Instances WHERE Name = 'web-1'");

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(n => Task.Run(() =>
            (n % 2 == 0 ? onA : onB).CallAsync("CreateImage", ("RegionId", "cn-hangzhou"), ("InstanceId", web1!), ("ImageName", $"racer-{n}")))));

        // Assert
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(19, answers.Count(a => a.Code == ImageErrors.ImageQuotaCode));
        Assert.Equal("1", await nodeA.QueryScalarAsync("SELECT COUNT(*) FROM Images WHERE Name LIKE 'racer-%'"));
    }

    [Fact]
    public async Task ASignInOnOneNode_IsHonouredOnTheOther_AndAKeyMadeOnOneSignsOnTheOther()
    {
        // Arrange: node A and node B on one database (and the one key ring in it)
        using var nodeA = new ConsoleAppFactory();
        using var nodeB = new ConsoleAppFactory(nodeA.DatabasePath);
        using var browserOnA = nodeA.CreateBrowserLikeClient();
        var signIn = await AccountForms.LogInAsync(browserOnA, DemoWorld.Carol, DemoWorld.Password);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var carol = await nodeA.Services.GetRequiredService<EcsConsole.Domain.Accounts.AccountService>()
            .GetActorAsync((await nodeA.QueryScalarAsync($"SELECT Id FROM AspNetUsers WHERE Email = '{DemoWorld.Carol}'"))!);
        await nodeA.Services.GetRequiredService<EcsConsole.Domain.Accounts.AccessKeyService>().DeleteAsync(carol.Value, "LTAI5tDemoCarol000000001");
        var key = (await nodeA.Services.GetRequiredService<EcsConsole.Domain.Accounts.AccessKeyService>().CreateAsync(carol.Value)).Value;

        // Act: the cookie A issued, on B; the key A made, signing a call to B
        using var browserOnB = nodeB.CreateBrowserLikeClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/images?region=cn-hangzhou");
        page.Headers.Add("Cookie", cookie);
        using var onB = await browserOnB.SendAsync(page);
        var call = await new EcsTestClient(nodeB.CreateBrowserLikeClient(), key.Id, key.Secret).CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, call.Status);
    }

    [PostgresOnlyFact]
    public async Task AChangeCommittedOnOneNode_ReachesTheOtherNodesNotifier()
    {
        // Arrange: node A listening, node B on the same database
        using var nodeA = new ConsoleAppFactory();
        nodeA.CreateBrowserLikeClient().Dispose();
        await nodeA.Services.GetRequiredService<EcsConsole.Web.Infrastructure.PostgresChangeRelay>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var arrived = new TaskCompletionSource<EcsConsole.Domain.Common.ResourceChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = nodeA.Services.GetRequiredService<EcsConsole.Domain.Common.ChangeNotifier>()
            .Subscribe(change => { if (change.Kind == EcsConsole.Domain.Common.ResourceKind.KeyPair) { arrived.TrySetResult(change); } });
        using var nodeB = new ConsoleAppFactory(nodeA.DatabasePath);
        var onB = new EcsTestClient(nodeB.CreateBrowserLikeClient(), AliceKey, AliceSecret);

        // Act: a key pair created through node B
        var created = await onB.CallAsync("CreateKeyPair", ("RegionId", "cn-hangzhou"), ("KeyPairName", "made-on-b"));
        var answered = System.Diagnostics.Stopwatch.StartNew();
        var change = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var late = answered.Elapsed;

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.True(late < TimeSpan.FromSeconds(2), $"node A heard of it {late} after node B answered");
        Assert.Equal(("made-on-b", "cn-hangzhou", DemoWorld.AcmeAccountId), (change.ResourceId, change.RegionId, change.AccountId));
    }

    [PostgresOnlyFact]
    public async Task ANodeWhoseListeningConnectionIsCut_ListensAgain_AndStillHearsTheOtherNode()
    {
        // Arrange: node A listening; the server then cuts A's listening connection
        using var nodeA = new ConsoleAppFactory();
        nodeA.CreateBrowserLikeClient().Dispose();
        await nodeA.Services.GetRequiredService<EcsConsole.Web.Infrastructure.PostgresChangeRelay>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var cut = await ListenerAsync(nodeA);
        Assert.NotNull(cut);
        TestProvider.Execute($"SELECT pg_terminate_backend({cut})");
        await UntilAsync(async () => await ListenerAsync(nodeA) is { } again && again != cut);
        var arrived = new TaskCompletionSource<EcsConsole.Domain.Common.ResourceChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = nodeA.Services.GetRequiredService<EcsConsole.Domain.Common.ChangeNotifier>()
            .Subscribe(change => { if (change.Kind == EcsConsole.Domain.Common.ResourceKind.KeyPair) { arrived.TrySetResult(change); } });
        using var nodeB = new ConsoleAppFactory(nodeA.DatabasePath);
        var onB = new EcsTestClient(nodeB.CreateBrowserLikeClient(), AliceKey, AliceSecret);

        // Act: a key pair created through node B
        var created = await onB.CallAsync("CreateKeyPair", ("RegionId", "cn-hangzhou"), ("KeyPairName", "made-after-the-cut"));
        var answered = System.Diagnostics.Stopwatch.StartNew();
        var change = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var late = answered.Elapsed;

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.True(late < TimeSpan.FromSeconds(2), $"node A heard of it {late} after node B answered");
        Assert.Equal("made-after-the-cut", change.ResourceId);
    }

    /// <summary>The server process of <paramref name="node"/>'s listening connection once its LISTEN has run (null while it has none).</summary>
    private static async Task<string?> ListenerAsync(ConsoleAppFactory node) => await node.QueryScalarAsync(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ecsconsole-changes' " +
        $"AND state = 'idle' AND query = 'LISTEN {EcsConsole.Web.Infrastructure.PostgresChangeRelay.Channel}'") is { Length: > 0 } pid ? pid : null;

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after thirty seconds.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(100);
        }
    }

    [PostgresOnlyFact]
    public async Task TwoNodesStartingTogetherOnAnEmptyDatabase_MigrateAndSeedItOnce()
    {
        // Arrange
        using var nodeA = ConsoleAppFactory.OnEmptyDatabase();
        using var nodeB = new ConsoleAppFactory(nodeA.DatabasePath);

        // Act: both start at once (creating a client starts the host: migrate, seed, listen)
        var started = await Task.WhenAll(
            Task.Run(() => nodeA.CreateBrowserLikeClient().GetAsync("/healthz")),
            Task.Run(() => nodeB.CreateBrowserLikeClient().GetAsync("/healthz")));

        // Assert
        Assert.All(started, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("1", await nodeA.QueryScalarAsync($"SELECT COUNT(*) FROM Accounts WHERE Name = 'Acme'"));
        Assert.Equal("1", await nodeA.QueryScalarAsync($"SELECT COUNT(*) FROM AspNetUsers WHERE Email = '{DemoWorld.Alice}'"));
    }

    [PostgresOnlyFact]
    public async Task Healthz_FailsWhileTheDatabaseIsUnreachable_AndRecoversByItself()
    {
        // Arrange
        using var node = new ConsoleAppFactory();
        var client = node.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // Act: the database refuses connections, then takes them again
        TestProvider.Execute($"ALTER DATABASE \"{node.DatabasePath}\" ALLOW_CONNECTIONS false");
        TestProvider.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{node.DatabasePath}'");
        var whileDown = await client.GetAsync("/healthz");
        TestProvider.Execute($"ALTER DATABASE \"{node.DatabasePath}\" ALLOW_CONNECTIONS true");
        var afterwards = await UntilHealthyAsync(client);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal("Unhealthy", await whileDown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Equal("Healthy", await afterwards.Content.ReadAsStringAsync());
    }

    /// <summary>Asks /healthz until it answers 200, at most 50 times (each failed ask discards one dead pooled connection).</summary>
    private static async Task<HttpResponseMessage> UntilHealthyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/healthz");
        for (var attempt = 1; attempt < 50 && response.StatusCode != HttpStatusCode.OK; attempt++)
        {
            response = await client.GetAsync("/healthz");
        }

        return response;
    }
}
