using System.Data.Common;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcsConsole.Tests.Domain.Quotas;

/// <summary>Who sees which quotas, what each quota counts, and where the limit comes from.</summary>
public sealed class QuotaServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private QuotaService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new QuotaService(_db.Factory, _db.Time);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private static QuotaRow Row(IReadOnlyList<QuotaRow> rows, string accountId, string quota, string? regionId = null) =>
        rows.Single(r => r.AccountId == accountId && r.QuotaName == quota && r.RegionId == regionId);

    private async Task<int> RowsPerAccountAsync()
    {
        await using var db = _db.NewContext();
        var regions = await db.Regions.CountAsync();
        return QuotaCatalogue.All.Sum(q => q.Scope == QuotaScope.PerRegion ? regions : 1);
    }

    private async Task AddTaskAsync(string id, AsyncTaskType type, AsyncTaskStatus status, string regionId = "cn-hangzhou")
    {
        await using var db = _db.NewContext();
        var now = _db.Time.GetUtcNow();
        db.AsyncTasks.Add(new AsyncTask
        {
            Id = id, RegionId = regionId, AccountId = DemoWorld.AcmeAccountId, Type = type, ResourceId = "m-bp1copy000000000000",
            Status = status, CreatedAt = now, UpdatedAt = now, DueAt = now,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task List_ForAnAccountAdmin_ReturnsEveryQuotaOfTheOwnAccountInEveryRegion()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _service.ListAsync(alice);

        // Assert
        Assert.True(result.IsSuccess);
        var rows = result.Value;
        Assert.All(rows, r => Assert.Equal((DemoWorld.AcmeAccountId, "Acme"), (r.AccountId, r.AccountName)));
        Assert.Equal(await RowsPerAccountAsync(), rows.Count);
        Assert.Equal(7, rows.Count(r => r.QuotaName == QuotaCatalogue.ImageCount));
        Assert.Null(Row(rows, DemoWorld.AcmeAccountId, QuotaCatalogue.SharedUsersPerImage).RegionId);
        Assert.Equal(rows.Count, rows.Select(r => (r.AccountId, r.QuotaName, r.RegionId)).Distinct().Count());
    }

    [Fact]
    public async Task List_ForAcme_CountsUsageInHangzhouAndNothingElsewhere()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        const string acme = DemoWorld.AcmeAccountId;

        // Act
        var rows = (await _service.ListAsync(alice)).Value;

        // Assert
        Assert.Equal(1, Row(rows, acme, QuotaCatalogue.ImageCount, "cn-hangzhou").Used);
        Assert.Equal(2, Row(rows, acme, QuotaCatalogue.InstanceCount, "cn-hangzhou").Used);
        Assert.Equal(4, Row(rows, acme, QuotaCatalogue.VcpuCount, "cn-hangzhou").Used);
        Assert.Equal(1, Row(rows, acme, QuotaCatalogue.ImageFamiliesPerRegion, "cn-hangzhou").Used);
        Assert.Equal(1, Row(rows, acme, QuotaCatalogue.ImagesPerFamily, "cn-hangzhou").Used);
        Assert.Equal(0, Row(rows, acme, QuotaCatalogue.ConcurrentCopies, "cn-hangzhou").Used);
        Assert.Equal(1, Row(rows, acme, QuotaCatalogue.SnapshotsPerDisk).Used);
        Assert.Equal(0, Row(rows, acme, QuotaCatalogue.SharedUsersPerImage).Used);
        Assert.Equal(0, Row(rows, acme, QuotaCatalogue.SasImageCap).Used);
        Assert.All(rows.Where(r => r.RegionId == "cn-shanghai"), r => Assert.Equal(0, r.Used));
    }

    [Fact]
    public async Task List_WithoutLimitsSet_ShowsTheCataloguesDefaults()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var rows = (await _service.ListAsync(alice)).Value;

        // Assert
        Assert.All(rows, r => Assert.Equal(QuotaCatalogue.Find(r.QuotaName)!.DefaultLimit, r.Limit));
        Assert.All(rows, r => Assert.Equal(QuotaCatalogue.Find(r.QuotaName)!.Description, r.Description));
    }

    [Fact]
    public async Task List_WithALimitSetForOneRegion_OverridesTheDefaultThereOnly()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = "cn-hangzhou", Name = QuotaCatalogue.ImageCount, Limit = 3 });
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = null, Name = QuotaCatalogue.SharedUsersPerImage, Limit = 7 });
            await db.SaveChangesAsync();
        }

        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var rows = (await _service.ListAsync(alice)).Value;

        // Assert
        Assert.Equal(3, Row(rows, DemoWorld.AcmeAccountId, QuotaCatalogue.ImageCount, "cn-hangzhou").Limit);
        Assert.Equal(100, Row(rows, DemoWorld.AcmeAccountId, QuotaCatalogue.ImageCount, "cn-shanghai").Limit);
        Assert.Equal(7, Row(rows, DemoWorld.AcmeAccountId, QuotaCatalogue.SharedUsersPerImage).Limit);
    }

    [Fact]
    public async Task List_ForGlobex_CountsSharesPerImageSnapshotsPerDiskAndFamilies()
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        const string globex = DemoWorld.GlobexAccountId;

        // Act
        var rows = (await _service.ListAsync(carol)).Value;

        // Assert
        Assert.All(rows, r => Assert.Equal(globex, r.AccountId));
        Assert.Equal(1, Row(rows, globex, QuotaCatalogue.SharedUsersPerImage).Used);
        Assert.Equal(2, Row(rows, globex, QuotaCatalogue.SnapshotsPerDisk).Used);
        Assert.Equal(2, Row(rows, globex, QuotaCatalogue.ImageCount, "cn-hangzhou").Used);
        Assert.Equal(1, Row(rows, globex, QuotaCatalogue.ImageFamiliesPerRegion, "cn-hangzhou").Used);
        Assert.Equal(1, Row(rows, globex, QuotaCatalogue.InstanceCount, "cn-hangzhou").Used);
    }

    [Fact]
    public async Task List_CountsOnlyProcessingCopyTasksOfTheRegionAsConcurrentCopies()
    {
        // Arrange
        await AddTaskAsync("t-bp1copy1000000000000", AsyncTaskType.CopyImage, AsyncTaskStatus.Processing);
        await AddTaskAsync("t-bp1copy2000000000000", AsyncTaskType.CopyImage, AsyncTaskStatus.Processing);
        await AddTaskAsync("t-bp1copy3000000000000", AsyncTaskType.CopyImage, AsyncTaskStatus.Finished);
        await AddTaskAsync("t-bp1create00000000000", AsyncTaskType.CreateImage, AsyncTaskStatus.Processing);
        await AddTaskAsync("t-uf1copy1000000000000", AsyncTaskType.CopyImage, AsyncTaskStatus.Processing, "cn-shanghai");
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var rows = (await _service.ListAsync(alice)).Value;

        // Assert
        Assert.Equal(2, Row(rows, DemoWorld.AcmeAccountId, QuotaCatalogue.ConcurrentCopies, "cn-hangzhou").Used);
        Assert.Equal(1, Row(rows, DemoWorld.AcmeAccountId, QuotaCatalogue.ConcurrentCopies, "cn-shanghai").Used);
    }

    [Fact]
    public async Task List_CountsOnlyPayAsYouGoInstancesAsVcpuUsage()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            db.Instances.Add(new Instance
            {
                Id = "i-bp1prepaid000000000", RegionId = "cn-hangzhou", ZoneId = "cn-hangzhou-h", AccountId = DemoWorld.AcmeAccountId,
                Name = "reserved-1", InstanceTypeId = "ecs.g7.xlarge", ImageId = "aliyun_3_x64_20G_alibase_20250101.vhd",
                ChargeType = InstanceChargeType.PrePaid, CreationTime = _db.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var rows = (await _service.ListAsync(alice)).Value;

        // Assert
        Assert.Equal(3, Row(rows, DemoWorld.AcmeAccountId, QuotaCatalogue.InstanceCount, "cn-hangzhou").Used);
        Assert.Equal(4, Row(rows, DemoWorld.AcmeAccountId, QuotaCatalogue.VcpuCount, "cn-hangzhou").Used);
    }

    [Fact]
    public async Task List_ForThePlatformAdmin_ReturnsEveryAccountInNameOrder()
    {
        // Arrange
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        var result = await _service.ListAsync(root);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(["Acme", "Globex", "Initech"], result.Value.Select(r => r.AccountName).Distinct());
        Assert.Equal(3 * await RowsPerAccountAsync(), result.Value.Count);
        Assert.Equal(1, Row(result.Value, DemoWorld.InitechAccountId, QuotaCatalogue.InstanceCount, "cn-shanghai").Used);
        Assert.Equal(2, Row(result.Value, DemoWorld.GlobexAccountId, QuotaCatalogue.SnapshotsPerDisk).Used);
    }

    [Fact]
    public async Task List_ForAReadOnlyMember_IsForbidden()
    {
        // Arrange
        var member = await _db.ActorAsync(DemoWorld.Bob);

        // Act
        var result = await _service.ListAsync(member);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(CommonErrors.ForbiddenCode, result.Error.Code);
        Assert.Equal(403, result.Error.HttpStatus);
    }

    [Fact]
    public async Task List_ForThePlatformAdmin_TakesNoMoreQueriesThanForOneAccount()
    {
        // Arrange
        var counter = new CommandCounter();
        var counted = new QuotaService(new CountingFactory(new DbContextOptionsBuilder<ConsoleDbContext>(_db.Options).AddInterceptors(counter).Options), _db.Time);
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        await counted.ListAsync(alice);
        var forOneAccount = counter.Reset();
        await counted.ListAsync(root);
        var forEveryAccount = counter.Reset();

        // Assert
        Assert.Equal(forOneAccount, forEveryAccount);
        Assert.InRange(forEveryAccount, 1, 12);
    }

    private sealed class CountingFactory(DbContextOptions<ConsoleDbContext> options) : IDbContextFactory<ConsoleDbContext>
    {
        public ConsoleDbContext CreateDbContext() => new(options);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
