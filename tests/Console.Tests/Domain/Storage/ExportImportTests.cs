using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Storage;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Storage;

/// <summary>Simulated OSS, ExportImage and ImportImage (domain-rules §8).</summary>
public sealed class ExportImportTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Bucket = "acme-images-hangzhou";
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

    private async Task<string> AcmeBaseAsync()
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
    }

    private static ImportImageRequest FromSeededFile(string name = "imported-web") =>
        new() { RegionId = Hangzhou, OssBucket = Bucket, OssObject = "imports/web-base.qcow2", Name = name };

    [Theory]
    [InlineData("my-bucket-1", null)]
    [InlineData("ab", StorageErrors.BucketNameMalformedCode)]
    [InlineData("Upper-Case", StorageErrors.BucketNameMalformedCode)]
    [InlineData("-leading", StorageErrors.BucketNameMalformedCode)]
    [InlineData(Bucket, StorageErrors.BucketExistsCode)]
    public async Task CreateBucket_FollowsTheNameRules(string name, string? code)
    {
        // Act
        var result = await _storage.CreateBucketAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, name);

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task Buckets_AreTheirAccountsOnly_AndReadOnlyMembersCannotChangeThem()
    {
        // Act
        var carolSees = await _storage.ListObjectsAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, Bucket);
        var bobCreates = await _storage.CreateBucketAsync(await _db.ActorAsync(DemoWorld.Bob), Hangzhou, "bobs-bucket");
        var aliceDeletes = await _storage.DeleteBucketAsync(await _db.ActorAsync(DemoWorld.Alice), Hangzhou, Bucket);

        // Assert
        Assert.Equal(StorageErrors.BucketNotFoundCode, carolSees.Error?.Code);
        Assert.Equal(CommonErrors.ForbiddenCode, bobCreates.Error?.Code);
        Assert.Equal(StorageErrors.BucketNotEmptyCode, aliceDeletes.Error?.Code);
    }

    [Fact]
    public async Task Export_WritesOneObjectPerDiskWhenTheTaskEnds()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await AcmeBaseAsync();

        // Act
        var result = await _export.ExportAsync(alice, new ExportImageRequest(Hangzhou, imageId, Bucket, "nightly"));
        var before = (await _storage.ListObjectsAsync(alice, Hangzhou, Bucket)).Value.Count;
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        var keys = (await _storage.ListObjectsAsync(alice, Hangzhou, Bucket)).Value.Select(o => o.Key).ToList();
        Assert.Equal(1, before);
        Assert.Contains($"nightly-{imageId}_system.raw.tar.gz", keys);
        Assert.Contains($"nightly-{imageId}_data_xvdb.raw.tar.gz", keys);
    }

    [Theory]
    [InlineData("EXP-01", "no-such-bucket", null, "raw", StorageErrors.BucketNotFoundCode)]
    [InlineData("VAL-OSS-01", Bucket, "bad-prefix!", "raw", StorageErrors.PrefixMalformedCode)]
    [InlineData("EXP-02", Bucket, null, "iso", StorageErrors.FormatMalformedCode)]
    [InlineData("EXP-03", Bucket, null, "qcow2", StorageErrors.FormatRegionCode)]
    public async Task Export_WithBadParameters_ReturnsTheCode(string rule, string bucket, string? prefix, string format, string code)
    {
        // Act
        var result = await _export.ExportAsync(await _db.ActorAsync(DemoWorld.Alice), new ExportImageRequest(Hangzhou, await AcmeBaseAsync(), bucket, prefix, format));

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
    }

    [Fact]
    public async Task Export_TwiceAtOnce_ReturnsImageIsExporting_AndABucketOfAnotherRegionIsNotMatched()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await AcmeBaseAsync();
        await _storage.CreateBucketAsync(alice, "cn-shanghai", "acme-shanghai");
        await _export.ExportAsync(alice, new ExportImageRequest(Hangzhou, imageId, Bucket));

        // Act
        var again = await _export.ExportAsync(alice, new ExportImageRequest(Hangzhou, imageId, Bucket));
        var elsewhere = await _export.ExportAsync(alice, new ExportImageRequest(Hangzhou, imageId, "acme-shanghai"));

        // Assert
        Assert.Equal(ImageErrors.IsExportingCode, again.Error?.Code);
        Assert.Equal(StorageErrors.BucketNotMatchedCode, elsewhere.Error?.Code);
    }

    [Theory]
    [InlineData(DemoWorld.Bob, CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Carol, ImageErrors.NotFoundCode)]
    public async Task Export_ByAnyoneButAnOwningWriter_IsRefused(string who, string code)
    {
        // Act
        var result = await _export.ExportAsync(await _db.ActorAsync(who), new ExportImageRequest(Hangzhou, await AcmeBaseAsync(), Bucket));

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task Export_ACommunityImage_ReturnsInvalidImageCategory()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Images.SingleAsync(i => i.Name == "acme-base-v1")).SetCommunity(true);
            await db.SaveChangesAsync();
        }

        // Act
        var result = await _export.ExportAsync(await _db.ActorAsync(DemoWorld.Alice), new ExportImageRequest(Hangzhou, await AcmeBaseAsync(), Bucket));

        // Assert
        Assert.Equal(StorageErrors.CategoryNotSupportedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Import_IsWaitingThenCreatingThenAvailable()
    {
        // Act
        var result = await _import.ImportAsync(await _db.ActorAsync(DemoWorld.Alice), FromSeededFile());
        await using var waiting = _db.NewContext();
        var before = await waiting.Images.SingleAsync(i => i.Id == result.Value.ImageId);
        await _engine.RunStepsAsync(_db.Time, 3);
        await using var creating = _db.NewContext();
        var during = await creating.Images.SingleAsync(i => i.Id == result.Value.ImageId);
        await _engine.RunStepsAsync(_db.Time, 7);

        // Assert
        Assert.Equal(ImageStatus.Waiting, before.Status);
        Assert.Equal((ImageStatus.Creating, 30), (during.Status, during.Progress));
        await using var done = _db.NewContext();
        var image = await done.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
        Assert.Equal((ImageStatus.Available, ImageSource.Import, 2, "QCOW2"), (image.Status, image.Source, image.SizeGiB, image.DiskMappings.Single().Format));
    }

    [Fact]
    public async Task Export_ThenImport_RoundTripsIntoAnAvailableImage()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await AcmeBaseAsync();
        await _export.ExportAsync(alice, new ExportImageRequest(Hangzhou, imageId, Bucket));
        await _engine.RunStepsAsync(_db.Time, 10);

        // Act
        var imported = await _import.ImportAsync(alice, FromSeededFile("round-trip") with { OssObject = $"{imageId}_system.raw.tar.gz" });
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        await using var db = _db.NewContext();
        var image = await db.Images.SingleAsync(i => i.Id == imported.Value.ImageId);
        Assert.Equal((ImageStatus.Available, 40), (image.Status, image.SizeGiB));
    }

    [Fact]
    public async Task Import_Cancelled_LeavesNoImageBehind()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var result = await _import.ImportAsync(alice, FromSeededFile());
        await _engine.RunStepsAsync(_db.Time, 2);

        // Act
        var cancelled = await _tasks.CancelAsync(alice, result.Value.TaskId);

        // Assert
        Assert.True(cancelled.IsSuccess);
        await using var db = _db.NewContext();
        Assert.False(await db.Images.AnyAsync(i => i.Id == result.Value.ImageId));
        Assert.False(await db.Snapshots.AnyAsync(s => s.Name == $"import-{result.Value.ImageId}-xvda"));
    }

    [Theory]
    [InlineData("IMP-05", "missing.qcow2", null, ImageArchitecture.X86_64, BootMode.Bios, "Auto", StorageErrors.ObjectNotFoundCode)]
    [InlineData("IMP-04", "imports/web-base.qcow2", 1, ImageArchitecture.X86_64, BootMode.Bios, "Auto", StorageErrors.ImageSizeCode)]
    [InlineData("IMP-04", "imports/web-base.qcow2", 4096, ImageArchitecture.X86_64, BootMode.Bios, "Auto", StorageErrors.ImageSizeCode)]
    [InlineData("IMP-10", "imports/web-base.qcow2", null, ImageArchitecture.Arm64, BootMode.Bios, "Auto", ImageErrors.BootModeNotSupportedCode)]
    [InlineData("IMP-08", "imports/web-base.qcow2", null, ImageArchitecture.X86_64, BootMode.Bios, "Free", StorageErrors.LicenseTypeCode)]
    public async Task Import_WithBadParameters_ReturnsTheCode(string rule, string key, int? size, ImageArchitecture arch, BootMode boot, string license, string code)
    {
        // Act
        var result = await _import.ImportAsync(await _db.ActorAsync(DemoWorld.Alice), FromSeededFile() with
        {
            OssObject = key, SystemDiskSizeGiB = size, Architecture = arch, BootMode = boot, LicenseType = license,
        });

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
    }

    [Fact]
    public async Task Import_AnIsoFileOrAnEmptyObjectOrWindowsOnArm_IsRefused()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _storage.PutObjectAsync(alice, Hangzhou, Bucket, "disk.iso", 1L << 30);
        await _storage.PutObjectAsync(alice, Hangzhou, Bucket, "empty.raw", 0);

        // Act
        var iso = await _import.ImportAsync(alice, FromSeededFile() with { OssObject = "disk.iso" });
        var empty = await _import.ImportAsync(alice, FromSeededFile() with { OssObject = "empty.raw" });
        var windowsArm = await _import.ImportAsync(alice, FromSeededFile() with { OsType = OsType.Windows, Platform = "Windows Server 2022", Architecture = ImageArchitecture.Arm64, BootMode = BootMode.Uefi });

        // Assert
        Assert.Equal(StorageErrors.SuffixCode, iso.Error?.Code);
        Assert.Equal(StorageErrors.ObjectSizeCode, empty.Error?.Code);
        Assert.Equal(StorageErrors.PlatformArchitectureCode, windowsArm.Error?.Code);
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
    }

    [Fact]
    public async Task Import_WithDataDisks_MapsEachToItsOwnDisk()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _storage.PutObjectAsync(alice, Hangzhou, Bucket, "imports/data-1.raw", 10L << 30);
        await _storage.PutObjectAsync(alice, Hangzhou, Bucket, "imports/data-2.vhd", 20L << 30);

        // Act
        var result = await _import.ImportAsync(alice, FromSeededFile() with
        {
            DataDisks = [new ImportDataDisk("imports/data-1.raw"), new ImportDataDisk("imports/data-2.vhd", 50)],
        });
        var missing = await _import.ImportAsync(alice, FromSeededFile("other") with { DataDisks = [new ImportDataDisk("nope.raw")] });
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        await using var db = _db.NewContext();
        var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
        Assert.Equal(ImageStatus.Available, image.Status);
        Assert.Equal([("/dev/xvda", 2, "QCOW2"), ("/dev/xvdb", 10, "RAW"), ("/dev/xvdc", 50, "VHD")],
            image.DiskMappings.OrderBy(m => m.Device).Select(m => (m.Device, m.SizeGiB, m.Format)));
        Assert.Equal(StorageErrors.ObjectNotFoundCode, missing.Error?.Code);
    }
}
