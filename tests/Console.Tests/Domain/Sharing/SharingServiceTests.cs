using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Sharing;

/// <summary>ModifyImageSharePermission (domain-rules §5): sharing, unsharing, community publishing.</summary>
public sealed class SharingServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private SharingService _sharing = null!;
    private ImageCatalogService _catalog = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _sharing = new SharingService(_db.Factory, _db.Time, new ChangeNotifier());
        _catalog = new ImageCatalogService(_db.Factory);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<string> ImageIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    private async Task<Result<SharePermission>> ShareAsync(string who, string image, params string[] accounts) =>
        await _sharing.ModifyAsync(await _db.ActorAsync(who), Hangzhou, await ImageIdAsync(image), new ModifySharePermissionRequest(AddAccounts: accounts));

    private async Task<IReadOnlyList<string>> SharedTabAsync(string who) =>
        (await _catalog.ListAsync(await _db.ActorAsync(who), new ImageListQuery { RegionId = Hangzhou, Tab = ImageTab.Shared })).Value.Items.Select(i => i.Name).ToList();

    [Fact]
    public async Task Share_WithGlobex_ShowsTheImageInCarolsSharedTab_AndUnshareTakesItAway()
    {
        // Act
        var shared = await ShareAsync(DemoWorld.Alice, "acme-base-v1", DemoWorld.GlobexAccountId);
        var whileShared = await SharedTabAsync(DemoWorld.Carol);
        var unshared = await _sharing.ModifyAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, await ImageIdAsync("acme-base-v1"),
            new ModifySharePermissionRequest(RemoveAccounts: [DemoWorld.GlobexAccountId]));
        var afterwards = await SharedTabAsync(DemoWorld.Carol);

        // Assert
        Assert.Equal([DemoWorld.GlobexAccountId], shared.Value.Accounts);
        Assert.Contains("acme-base-v1", whileShared);
        Assert.Empty(unshared.Value.Accounts);
        Assert.DoesNotContain("acme-base-v1", afterwards);
    }

    [Fact]
    public async Task Share_TheSameAccountTwice_IsIdempotent()
    {
        // Act
        await ShareAsync(DemoWorld.Alice, "acme-base-v1", DemoWorld.GlobexAccountId);
        var again = await ShareAsync(DemoWorld.Alice, "acme-base-v1", DemoWorld.GlobexAccountId, DemoWorld.InitechAccountId);

        // Assert
        Assert.Equal([DemoWorld.GlobexAccountId, DemoWorld.InitechAccountId], again.Value.Accounts);
    }

    [Theory]
    [InlineData("SHR-06", "9999999999999999", SharingErrors.AccountNotFoundCode, 404)]
    [InlineData("SHR-06", "12345", SharingErrors.AccountNotFoundCode, 404)]
    [InlineData("SHR-06", DemoWorld.AcmeAccountId, SharingErrors.OwnAccountCode, 404)]
    public async Task Share_WithABadAccount_ReturnsTheCodeAndSharesNothing(string rule, string account, string code, int status)
    {
        // Act
        var result = await ShareAsync(DemoWorld.Alice, "acme-base-v1", DemoWorld.GlobexAccountId, account);

        // Assert
        Assert.True((code, status) == (result.Error?.Code, result.Error?.HttpStatus), rule);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.ImageShares.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ModifyImageSharePermission" && a.ErrorCode == code));
    }

    [Theory]
    [InlineData("SHR-01", DemoWorld.Bob, "acme-base-v1", CommonErrors.ForbiddenCode)]
    [InlineData("SHR-01", DemoWorld.Alice, "globex-shared-tools", CommonErrors.ForbiddenCode)]
    [InlineData("SHR-11", DemoWorld.Dave, "acme-base-v1", ImageErrors.NotFoundCode)]
    [InlineData("SHR-01", DemoWorld.Root, "acme-base-v1", ImageErrors.NotFoundCode)]
    public async Task Share_ByAnyoneButTheOwner_IsRefused(string rule, string who, string image, string code)
    {
        // Act
        var result = await ShareAsync(who, image, DemoWorld.InitechAccountId);

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
    }

    [Fact]
    public async Task Share_ADeprecatedImage_ReturnsInvalidImageStatus()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Images.SingleAsync(i => i.Name == "acme-base-v1")).Deprecate();
            await db.SaveChangesAsync();
        }

        // Act
        var result = await ShareAsync(DemoWorld.Alice, "acme-base-v1", DemoWorld.GlobexAccountId);

        // Assert
        Assert.Equal((SharingErrors.InvalidImageStatusCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Share_BeyondThePerImageQuota_ReturnsQuotaExceedShareImageUser()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, Name = QuotaCatalogue.SharedUsersPerImage, Limit = 1 });
            await db.SaveChangesAsync();
        }

        // Act
        var result = await ShareAsync(DemoWorld.Alice, "acme-base-v1", DemoWorld.GlobexAccountId, DemoWorld.InitechAccountId);

        // Assert
        Assert.Equal((SharingErrors.ShareQuotaCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Share_OnlyTheFirstTenAccountsOfACallCount()
    {
        // Arrange: eleven IDs, the eleventh unknown
        var ids = Enumerable.Repeat(DemoWorld.GlobexAccountId, 10).Append("9999999999999999").ToArray();

        // Act
        var result = await ShareAsync(DemoWorld.Alice, "acme-base-v1", ids);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    [Fact]
    public async Task Publish_MakesItACommunityImageForEveryone_AndUnpublishTakesItBack()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var id = await ImageIdAsync("acme-base-v1");
        var communityOf = async (string who) =>
            (await _catalog.ListAsync(await _db.ActorAsync(who), new ImageListQuery { RegionId = Hangzhou, Tab = ImageTab.Community, PageSize = 100 })).Value.Items.Select(i => i.Id);

        // Act
        var published = await _sharing.ModifyAsync(alice, Hangzhou, id, new ModifySharePermissionRequest(IsPublic: true));
        var seenByDave = await communityOf(DemoWorld.Dave);
        await _sharing.ModifyAsync(alice, Hangzhou, id, new ModifySharePermissionRequest(IsPublic: false));
        var afterwards = await communityOf(DemoWorld.Dave);

        // Assert
        Assert.True(published.Value.IsPublic);
        Assert.Contains(id, seenByDave);
        Assert.DoesNotContain(id, afterwards);
    }

    [Fact]
    public async Task Publish_TogetherWithAccounts_ReturnsInvalidParameterIsPublic()
    {
        // Act
        var result = await _sharing.ModifyAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, await ImageIdAsync("acme-base-v1"),
            new ModifySharePermissionRequest(AddAccounts: [DemoWorld.GlobexAccountId], IsPublic: true));

        // Assert
        Assert.Equal(SharingErrors.IsPublicConflictCode, result.Error?.Code);
    }

    [Fact]
    public async Task Unpublish_AnImageThatIsNotCommunity_ReturnsImageNotPublic()
    {
        // Act
        var result = await _sharing.ModifyAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, await ImageIdAsync("acme-base-v1"),
            new ModifySharePermissionRequest(IsPublic: false));

        // Assert
        Assert.Equal(SharingErrors.NotPublicCode, result.Error?.Code);
    }

    [Fact]
    public async Task Get_ForTheOwnersReadOnlyMember_ListsTheAccounts_ButRecipientsCannot()
    {
        // Arrange
        var id = await ImageIdAsync("globex-shared-tools");

        // Act
        var carol = await _sharing.GetAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, id);
        var alice = await _sharing.GetAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, id);

        // Assert
        Assert.Equal([DemoWorld.AcmeAccountId], carol.Value.Accounts);
        Assert.Equal(CommonErrors.ForbiddenCode, alice.Error?.Code);
    }

    [Fact]
    public async Task Share_WithAnAccountThatAlreadyHas100SharedImages_ReturnsQuotaExceedShareImage()
    {
        // Arrange: Initech already receives 100 images (SHR-05)
        await using (var db = _db.NewContext())
        {
            db.ImageShares.AddRange(Enumerable.Range(0, SharingService.ImagesPerRecipient).Select(n =>
                new ImageShare { ImageId = $"m-bp1filler{n:D11}", RegionId = Hangzhou, AccountId = DemoWorld.InitechAccountId }));
            await db.SaveChangesAsync();
        }

        // Act
        var result = await ShareAsync(DemoWorld.Alice, "acme-base-v1", DemoWorld.InitechAccountId);

        // Assert
        Assert.Equal((SharingErrors.RecipientQuotaCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Publish_AnImageStillBeingCreated_ReturnsInvalidImageStatus()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Images.SingleAsync(i => i.Name == "acme-base-v1")).ReportProgress(30);
            await db.SaveChangesAsync();
        }

        // Act
        var result = await _sharing.ModifyAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, await ImageIdAsync("acme-base-v1"),
            new ModifySharePermissionRequest(IsPublic: true));

        // Assert
        Assert.Equal(SharingErrors.InvalidImageStatusCode, result.Error?.Code);
    }
}
