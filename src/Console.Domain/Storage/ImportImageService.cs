using System.Text.Json;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Storage;

/// <summary>ImportImage: an image file in a bucket of the region becomes a custom image (domain-rules §8.2).</summary>
public sealed record ImportImageRequest
{
    public required string RegionId { get; init; }

    public required string OssBucket { get; init; }

    public required string OssObject { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public OsType OsType { get; init; } = OsType.Linux;

    public string Platform { get; init; } = "Others Linux";

    public ImageArchitecture Architecture { get; init; } = ImageArchitecture.X86_64;

    /// <summary>Null: UEFI for an arm64 image, BIOS for any other (IMP-10); arm64 must use UEFI.</summary>
    public BootMode? BootMode { get; init; }

    /// <summary>The boot mode the image gets: <see cref="BootMode"/>, or its default for <see cref="Architecture"/>.</summary>
    public BootMode EffectiveBootMode => BootMode ?? (Architecture == ImageArchitecture.Arm64 ? Images.BootMode.Uefi : Images.BootMode.Bios);

    public string LicenseType { get; init; } = "Auto";

    /// <summary>IMP-11: <c>Features.NvmeSupport</c>: whether the imported system has the NVMe driver (NVMe-only types need it).</summary>
    public bool NvmeSupport { get; init; }

    /// <summary>IMP-11: <c>Features.ImdsSupport</c>, v1 unless v2 is asked for.</summary>
    public string ImdsSupport { get; init; } = "v1";

    /// <summary>The new image's tags (<c>Tag.N</c>).</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>IMP-06: the RAM role ECS reads the OSS files with (default <see cref="StorageErrors.ImportRole"/>).</summary>
    public string? RoleName { get; init; }

    /// <summary>IMGP-05: <c>DetectionStrategy=Standard</c>, the image check runs while the image is imported (not for Windows).</summary>
    public bool ImageCheck { get; init; }

    /// <summary>IMP-13: the resource group of the new image, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>GiB, 1–2048, at least the file's size; null = the file's size rounded up.</summary>
    public int? SystemDiskSizeGiB { get; init; }

    /// <summary>RAW, VHD, QCOW2; null = detected from the object's suffix.</summary>
    public string? Format { get; init; }

    /// <summary>Data disks (DiskDeviceMapping.2..17); beyond the 16th they are ignored (IMP-02).</summary>
    public IReadOnlyList<ImportDataDisk> DataDisks { get; init; } = [];
}

/// <summary>
/// A data disk to import (DiskDeviceMapping.N, N = 2..17): an object, its disk size (null = the file's size rounded up), and its
/// bucket (null = the request's bucket; otherwise another of the account's buckets in the same region).
/// </summary>
public sealed record ImportDataDisk(string OssObject, int? SizeGiB = null, string? OssBucket = null);

/// <summary>What ImportImage returns at once.</summary>
public sealed record ImportedImage(string ImageId, string TaskId);

/// <summary>What an ImportImage task carries: the snapshots made for its disks (IMP-14).</summary>
public sealed record ImportPayload(IReadOnlyList<string> SnapshotIds);

/// <summary>ImportImage: checks, then the image <c>Waiting</c> and a cancellable task that makes it Available.</summary>
public sealed class ImportImageService(
    IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, ChangeNotifier changes)
{
    private static readonly string[] Formats = ["RAW", "VHD", "QCOW2", "VMDK"];
    /// <summary>ImportImage's <c>LicenseType</c> values.</summary>
    public static IReadOnlyList<string> LicenseTypes { get; } = ["Auto", "Aliyun", "BYOL"];

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// Imports an image. Codes: <c>Forbidden</c>; name/description codes; <see cref="StorageErrors.BucketNotFoundCode"/>,
    /// <see cref="StorageErrors.BucketNotMatchedCode"/>, <see cref="StorageErrors.ObjectNotFoundCode"/>,
    /// <see cref="StorageErrors.ObjectSizeCode"/>, <see cref="StorageErrors.SuffixCode"/>, <see cref="StorageErrors.FormatMalformedCode"/>,
    /// <see cref="StorageErrors.ImageSizeCode"/>, <see cref="StorageErrors.PlatformArchitectureCode"/>,
    /// <c>InvalidBootMode.NotSupport</c>, <see cref="StorageErrors.LicenseTypeCode"/>, <c>InvalidImageName.Duplicated</c>, <c>QuotaExceed.Image</c>.
    /// </summary>
    public Task<Result<ImportedImage>> ImportAsync(Actor actor, ImportImageRequest request, CancellationToken ct = default) =>
        _write.CreateAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.ImportImage, ResourceKind.Image, null, request.RegionId),
            auditDenied: false, scope => ImportInTransactionAsync(scope.Db, actor, request, ct), imported => imported.ImageId, ct);

    private async Task<Result<ImportedImage>> ImportInTransactionAsync(ConsoleDbContext db, Actor actor, ImportImageRequest request, CancellationToken ct)
    {
        if ((ImageValidation.Name(request.Name) ?? ImageValidation.Description(request.Description) ?? TagsError(request.Tags)
            ?? (request.ImdsSupport is not ("v1" or "v2") ? ImageErrors.ImdsSupportMalformed(request.ImdsSupport) : null)
            ?? (request.ImageCheck && (request.OsType == OsType.Windows || request.Platform.StartsWith("Windows", StringComparison.OrdinalIgnoreCase))
                ? ImageErrors.ImageCheckWindows() : null)) is { } invalid)
        {
            return invalid;
        }

        var bucket = await db.OssBuckets.AsNoTracking().FirstOrDefaultAsync(b => b.Name == request.OssBucket && b.AccountId == actor.AccountId, ct);
        if (BucketError(bucket, request.OssBucket, request.RegionId) is { } bucketError)
        {
            return bucketError;
        }

        ArgumentNullException.ThrowIfNull(bucket);
        var file = await db.OssObjects.AsNoTracking().FirstOrDefaultAsync(o => o.BucketName == bucket.Name && o.Key == request.OssObject, ct);
        if (file is null)
        {
            return StorageErrors.ObjectNotFound(request.OssObject);
        }

        if (file.SizeBytes <= 0)
        {
            return StorageErrors.ObjectSize(request.OssObject);
        }

        var format = request.Format?.ToUpperInvariant() ?? StorageService.FormatOf(file.Key) ?? file.Format;
        if (IsIso(file.Key) || (request.Format is null && format is null))
        {
            return StorageErrors.Suffix(file.Key);
        }

        if (!Formats.Contains(format))
        {
            return StorageErrors.FormatMalformed(request.Format ?? file.Key);
        }

        var fileGiB = (int)Math.Ceiling(file.SizeBytes / (double)(1L << 30));
        var size = request.SystemDiskSizeGiB ?? fileGiB;
        if (size is < 1 or > 2048 || size < fileGiB)
        {
            return StorageErrors.ImageSize($"The system disk must be 1–2048 GiB and at least the file's {fileGiB} GiB.");
        }

        var dataDisks = new List<(OssObject File, int SizeGiB, string Format)>();
        foreach (var disk in request.DataDisks.Take(16))
        {
            var dataBucket = bucket;
            if (!string.IsNullOrEmpty(disk.OssBucket) && disk.OssBucket != bucket.Name)
            {
                var other = await db.OssBuckets.AsNoTracking().FirstOrDefaultAsync(b => b.Name == disk.OssBucket && b.AccountId == actor.AccountId, ct);
                if (BucketError(other, disk.OssBucket, request.RegionId) is { } dataBucketError)
                {
                    return dataBucketError;
                }

                ArgumentNullException.ThrowIfNull(other);
                dataBucket = other;
            }

            var dataFile = await db.OssObjects.AsNoTracking().FirstOrDefaultAsync(o => o.BucketName == dataBucket.Name && o.Key == disk.OssObject, ct);
            if (dataFile is null)
            {
                return StorageErrors.ObjectNotFound(disk.OssObject);
            }

            if (dataFile.SizeBytes <= 0)
            {
                return StorageErrors.ObjectSize(disk.OssObject);
            }

            var dataFormat = StorageService.FormatOf(dataFile.Key) ?? dataFile.Format;
            if (dataFormat is null || IsIso(dataFile.Key))
            {
                return StorageErrors.Suffix(dataFile.Key);
            }

            var dataGiB = (int)Math.Ceiling(dataFile.SizeBytes / (double)(1L << 30));
            var dataSize = disk.SizeGiB ?? dataGiB;
            if (dataSize is < 1 or > 2048 || dataSize < dataGiB)
            {
                return StorageErrors.DataDiskSize($"Data disk {disk.OssObject} must be 1–2048 GiB and at least the file's {dataGiB} GiB.");
            }

            dataDisks.Add((dataFile, dataSize, dataFormat));
        }

        var windows = request.OsType == OsType.Windows || request.Platform.StartsWith("Windows", StringComparison.OrdinalIgnoreCase);
        if (windows && request.Architecture != ImageArchitecture.X86_64)
        {
            return StorageErrors.PlatformArchitecture();
        }

        if (request.Architecture == ImageArchitecture.Arm64 && request.EffectiveBootMode != BootMode.Uefi)
        {
            return ImageErrors.BootModeNotSupported("arm64 images boot in UEFI mode only.");
        }

        if (!LicenseTypes.Contains(request.LicenseType))
        {
            return StorageErrors.LicenseType(request.LicenseType);
        }

        if (StorageErrors.RoleNotAuthorized(request.RoleName, StorageErrors.ImportRole) is { } role)
        {
            return role;
        }

        var account = actor.AccountId!;
        var group = await ResourceGroupRules.ResolveAsync(db, account, request.ResourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        if (await NewImageChecks.NameAndQuotaAsync(db, account, request.RegionId, request.Name, ct) is { } refused)
        {
            return refused;
        }

        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == request.RegionId, ct);
        var now = time.GetUtcNow();
        var imageId = ids.NewImageId(region.Infix);
        var snapshot = new Snapshot
        {
            Id = ids.NewSnapshotId(region.Infix), RegionId = region.Id, AccountId = account, Name = $"import-{imageId}-xvda",
            Description = $"Created by importing {bucket.Name}/{file.Key}", SourceDiskId = $"import:{bucket.Name}/{file.Key}",
            SourceDiskType = "system", SourceDiskSizeGiB = size, SourceArchitecture = request.Architecture.ToEcs(), SourcePlatform = request.Platform,
            CreationTime = now,
        };
        snapshot.ReportProgress(0);
        var image = new Image
        {
            Id = imageId, RegionId = region.Id, Kind = ImageKind.Custom, OwnerAccountId = account,
            Name = string.IsNullOrEmpty(request.Name) ? imageId : request.Name, Description = request.Description,
            OsName = $"{request.Platform} {(request.Architecture == ImageArchitecture.I386 ? "32" : "64")} bit", OsType = windows ? OsType.Windows : OsType.Linux,
            Platform = request.Platform, Architecture = request.Architecture, SizeGiB = size, BootMode = request.EffectiveBootMode, NvmeSupport = request.NvmeSupport,
            ImdsSupport = request.ImdsSupport, ImageCheckRequested = request.ImageCheck, Tags = [.. request.Tags.Select(t => new ImageTag { TagKey = t.Key, TagValue = t.Value })], IsSupportCloudinit = !windows, LicenseType = request.LicenseType, CreationTime = now, Source = ImageSource.Import,
            ResourceGroupId = group.Value,
            DiskMappings =
            [
                new ImageDiskMapping
                {
                    Type = DiskMappingType.System, Device = "/dev/xvda", SnapshotId = snapshot.Id, SizeGiB = size, Format = format!,
                    ImportOssBucket = bucket.Name, ImportOssObject = file.Key,
                },
            ],
        };
        var snapshots = new List<Snapshot> { snapshot };
        var device = 'b';
        foreach (var (dataFile, dataSize, dataFormat) in dataDisks)
        {
            var name = $"xvd{device++}";
            var dataSnapshot = new Snapshot
            {
                Id = ids.NewSnapshotId(region.Infix), RegionId = region.Id, AccountId = account, Name = $"import-{imageId}-{name}",
                Description = $"Created by importing {dataFile.BucketName}/{dataFile.Key}", SourceDiskId = $"import:{dataFile.BucketName}/{dataFile.Key}",
                SourceDiskType = "data", SourceDiskSizeGiB = dataSize, CreationTime = now,
            };
            dataSnapshot.ReportProgress(0);
            snapshots.Add(dataSnapshot);
            image.DiskMappings.Add(new ImageDiskMapping
            {
                Type = DiskMappingType.Data, Device = $"/dev/{name}", SnapshotId = dataSnapshot.Id, SizeGiB = dataSize, Format = dataFormat,
                ImportOssBucket = dataFile.BucketName, ImportOssObject = dataFile.Key,
            });
        }

        image.MarkWaiting();
        db.Images.Add(image);
        db.Snapshots.AddRange(snapshots);
        var task = tasks.New(db, region.Infix, region.Id, account, AsyncTaskType.ImportImage, imageId, cancellable: true,
            JsonSerializer.Serialize(new ImportPayload([.. snapshots.Select(s => s.Id)])));
        return new ImportedImage(imageId, task.Id);
    }

    /// <summary>IMP-01: the bucket must be the account's and in the image's region.</summary>
    /// <summary>The tag checks of every image write, with ImportImage's own code for a duplicate key (VAL-TAG-04).</summary>
    private static EcsError? TagsError(IReadOnlyList<(string Key, string Value)> tags) =>
        ImageValidation.Tags(tags) is { Code: ImageErrors.TagKeyDuplicateCode } duplicate ? ImageErrors.TagKeyDuplication(duplicate) : ImageValidation.Tags(tags);

    private static EcsError? BucketError(OssBucket? bucket, string name, string regionId) =>
        bucket is null ? StorageErrors.BucketNotFound(name)
        : bucket.RegionId != regionId ? StorageErrors.BucketNotMatched(name)
        : null;

    /// <summary>IMP-03: ISO files must be converted first, whatever format is claimed.</summary>
    private static bool IsIso(string key) => key.EndsWith(".iso", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Imports an image: Waiting → Creating (stage <c>Importing</c>) → Available; cancel removes it; failure leaves it CreateFailed.</summary>
public sealed class ImportImageHandler : ImageBuildTaskHandler
{
    public override AsyncTaskType Type => AsyncTaskType.ImportImage;

    protected override int SnapshotsDoneAt => 100;

    public override string StageAt(int progress) => "Importing";

    protected override IReadOnlyList<string> NewSnapshotIds(AsyncTask task) =>
        JsonSerializer.Deserialize<ImportPayload>(task.Payload ?? "{}")?.SnapshotIds ?? [];

    /// <summary>An import publishes its image only, also once it is gone.</summary>
    protected override IReadOnlyList<ResourceChange> Changes(AsyncTask task, Image? image, IEnumerable<Snapshot> snapshots) => [ImageChange(task)];
}
