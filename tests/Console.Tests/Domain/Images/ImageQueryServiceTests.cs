using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Images;

/// <summary>Who sees which image: the visibility rule every list and detail goes through.</summary>
public sealed class ImageQueryServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private ImageQueryService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new ImageQueryService(_db.Factory);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<string> ImageIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    [Fact]
    public async Task GetDetail_WhenOwnerAsks_ReturnsImageWithSnapshotsAndUsage()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var id = await ImageIdAsync("acme-base-v1");

        // Act
        var result = await _service.GetDetailAsync(alice, "cn-hangzhou", id);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.True(result.Value.IsOwner);
        Assert.Equal(ImageOwnerAlias.Self, result.Value.OwnerAlias);
        Assert.Equal(2, result.Value.Snapshots.Count);
        Assert.Equal(["/dev/xvda", "/dev/xvdb"], result.Value.Image.DiskMappings.Select(m => m.Device));
    }

    [Fact]
    public async Task GetDetail_WhenAnotherAccountAsksForAPrivateImage_ReturnsNotFound()
    {
        // Arrange
        var dave = await _db.ActorAsync(DemoWorld.Dave);
        var id = await ImageIdAsync("acme-base-v1");

        // Act
        var result = await _service.GetDetailAsync(dave, "cn-hangzhou", id);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(ImageErrors.NotFoundCode, result.Error.Code);
        Assert.Equal(404, result.Error.HttpStatus);
    }

    [Fact]
    public async Task GetDetail_WhenTheImageIsAskedForInAnotherRegion_ReturnsNotFound()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var id = await ImageIdAsync("acme-base-v1");

        // Act
        var result = await _service.GetDetailAsync(alice, "cn-shanghai", id);

        // Assert
        Assert.Equal(ImageErrors.NotFoundCode, result.Error?.Code);
    }

    [Fact]
    public async Task GetDetail_WhenRecipientOfAShareAsks_SeesItAsOthersWithoutTheOwnersSharingList()
    {
        // Arrange
        var bob = await _db.ActorAsync(DemoWorld.Bob);
        var id = await ImageIdAsync("globex-shared-tools");

        // Act
        var result = await _service.GetDetailAsync(bob, "cn-hangzhou", id);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.False(result.Value.IsOwner);
        Assert.Equal(ImageOwnerAlias.Others, result.Value.OwnerAlias);
        Assert.Empty(result.Value.SharedWithAccounts);
        Assert.Empty(result.Value.Snapshots);
    }

    [Fact]
    public async Task GetDetail_WhenOwnerOfASharedImageAsks_SeesTheAccountsItIsSharedWith()
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        var id = await ImageIdAsync("globex-shared-tools");

        // Act
        var result = await _service.GetDetailAsync(carol, "cn-hangzhou", id);

        // Assert
        Assert.Equal([DemoWorld.AcmeAccountId], result.Value.SharedWithAccounts);
    }

    [Fact]
    public async Task GetDetail_CommunityAndPublicImagesAreVisibleToEveryone()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var community = await ImageIdAsync("initech-tps-report-ubuntu");

        // Act
        var c = await _service.GetDetailAsync(alice, "cn-hangzhou", community);
        var p = await _service.GetDetailAsync(alice, "eu-central-1", "ubuntu_22_04_x64_20G_alibase_20240130.vhd");

        // Assert
        Assert.True(c.IsSuccess);
        Assert.True(c.Value.Image.IsPublic);
        Assert.Equal(ImageOwnerAlias.System, p.Value.OwnerAlias);
    }

    [Fact]
    public async Task GetDetail_ListsOnlyTheCallersOwnInstancesAsUsage()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var dave = await _db.ActorAsync(DemoWorld.Dave);
        const string ubuntu = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";

        // Act
        var forAlice = await _service.GetDetailAsync(alice, "cn-hangzhou", ubuntu);
        var forDave = await _service.GetDetailAsync(dave, "cn-hangzhou", ubuntu);

        // Assert
        Assert.Equal(["db-1"], forAlice.Value.InstancesUsingIt.Select(i => i.Name));
        Assert.Equal(["tps-builder"], forDave.Value.InstancesUsingIt.Select(i => i.Name));
    }

    [Fact]
    public async Task GetDetail_ForTheOwner_ShowsTheFamilyAndWhatItResolvesTo()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var id = await ImageIdAsync("acme-base-v1");

        // Act
        var detail = (await _service.GetDetailAsync(alice, "cn-hangzhou", id)).Value;

        // Assert
        Assert.Equal([id], detail.FamilyMembers.Select(m => m.Id));
        Assert.Equal(id, detail.FamilyResolvesTo);
    }

    [Fact]
    public async Task GetDetail_ForARecipient_HidesTheOwnersFamilyAndCopies()
    {
        // Arrange
        var bob = await _db.ActorAsync(DemoWorld.Bob);
        var id = await ImageIdAsync("globex-shared-tools");

        // Act
        var detail = (await _service.GetDetailAsync(bob, "cn-hangzhou", id)).Value;

        // Assert
        Assert.Empty(detail.FamilyMembers);
        Assert.Null(detail.FamilyResolvesTo);
        Assert.Empty(detail.Copies);
    }

    [Fact]
    public async Task GetDetail_ListsTheOwnersCopiesInOtherRegions()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var id = await ImageIdAsync("acme-base-v1");
        await using (var db = _db.NewContext())
        {
            var source = await db.Images.SingleAsync(i => i.Id == id);
            db.Images.Add(new Image
            {
                Id = "m-uf1copyofacmebase0000", RegionId = "cn-shanghai", Kind = ImageKind.Custom, OwnerAccountId = DemoWorld.AcmeAccountId,
                Name = "acme-base-v1-copy", OsName = source.OsName, OsType = source.OsType, Platform = source.Platform,
                Architecture = source.Architecture, SizeGiB = source.SizeGiB, BootMode = source.BootMode, Source = ImageSource.Copy,
                IsCopied = true, SourceImageId = id, SourceRegionId = "cn-hangzhou",
                DiskMappings = [new ImageDiskMapping { Type = DiskMappingType.System, Device = "/dev/xvda", SizeGiB = source.SizeGiB }],
            });
            await db.SaveChangesAsync();
        }

        // Act
        var detail = (await _service.GetDetailAsync(alice, "cn-hangzhou", id)).Value;

        // Assert
        var copy = Assert.Single(detail.Copies);
        Assert.Equal(("m-uf1copyofacmebase0000", "cn-shanghai"), (copy.Id, copy.RegionId));
    }

    [Fact]
    public async Task ResolveFamily_GivesTheNewestAvailableImage_AndNothingOnceItIsDeprecated()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var id = await ImageIdAsync("acme-base-v1");

        // Act
        var before = await _service.ResolveFamilyAsync(alice, "cn-hangzhou", "acme-base");
        await using (var db = _db.NewContext())
        {
            (await db.Images.SingleAsync(i => i.Id == id)).Deprecate();
            await db.SaveChangesAsync();
        }

        var after = await _service.ResolveFamilyAsync(alice, "cn-hangzhou", "acme-base");
        var othersFamily = await _service.ResolveFamilyAsync(alice, "cn-hangzhou", "globex-tools");

        // Assert
        Assert.Equal(id, before?.Id);
        Assert.Null(after);
        Assert.Null(othersFamily);
    }
}
