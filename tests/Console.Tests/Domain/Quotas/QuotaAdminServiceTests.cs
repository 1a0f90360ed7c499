using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Quotas;

/// <summary>Quota increase requests and direct limits (QTA-13): who may, one pending at a time, and the effect.</summary>
public sealed class QuotaAdminServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private QuotaAdminService _admin = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _admin = new QuotaAdminService(_db.Factory, _db.Time);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<int> LimitAsync(string account, string? region, string quota)
    {
        await using var db = _db.NewContext();
        return await QuotaLimits.GetAsync(db, account, region, quota);
    }

    [Fact]
    public async Task Request_ThenApprove_RaisesTheAccountsLimit()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        var request = await _admin.RequestIncreaseAsync(alice, QuotaCatalogue.ImageCount, Hangzhou, 150, "More golden images for the launch");
        var before = await LimitAsync(DemoWorld.AcmeAccountId, Hangzhou, QuotaCatalogue.ImageCount);
        var decided = await _admin.DecideAsync(root, request.Value.Id, approve: true);

        // Assert
        Assert.Equal(100, before);
        Assert.Equal(QuotaRequestStatus.Approved, decided.Value.Status);
        Assert.Equal(150, await LimitAsync(DemoWorld.AcmeAccountId, Hangzhou, QuotaCatalogue.ImageCount));
        Assert.Equal(100, await LimitAsync(DemoWorld.AcmeAccountId, "cn-shanghai", QuotaCatalogue.ImageCount));
    }

    [Fact]
    public async Task Request_Rejected_LeavesTheLimit_AndADecidedRequestCannotBeDecidedAgain()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var root = await _db.ActorAsync(DemoWorld.Root);
        var request = await _admin.RequestIncreaseAsync(alice, QuotaCatalogue.SharedUsersPerImage, null, 80, "Partners");

        // Act
        await _admin.DecideAsync(root, request.Value.Id, approve: false);
        var again = await _admin.DecideAsync(root, request.Value.Id, approve: true);

        // Assert
        Assert.Equal(50, await LimitAsync(DemoWorld.AcmeAccountId, null, QuotaCatalogue.SharedUsersPerImage));
        Assert.Equal(QuotaErrors.AlreadyDecidedCode, again.Error?.Code);
    }

    [Fact]
    public async Task Request_WhileOneIsPending_ReturnsPendingExists()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _admin.RequestIncreaseAsync(alice, QuotaCatalogue.ImageCount, Hangzhou, 150, "First");

        // Act
        var second = await _admin.RequestIncreaseAsync(alice, QuotaCatalogue.ImageCount, Hangzhou, 200, "Second");

        // Assert
        Assert.Equal(QuotaErrors.PendingExistsCode, second.Error?.Code);
    }

    [Theory]
    [InlineData(DemoWorld.Bob, QuotaCatalogue.ImageCount, 150, "why", CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Root, QuotaCatalogue.ImageCount, 150, "why", CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Alice, "q_no-such-quota", 150, "why", QuotaErrors.UnknownQuotaCode)]
    [InlineData(DemoWorld.Alice, QuotaCatalogue.ImageCount, 90, "why", QuotaErrors.InvalidLimitCode)]
    [InlineData(DemoWorld.Alice, QuotaCatalogue.ImageCount, 150, "", CommonErrors.MissingParameterCode)]
    public async Task Request_WhenNotAllowedOrMalformed_ReturnsTheCode(string who, string quota, int limit, string reason, string code)
    {
        // Act
        var result = await _admin.RequestIncreaseAsync(await _db.ActorAsync(who), quota, Hangzhou, limit, reason);

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Theory]
    [InlineData(DemoWorld.Alice)]
    [InlineData(DemoWorld.Bob)]
    public async Task DecideAndSetLimit_AreForThePlatformAdminOnly(string who)
    {
        // Arrange
        var request = await _admin.RequestIncreaseAsync(await _db.ActorAsync(DemoWorld.Alice), QuotaCatalogue.ImageCount, Hangzhou, 150, "why");

        // Act
        var decide = await _admin.DecideAsync(await _db.ActorAsync(who), request.Value.Id, approve: true);
        var set = await _admin.SetLimitAsync(await _db.ActorAsync(who), DemoWorld.AcmeAccountId, Hangzhou, QuotaCatalogue.ImageCount, 500);

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, decide.Error?.Code);
        Assert.Equal(CommonErrors.ForbiddenCode, set.Error?.Code);
    }

    [Fact]
    public async Task SetLimit_BelowUsage_BlocksNewCreatesAndRemovesNothing()
    {
        // Arrange
        var root = await _db.ActorAsync(DemoWorld.Root);
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var engine = EngineFactory.Create(_db.Factory, _db.Time);
        var ids = new IdGenerator();
        var create = new CreateImageService(_db.Factory, ids, _db.Time, new TaskService(_db.Factory, engine, ids, _db.Time), new ChangeNotifier());
        string web1;
        await using (var db = _db.NewContext())
        {
            web1 = await db.Instances.Where(i => i.Name == "web-1").Select(i => i.Id).SingleAsync();
        }

        // Act
        var set = await _admin.SetLimitAsync(root, DemoWorld.AcmeAccountId, Hangzhou, QuotaCatalogue.ImageCount, 0);
        var refused = await create.CreateAsync(alice, new CreateImageRequest { RegionId = Hangzhou, InstanceId = web1, Name = "blocked" });

        // Assert
        Assert.True(set.IsSuccess);
        Assert.Equal(ImageErrors.ImageQuotaCode, refused.Error?.Code);
        await using var check = _db.NewContext();
        Assert.Equal(1, await check.Images.CountAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "ModifyQuota" && a.UserEmail == DemoWorld.Root));
    }
}
