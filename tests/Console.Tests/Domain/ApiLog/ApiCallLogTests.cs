using EcsConsole.Domain.ApiLog;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.ApiLog;

/// <summary>The API log (ADR-013): written in batches with the callers resolved, read per account, pruned, secrets never kept.</summary>
public sealed class ApiCallLogTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly ChangeNotifier _changes = new();
    private ApiCallLogWriter _writer = null!;
    private ApiCallLogService _log = null!;
    private string _aliceId = "", _carolId = "", _bobId = "";
    private int _next;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _writer = new ApiCallLogWriter(_db.Factory, _db.Time, _changes);
        _log = new ApiCallLogService(_db.Factory, _db.Time);
        await using var db = _db.NewContext();
        _aliceId = await db.Users.Where(u => u.Email == DemoWorld.Alice).Select(u => u.Id).SingleAsync();
        _bobId = await db.Users.Where(u => u.Email == DemoWorld.Bob).Select(u => u.Id).SingleAsync();
        _carolId = await db.Users.Where(u => u.Email == DemoWorld.Carol).Select(u => u.Id).SingleAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private ApiCallRecord Call(string userId, string action = "DescribeRegions", string? code = null, int status = 200, TimeSpan? ago = null) => new()
    {
        RequestId = $"REQ-{++_next:D4}",
        Time = _db.Time.GetUtcNow() - (ago ?? TimeSpan.Zero),
        Action = action,
        UserId = userId,
        AccessKeyId = "LTAI-" + userId[..4],
        HttpStatus = status,
        ErrorCode = code,
        DurationMs = 1.5,
        Parameters = ApiParameterRedaction.ToJson([new("RegionId", "cn-hangzhou")]),
    };

    private async Task<IReadOnlyList<string>> RequestIdsAsync(string email, ApiCallQuery? query = null) =>
        (await _log.ListAsync(await _db.ActorAsync(email), query ?? new ApiCallQuery())).Value.Items.Select(c => c.RequestId).ToList();

    [Fact]
    public async Task AWrittenBatch_KnowsItsCallersEmailAndAccount_AndTellsEachAccountOnce()
    {
        // Arrange
        var published = new List<ResourceChange>();
        using var _ = _changes.Subscribe(published.Add);

        // Act
        var written = await _writer.WriteAsync([Call(_aliceId), Call(_bobId), Call(_carolId)]);

        // Assert
        Assert.Equal(3, written);
        await using var db = _db.NewContext();
        var rows = await db.ApiCalls.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([(DemoWorld.Alice, DemoWorld.AcmeAccountId), (DemoWorld.Bob, DemoWorld.AcmeAccountId), (DemoWorld.Carol, DemoWorld.GlobexAccountId)],
            rows.Select(r => (r.UserEmail, r.AccountId)));
        Assert.Equal([DemoWorld.AcmeAccountId, DemoWorld.GlobexAccountId], published.Where(c => c.Kind == ResourceKind.ApiCall).Select(c => c.AccountId).Order());
    }

    [Fact]
    public async Task AWrittenRecord_ReadsBackWithEveryColumn_AsItWasGiven()
    {
        // Arrange: every property set, the nullable ones too (SQLite's batch is a plain insert built from the model)
        var time = _db.Time.GetUtcNow() - TimeSpan.FromMinutes(3);
        var given = new ApiCallRecord
        {
            RequestId = "5D1E2F3A-0000-4000-8000-00000000ABCD",
            Time = time,
            Action = "CreateImage",
            AccountId = DemoWorld.AcmeAccountId,
            UserId = _aliceId,
            UserEmail = DemoWorld.Alice,
            AccessKeyId = "LTAI-alice",
            HttpStatus = 403,
            ErrorCode = "QuotaExceed.Image",
            DurationMs = 12.25,
            Parameters = ApiParameterRedaction.ToJson([new("RegionId", "cn-hangzhou"), new("ImageName", "web-1")]),
        };

        // Act
        await _writer.WriteAsync([given, Call(_bobId)]);

        // Assert
        await using var db = _db.NewContext();
        var rows = await db.ApiCalls.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        var read = rows[0];
        Assert.True(read.Id > 0 && rows[1].Id > read.Id);
        Assert.Equal((given.RequestId, given.Time, given.Action, given.AccountId, given.UserId, given.UserEmail, given.AccessKeyId,
                given.HttpStatus, given.ErrorCode, given.DurationMs, given.Parameters),
            (read.RequestId, read.Time, read.Action, read.AccountId, read.UserId, read.UserEmail, read.AccessKeyId,
                read.HttpStatus, read.ErrorCode, read.DurationMs, read.Parameters));
        Assert.Null(rows[1].ErrorCode);
        // Every stored property is one of those compared above (a property added later must be written too).
        Assert.Equal(12, db.Model.FindEntityType(typeof(ApiCallRecord))!.GetProperties().Count());
    }

    [Fact]
    public async Task Members_SeeTheirAccountsCalls_NewestFirst_AndThePlatformAdminSeesEveryAccount_OrOne()
    {
        // Arrange
        await _writer.WriteAsync([Call(_aliceId), Call(_carolId), Call(_bobId)]);

        // Act
        var alice = await RequestIdsAsync(DemoWorld.Alice);
        var bob = await RequestIdsAsync(DemoWorld.Bob);
        var carol = await RequestIdsAsync(DemoWorld.Carol);
        var root = await RequestIdsAsync(DemoWorld.Root);
        var rootGlobex = await RequestIdsAsync(DemoWorld.Root, new ApiCallQuery { AccountId = DemoWorld.GlobexAccountId });
        var carolAskingForAcme = await RequestIdsAsync(DemoWorld.Carol, new ApiCallQuery { AccountId = DemoWorld.AcmeAccountId });

        // Assert
        Assert.Equal(["REQ-0003", "REQ-0001"], alice);
        Assert.Equal(alice, bob);
        Assert.Equal(["REQ-0002"], carol);
        Assert.Equal(["REQ-0003", "REQ-0002", "REQ-0001"], root);
        Assert.Equal(["REQ-0002"], rootGlobex);
        Assert.Equal(carol, carolAskingForAcme);
    }

    [Fact]
    public async Task TheFilters_ByAction_Outcome_AndCaller_Narrow_TheList()
    {
        // Arrange
        await _writer.WriteAsync([
            Call(_aliceId, "DescribeImages"),
            Call(_aliceId, "CopyImage", "Throttling.User", 400),
            Call(_bobId, "CopyImage", "Forbidden", 403),
        ]);

        // Act
        var copies = await RequestIdsAsync(DemoWorld.Alice, new ApiCallQuery { Action = "CopyImage" });
        var errors = await RequestIdsAsync(DemoWorld.Alice, new ApiCallQuery { Outcome = ApiCallOutcome.Error });
        var successes = await RequestIdsAsync(DemoWorld.Alice, new ApiCallQuery { Outcome = ApiCallOutcome.Success });
        var bobs = await RequestIdsAsync(DemoWorld.Alice, new ApiCallQuery { Caller = "BOB@" });
        var byKey = await RequestIdsAsync(DemoWorld.Alice, new ApiCallQuery { Caller = "LTAI-" + _bobId[..4] });

        // Assert
        Assert.Equal(["REQ-0003", "REQ-0002"], copies);
        Assert.Equal(["REQ-0003", "REQ-0002"], errors);
        Assert.Equal(["REQ-0001"], successes);
        Assert.Equal(["REQ-0003"], bobs);
        Assert.Equal(["REQ-0003"], byKey);
    }

    [Fact]
    public async Task AUserNoLongerAMember_IsForbidden()
    {
        // Arrange
        var bob = await _db.ActorAsync(DemoWorld.Bob);
        await using (var db = _db.NewContext())
        {
            await db.AccountMemberships.Where(m => m.UserId == _bobId).ExecuteDeleteAsync();
        }

        // Act
        var listed = await _log.ListAsync(bob, new ApiCallQuery());

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, listed.Error?.Code);
    }

    [Fact]
    public async Task Pruning_DropsCallsOlderThanSevenDays_AndEachAccountsOldestBeyondItsCap()
    {
        // Arrange: a cap of 2 per account; Alice's oldest call is eight days old
        var writer = new ApiCallLogWriter(_db.Factory, _db.Time, _changes) { KeepPerAccount = 2 };
        await writer.WriteAsync([
            Call(_aliceId, ago: TimeSpan.FromDays(8)),
            Call(_aliceId, ago: TimeSpan.FromMinutes(3)),
            Call(_bobId, ago: TimeSpan.FromMinutes(2)),
            Call(_aliceId, ago: TimeSpan.FromMinutes(1)),
            Call(_carolId),
        ]);

        // Act
        var pruned = await writer.PruneAsync();

        // Assert: the eight-day-old call, then Acme's oldest beyond two; Globex's one call stays
        Assert.Equal(2, pruned);
        Assert.Equal(["REQ-0005", "REQ-0004", "REQ-0003"], await RequestIdsAsync(DemoWorld.Root));
    }

    [Fact]
    public async Task Pruning_ManyMoreCallsThanOneChunk_DeletesThemAll_OldestFirst_AndKeepsTheNewest()
    {
        // Arrange: a cap of 100 per account, and 2.5 chunks of Alice's calls beyond it
        var writer = new ApiCallLogWriter(_db.Factory, _db.Time, _changes) { KeepPerAccount = 100 };
        var beyond = ApiCallLogWriter.PruneChunk * 5 / 2;
        await writer.WriteAsync(Enumerable.Range(0, beyond + 100).Select(_ => Call(_aliceId)).ToList());

        // Act
        var pruned = await writer.PruneAsync();

        // Assert: the newest hundred are what is left
        Assert.Equal(beyond, pruned);
        await using var db = _db.NewContext();
        var left = await db.ApiCalls.OrderBy(c => c.Id).Select(c => c.RequestId).ToListAsync();
        Assert.Equal(Enumerable.Range(beyond + 1, 100).Select(n => $"REQ-{n:D4}"), left);
    }

    [Fact]
    public void Parameters_KeepNoSecret_AndNoUserData()
    {
        // Act
        var json = ApiParameterRedaction.ToJson([
            new("Signature", "c2lnbmF0dXJl"), new("Password", "Secret@123"), new("AccessKeySecret", "abc"), new("InstancePassword", "x"),
            new("UserData", "IyEvYmluL3NoCmVjaG8gaGk="), new("AccessKeyId", "LTAI5tDemoAlice000000001"), new("ImageName", new string('n', 600)),
        ]);
        var kept = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;

        // Assert
        Assert.All(new[] { "Signature", "Password", "AccessKeySecret", "InstancePassword" }, name => Assert.Equal(ApiParameterRedaction.Mask, kept[name]));
        Assert.Equal("[24 characters not kept]", kept["UserData"]);
        Assert.Equal("LTAI5tDemoAlice000000001", kept["AccessKeyId"]);
        Assert.Equal(ApiParameterRedaction.MaxValueLength + 1, kept["ImageName"].Length);
        Assert.DoesNotContain("Secret@123", json, StringComparison.Ordinal);
    }
}
