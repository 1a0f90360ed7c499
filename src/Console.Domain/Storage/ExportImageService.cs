using System.Text.Json;
using System.Text.RegularExpressions;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Storage;

/// <summary>ExportImage: a custom image to a bucket of the same region.</summary>
public sealed record ExportImageRequest(string RegionId, string ImageId, string OssBucket, string? OssPrefix = null, string ImageFormat = "raw")
{
    /// <summary>EXP-02: the RAM role ECS exports with (default <see cref="StorageErrors.ExportRole"/>).</summary>
    public string? RoleName { get; init; }
}

/// <summary>What ExportImage returns at once.</summary>
public sealed record ExportedImage(string ImageId, string TaskId);

/// <summary>What an ExportImage task carries.</summary>
public sealed record ExportPayload(string Bucket, string? Prefix, string Format);

/// <summary>ExportImage (domain-rules §8.1): checks, then a cancellable task that writes one object per disk.</summary>
public sealed partial class ExportImageService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, TaskService tasks, ChangeNotifier changes)
{
    /// <summary>Regions of ours where formats other than RAW are honoured (EXP-03).</summary>
    public static readonly IReadOnlySet<string> FormatRegions = new HashSet<string> { "eu-central-1", "ap-southeast-1", "us-west-1" };

    private static readonly string[] Formats = ["raw", "vhd", "qcow2", "vmdk", "vdi"];

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// Exports an Available custom image. Codes: <c>InvalidImageId.NotFound</c>, <c>Forbidden</c> (a read-only member, or
    /// someone else's custom image), <see cref="StorageErrors.CategoryNotSupportedCode"/> also for public/Marketplace images, <see cref="StorageErrors.BucketNotFoundCode"/>,
    /// <see cref="StorageErrors.BucketNotMatchedCode"/>, <see cref="StorageErrors.PrefixMalformedCode"/>,
    /// <see cref="StorageErrors.FormatMalformedCode"/>, <see cref="StorageErrors.FormatRegionCode"/>, <c>IncorrectImageStatus</c>,
    /// <see cref="StorageErrors.ImageNotSupportedCode"/>, <see cref="StorageErrors.CategoryNotSupportedCode"/>,
    /// <see cref="StorageErrors.LicenseNotSupportedCode"/>, <see cref="StorageErrors.DiskAmountOrSizeCode"/>, <c>ImageIsExporting</c>.
    /// </summary>
    public Task<Result<ExportedImage>> ExportAsync(Actor actor, ExportImageRequest request, CancellationToken ct = default) =>
        // An image the actor cannot change is refused unaudited; every outcome past that is audited.
        _write.RunAsync<ExportedImage>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var owned = await Access.OwnedImageForWriteAsync(db, actor, time, request.RegionId, request.ImageId, ct);
            if (!owned.IsSuccess)
            {
                // EXP-08: a writer who can see a public or Marketplace image is told its category cannot be exported.
                var category = owned.Error.Code == CommonErrors.ForbiddenCode && await scope.CheckCanWriteAsync(ct) is null
                    && await db.Images.AnyAsync(i => i.RegionId == request.RegionId && i.Id == request.ImageId && i.Kind != ImageKind.Custom, ct);
                return category ? StorageErrors.CategoryNotSupported("Only custom images can be exported.") : owned.Error;
            }

            var image = owned.Value;
            scope.Audit(new AuditTarget(AuditActions.ExportImage, ResourceKind.Image, image.Id, request.RegionId));
            var format = (request.ImageFormat ?? "raw").Trim().ToLowerInvariant();
            if (await CheckAsync(db, actor, image, request, format, ct) is { } error)
            {
                return error;
            }

            var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == request.RegionId, ct);
            var task = tasks.New(db, region.Infix, region.Id, actor.AccountId!, AsyncTaskType.ExportImage, image.Id, cancellable: true,
                JsonSerializer.Serialize(new ExportPayload(request.OssBucket, string.IsNullOrEmpty(request.OssPrefix) ? null : request.OssPrefix, format)));
            scope.Publish(new ResourceChange(ResourceKind.Task, task.Id, request.RegionId, actor.AccountId));
            return new ExportedImage(image.Id, task.Id);
        }, ct);

    private static async Task<EcsError?> CheckAsync(ConsoleDbContext db, Actor actor, Image image, ExportImageRequest request, string format, CancellationToken ct)
    {
        var bucket = await db.OssBuckets.AsNoTracking().FirstOrDefaultAsync(b => b.Name == request.OssBucket && b.AccountId == actor.AccountId, ct);
        if (bucket is null)
        {
            return StorageErrors.BucketNotFound(request.OssBucket);
        }

        if (bucket.RegionId != request.RegionId)
        {
            return StorageErrors.BucketNotMatched(request.OssBucket);
        }

        if (!string.IsNullOrEmpty(request.OssPrefix) && !Prefix().IsMatch(request.OssPrefix))
        {
            return StorageErrors.PrefixMalformed();
        }

        if (!Formats.Contains(format))
        {
            return StorageErrors.FormatMalformed(request.ImageFormat);
        }

        if (StorageErrors.RoleNotAuthorized(request.RoleName, StorageErrors.ExportRole) is { } role)
        {
            return role;
        }

        if (format != "raw" && !FormatRegions.Contains(request.RegionId))
        {
            return StorageErrors.FormatRegion(format.ToUpperInvariant());
        }

        if (ImageRules.CannotExport(image.Status) is { } notAvailable)
        {
            return notAvailable;
        }

        if (image.IsPublic)
        {
            return StorageErrors.CategoryNotSupported("Community images cannot be exported.");
        }

        if (image.ProductCode is not null)
        {
            return StorageErrors.MarketplaceImageNotSupported();
        }

        if (image.Encrypted)
        {
            return StorageErrors.EncryptedImageNotSupported();
        }

        if (image.OsType == OsType.Windows)
        {
            return StorageErrors.LicenseNotSupported();
        }

        var data = image.DiskMappings.Where(m => m.Type == DiskMappingType.Data).ToList();
        if (data.Count > 4 || data.Any(m => m.SizeGiB > 500))
        {
            return StorageErrors.DiskAmountOrSize();
        }

        var exporting = await db.AsyncTasks.AnyAsync(t => t.Type == AsyncTaskType.ExportImage && t.ResourceId == image.Id
            && t.RegionId == image.RegionId && t.Status == AsyncTaskStatus.Processing, ct);
        return exporting ? ImageErrors.IsExporting() : null;
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,30}$")]
    private static partial Regex Prefix();
}

/// <summary>Exports an image: at the end, one object per disk in the bucket; a cancelled or failed export writes nothing.</summary>
public sealed class ExportImageHandler : IAsyncTaskHandler
{
    public AsyncTaskType Type => AsyncTaskType.ExportImage;

    public string StageAt(int progress) => "Exporting";

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var payload = Payload(task);
        return !await db.Images.AnyAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct) ? ImageErrors.NotFound(task.ResourceId)
            : !await db.OssBuckets.AnyAsync(b => b.Name == payload.Bucket && b.AccountId == task.AccountId, ct) ? StorageErrors.BucketNotFound(payload.Bucket)
            : null;
    }

    public Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([]);

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var payload = Payload(task);
        var image = await db.Images.AsNoTracking().Include(i => i.DiskMappings).FirstAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        var suffix = payload.Format == "raw" ? "raw.tar.gz" : payload.Format;
        var now = task.UpdatedAt;
        foreach (var mapping in image.DiskMappings.OrderBy(m => m.Device))
        {
            var part = mapping.Type == DiskMappingType.System ? "system" : $"data_{mapping.Device.Replace("/dev/", "", StringComparison.Ordinal)}";
            var key = $"{(payload.Prefix is null ? "" : payload.Prefix + "-")}{image.Id}_{part}.{suffix}";
            await db.OssObjects.Where(o => o.BucketName == payload.Bucket && o.Key == key).ExecuteDeleteAsync(ct);
            db.OssObjects.Add(new OssObject
            {
                BucketName = payload.Bucket, Key = key, SizeBytes = (long)mapping.SizeGiB << 30, CreatedAt = now,
                SourceImageId = image.Id, Format = payload.Format.ToUpperInvariant(),
            });
        }

        return [new ResourceChange(ResourceKind.Bucket, payload.Bucket, task.RegionId, task.AccountId)];
    }

    public Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([]);

    public Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([]);

    private static ExportPayload Payload(AsyncTask task) =>
        JsonSerializer.Deserialize<ExportPayload>(task.Payload ?? "{}") ?? throw new InvalidOperationException($"Task {task.Id} has no export payload.");
}
