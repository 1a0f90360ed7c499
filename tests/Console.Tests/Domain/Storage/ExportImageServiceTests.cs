using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Storage;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Storage;

/// <summary>ExportImage (domain-rules §8.1, EXP-01..12) and its task.</summary>
public sealed class ExportImageServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Bucket = "acme-images-hangzhou";
    private readonly TestDatabase _db = new();
    private readonly IdGenerator _ids = new();
    private AsyncTaskEngine _engine = null!;
    private StorageService _storage = null!;
    private ExportImageService _export = null!;
    private TaskService _tasks = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _engine = EngineFactory.Create(_db.Factory, _db.Time);
        _tasks = new TaskService(_db.Factory, _engine, _ids, _db.Time);
        _storage = new StorageService(_db.Factory, _db.Time);
        _export = new ExportImageService(_db.Factory, _db.Time, _tasks, new ChangeNotifier());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<string> ImageIdAsync(string name = "acme-base-v1")
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.Name == name && i.RegionId == Hangzhou).Select(i => i.Id).SingleAsync();
    }

    private async Task<List<OssObject>> ObjectsAsync(string bucket = Bucket)
    {
        await using var db = _db.NewContext();
        return await db.OssObjects.Where(o => o.BucketName == bucket).OrderBy(o => o.Key).ToListAsync();
    }

    private async Task<Result<ExportedImage>> AliceExportsAsync(string? prefix = null, string format = "raw", string bucket = Bucket) =>
        await _export.ExportAsync(await _db.ActorAsync(DemoWorld.Alice), new ExportImageRequest(Hangzhou, await ImageIdAsync(), bucket, prefix, format));

    [Fact]
    public async Task Export_OfAnAvailableImage_WritesOneObjectPerDiskWhenTheTaskEnds()
    {
        // Arrange
        var imageId = await ImageIdAsync();

        // Act
        var result = await AliceExportsAsync("nightly");
        var before = await ObjectsAsync();
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(imageId, result.Value.ImageId);
        Assert.Single(before);
        var written = (await ObjectsAsync()).Where(o => o.SourceImageId == imageId).ToList();
        Assert.Equal(
            [($"nightly-{imageId}_data_xvdb.raw.tar.gz", "RAW"), ($"nightly-{imageId}_system.raw.tar.gz", "RAW")],
            written.Select(o => (o.Key, o.Format)));
        await using var db = _db.NewContext();
        var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == imageId);
        Assert.Equal(image.DiskMappings.Sum(m => (long)m.SizeGiB << 30), written.Sum(o => o.SizeBytes));
        Assert.Equal(ImageStatus.Available, image.Status);
        var task = await db.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId);
        Assert.Equal((AsyncTaskType.ExportImage, imageId, true, AsyncTaskStatus.Finished), (task.Type, task.ResourceId, task.Cancellable, task.Status));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ExportImage" && a.ResourceId == imageId && a.ErrorCode == null));
    }

    [Fact]
    public async Task Export_WhileRunning_IsStagedExporting()
    {
        // Act
        var result = await AliceExportsAsync();
        await _engine.RunStepsAsync(_db.Time, 2);

        // Assert
        await using var db = _db.NewContext();
        var task = await db.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId);
        Assert.Equal((AsyncTaskStatus.Processing, "Exporting"), (task.Status, task.Stage));
        Assert.Single(await ObjectsAsync());
    }

    [Fact]
    public async Task Export_WithUpperCaseRaw_IsAccepted()
    {
        // Act
        var result = await AliceExportsAsync(format: "RAW");

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    [Theory]
    [InlineData("EXP-01", "no-such-bucket", null, "raw", StorageErrors.BucketNotFoundCode)]
    [InlineData("VAL-OSS-01", Bucket, "bad-prefix", "raw", StorageErrors.PrefixMalformedCode)]
    [InlineData("VAL-OSS-01", Bucket, "a234567890123456789012345678901", "raw", StorageErrors.PrefixMalformedCode)]
    [InlineData("EXP-02", Bucket, null, "iso", StorageErrors.FormatMalformedCode)]
    [InlineData("EXP-03", Bucket, null, "qcow2", StorageErrors.FormatRegionCode)]
    [InlineData("EXP-03", Bucket, null, "VHD", StorageErrors.FormatRegionCode)]
    public async Task Export_WithBadParameters_ReturnsTheCode(string rule, string bucket, string? prefix, string format, string code)
    {
        // Act
        var result = await AliceExportsAsync(prefix, format, bucket);

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
    }

    [Theory]
    [InlineData("EXP-04", "deprecated", ImageErrors.IncorrectStatusCode, 400)]
    [InlineData("EXP-05", "marketplace", StorageErrors.ImageNotSupportedCode, 403)]
    [InlineData("EXP-06", "windows", StorageErrors.LicenseNotSupportedCode, 403)]
    [InlineData("EXP-07", "five-data-disks", StorageErrors.DiskAmountOrSizeCode, 400)]
    [InlineData("EXP-07", "large-data-disk", StorageErrors.DiskAmountOrSizeCode, 400)]
    [InlineData("EXP-08", "encrypted", StorageErrors.ImageNotSupportedCode, 400)]
    [InlineData("EXP-08", "community", StorageErrors.CategoryNotSupportedCode, 403)]
    public async Task Export_OfAnImageThatCannotBeExported_ReturnsTheCodeAndStatusAndStartsNoTask(string rule, string change, string code, int status)
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Name == "acme-base-v1");
            var entry = db.Entry(image);
            switch (change)
            {
                case "deprecated": image.Deprecate(); break;
                case "marketplace": entry.Property(i => i.ProductCode).CurrentValue = "cmjj000001"; break;
                case "windows": entry.Property(i => i.OsType).CurrentValue = OsType.Windows; break;
                case "encrypted": entry.Property(i => i.Encrypted).CurrentValue = true; break;
                case "community": image.SetCommunity(true); break;
                case "large-data-disk":
                    db.Entry(image.DiskMappings.Single(m => m.Type == DiskMappingType.Data)).Property(m => m.SizeGiB).CurrentValue = 501;
                    break;
                case "five-data-disks":
                    foreach (var device in new[] { "c", "d", "e", "f" })
                    {
                        image.DiskMappings.Add(new ImageDiskMapping { Type = DiskMappingType.Data, Device = $"/dev/xvd{device}", SizeGiB = 20 });
                    }

                    break;
            }

            await db.SaveChangesAsync();
        }

        // Act
        var result = await AliceExportsAsync();

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
        Assert.True(status == result.Error?.HttpStatus, $"{rule}: {result.Error}");
        await using var check = _db.NewContext();
        Assert.False(await check.AsyncTasks.AnyAsync(t => t.Type == AsyncTaskType.ExportImage));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "ExportImage" && a.ErrorCode == code));
    }

    [Fact]
    public async Task Export_WithFourDataDisksOfFiveHundredGiB_IsAccepted()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Name == "acme-base-v1");
            db.Entry(image.DiskMappings.Single(m => m.Type == DiskMappingType.Data)).Property(m => m.SizeGiB).CurrentValue = 500;
            foreach (var device in new[] { "c", "d", "e" })
            {
                image.DiskMappings.Add(new ImageDiskMapping { Type = DiskMappingType.Data, Device = $"/dev/xvd{device}", SizeGiB = 500 });
            }

            await db.SaveChangesAsync();
        }

        // Act
        var result = await AliceExportsAsync();

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    [Fact]
    public async Task Export_OfAPublicImage_ReturnsInvalidImageCategory()
    {
        // Arrange
        string publicId;
        await using (var db = _db.NewContext())
        {
            publicId = await db.Images.Where(i => i.Kind == ImageKind.Public && i.RegionId == Hangzhou).Select(i => i.Id).FirstAsync();
        }

        // Act
        var result = await _export.ExportAsync(await _db.ActorAsync(DemoWorld.Alice), new ExportImageRequest(Hangzhou, publicId, Bucket));

        // Assert
        Assert.Equal(StorageErrors.CategoryNotSupportedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Export_ToABucketOfAnotherRegion_ReturnsBucketNotMatched()
    {
        // Arrange
        await _storage.CreateBucketAsync(await _db.ActorAsync(DemoWorld.Alice), "cn-shanghai", "acme-shanghai");

        // Act
        var result = await AliceExportsAsync(bucket: "acme-shanghai");

        // Assert
        Assert.Equal(StorageErrors.BucketNotMatchedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Export_TwiceAtOnce_ReturnsImageIsExporting_AndAgainOnceTheFirstEnds()
    {
        // Arrange
        await AliceExportsAsync();

        // Act
        var again = await AliceExportsAsync();
        await _engine.RunStepsAsync(_db.Time, 10);
        var afterwards = await AliceExportsAsync();

        // Assert
        Assert.Equal(ImageErrors.IsExportingCode, again.Error?.Code);
        Assert.True(afterwards.IsSuccess, afterwards.Error?.ToString());
    }

    [Theory]
    [InlineData(DemoWorld.Bob, CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Carol, ImageErrors.NotFoundCode)]
    public async Task Export_ByAReadOnlyMemberOrAnotherAccount_IsRefused(string who, string code)
    {
        // Act
        var result = await _export.ExportAsync(await _db.ActorAsync(who), new ExportImageRequest(Hangzhou, await ImageIdAsync(), Bucket));

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task Export_OfOwnImageIntoAnotherAccountsBucket_ReturnsBucketNotFound()
    {
        // Act
        var result = await _export.ExportAsync(
            await _db.ActorAsync(DemoWorld.Carol), new ExportImageRequest(Hangzhou, await ImageIdAsync("globex-shared-tools"), Bucket));

        // Assert
        Assert.Equal(StorageErrors.BucketNotFoundCode, result.Error?.Code);
    }

    [Fact]
    public async Task Export_Cancelled_WritesNothingAndLeavesTheImageAvailable()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var result = await AliceExportsAsync();
        await _engine.RunStepsAsync(_db.Time, 2);

        // Act
        var cancelled = await _tasks.CancelAsync(alice, result.Value.TaskId);
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(cancelled.IsSuccess, cancelled.Error?.ToString());
        Assert.Single(await ObjectsAsync());
        await using var db = _db.NewContext();
        Assert.Equal(ImageStatus.Available, (await db.Images.SingleAsync(i => i.Id == result.Value.ImageId)).Status);
        Assert.Equal(AsyncTaskStatus.Cancelled, (await db.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId)).Status);
    }

    [Fact]
    public async Task Export_WhenTheBucketIsDeletedMidway_FailsAndWritesNothing()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _storage.CreateBucketAsync(alice, Hangzhou, "acme-scratch");
        var result = await AliceExportsAsync(bucket: "acme-scratch");
        await _engine.RunStepsAsync(_db.Time, 2);

        // Act
        await _storage.DeleteBucketAsync(alice, Hangzhou, "acme-scratch");
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        await using var db = _db.NewContext();
        var task = await db.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId);
        Assert.Equal((AsyncTaskStatus.Failed, StorageErrors.BucketNotFoundCode), (task.Status, task.ErrorCode));
        Assert.False(await db.OssObjects.AnyAsync(o => o.BucketName == "acme-scratch"));
        Assert.Equal(ImageStatus.Available, (await db.Images.SingleAsync(i => i.Id == result.Value.ImageId)).Status);
    }

    [Fact]
    public async Task Export_AsQcow2InARegionThatHonoursFormats_WritesQcow2Objects()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var copies = new CopyImageService(_db.Factory, _ids, _db.Time, _tasks, _engine, new ChangeNotifier());
        var copy = await copies.CopyAsync(alice, new CopyImageRequest(Hangzhou, await ImageIdAsync(), "ap-southeast-1", "acme-base-sg", null));
        await _engine.RunStepsAsync(_db.Time, 20);
        await _storage.CreateBucketAsync(alice, "ap-southeast-1", "acme-singapore");

        // Act
        var result = await _export.ExportAsync(alice, new ExportImageRequest("ap-southeast-1", copy.Value.ImageId, "acme-singapore", null, "QCOW2"));
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(
            [($"{copy.Value.ImageId}_data_xvdb.qcow2", "QCOW2"), ($"{copy.Value.ImageId}_system.qcow2", "QCOW2")],
            (await ObjectsAsync("acme-singapore")).Select(o => (o.Key, o.Format)));
    }
}
