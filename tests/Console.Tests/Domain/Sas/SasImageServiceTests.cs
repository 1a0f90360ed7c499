using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Sas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Sas;

/// <summary>Simple Application Server custom images (domain-rules §13, SAS-01…12), asserted by their error codes.</summary>
public sealed class SasImageServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";
    private readonly TestDatabase _db = new();
    private readonly ChangeNotifier _changes = new();
    private AsyncTaskEngine _engine = null!;
    private SasImageService _images = null!;
    private SasServerService _servers = null!;
    private TaskService _tasks = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _engine = EngineFactory.Create(_db.Factory, _db.Time, _changes);
        var ids = new IdGenerator();
        _tasks = new TaskService(_db.Factory, _engine, ids, _db.Time);
        _images = new SasImageService(_db.Factory, ids, _db.Time, _tasks, _changes);
        _servers = new SasServerService(_db.Factory, ids, _db.Time, _changes);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private Task<Actor> Alice() => _db.ActorAsync(DemoWorld.Alice);

    private async Task<SasServer> ServerAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.SasServers.AsNoTracking().Include(s => s.Disks).SingleAsync(s => s.Name == name);
    }

    private async Task<string> SnapshotIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.SasSnapshots.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    /// <summary>sas-wordpress-1 (cn-hangzhou) from its seeded system snapshot.</summary>
    private async Task<Result<SasImage>> CreateWordPressImageAsync(string name, Actor? actor = null, bool withData = false) =>
        await _images.CreateAsync(actor ?? await Alice(), new CreateSasImageRequest(Hangzhou, (await ServerAsync("sas-wordpress-1")).Id, name,
            await SnapshotIdAsync("sas-wordpress-1-system"), withData ? await SnapshotIdAsync("sas-wordpress-1-data") : null));

    /// <summary>A server (with its system snapshot) of <paramref name="accountId"/>, so quota tests can vary the count.</summary>
    private async Task<(string ServerId, string SnapshotId)> AddServerAsync(string accountId, string regionId, string name)
    {
        var ids = new IdGenerator();
        var infix = regionId == Hangzhou ? "bp" : "uf";
        var server = new SasServer
        {
            Id = ids.NewSasServerId(), RegionId = regionId, AccountId = accountId, Name = name, Plan = "2 vCPU · 2 GiB", ImageName = "Ubuntu 22.04",
            OsName = "Ubuntu 22.04 64 bit", OsType = OsType.Linux, Platform = "Ubuntu", Architecture = ImageArchitecture.X86_64, BootMode = BootMode.Bios,
            NvmeSupport = true, CreationTime = _db.Time.GetUtcNow(), ExpiredTime = _db.Time.GetUtcNow().AddMonths(1),
        };
        var disk = new SasDisk { Id = ids.NewDiskId(infix), ServerId = server.Id, Type = "system", SizeGiB = 40 };
        server.Disks.Add(disk);
        var snapshot = new SasSnapshot
        {
            Id = ids.NewSnapshotId(infix), RegionId = regionId, AccountId = accountId, ServerId = server.Id, DiskId = disk.Id, DiskType = "system",
            SizeGiB = 40, Name = $"{name}-system", CreationTime = _db.Time.GetUtcNow(),
        };
        await using var db = _db.NewContext();
        db.SasServers.Add(server);
        db.SasSnapshots.Add(snapshot);
        await db.SaveChangesAsync();
        return (server.Id, snapshot.Id);
    }

    // SAS-01 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Create_FromTheServersSystemAndDataSnapshots_IsAvailableWithTheServersOsAndBothDisks()
    {
        // Arrange
        var server = await ServerAsync("sas-wordpress-1");

        // Act
        var result = await CreateWordPressImageAsync("wp-golden", withData: true);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        var image = result.Value;
        Assert.Matches("^m-bp[a-z0-9]{18}$", image.Id);
        Assert.Equal((Hangzhou, DemoWorld.AcmeAccountId, server.Id, ImageStatus.Available, false), (image.RegionId, image.AccountId, image.SourceServerId, image.Status, image.SharedToEcs));
        Assert.Equal((server.OsName, server.Architecture, server.BootMode, 40, 20), (image.OsName, image.Architecture, image.BootMode, image.SizeGiB, image.DataDiskSizeGiB));
        Assert.Equal(await SnapshotIdAsync("sas-wordpress-1-data"), image.DataSnapshotId);
    }

    [Fact]
    public async Task Create_WithoutASystemSnapshot_IsMissingParameter()
    {
        // Act
        var result = await _images.CreateAsync(await Alice(), new CreateSasImageRequest(Hangzhou, (await ServerAsync("sas-wordpress-1")).Id, "wp", null));

        // Assert
        Assert.Equal(CommonErrors.MissingParameterCode, result.Error?.Code);
    }

    [Fact]
    public async Task Create_FromADataDiskSnapshotAsTheSystemSnapshot_IsOperationDenied()
    {
        // Act
        var result = await _images.CreateAsync(await Alice(), new CreateSasImageRequest(Hangzhou, (await ServerAsync("sas-wordpress-1")).Id, "wp",
            await SnapshotIdAsync("sas-wordpress-1-data")));

        // Assert
        Assert.Equal((SasErrors.OperationDeniedCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Create_FromASnapshotOfAnotherServer_IsOperationDenied_AndAnUnknownSnapshotIsNotFound()
    {
        // Arrange
        var wordpress = (await ServerAsync("sas-wordpress-1")).Id;

        // Act
        var other = await _images.CreateAsync(await Alice(), new CreateSasImageRequest(Hangzhou, wordpress, "wp", await SnapshotIdAsync("sas-docker-1-system")));
        var unknown = await _images.CreateAsync(await Alice(), new CreateSasImageRequest(Hangzhou, wordpress, "wp", "s-bp000000000000000000"));

        // Assert
        Assert.Equal(SasErrors.OperationDeniedCode, other.Error?.Code);
        Assert.Equal((SasErrors.SnapshotNotFoundCode, 404), (unknown.Error?.Code, unknown.Error?.HttpStatus));
    }

    [Fact]
    public async Task Create_WithAMalformedName_IsInvalidImageNameMalformed()
    {
        // Act
        var result = await CreateWordPressImageAsync("http://wp");

        // Assert
        Assert.Equal(ImageErrors.NameMalformedCode, result.Error?.Code);
    }

    // SAS-02 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Create_InAnotherRegionThanTheServer_IsOperationDenied()
    {
        // Arrange
        var lamp = await ServerAsync("sas-lamp-1");

        // Act
        var result = await _images.CreateAsync(await Alice(), new CreateSasImageRequest(Hangzhou, lamp.Id, "lamp", await SnapshotIdAsync("sas-lamp-1-system")));

        // Assert
        Assert.Equal(SasErrors.OperationDeniedCode, result.Error?.Code);
        Assert.Contains(Shanghai, result.Error!.Message);
    }

    // SAS-03 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Quota_AcmeWithThreeServers_IsNine_AndTheTenthImageIsQuotaExceedWithTheNumbers()
    {
        // Arrange
        for (var i = 0; i < 9; i++)
        {
            Assert.True((await CreateWordPressImageAsync($"wp-{i}")).IsSuccess);
        }

        // Act
        var tenth = await CreateWordPressImageAsync("wp-9");

        // Assert
        Assert.Equal((SasErrors.QuotaCode, 403), (tenth.Error?.Code, tenth.Error?.HttpStatus));
        Assert.Contains("9/9", tenth.Error!.Message);
        Assert.Equal(new SasImageQuota(9, 9, 3), await _images.GetQuotaAsync(await Alice()));
    }

    [Fact]
    public async Task Quota_WithSixServers_IsCappedAtFifteen()
    {
        // Arrange: Acme has 3 servers; 3 more make 6, and 3 × 6 = 18 is capped at 15
        for (var i = 0; i < 3; i++)
        {
            await AddServerAsync(DemoWorld.AcmeAccountId, Hangzhou, $"extra-{i}");
        }

        for (var i = 0; i < 15; i++)
        {
            Assert.True((await CreateWordPressImageAsync($"wp-{i}")).IsSuccess, $"image {i}");
        }

        // Act
        var sixteenth = await CreateWordPressImageAsync("wp-15");

        // Assert
        Assert.Equal(SasErrors.QuotaCode, sixteenth.Error?.Code);
        Assert.Contains("15/15", sixteenth.Error!.Message);
        Assert.Equal(new SasImageQuota(15, 15, 6), await _images.GetQuotaAsync(await Alice()));
    }

    [Fact]
    public async Task Quota_WithOneServer_IsThree()
    {
        // Arrange: Globex has no SAS server; give it one
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        var (serverId, snapshotId) = await AddServerAsync(DemoWorld.GlobexAccountId, Hangzhou, "globex-sas");
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await _images.CreateAsync(carol, new CreateSasImageRequest(Hangzhou, serverId, $"g-{i}", snapshotId))).IsSuccess);
        }

        // Act
        var fourth = await _images.CreateAsync(carol, new CreateSasImageRequest(Hangzhou, serverId, "g-3", snapshotId));

        // Assert
        Assert.Equal(SasErrors.QuotaCode, fourth.Error?.Code);
        Assert.Contains("3/3", fourth.Error!.Message);
    }

    [Fact]
    public async Task Quota_ACopyCountsAtOnce()
    {
        // Arrange
        for (var i = 0; i < 8; i++)
        {
            await CreateWordPressImageAsync($"wp-{i}");
        }

        var last = (await CreateWordPressImageAsync("wp-8")).Value;
        await _images.DeleteAsync(await Alice(), Hangzhou, [last.Id]);
        var source = (await CreateWordPressImageAsync("wp-src")).Value;
        await _images.DeleteAsync(await Alice(), Hangzhou, [(await _images.ListAsync(await Alice(), Hangzhou)).Images.First(i => i.Name == "wp-0").Id]);

        // Act: 8 images, a copy makes 9, then nothing more fits
        var copy = await _images.CopyAsync(await Alice(), new CopySasImageRequest(Hangzhou, source.Id, Shanghai));
        var another = await CreateWordPressImageAsync("wp-more");

        // Assert
        Assert.True(copy.IsSuccess, copy.Error?.ToString());
        Assert.Equal(SasErrors.QuotaCode, another.Error?.Code);
    }

    // SAS-04 ---------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(SasReleaseReason.Expired)]
    [InlineData(SasReleaseReason.Refund)]
    public async Task Release_ForExpiryOrRefund_ReleasesTheServersImagesInEveryRegion_SharedOnesLeaveEcs(SasReleaseReason reason)
    {
        // Arrange
        var alice = await Alice();
        var shared = (await CreateWordPressImageAsync("wp-shared")).Value;
        await _images.ModifyShareStatusAsync(alice, Hangzhou, shared.Id, share: true);
        var copy = (await _images.CopyAsync(alice, new CopySasImageRequest(Hangzhou, shared.Id, Shanghai))).Value;
        await _engine.RunStepsAsync(_db.Time, 10);
        var docker = await ServerAsync("sas-docker-1");
        var dockerImage = (await _images.CreateAsync(alice, new CreateSasImageRequest(Hangzhou, docker.Id, "docker-img", await SnapshotIdAsync("sas-docker-1-system")))).Value;
        var wordpress = await ServerAsync("sas-wordpress-1");

        // Act
        var released = await _servers.ReleaseAsync(alice, Hangzhou, wordpress.Id, reason);

        // Assert
        Assert.True(released.IsSuccess, released.Error?.ToString());
        Assert.Equal(new[] { shared.Id, copy.ImageId }.Order(StringComparer.Ordinal), released.Value.ReleasedImageIds);
        await using var db = _db.NewContext();
        Assert.False(await db.SasServers.AnyAsync(s => s.Id == wordpress.Id));
        Assert.False(await db.SasSnapshots.AnyAsync(s => s.ServerId == wordpress.Id));
        Assert.Equal([dockerImage.Id], await db.SasImages.Select(i => i.Id).ToListAsync());
        Assert.False(await db.Images.AnyAsync(i => i.Id == shared.Id));
        Assert.False(await db.ImageShares.AnyAsync(s => s.ImageId == shared.Id));
        Assert.Equal(new SasImageQuota(1, 6, 2), await _images.GetQuotaAsync(alice));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == $"ReleaseInstance:{reason}" && a.ResourceId == wordpress.Id));
    }

    [Fact]
    public async Task Release_AnotherAccountsServer_IsNotFound()
    {
        // Act
        var result = await _servers.ReleaseAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, (await ServerAsync("sas-wordpress-1")).Id, SasReleaseReason.Expired);

        // Assert
        Assert.Equal(SasErrors.ServerNotFoundCode, result.Error?.Code);
    }

    // SAS-05, SAS-06 -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Share_ShowsTheImageInTheAccountsEcsSharedImagesOfTheSameRegion_FreeAndWithTheServersOs()
    {
        // Arrange
        var alice = await Alice();
        var image = (await CreateWordPressImageAsync("wp-to-ecs")).Value;
        var catalogue = new ImageCatalogService(_db.Factory);

        // Act
        var result = await _images.ModifyShareStatusAsync(alice, Hangzhou, image.Id, share: true);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        var shared = (await catalogue.ListAsync(alice, new ImageListQuery { RegionId = Hangzhou, Tab = ImageTab.Shared, PageSize = 100 })).Value;
        var row = Assert.Single(shared.Items, i => i.Id == image.Id);
        Assert.Equal(("wp-to-ecs", ImageStatus.Available, 0m, ImageArchitecture.X86_64, BootMode.UefiPreferred, 40), (row.Name, row.Status, row.FeePerHour, row.Architecture, row.BootMode, row.SizeGiB));
        Assert.Null(row.OwnerAccountId);
        var custom = (await catalogue.ListAsync(alice, new ImageListQuery { RegionId = Hangzhou, Tab = ImageTab.Custom, PageSize = 100 })).Value;
        Assert.DoesNotContain(custom.Items, i => i.Id == image.Id);
        var inShanghai = (await catalogue.ListAsync(alice, new ImageListQuery { RegionId = Shanghai, Tab = ImageTab.Shared, PageSize = 100 })).Value;
        Assert.DoesNotContain(inShanghai.Items, i => i.Id == image.Id);
        Assert.True((await new ImageQueryService(_db.Factory).GetDetailAsync(await _db.ActorAsync(DemoWorld.Bob), Hangzhou, image.Id)).IsSuccess);
        Assert.Equal(ImageErrors.NotFoundCode, (await new ImageQueryService(_db.Factory).GetDetailAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, image.Id)).Error?.Code);
        Assert.True((await _images.ListAsync(alice, Hangzhou)).Images.Single(i => i.Id == image.Id).SharedToEcs);
    }

    [Fact]
    public async Task Share_TheEcsSideCannotBeModifiedDeletedOrSharedInEcs_ButCanBeCopiedThereIntoAnOwnImage()
    {
        // Arrange
        var alice = await Alice();
        var image = (await CreateWordPressImageAsync("wp-to-ecs")).Value;
        await _images.ModifyShareStatusAsync(alice, Hangzhou, image.Id, share: true);
        var lifecycle = new ImageLifecycleService(_db.Factory, _db.Time, _changes);
        var sharing = new SharingService(_db.Factory, _db.Time, _changes);
        var ecsCopy = new CopyImageService(_db.Factory, new IdGenerator(), _db.Time, _tasks, _engine, _changes);

        // Act
        var delete = await lifecycle.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([image.Id]));
        var modify = await lifecycle.ModifyAsync(alice, Hangzhou, image.Id, new ModifyImageRequest(Name: "renamed"));
        var share = await sharing.ModifyAsync(alice, Hangzhou, image.Id, new ModifySharePermissionRequest([DemoWorld.GlobexAccountId]));
        var crossRegion = await ecsCopy.CopyAsync(alice, new CopyImageRequest(Hangzhou, image.Id, Shanghai, "wp-far-away", null, false));
        var copy = await ecsCopy.CopyAsync(alice, new CopyImageRequest(Hangzhou, image.Id, Hangzhou, "wp-kept-in-ecs", null, false));

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, delete.Error?.Code);
        Assert.Equal(CommonErrors.ForbiddenCode, modify.Error?.Code);
        Assert.Equal(CommonErrors.ForbiddenCode, share.Error?.Code);
        Assert.Equal(CopyErrors.SameRegionOnlyCode, crossRegion.Error?.Code);
        Assert.True(copy.IsSuccess, copy.Error?.ToString());
        await _engine.RunStepsAsync(_db.Time, 10);
        await using var db = _db.NewContext();
        var own = await db.Images.SingleAsync(i => i.Id == copy.Value.ImageId);
        Assert.Equal((DemoWorld.AcmeAccountId, ImageStatus.Available), (own.OwnerAccountId, own.Status));
    }

    [Fact]
    public async Task Share_AnImageNotYetAvailable_IsIncorrectImageStatus()
    {
        // Arrange
        var alice = await Alice();
        var source = (await CreateWordPressImageAsync("wp")).Value;
        var copy = (await _images.CopyAsync(alice, new CopySasImageRequest(Hangzhou, source.Id, Shanghai))).Value;

        // Act
        var result = await _images.ModifyShareStatusAsync(alice, Shanghai, copy.ImageId, share: true);

        // Assert
        Assert.Equal((SasErrors.IncorrectImageStatusCode, 400), (result.Error?.Code, result.Error?.HttpStatus));
    }

    // SAS-07 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Unshare_RemovesItFromEcsAtOnce_AndSharingAgainBringsItBack()
    {
        // Arrange
        var alice = await Alice();
        var image = (await CreateWordPressImageAsync("wp-to-ecs")).Value;
        await _images.ModifyShareStatusAsync(alice, Hangzhou, image.Id, share: true);
        var details = new ImageQueryService(_db.Factory);

        // Act
        var unshare = await _images.ModifyShareStatusAsync(alice, Hangzhou, image.Id, share: false);
        var afterUnshare = await details.GetDetailAsync(alice, Hangzhou, image.Id);
        await _images.ModifyShareStatusAsync(alice, Hangzhou, image.Id, share: true);
        var afterReshare = await details.GetDetailAsync(alice, Hangzhou, image.Id);

        // Assert
        Assert.True(unshare.IsSuccess);
        Assert.Equal(ImageErrors.NotFoundCode, afterUnshare.Error?.Code);
        Assert.True(afterReshare.IsSuccess);
        Assert.Equal(ImageStatus.Available, afterReshare.Value.Image.Status);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.Images.CountAsync(i => i.Id == image.Id));
    }

    // SAS-08 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Delete_ASharedImage_IsCustomImageInShare_UntilUnshared()
    {
        // Arrange
        var alice = await Alice();
        var image = (await CreateWordPressImageAsync("wp-to-ecs")).Value;
        await _images.ModifyShareStatusAsync(alice, Hangzhou, image.Id, share: true);

        // Act
        var refused = await _images.DeleteAsync(alice, Hangzhou, [image.Id]);
        await _images.ModifyShareStatusAsync(alice, Hangzhou, image.Id, share: false);
        var deleted = await _images.DeleteAsync(alice, Hangzhou, [image.Id]);

        // Assert
        Assert.Equal((SasErrors.InShareCode, 400), (refused.Error?.Code, refused.Error?.HttpStatus));
        Assert.Contains("copy it in ECS", refused.Error!.Message);
        Assert.True(deleted.IsSuccess, deleted.Error?.ToString());
        await using var db = _db.NewContext();
        Assert.False(await db.SasImages.AnyAsync(i => i.Id == image.Id));
        Assert.False(await db.Images.AnyAsync(i => i.Id == image.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == SasImageService.DeleteAction && a.ErrorCode == SasErrors.InShareCode));
    }

    // SAS-09 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Copy_ToAnotherRegion_IsCreatingWithProgress_ThenAvailableThere_WithANewId()
    {
        // Arrange
        var alice = await Alice();
        var source = (await CreateWordPressImageAsync("wp", withData: true)).Value;

        // Act
        var copy = await _images.CopyAsync(alice, new CopySasImageRequest(Hangzhou, source.Id, Shanghai, "wp-sh"));
        await _engine.RunStepsAsync(_db.Time, 4);
        var midway = (await _images.ListAsync(alice, Shanghai)).Images.Single();
        await _engine.RunStepsAsync(_db.Time, 6);
        var done = (await _images.ListAsync(alice, Shanghai)).Images.Single();

        // Assert
        Assert.True(copy.IsSuccess, copy.Error?.ToString());
        Assert.Matches("^m-uf[a-z0-9]{18}$", copy.Value.ImageId);
        Assert.Equal((ImageStatus.Creating, 40), (midway.Status, midway.Progress));
        Assert.Equal((copy.Value.ImageId, "wp-sh", ImageStatus.Available, source.Id, Hangzhou, 20), (done.Id, done.Name, done.Status, done.SourceImageId, done.SourceRegionId, done.DataDiskSizeGiB));
        await using var db = _db.NewContext();
        var task = await db.AsyncTasks.SingleAsync(t => t.Id == copy.Value.TaskId);
        Assert.Equal((AsyncTaskType.SasCopyImage, AsyncTaskStatus.Finished, Shanghai), (task.Type, task.Status, task.RegionId));
    }

    [Fact]
    public async Task Copy_IntoItsOwnRegion_IsIncorrectDestinationRegion_AndAnUnknownRegionIsDestinationRegionNotFound()
    {
        // Arrange
        var alice = await Alice();
        var source = (await CreateWordPressImageAsync("wp")).Value;

        // Act
        var same = await _images.CopyAsync(alice, new CopySasImageRequest(Hangzhou, source.Id, Hangzhou));
        var mars = await _images.CopyAsync(alice, new CopySasImageRequest(Hangzhou, source.Id, "mars-north-1"));

        // Assert
        Assert.Equal(CopyErrors.IncorrectDestinationRegionCode, same.Error?.Code);
        Assert.Equal(CopyErrors.DestinationRegionNotFoundCode, mars.Error?.Code);
    }

    [Fact]
    public async Task Copy_DeletedWhileCopying_FailsItsTask()
    {
        // Arrange
        var alice = await Alice();
        var source = (await CreateWordPressImageAsync("wp")).Value;
        var copy = (await _images.CopyAsync(alice, new CopySasImageRequest(Hangzhou, source.Id, Shanghai))).Value;
        await _engine.RunStepsAsync(_db.Time, 2);

        // Act
        await _images.DeleteAsync(alice, Shanghai, [copy.ImageId]);
        await _engine.RunStepsAsync(_db.Time, 1);

        // Assert
        await using var db = _db.NewContext();
        Assert.Equal(AsyncTaskStatus.Failed, (await db.AsyncTasks.SingleAsync(t => t.Id == copy.TaskId)).Status);
    }

    // SAS-12 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Delete_SeveralAtOnce_DeletesAll_AndOneUnknownIdDeletesNone()
    {
        // Arrange
        var alice = await Alice();
        var a = (await CreateWordPressImageAsync("wp-a")).Value;
        var b = (await CreateWordPressImageAsync("wp-b")).Value;
        var c = (await CreateWordPressImageAsync("wp-c")).Value;

        // Act
        var refused = await _images.DeleteAsync(alice, Hangzhou, [a.Id, "m-bp000000000000000000"]);
        var countAfterRefusal = (await _images.ListAsync(alice, Hangzhou)).Images.Count;
        var deleted = await _images.DeleteAsync(alice, Hangzhou, [a.Id, b.Id]);

        // Assert
        Assert.Equal(SasErrors.ImageNotFoundCode, refused.Error?.Code);
        Assert.Equal(3, countAfterRefusal);
        Assert.True(deleted.IsSuccess);
        Assert.Equal([c.Id], (await _images.ListAsync(alice, Hangzhou)).Images.Select(i => i.Id));
    }

    [Fact]
    public async Task Delete_ASharedImageAmongSeveral_DeletesNone()
    {
        // Arrange
        var alice = await Alice();
        var a = (await CreateWordPressImageAsync("wp-a")).Value;
        var b = (await CreateWordPressImageAsync("wp-b")).Value;
        await _images.ModifyShareStatusAsync(alice, Hangzhou, b.Id, share: true);

        // Act
        var result = await _images.DeleteAsync(alice, Hangzhou, [a.Id, b.Id]);

        // Assert
        Assert.Equal(SasErrors.InShareCode, result.Error?.Code);
        Assert.Equal(2, (await _images.ListAsync(alice, Hangzhou)).Images.Count);
    }

    // Permissions ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ReadOnlyMember_CanListButEveryChangeIsForbidden()
    {
        // Arrange
        var image = (await CreateWordPressImageAsync("wp")).Value;
        var bob = await _db.ActorAsync(DemoWorld.Bob);
        var wordpress = await ServerAsync("sas-wordpress-1");

        // Act
        var errors = new[]
        {
            (await CreateWordPressImageAsync("wp-bob", bob)).Error,
            (await _images.DeleteAsync(bob, Hangzhou, [image.Id])).Error,
            (await _images.ModifyShareStatusAsync(bob, Hangzhou, image.Id, share: true)).Error,
            (await _images.CopyAsync(bob, new CopySasImageRequest(Hangzhou, image.Id, Shanghai))).Error,
            (await _servers.CreateSnapshotAsync(bob, new CreateSasSnapshotRequest(Hangzhou, wordpress.Disks[0].Id, null))).Error,
            (await _servers.ReleaseAsync(bob, Hangzhou, wordpress.Id, SasReleaseReason.Expired)).Error,
        };

        // Assert
        Assert.All(errors, e => Assert.Equal(CommonErrors.ForbiddenCode, e?.Code));
        Assert.Single((await _images.ListAsync(bob, Hangzhou)).Images);
        Assert.Equal(2, (await _servers.ListAsync(bob, Hangzhou)).Count);
    }

    [Fact]
    public async Task AnotherAccount_SeesNoneOfAcmesServersOrImages_AndCannotTouchThem()
    {
        // Arrange
        var image = (await CreateWordPressImageAsync("wp")).Value;
        var carol = await _db.ActorAsync(DemoWorld.Carol);

        // Act
        var share = await _images.ModifyShareStatusAsync(carol, Hangzhou, image.Id, share: true);
        var create = await CreateWordPressImageAsync("wp-carol", carol);

        // Assert
        Assert.Equal(SasErrors.ImageNotFoundCode, share.Error?.Code);
        Assert.Equal(SasErrors.ServerNotFoundCode, create.Error?.Code);
        Assert.Empty((await _images.ListAsync(carol, Hangzhou)).Images);
        Assert.Empty(await _servers.ListAsync(carol, Hangzhou));
        Assert.Equal(new SasImageQuota(0, 0, 0), (await _images.ListAsync(carol, Hangzhou)).Quota);
    }

    // Snapshots ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task CreateSnapshot_OfADataDisk_CanBeUsedAsTheImagesDataSnapshot()
    {
        // Arrange
        var alice = await Alice();
        var wordpress = await ServerAsync("sas-wordpress-1");

        // Act
        var system = await _servers.CreateSnapshotAsync(alice, new CreateSasSnapshotRequest(Hangzhou, wordpress.Disks.Single(d => d.Type == "system").Id, "wp-sys-now"));
        var data = await _servers.CreateSnapshotAsync(alice, new CreateSasSnapshotRequest(Hangzhou, wordpress.Disks.Single(d => d.Type == "data").Id, null));
        var image = await _images.CreateAsync(alice, new CreateSasImageRequest(Hangzhou, wordpress.Id, "wp-now", system.Value.Id, data.Value.Id));

        // Assert
        Assert.True(image.IsSuccess, image.Error?.ToString());
        Assert.Equal(("data", 20), (data.Value.DiskType, data.Value.SizeGiB));
        Assert.Equal(4, (await _servers.ListAsync(alice, Hangzhou)).Single(s => s.Server.Id == wordpress.Id).Snapshots.Count);
    }

    [Fact]
    public async Task CreateSnapshot_OfAnUnknownDiskOrWithABadName_IsRefusedWithItsCode()
    {
        // Arrange
        var alice = await Alice();
        var wordpress = await ServerAsync("sas-wordpress-1");

        // Act
        var unknown = await _servers.CreateSnapshotAsync(alice, new CreateSasSnapshotRequest(Hangzhou, "d-bp000000000000000000", null));
        var badName = await _servers.CreateSnapshotAsync(alice, new CreateSasSnapshotRequest(Hangzhou, wordpress.Disks[0].Id, "auto-snap"));

        // Assert
        Assert.Equal("InvalidDiskId.NotFound", unknown.Error?.Code);
        Assert.Equal("InvalidSnapshotName.Malformed", badName.Error?.Code);
    }
}
