using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Audit;

/// <summary>Who sees which audit entries, every filter, order and paging.</summary>
public sealed class AuditQueryServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private AuditQueryService _service = null!;
    private Actor _alice = null!;
    private Actor _bob = null!;
    private Actor _carol = null!;
    private Actor _root = null!;

    // Entry IDs of the sample log, in insertion (and time) order.
    private long _aliceCreate, _aliceApiDeleteFailed, _bobDeleteForbidden, _carolCreate, _carolApiExport, _systemCopy, _aliceBucket;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new AuditQueryService(_db.Factory, _db.Time);
        _alice = await _db.ActorAsync(DemoWorld.Alice);
        _bob = await _db.ActorAsync(DemoWorld.Bob);
        _carol = await _db.ActorAsync(DemoWorld.Carol);
        _root = await _db.ActorAsync(DemoWorld.Root);

        _aliceCreate = await AddAsync(_alice, "CreateImage", ResourceKind.Image, "m-acme1", 0);
        _aliceApiDeleteFailed = await AddAsync(_alice with { Source = ActorSource.Api }, "DeleteImage", ResourceKind.Image, "m-acme1", 1,
            new EcsError("IncorrectImageStatus", 403, "in use"));
        _bobDeleteForbidden = await AddAsync(_bob, "DeleteImage", ResourceKind.Image, "m-acme2", 2, CommonErrors.Forbidden());
        _carolCreate = await AddAsync(_carol, "CreateImage", ResourceKind.Image, "m-globex1", 3);
        _carolApiExport = await AddAsync(_carol with { Source = ActorSource.Api }, "ExportImage", ResourceKind.Image, "m-globex1", 4);
        _systemCopy = await AddAsync(Actor.System, "CopyImage", ResourceKind.Image, "m-copy1", 5);
        _aliceBucket = await AddAsync(_alice, "PutBucket", ResourceKind.Bucket, "acme%bucket", 6);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<long> AddAsync(Actor actor, string action, ResourceKind type, string? resourceId, int minutes, EcsError? error = null)
    {
        await using var db = _db.NewContext();
        var entry = AuditEntry.For(actor, action, type, resourceId, "cn-hangzhou", _db.Time.GetUtcNow().AddMinutes(minutes), error);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private async Task<IReadOnlyList<long>> IdsAsync(Actor actor, AuditQuery query)
    {
        var result = await _service.ListAsync(actor, query);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.ToString());
        return result.Value.Items.Select(e => e.Id).ToList();
    }

    [Fact]
    public async Task List_ForAnAccountAdmin_ReturnsTheOwnAccountsEntriesNewestFirst()
    {
        // Arrange
        var query = new AuditQuery();

        // Act
        var result = await _service.ListAsync(_alice, query);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal([_aliceBucket, _bobDeleteForbidden, _aliceApiDeleteFailed, _aliceCreate], result.Value.Items.Select(e => e.Id));
        Assert.Equal(4, result.Value.Total);
        Assert.All(result.Value.Items, e => Assert.Equal(DemoWorld.AcmeAccountId, e.AccountId));
    }

    [Fact]
    public async Task List_ForAnAccountAdminAskingForAnotherAccount_StillReturnsTheOwnAccount()
    {
        // Arrange
        var query = new AuditQuery { AccountId = DemoWorld.GlobexAccountId };

        // Act
        var ids = await IdsAsync(_alice, query);

        // Assert
        Assert.Equal([_aliceBucket, _bobDeleteForbidden, _aliceApiDeleteFailed, _aliceCreate], ids);
    }

    [Fact]
    public async Task List_ForAnotherAccountsAdmin_ReturnsOnlyThatAccount()
    {
        // Arrange
        var query = new AuditQuery();

        // Act
        var ids = await IdsAsync(_carol, query);

        // Assert
        Assert.Equal([_carolApiExport, _carolCreate], ids);
    }

    [Fact]
    public async Task List_ForThePlatformAdmin_ReturnsEveryEntryIncludingSystemOnes()
    {
        // Arrange
        var query = new AuditQuery();

        // Act
        var ids = await IdsAsync(_root, query);

        // Assert
        Assert.Equal([_aliceBucket, _systemCopy, _carolApiExport, _carolCreate, _bobDeleteForbidden, _aliceApiDeleteFailed, _aliceCreate], ids);
    }

    [Fact]
    public async Task List_ForThePlatformAdminWithAnAccount_ReturnsThatAccountOnly()
    {
        // Arrange
        var query = new AuditQuery { AccountId = DemoWorld.GlobexAccountId };

        // Act
        var ids = await IdsAsync(_root, query);

        // Assert
        Assert.Equal([_carolApiExport, _carolCreate], ids);
    }

    [Fact]
    public async Task List_ForAReadOnlyMember_ReturnsForbidden()
    {
        // Arrange
        var query = new AuditQuery();

        // Act
        var result = await _service.ListAsync(_bob, query);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(CommonErrors.ForbiddenCode, result.Error.Code);
    }

    [Fact]
    public async Task ListActions_ForAReadOnlyMember_ReturnsForbidden()
    {
        // Arrange
        // Act
        var result = await _service.ListActionsAsync(_bob);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(CommonErrors.ForbiddenCode, result.Error.Code);
    }

    [Fact]
    public async Task ListActions_ForAnAccountAdmin_ReturnsTheOwnAccountsDistinctActionsInOrder()
    {
        // Arrange
        // Act
        var result = await _service.ListActionsAsync(_alice, DemoWorld.GlobexAccountId);

        // Assert
        Assert.Equal(["CreateImage", "DeleteImage", "PutBucket"], result.Value);
    }

    [Fact]
    public async Task ListActions_ForThePlatformAdmin_ReturnsEveryAction()
    {
        // Arrange
        // Act
        var result = await _service.ListActionsAsync(_root);

        // Assert
        Assert.Equal(["CopyImage", "CreateImage", "DeleteImage", "ExportImage", "PutBucket"], result.Value);
    }

    [Fact]
    public async Task List_WithAnAction_MatchesItExactly()
    {
        // Arrange
        var exact = new AuditQuery { Action = "DeleteImage" };
        var partial = new AuditQuery { Action = "Delete" };

        // Act
        var exactIds = await IdsAsync(_root, exact);
        var partialIds = await IdsAsync(_root, partial);

        // Assert
        Assert.Equal([_bobDeleteForbidden, _aliceApiDeleteFailed], exactIds);
        Assert.Empty(partialIds);
    }

    [Fact]
    public async Task List_WithAResourceId_MatchesASubstring()
    {
        // Arrange
        var query = new AuditQuery { ResourceId = "ACME1" };

        // Act
        var ids = await IdsAsync(_root, query);

        // Assert
        Assert.Equal([_aliceApiDeleteFailed, _aliceCreate], ids);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("e%b")]
    public async Task List_WithALikeWildcardInTheResourceId_TreatsItLiterally(string text)
    {
        // Arrange
        var query = new AuditQuery { ResourceId = text };

        // Act
        var ids = await IdsAsync(_root, query);

        // Assert
        Assert.Equal([_aliceBucket], ids);
    }

    [Fact]
    public async Task List_WithAnUnderscoreInTheResourceId_MatchesNoSingleCharacter()
    {
        // Arrange
        var query = new AuditQuery { ResourceId = "m_acme" };

        // Act
        var ids = await IdsAsync(_root, query);

        // Assert
        Assert.Empty(ids);
    }

    [Fact]
    public async Task List_WithAUserEmail_MatchesASubstringIgnoringCase()
    {
        // Arrange
        var query = new AuditQuery { UserEmail = "BOB@" };

        // Act
        var ids = await IdsAsync(_alice, query);

        // Assert
        Assert.Equal([_bobDeleteForbidden], ids);
    }

    [Theory]
    [InlineData(ActorSource.Api, 2)]
    [InlineData(ActorSource.Console, 4)]
    [InlineData(ActorSource.System, 1)]
    public async Task List_WithASource_ReturnsOnlyThatSource(ActorSource source, int expected)
    {
        // Arrange
        var query = new AuditQuery { Source = source };

        // Act
        var result = await _service.ListAsync(_root, query);

        // Assert
        Assert.Equal(expected, result.Value.Total);
        Assert.All(result.Value.Items, e => Assert.Equal(source, e.Source));
    }

    [Fact]
    public async Task List_WithFailedOutcome_ReturnsEntriesWithAnErrorCode()
    {
        // Arrange
        var query = new AuditQuery { Outcome = AuditOutcome.Failed };

        // Act
        var result = await _service.ListAsync(_alice, query);

        // Assert
        Assert.Equal([_bobDeleteForbidden, _aliceApiDeleteFailed], result.Value.Items.Select(e => e.Id));
        Assert.Equal([CommonErrors.ForbiddenCode, "IncorrectImageStatus"], result.Value.Items.Select(e => e.ErrorCode));
    }

    [Fact]
    public async Task List_WithSucceededOutcome_ReturnsEntriesWithoutAnErrorCode()
    {
        // Arrange
        var query = new AuditQuery { Outcome = AuditOutcome.Succeeded };

        // Act
        var ids = await IdsAsync(_alice, query);

        // Assert
        Assert.Equal([_aliceBucket, _aliceCreate], ids);
    }

    [Fact]
    public async Task List_WithFromAndTo_ReturnsTheEntriesFromInclusiveToExclusive()
    {
        // Arrange
        var start = _db.Time.GetUtcNow();
        var query = new AuditQuery { From = start.AddMinutes(1), To = start.AddMinutes(4) };

        // Act
        var ids = await IdsAsync(_root, query);

        // Assert
        Assert.Equal([_carolCreate, _bobDeleteForbidden, _aliceApiDeleteFailed], ids);
    }

    [Fact]
    public async Task List_WithToBeforeFrom_ReturnsInvalidParameter()
    {
        // Arrange
        var start = _db.Time.GetUtcNow();
        var query = new AuditQuery { From = start, To = start.AddMinutes(-1) };

        // Act
        var result = await _service.ListAsync(_root, query);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(CommonErrors.InvalidParameterCode, result.Error.Code);
    }

    [Fact]
    public async Task List_WithSeveralFilters_CombinesThem()
    {
        // Arrange
        var query = new AuditQuery { Action = "DeleteImage", Source = ActorSource.Console, Outcome = AuditOutcome.Failed, UserEmail = "acme" };

        // Act
        var ids = await IdsAsync(_root, query);

        // Assert
        Assert.Equal([_bobDeleteForbidden], ids);
    }

    [Fact]
    public async Task List_EntriesAtTheSameTime_AreOrderedByIdDescending()
    {
        // Arrange
        var first = await AddAsync(_carol, "DeleteBucket", ResourceKind.Bucket, "same-time", 10);
        var second = await AddAsync(_carol, "DeleteBucket", ResourceKind.Bucket, "same-time", 10);

        // Act
        var ids = await IdsAsync(_carol, new AuditQuery { ResourceId = "same-time" });

        // Assert
        Assert.Equal([second, first], ids);
    }

    [Fact]
    public async Task List_Paged_ReturnsThePageAndTheTotal()
    {
        // Arrange
        for (var i = 0; i < 21; i++)
        {
            await AddAsync(_carol, "PutObject", ResourceKind.BucketObject, $"bucket/key-{i:00}", 100 + i);
        }

        // Act
        var first = await _service.ListAsync(_carol, new AuditQuery { Action = "PutObject", PageSize = 10 });
        var last = await _service.ListAsync(_carol, new AuditQuery { Action = "PutObject", PageSize = 10, Page = 3 });
        var beyond = await _service.ListAsync(_carol, new AuditQuery { Action = "PutObject", PageSize = 10, Page = 4 });

        // Assert
        Assert.Equal(21, first.Value.Total);
        Assert.Equal(3, first.Value.PageCount);
        Assert.Equal("bucket/key-20", first.Value.Items[0].ResourceId);
        Assert.Equal(10, first.Value.Items.Count);
        Assert.Equal("bucket/key-00", Assert.Single(last.Value.Items).ResourceId);
        Assert.Empty(beyond.Value.Items);
        Assert.Equal(21, beyond.Value.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(101)]
    [InlineData(1000)]
    public async Task List_WithABadPageSize_ReturnsInvalidParameter(int pageSize)
    {
        // Arrange
        var query = new AuditQuery { PageSize = pageSize };

        // Act
        var result = await _service.ListAsync(_alice, query);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(CommonErrors.InvalidParameterCode, result.Error.Code);
    }

    [Fact]
    public async Task List_WithPageZero_ReturnsInvalidParameter()
    {
        // Arrange
        var query = new AuditQuery { Page = 0 };

        // Act
        var result = await _service.ListAsync(_alice, query);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(CommonErrors.InvalidParameterCode, result.Error.Code);
    }

    [Fact]
    public void AuditQueryService_HasNoWayToChangeEntries()
    {
        // Arrange
        var methods = typeof(AuditQueryService).GetMethods().Where(m => m.DeclaringType == typeof(AuditQueryService)).Select(m => m.Name);

        // Act
        var writers = methods.Where(n => !n.StartsWith("List", StringComparison.Ordinal)).ToList();

        // Assert
        Assert.Empty(writers);
    }
}
