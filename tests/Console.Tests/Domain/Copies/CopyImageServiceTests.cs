using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Copies;

/// <summary>CopyImage and CancelCopyImage (domain-rules §4): the copy, its refusals, the queue, cancelling.</summary>
public sealed class CopyImageServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";
    private readonly TestDatabase _db = new();
    private AsyncTaskEngine _engine = null!;
    private CopyImageService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _engine = EngineFactory.Create(_db.Factory, _db.Time);
        var ids = new IdGenerator();
        _service = new CopyImageService(_db.Factory, ids, _db.Time, new TaskService(_db.Factory, _engine, ids, _db.Time), _engine, new ChangeNotifier());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<string> ImageIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.Name == name && i.Kind == ImageKind.Custom && !i.IsCopied).Select(i => i.Id).SingleAsync();
    }

    private async Task<Result<CopiedImage>> CopyAsync(string who, string imageName, string destination = Shanghai, string? name = null, bool encrypted = false,
        string? description = null, string source = Hangzhou) =>
        await _service.CopyAsync(await _db.ActorAsync(who), new CopyImageRequest(source, await ImageIdAsync(imageName), destination, name, description, encrypted));

    private async Task<Image> LoadImageAsync(string regionId, string id)
    {
        await using var db = _db.NewContext();
        return await db.Images.AsNoTracking().Include(i => i.DiskMappings).Include(i => i.Tags).SingleAsync(i => i.RegionId == regionId && i.Id == id);
    }

    /// <summary>An Available custom image of Acme in cn-hangzhou with one system snapshot.</summary>
    private async Task<string> AddAcmeImageAsync(string name, bool encrypted = false, string? productCode = null)
    {
        var ids = new IdGenerator();
        await using var db = _db.NewContext();
        var snapshot = new Snapshot
        {
            Id = ids.NewSnapshotId("bp"), RegionId = Hangzhou, AccountId = DemoWorld.AcmeAccountId, Name = $"{name}-system", SourceDiskId = ids.NewDiskId("bp"),
            SourceDiskType = "system", SourceDiskSizeGiB = 40, SourceArchitecture = "x86_64", SourcePlatform = "Aliyun", Encrypted = encrypted,
            CreationTime = _db.Time.GetUtcNow(),
        };
        var image = new Image
        {
            Id = ids.NewImageId("bp"), RegionId = Hangzhou, Kind = ImageKind.Custom, OwnerAccountId = DemoWorld.AcmeAccountId, Name = name,
            OsName = "Alibaba Cloud Linux 3 64 bit", OsType = OsType.Linux, Platform = "Aliyun", Architecture = ImageArchitecture.X86_64, SizeGiB = 40,
            BootMode = BootMode.UefiPreferred, Encrypted = encrypted, ProductCode = productCode, Source = ImageSource.Snapshots, CreationTime = _db.Time.GetUtcNow(),
            DiskMappings = [new ImageDiskMapping { Type = DiskMappingType.System, Device = "/dev/xvda", SnapshotId = snapshot.Id, SizeGiB = 40, Encrypted = encrypted }],
        };
        db.Snapshots.Add(snapshot);
        db.Images.Add(image);
        await db.SaveChangesAsync();
        return image.Id;
    }

    private async Task SetQuotaAsync(string regionId, string quota, int limit)
    {
        await using var db = _db.NewContext();
        db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = regionId, Name = quota, Limit = limit });
        await db.SaveChangesAsync();
    }

    private async Task ChangeImageAsync(string name, Action<Image> change)
    {
        await using var db = _db.NewContext();
        change(await db.Images.SingleAsync(i => i.Name == name && !i.IsCopied));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Copy_OwnImageToAnotherRegion_MakesANewCreatingImageThatBecomesAvailable_AndLeavesTheSourceUnchanged()
    {
        // Arrange
        var sourceId = await ImageIdAsync("acme-base-v1");
        var before = await LoadImageAsync(Hangzhou, sourceId);

        // Act
        var result = await CopyAsync(DemoWorld.Alice, "acme-base-v1", name: "acme-base-sh");

        // Assert: at once, a new image in cn-shanghai, Creating at 0%, with a progressing snapshot per source snapshot
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.StartsWith("m-uf", result.Value.ImageId, StringComparison.Ordinal);
        var copy = await LoadImageAsync(Shanghai, result.Value.ImageId);
        Assert.Equal((ImageStatus.Creating, 0, "acme-base-sh"), (copy.Status, copy.Progress, copy.Name));
        Assert.Equal((true, sourceId, Hangzhou, ImageSource.Copy, DemoWorld.AcmeAccountId), (copy.IsCopied, copy.SourceImageId, copy.SourceRegionId, copy.Source, copy.OwnerAccountId));
        Assert.Equal((before.OsName, before.Platform, before.Architecture, before.SizeGiB), (copy.OsName, copy.Platform, copy.Architecture, copy.SizeGiB));
        Assert.Null(copy.Family);
        Assert.Empty(copy.Tags);
        Assert.Equal(before.DiskMappings.Count, copy.DiskMappings.Count);
        var snapshotIds = copy.DiskMappings.Select(m => m.SnapshotId).ToList();
        Assert.DoesNotContain(snapshotIds, id => before.DiskMappings.Any(m => m.SnapshotId == id));
        await using (var db = _db.NewContext())
        {
            var task = await db.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId);
            Assert.Equal((AsyncTaskType.CopyImage, Shanghai, result.Value.ImageId, true), (task.Type, task.RegionId, task.ResourceId, task.Cancellable));
            Assert.All(await db.Snapshots.Where(s => snapshotIds.Contains(s.Id)).ToListAsync(), s => Assert.Equal((SnapshotStatus.Progressing, Shanghai), (s.Status, s.RegionId)));
        }

        // Act: the task runs through
        await _engine.RunStepsAsync(_db.Time, 5);
        Assert.Equal((ImageStatus.Creating, 50), ((await LoadImageAsync(Shanghai, result.Value.ImageId)).Status, (await LoadImageAsync(Shanghai, result.Value.ImageId)).Progress));
        await _engine.RunStepsAsync(_db.Time, 5);

        // Assert
        Assert.Equal((ImageStatus.Available, 100), ((await LoadImageAsync(Shanghai, result.Value.ImageId)).Status, (await LoadImageAsync(Shanghai, result.Value.ImageId)).Progress));
        await using var done = _db.NewContext();
        var snapshots = await done.Snapshots.Where(s => snapshotIds.Contains(s.Id)).ToListAsync();
        Assert.Equal(2, snapshots.Count);
        Assert.All(snapshots, s => Assert.Equal((SnapshotStatus.Accomplished, Shanghai, DemoWorld.AcmeAccountId), (s.Status, s.RegionId, s.AccountId)));
        Assert.Equal(AsyncTaskStatus.Finished, (await done.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId)).Status);
        var after = await LoadImageAsync(Hangzhou, sourceId);
        Assert.Equal((before.Status, before.Name, before.Family), (after.Status, after.Name, after.Family));
        Assert.Equal(before.DiskMappings.Select(m => m.SnapshotId).Order(), after.DiskMappings.Select(m => m.SnapshotId).Order());
        Assert.True(await done.AuditEntries.AnyAsync(a => a.Action == "CopyImage" && a.ResourceId == result.Value.ImageId && a.ErrorCode == null));
    }

    [Fact]
    public async Task Copy_WithoutAName_TakesTheSourcesNameAndDescription()
    {
        // Act
        var result = await CopyAsync(DemoWorld.Alice, "acme-base-v1");

        // Assert
        var copy = await LoadImageAsync(Shanghai, result.Value.ImageId);
        Assert.Equal("acme-base-v1", copy.Name);
        Assert.StartsWith("Acme web base image", copy.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CPY-01", DemoWorld.Alice, "acme-base-v1", Hangzhou, Shanghai, null, false, "creating", CopyErrors.IncorrectImageStatusCode)]
    [InlineData("CPY-02", DemoWorld.Alice, "globex-shared-tools", Hangzhou, Shanghai, null, false, null, CopyErrors.SameRegionOnlyCode)]
    [InlineData("CPY-05", DemoWorld.Alice, "globex-community-nginx", Hangzhou, Shanghai, null, false, null, CopyErrors.CommunityImageCode)]
    [InlineData("CPY-05", DemoWorld.Alice, "acme-base-v1", Hangzhou, Shanghai, null, false, "deprecated", CopyErrors.IncorrectImageStatusCode)]
    [InlineData("CPY-06", DemoWorld.Alice, "acme-base-v1", Hangzhou, Hangzhou, "acme-same", false, null, CopyErrors.IncorrectDestinationRegionCode)]
    [InlineData("CPY-07", DemoWorld.Alice, "acme-base-v1", Hangzhou, "xx-nowhere-1", null, false, null, CopyErrors.DestinationRegionNotFoundCode)]
    [InlineData("CPY-07", DemoWorld.Alice, "acme-base-v1", "xx-nowhere-1", Shanghai, null, false, null, CopyErrors.SourceRegionNotFoundCode)]
    [InlineData("CPY-10", DemoWorld.Alice, "acme-base-v1", Hangzhou, Shanghai, "second", false, "copying", CopyErrors.ImageCopyConflictCode)]
    [InlineData("CPY-13", DemoWorld.Alice, "acme-base-v1", Hangzhou, Shanghai, "http://x", false, null, ImageErrors.NameMalformedCode)]
    [InlineData("CPY-13", DemoWorld.Alice, "acme-base-v1", Hangzhou, Shanghai, "1-copy", false, null, ImageErrors.NameMalformedCode)]
    [InlineData("CPY-13", DemoWorld.Alice, "acme-base-v1", Hangzhou, Hangzhou, "acme-base-v1", true, null, ImageErrors.NameDuplicatedCode)]
    [InlineData("CPY-15", DemoWorld.Alice, "acme-secret", Hangzhou, Shanghai, null, false, "encrypted", CopyErrors.EncryptedSnapshotCode)]
    [InlineData("CPY-17", DemoWorld.Alice, "acme-base-v1", Hangzhou, Shanghai, null, false, "quota", ImageErrors.ImageQuotaCode)]
    [InlineData("CPY-19", DemoWorld.Dave, "acme-base-v1", Hangzhou, Shanghai, null, false, null, ImageErrors.NotFoundCode)]
    [InlineData("RAM", DemoWorld.Bob, "acme-base-v1", Hangzhou, Shanghai, null, false, null, CommonErrors.ForbiddenCode)]
    [InlineData("RAM", DemoWorld.Root, "acme-base-v1", Hangzhou, Shanghai, null, false, null, CommonErrors.ForbiddenCode)]
    public async Task Copy_WhenARuleForbidsIt_ReturnsTheCodeAndCopiesNothing(
        string rule, string who, string image, string source, string destination, string? name, bool encrypted, string? setup, string code)
    {
        // Arrange
        switch (setup)
        {
            case "creating":
                await ChangeImageAsync(image, i => i.ReportProgress(50));
                break;
            case "deprecated":
                await ChangeImageAsync(image, i => i.Deprecate());
                break;
            case "copying":
                Assert.True((await CopyAsync(DemoWorld.Alice, image, Shanghai, "first")).IsSuccess);
                break;
            case "encrypted":
                await AddAcmeImageAsync(image, encrypted: true);
                break;
            case "quota":
                await SetQuotaAsync(destination, QuotaCatalogue.ImageCount, 0);
                break;
        }

        await using var counting = _db.NewContext();
        var copiesBefore = await counting.Images.CountAsync(i => i.IsCopied);

        // Act
        var result = await CopyAsync(who, image, destination, name, encrypted, source: source);

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
        await using var db = _db.NewContext();
        Assert.Equal(copiesBefore, await db.Images.CountAsync(i => i.IsCopied));
    }

    [Theory]
    [InlineData("CPY-04", ImageKind.Public)]
    [InlineData("CPY-04", ImageKind.Marketplace)]
    public async Task Copy_APublicOrMarketplaceImage_ReturnsOperationDenied403(string rule, ImageKind kind)
    {
        // Arrange
        string id;
        await using (var db = _db.NewContext())
        {
            id = await db.Images.Where(i => i.RegionId == Hangzhou && i.Kind == kind).Select(i => i.Id).FirstAsync();
        }

        // Act
        var result = await _service.CopyAsync(await _db.ActorAsync(DemoWorld.Alice), new CopyImageRequest(Hangzhou, id, Shanghai, "copied", null));

        // Assert
        Assert.True((ImageErrors.OperationDeniedCode, 403) == (result.Error?.Code, result.Error?.HttpStatus), rule);
    }

    [Theory]
    [InlineData("CPY-04", "cmjj00000001", null)]
    [InlineData("CPY-04", "cmjj00000002", CopyErrors.NotPublishedCode)]
    public async Task Copy_AnImageDerivedFromAMarketplaceProduct_GoesOnlyWhereTheProductIsPublished(string rule, string productCode, string? code)
    {
        // Arrange: product 1 is published in cn-shanghai, product 2 is not
        await AddAcmeImageAsync("acme-derived", productCode: productCode);

        // Act
        var result = await CopyAsync(DemoWorld.Alice, "acme-derived");

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
        Assert.True(code is null || result.Error?.HttpStatus == 403, rule);
    }

    [Fact]
    public async Task Copy_TwoCopiesOfOneImageRacing_ExactlyOneWins()
    {
        // Arrange: a database file (real concurrent connections); room for exactly one more image in cn-shanghai
        await using var file = await TempDatabaseFile.CreateSeededAsync(_db.Time);
        var factory = file.Factory;
        await using (var db = factory.CreateDbContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Shanghai, Name = QuotaCatalogue.ImageCount, Limit = 1 });
            await db.SaveChangesAsync();
        }

        var engine = EngineFactory.Create(factory, _db.Time);
        var ids = new IdGenerator();
        var service = new CopyImageService(factory, ids, _db.Time, new TaskService(factory, engine, ids, _db.Time), engine, new ChangeNotifier());
        string aliceId, sourceId;
        await using (var db = factory.CreateDbContext())
        {
            aliceId = await db.Users.Where(u => u.Email == DemoWorld.Alice).Select(u => u.Id).SingleAsync();
            sourceId = await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
        }

        var alice = new Actor(aliceId, DemoWorld.Alice, DemoWorld.AcmeAccountId, EcsConsole.Domain.Accounts.AccountRole.Admin, false);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(n => Task.Run(() =>
            service.CopyAsync(alice, new CopyImageRequest(Hangzhou, sourceId, Shanghai, $"racer-{n}", null)))));

        // Assert
        Assert.Single(results, r => r.IsSuccess);
        Assert.Single(results, r => r.Error?.Code is CopyErrors.ImageCopyConflictCode or ImageErrors.ImageQuotaCode);
        await using var check = factory.CreateDbContext();
        Assert.Equal(1, await check.Images.CountAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId && i.RegionId == Shanghai));
    }

    [Fact]
    public async Task Copy_WithAMalformedDescription_ReturnsInvalidDescriptionMalformed()
    {
        // Act
        var result = await CopyAsync(DemoWorld.Alice, "acme-base-v1", description: "https://spam");

        // Assert
        Assert.Equal(ImageErrors.DescriptionMalformedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Copy_WhenRefusedAfterTheAccessCheck_IsAuditedWithItsCode()
    {
        // Act
        await CopyAsync(DemoWorld.Alice, "globex-community-nginx");

        // Assert
        await using var db = _db.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "CopyImage" && a.ErrorCode == CopyErrors.CommunityImageCode));
    }

    [Fact]
    public async Task Copy_OwnImageWithinItsRegionChangingEncryption_IsAllowed()
    {
        // Act
        var result = await CopyAsync(DemoWorld.Alice, "acme-base-v1", Hangzhou, "acme-base-encrypted", encrypted: true);
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.StartsWith("m-bp", result.Value.ImageId, StringComparison.Ordinal);
        var copy = await LoadImageAsync(Hangzhou, result.Value.ImageId);
        Assert.Equal((ImageStatus.Available, true), (copy.Status, copy.Encrypted));
        Assert.All(copy.DiskMappings, m => Assert.True(m.Encrypted));
    }

    [Fact]
    public async Task Copy_AnEncryptedImageToAnEncryptedCopy_IsAllowed()
    {
        // Arrange
        await AddAcmeImageAsync("acme-secret", encrypted: true);

        // Act
        var result = await CopyAsync(DemoWorld.Alice, "acme-secret", encrypted: true);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.True((await LoadImageAsync(Shanghai, result.Value.ImageId)).Encrypted);
    }

    [Fact]
    public async Task Copy_AnImageSharedWithTheAccount_WithinItsRegion_MakesTheAccountsOwnImage()
    {
        // Act
        var result = await CopyAsync(DemoWorld.Alice, "globex-shared-tools", Hangzhou);
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.StartsWith("m-bp", result.Value.ImageId, StringComparison.Ordinal);
        var copy = await LoadImageAsync(Hangzhou, result.Value.ImageId);
        Assert.Equal((DemoWorld.AcmeAccountId, ImageStatus.Available, "globex-shared-tools"), (copy.OwnerAccountId, copy.Status, copy.Name));
        await using var db = _db.NewContext();
        var snapshotIds = copy.DiskMappings.Select(m => m.SnapshotId).ToList();
        Assert.All(await db.Snapshots.Where(s => snapshotIds.Contains(s.Id)).ToListAsync(), s => Assert.Equal(DemoWorld.AcmeAccountId, s.AccountId));
    }

    [Fact]
    public async Task Copy_AnImageSharedWithTheAccount_ToAnotherRegion_ReturnsSameRegionOnly403()
    {
        // Act
        var result = await CopyAsync(DemoWorld.Alice, "globex-shared-tools", Shanghai);

        // Assert
        Assert.Equal((CopyErrors.SameRegionOnlyCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Copy_BeyondTheConcurrencyQuota_WaitsUntilARunningCopyFinishes_ThenCompletes()
    {
        // Arrange: one copy at a time into cn-shanghai; a second Available image to copy
        await SetQuotaAsync(Shanghai, QuotaCatalogue.ConcurrentCopies, 1);
        await AddAcmeImageAsync("acme-app-v2");

        // Act
        var first = await CopyAsync(DemoWorld.Alice, "acme-base-v1");
        var second = await CopyAsync(DemoWorld.Alice, "acme-app-v2");

        // Assert: the second is queued
        Assert.Equal(ImageStatus.Creating, (await LoadImageAsync(Shanghai, first.Value.ImageId)).Status);
        Assert.Equal((ImageStatus.Waiting, 0), ((await LoadImageAsync(Shanghai, second.Value.ImageId)).Status, (await LoadImageAsync(Shanghai, second.Value.ImageId)).Progress));

        // Act: half way through the first, the second still waits
        await _engine.RunStepsAsync(_db.Time, 5);
        Assert.Equal((ImageStatus.Waiting, 0), ((await LoadImageAsync(Shanghai, second.Value.ImageId)).Status, (await LoadImageAsync(Shanghai, second.Value.ImageId)).Progress));
        await using (var db = _db.NewContext())
        {
            var task = await db.AsyncTasks.SingleAsync(t => t.Id == second.Value.TaskId);
            Assert.Equal(("Waiting", 0), (task.Stage, task.Progress));
        }

        // Act: the first finishes
        await _engine.RunStepsAsync(_db.Time, 5);
        Assert.Equal(ImageStatus.Available, (await LoadImageAsync(Shanghai, first.Value.ImageId)).Status);
        Assert.NotEqual(ImageStatus.Available, (await LoadImageAsync(Shanghai, second.Value.ImageId)).Status);

        // Act: the second runs through
        await _engine.RunStepsAsync(_db.Time, 11);

        // Assert
        Assert.Equal(ImageStatus.Available, (await LoadImageAsync(Shanghai, second.Value.ImageId)).Status);
        await using var done = _db.NewContext();
        Assert.Equal(AsyncTaskStatus.Finished, (await done.AsyncTasks.SingleAsync(t => t.Id == second.Value.TaskId)).Status);
    }

    [Fact]
    public async Task CancelCopy_MidCopy_RemovesTheCopyAndItsSnapshots_AndCancelsTheTask()
    {
        // Arrange
        var sourceId = await ImageIdAsync("acme-base-v1");
        var copied = await CopyAsync(DemoWorld.Alice, "acme-base-v1");
        await _engine.RunStepsAsync(_db.Time, 3);
        var snapshotIds = (await LoadImageAsync(Shanghai, copied.Value.ImageId)).DiskMappings.Select(m => m.SnapshotId).ToList();

        // Act
        var result = await _service.CancelCopyAsync(await _db.ActorAsync(DemoWorld.Alice), Shanghai, copied.Value.ImageId);
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        await using var db = _db.NewContext();
        Assert.False(await db.Images.AnyAsync(i => i.Id == copied.Value.ImageId));
        Assert.False(await db.Snapshots.AnyAsync(s => snapshotIds.Contains(s.Id)));
        Assert.Equal(AsyncTaskStatus.Cancelled, (await db.AsyncTasks.SingleAsync(t => t.Id == copied.Value.TaskId)).Status);
        Assert.Equal(ImageStatus.Available, (await LoadImageAsync(Hangzhou, sourceId)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "CancelCopyImage" && a.ResourceId == copied.Value.ImageId && a.ErrorCode == null));
    }

    [Fact]
    public async Task CancelCopy_AQueuedCopy_RemovesIt()
    {
        // Arrange
        await SetQuotaAsync(Shanghai, QuotaCatalogue.ConcurrentCopies, 1);
        await AddAcmeImageAsync("acme-app-v2");
        await CopyAsync(DemoWorld.Alice, "acme-base-v1");
        var queued = await CopyAsync(DemoWorld.Alice, "acme-app-v2");

        // Act
        var result = await _service.CancelCopyAsync(await _db.ActorAsync(DemoWorld.Alice), Shanghai, queued.Value.ImageId);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        await using var db = _db.NewContext();
        Assert.False(await db.Images.AnyAsync(i => i.Id == queued.Value.ImageId));
    }

    [Theory]
    [InlineData("CPY-21", DemoWorld.Alice, "not-a-copy", CopyErrors.NotFromCopyCode)]
    [InlineData("CPY-21", DemoWorld.Alice, "finished", CopyErrors.IncorrectImageStatusCode)]
    [InlineData("CPY-21", DemoWorld.Alice, "failed", CopyErrors.IncorrectImageStatusCode)]
    [InlineData("CPY-21", DemoWorld.Alice, "unknown-region", CommonErrors.InvalidRegionIdNotFoundCode)]
    [InlineData("CPY-21", DemoWorld.Dave, "running", ImageErrors.NotFoundCode)]
    [InlineData("RAM", DemoWorld.Bob, "running", CommonErrors.ForbiddenCode)]
    [InlineData("RAM", DemoWorld.Root, "running", CommonErrors.ForbiddenCode)]
    public async Task CancelCopy_WhenNothingCanBeCancelled_ReturnsTheCodeAndChangesNothing(string rule, string who, string setup, string code)
    {
        // Arrange
        var region = Shanghai;
        string imageId;
        if (setup == "not-a-copy")
        {
            region = Hangzhou;
            imageId = await ImageIdAsync("acme-base-v1");
        }
        else
        {
            imageId = (await CopyAsync(DemoWorld.Alice, "acme-base-v1")).Value.ImageId;
            if (setup == "finished")
            {
                await _engine.RunStepsAsync(_db.Time, 10);
            }
            else if (setup == "failed")
            {
                await using var db = _db.NewContext();
                (await db.Images.SingleAsync(i => i.Id == imageId)).MarkFailed();
                await db.SaveChangesAsync();
            }
            else if (setup == "unknown-region")
            {
                region = "xx-nowhere-1";
            }
        }

        var before = await LoadImageAsync(setup == "not-a-copy" ? Hangzhou : Shanghai, imageId);

        // Act
        var result = await _service.CancelCopyAsync(await _db.ActorAsync(who), region, imageId);

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
        var after = await LoadImageAsync(before.RegionId, imageId);
        Assert.Equal(before.Status, after.Status);
    }

    [Fact]
    public async Task CancelCopy_StatusRefusals_CarryTheirMessages()
    {
        // Arrange
        var finished = (await CopyAsync(DemoWorld.Alice, "acme-base-v1")).Value.ImageId;
        await _engine.RunStepsAsync(_db.Time, 10);
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _service.CancelCopyAsync(alice, Shanghai, finished);

        // Assert: CancelCopyImage's IncorrectImageStatus variants are told apart by their message only
        Assert.Equal(CopyErrors.CopyFinished(), result.Error);
    }

    [Fact]
    public async Task Handler_WhenTheCopyVanished_FailsTheTask()
    {
        // Arrange
        var copied = await CopyAsync(DemoWorld.Alice, "acme-base-v1");
        await _engine.RunStepsAsync(_db.Time, 2);
        await using (var db = _db.NewContext())
        {
            db.Images.Remove(await db.Images.SingleAsync(i => i.Id == copied.Value.ImageId));
            await db.SaveChangesAsync();
        }

        // Act
        await _engine.RunStepsAsync(_db.Time, 1);

        // Assert
        await using var check = _db.NewContext();
        var task = await check.AsyncTasks.SingleAsync(t => t.Id == copied.Value.TaskId);
        Assert.Equal((AsyncTaskStatus.Failed, ImageErrors.NotFoundCode), (task.Status, task.ErrorCode));
    }

    [Fact]
    public async Task Delete_TheSourceOrTheCopyWhileTheCopyRuns_ReturnsImageCopying()
    {
        // Arrange
        var sourceId = await ImageIdAsync("acme-base-v1");
        var copied = await CopyAsync(DemoWorld.Alice, "acme-base-v1");
        var lifecycle = new ImageLifecycleService(_db.Factory, _db.Time, new ChangeNotifier());
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var source = await lifecycle.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([sourceId], Force: true));
        var copy = await lifecycle.DeleteAsync(alice, Shanghai, new DeleteImagesRequest([copied.Value.ImageId]));

        // Assert
        Assert.Equal((ImageErrors.CopyingCode, 403), (source.Error?.Code, source.Error?.HttpStatus));
        Assert.Equal(ImageErrors.CopyingCode, copy.Error?.Code);
    }
}
