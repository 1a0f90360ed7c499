using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Storage;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Storage;

/// <summary>ImportImage (domain-rules §8.2, IMP-01..14) and its task.</summary>
public sealed class ImportImageServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Bucket = "acme-images-hangzhou";
    private const string SeededFile = "imports/web-base.qcow2";
    private readonly TestDatabase _db = new();
    private AsyncTaskEngine _engine = null!;
    private StorageService _storage = null!;
    private ExportImageService _export = null!;
    private ImportImageService _import = null!;
    private TaskService _tasks = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _engine = EngineFactory.Create(_db.Factory, _db.Time);
        var ids = new IdGenerator();
        _tasks = new TaskService(_db.Factory, _engine, ids, _db.Time);
        _storage = new StorageService(_db.Factory, _db.Time);
        _export = new ExportImageService(_db.Factory, _db.Time, _tasks, new ChangeNotifier());
        _import = new ImportImageService(_db.Factory, ids, _db.Time, _tasks, new ChangeNotifier());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private static ImportImageRequest FromSeededFile(string name = "imported-web") =>
        new() { RegionId = Hangzhou, OssBucket = Bucket, OssObject = SeededFile, Name = name };

    private async Task<Result<ImportedImage>> AliceImportsAsync(ImportImageRequest request) =>
        await _import.ImportAsync(await _db.ActorAsync(DemoWorld.Alice), request);

    [Fact]
    public async Task Import_OfTheSeededFile_IsWaitingThenCreatingThenAvailable()
    {
        // Act
        var result = await AliceImportsAsync(FromSeededFile());
        await using var waiting = _db.NewContext();
        var before = await waiting.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
        var snapshotBefore = await waiting.Snapshots.SingleAsync(s => s.Id == before.DiskMappings.Single().SnapshotId);
        await _engine.RunStepsAsync(_db.Time, 3);
        await using var creating = _db.NewContext();
        var during = await creating.Images.SingleAsync(i => i.Id == result.Value.ImageId);
        var task = await creating.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId);
        await _engine.RunStepsAsync(_db.Time, 7);

        // Assert
        Assert.Equal(ImageStatus.Waiting, before.Status);
        Assert.Equal(SnapshotStatus.Progressing, snapshotBefore.Status);
        Assert.Equal((ImageStatus.Creating, 30), (during.Status, during.Progress));
        Assert.Equal((AsyncTaskType.ImportImage, true, "Importing"), (task.Type, task.Cancellable, task.Stage));
        await using var done = _db.NewContext();
        var image = await done.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
        var mapping = image.DiskMappings.Single();
        Assert.Equal((ImageStatus.Available, ImageSource.Import, ImageKind.Custom, 2), (image.Status, image.Source, image.Kind, image.SizeGiB));
        Assert.Equal(("QCOW2", Bucket, SeededFile), (mapping.Format, mapping.ImportOssBucket, mapping.ImportOssObject));
        Assert.Equal(SnapshotStatus.Accomplished, (await done.Snapshots.SingleAsync(s => s.Id == mapping.SnapshotId)).Status);
        Assert.True(await done.AuditEntries.AnyAsync(a => a.Action == "ImportImage" && a.ResourceId == image.Id && a.ErrorCode == null));
    }

    [Fact]
    public async Task Import_WithoutAName_IsNamedAfterItsId()
    {
        // Act
        var result = await AliceImportsAsync(FromSeededFile() with { Name = null });

        // Assert
        await using var db = _db.NewContext();
        Assert.Equal(result.Value.ImageId, (await db.Images.SingleAsync(i => i.Id == result.Value.ImageId)).Name);
    }

    [Fact]
    public async Task Import_OfAnExportedImage_RoundTripsIntoAnAvailableImage()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        string imageId;
        await using (var db = _db.NewContext())
        {
            imageId = await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
        }

        var exported = await _export.ExportAsync(alice, new ExportImageRequest(Hangzhou, imageId, Bucket));
        await _engine.RunStepsAsync(_db.Time, 10);

        // Act
        var imported = await _import.ImportAsync(alice, FromSeededFile("round-trip") with
        {
            OssObject = $"{imageId}_system.raw.tar.gz", DataDisks = [new ImportDataDisk($"{imageId}_data_xvdb.raw.tar.gz")],
        });
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(exported.IsSuccess, exported.Error?.ToString());
        Assert.True(imported.IsSuccess, imported.Error?.ToString());
        await using var check = _db.NewContext();
        var source = await check.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == imageId);
        var image = await check.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == imported.Value.ImageId);
        Assert.Equal((ImageStatus.Available, source.SizeGiB), (image.Status, image.SizeGiB));
        Assert.Equal(
            source.DiskMappings.OrderBy(m => m.Device).Select(m => (m.Device, m.SizeGiB, "RAW")),
            image.DiskMappings.OrderBy(m => m.Device).Select(m => (m.Device, m.SizeGiB, m.Format)));
    }

    [Fact]
    public async Task Import_Cancelled_RemovesTheImageAndItsSnapshot()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var result = await _import.ImportAsync(alice, FromSeededFile());
        await _engine.RunStepsAsync(_db.Time, 2);

        // Act
        var cancelled = await _tasks.CancelAsync(alice, result.Value.TaskId);

        // Assert
        Assert.True(cancelled.IsSuccess, cancelled.Error?.ToString());
        await using var db = _db.NewContext();
        Assert.False(await db.Images.AnyAsync(i => i.Id == result.Value.ImageId));
        Assert.False(await db.Snapshots.AnyAsync(s => s.Name == $"import-{result.Value.ImageId}-xvda"));
        Assert.Equal(AsyncTaskStatus.Cancelled, (await db.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId)).Status);
    }

    [Fact]
    public async Task Import_WhenTheTaskFails_LeavesTheImageCreateFailed()
    {
        // Arrange
        var result = await AliceImportsAsync(FromSeededFile());
        await using var db = _db.NewContext();
        var task = await db.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId);

        // Act
        await new ImportImageHandler().OnFailedAsync(db, task, new EcsError("ImportImageFailed", 403, "The image file could not be read."), default);
        await db.SaveChangesAsync();

        // Assert
        await using var check = _db.NewContext();
        Assert.Equal(ImageStatus.CreateFailed, (await check.Images.SingleAsync(i => i.Id == result.Value.ImageId)).Status);
        Assert.Equal(SnapshotStatus.Failed, (await check.Snapshots.SingleAsync(s => s.Name == $"import-{result.Value.ImageId}-xvda")).Status);
    }

    [Theory]
    [InlineData("IMP-01", "no-such-bucket", SeededFile, null, null, StorageErrors.BucketNotFoundCode)]
    [InlineData("IMP-05", Bucket, "missing.qcow2", null, null, StorageErrors.ObjectNotFoundCode)]
    [InlineData("IMP-03", Bucket, SeededFile, "ISO", null, StorageErrors.FormatMalformedCode)]
    [InlineData("IMP-03", Bucket, SeededFile, "VDI", null, StorageErrors.FormatMalformedCode)]
    [InlineData("IMP-04", Bucket, SeededFile, null, 1, StorageErrors.ImageSizeCode)]
    [InlineData("IMP-04", Bucket, SeededFile, null, 0, StorageErrors.ImageSizeCode)]
    [InlineData("IMP-04", Bucket, SeededFile, null, 2049, StorageErrors.ImageSizeCode)]
    public async Task Import_WithBadFileParameters_ReturnsTheCode(string rule, string bucket, string key, string? format, int? size, string code)
    {
        // Act
        var result = await AliceImportsAsync(FromSeededFile() with { OssBucket = bucket, OssObject = key, Format = format, SystemDiskSizeGiB = size });

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
    }

    [Theory]
    [InlineData("IMP-07", OsType.Windows, "Windows Server 2022", ImageArchitecture.Arm64, BootMode.Uefi, "Auto", StorageErrors.PlatformArchitectureCode)]
    [InlineData("IMP-07", OsType.Linux, "Windows Server 2022", ImageArchitecture.I386, BootMode.Bios, "Auto", StorageErrors.PlatformArchitectureCode)]
    [InlineData("IMP-10", OsType.Linux, "Others Linux", ImageArchitecture.Arm64, BootMode.Bios, "Auto", ImageErrors.BootModeNotSupportedCode)]
    [InlineData("IMP-08", OsType.Linux, "Others Linux", ImageArchitecture.X86_64, BootMode.Bios, "Free", StorageErrors.LicenseTypeCode)]
    public async Task Import_WithBadSystemParameters_ReturnsTheCode(
        string rule, OsType os, string platform, ImageArchitecture arch, BootMode boot, string license, string code)
    {
        // Act
        var result = await AliceImportsAsync(FromSeededFile() with
        {
            OsType = os, Platform = platform, Architecture = arch, BootMode = boot, LicenseType = license,
        });

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
    }

    [Theory]
    [InlineData("IMP-13", "http://bad-name", null, ImageErrors.NameMalformedCode)]
    [InlineData("IMP-13", "acme-base-v1", null, ImageErrors.NameDuplicatedCode)]
    [InlineData("IMP-13", "fine-name", "http://bad-description", ImageErrors.DescriptionMalformedCode)]
    public async Task Import_WithABadNameOrDescription_ReturnsTheCode(string rule, string name, string? description, string code)
    {
        // Act
        var result = await AliceImportsAsync(FromSeededFile(name) with { Description = description });

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
    }

    [Fact]
    public async Task Import_ArmWithUefi_IsAccepted()
    {
        // Act
        var result = await AliceImportsAsync(FromSeededFile() with { Architecture = ImageArchitecture.Arm64, BootMode = BootMode.Uefi });

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    [Theory]
    [InlineData("disk.iso", null, 1L << 30, StorageErrors.SuffixCode)]
    [InlineData("disk.iso", "RAW", 1L << 30, StorageErrors.SuffixCode)]
    [InlineData("disk.bin", null, 1L << 30, StorageErrors.SuffixCode)]
    [InlineData("empty.raw", null, 0L, StorageErrors.ObjectSizeCode)]
    public async Task Import_OfAnUnsupportedOrEmptyFile_ReturnsTheCode(string key, string? format, long size, string code)
    {
        // Arrange
        await _storage.PutObjectAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, Bucket, key, size);

        // Act
        var result = await AliceImportsAsync(FromSeededFile() with { OssObject = key, Format = format });

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task Import_FromABucketOfAnotherRegion_ReturnsBucketNotMatched()
    {
        // Arrange
        await _storage.CreateBucketAsync(await _db.ActorAsync(DemoWorld.Alice), "cn-shanghai", "acme-shanghai");

        // Act
        var result = await AliceImportsAsync(FromSeededFile() with { OssBucket = "acme-shanghai" });

        // Assert
        Assert.Equal(StorageErrors.BucketNotMatchedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Import_WhenTheImageQuotaIsReached_ReturnsQuotaExceedImageAndCreatesNothing()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Hangzhou, Name = QuotaCatalogue.ImageCount, Limit = 1 });
            await db.SaveChangesAsync();
        }

        // Act
        var result = await AliceImportsAsync(FromSeededFile());

        // Assert
        Assert.Equal((ImageErrors.ImageQuotaCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
        await using var check = _db.NewContext();
        Assert.False(await check.Images.AnyAsync(i => i.Name == "imported-web"));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "ImportImage" && a.ErrorCode == ImageErrors.ImageQuotaCode));
    }

    [Theory]
    [InlineData(DemoWorld.Bob, CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Carol, StorageErrors.BucketNotFoundCode)]
    public async Task Import_ByAReadOnlyMemberOrFromAnotherAccountsBucket_IsRefused(string who, string code)
    {
        // Act
        var result = await _import.ImportAsync(await _db.ActorAsync(who), FromSeededFile());

        // Assert
        Assert.Equal(code, result.Error?.Code);
        await using var db = _db.NewContext();
        Assert.False(await db.Images.AnyAsync(i => i.Name == "imported-web"));
    }

    [Fact]
    public async Task Import_WithDataDisks_MapsEachToItsOwnDiskAndSnapshot()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _storage.CreateBucketAsync(alice, Hangzhou, "acme-data-hangzhou");
        await _storage.PutObjectAsync(alice, Hangzhou, Bucket, "imports/data-1.raw", 10L << 30);
        await _storage.PutObjectAsync(alice, Hangzhou, "acme-data-hangzhou", "data-2.vhd", 20L << 30);

        // Act
        var result = await _import.ImportAsync(alice, FromSeededFile() with
        {
            DataDisks = [new ImportDataDisk("imports/data-1.raw"), new ImportDataDisk("data-2.vhd", 50, "acme-data-hangzhou")],
        });
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        await using var db = _db.NewContext();
        var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
        Assert.Equal(ImageStatus.Available, image.Status);
        Assert.Equal(
            [("/dev/xvda", 2, "QCOW2", Bucket), ("/dev/xvdb", 10, "RAW", Bucket), ("/dev/xvdc", 50, "VHD", "acme-data-hangzhou")],
            image.DiskMappings.OrderBy(m => m.Device).Select(m => (m.Device, m.SizeGiB, m.Format, m.ImportOssBucket)));
        var snapshotIds = image.DiskMappings.Select(m => m.SnapshotId).ToList();
        Assert.Equal(3, await db.Snapshots.CountAsync(s => snapshotIds.Contains(s.Id) && s.Status == SnapshotStatus.Accomplished));
    }

    [Fact]
    public async Task Import_WithSeventeenDataDisks_IgnoresThoseBeyondTheSixteenth()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _storage.PutObjectAsync(alice, Hangzhou, Bucket, "imports/data.raw", 1L << 30);

        // Act
        var result = await _import.ImportAsync(alice, FromSeededFile() with
        {
            DataDisks = [.. Enumerable.Repeat(new ImportDataDisk("imports/data.raw"), 17)],
        });

        // Assert
        await using var db = _db.NewContext();
        var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
        Assert.Equal(16, image.DiskMappings.Count(m => m.Type == DiskMappingType.Data));
    }

    [Theory]
    [InlineData("nope.raw", null, null, StorageErrors.ObjectNotFoundCode)]
    [InlineData("imports/data-1.raw", 5, null, "InvalidDataDiskSize")]
    [InlineData("imports/data-1.raw", null, "no-such-bucket", StorageErrors.BucketNotFoundCode)]
    [InlineData("imports/data-1.raw", null, "acme-shanghai", StorageErrors.BucketNotMatchedCode)]
    public async Task Import_WithABadDataDisk_ReturnsTheCode(string key, int? size, string? bucket, string code)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _storage.PutObjectAsync(alice, Hangzhou, Bucket, "imports/data-1.raw", 10L << 30);
        await _storage.CreateBucketAsync(alice, "cn-shanghai", "acme-shanghai");

        // Act
        var result = await _import.ImportAsync(alice, FromSeededFile() with { DataDisks = [new ImportDataDisk(key, size, bucket)] });

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }
}
