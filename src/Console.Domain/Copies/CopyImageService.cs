using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Copies;

/// <summary>
/// CopyImage and CancelCopyImage (domain-rules §4). A copy is a new custom image of the caller's account in the
/// destination region, with a new ID and new snapshots there, <c>Creating</c> at 0% (or <c>Waiting</c> behind the
/// account's concurrent-copy limit in that region, CPY-09) until its <see cref="CopyImageHandler"/> task completes it.
/// Checks and the write share one transaction begun before the first read (<c>BEGIN IMMEDIATE</c> on SQLite), so the
/// destination's image quota, name and conflict checks see no concurrent writer. Every outcome past the permission
/// check is audited in the same commit; pages learn of changes after it.
/// </summary>
public sealed class CopyImageService(
    IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, AsyncTaskEngine engine, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    private const ResourceKind ImageResource = ResourceKind.Image;

    /// <summary>
    /// Copies an image. Returns the copy and its task, or (checked in this order):
    /// <c>Forbidden</c> (read-only member, platform admin; not audited);
    /// <see cref="ImageErrors.NameMalformedCode"/>, <see cref="ImageErrors.DescriptionMalformedCode"/> (CPY-13);
    /// <see cref="CopyErrors.SourceRegionNotFoundCode"/>, <see cref="CopyErrors.DestinationRegionNotFoundCode"/> (CPY-07);
    /// <see cref="ImageErrors.NotFoundCode"/> (source missing or invisible to the caller, CPY-19);
    /// <see cref="ImageErrors.OperationDeniedCode"/> 403 (public or Marketplace image, CPY-04);
    /// <see cref="CopyErrors.CommunityImageCode"/> (another account's community image, CPY-05);
    /// <see cref="CopyErrors.SameRegionOnlyCode"/> (an image shared with the caller, to another region, CPY-02);
    /// <see cref="CopyErrors.IncorrectImageStatusCode"/> (source not Available, CPY-01/05);
    /// <see cref="CopyErrors.NotPublishedCode"/> (derived from a Marketplace product not published in the destination, CPY-04);
    /// <see cref="CopyErrors.EncryptedSnapshotCode"/> (encrypted source, unencrypted copy, CPY-15);
    /// <see cref="CopyErrors.IncorrectDestinationRegionCode"/> (own image into its own region without changing encryption, CPY-06);
    /// <see cref="CopyErrors.ImageCopyConflictCode"/> (the account is already copying this image, CPY-10);
    /// <see cref="ImageErrors.NameDuplicatedCode"/> (the copy's name is taken in the destination, CPY-13);
    /// <see cref="ImageErrors.ImageQuotaCode"/> (the account's image quota in the destination, CPY-17).
    /// </summary>
    public async Task<Result<CopiedImage>> CopyAsync(Actor actor, CopyImageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        // A copy is audited in its destination region; a refusal against the source image.
        return await _write.CreateAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.CopyImage, ImageResource, request.ImageId, request.RegionId),
            auditDenied: false, scope => CopyInTransactionAsync(scope.Db, actor, request, ct),
            copied => new AuditTarget(AuditActions.CopyImage, ImageResource, copied.ImageId, request.DestinationRegionId), ct);
    }

    /// <summary>
    /// The name a copy of <paramref name="sourceName"/> gets in <paramref name="destinationRegionId"/> when none is asked for
    /// (the Copy dialog's pre-filled name): the source's own while it is free among the actor's images there, else the
    /// first free <c>-copy</c> name (CPY-06: a same-region copy's source keeps its name).
    /// </summary>
    public async Task<string> DefaultNameAsync(Actor actor, string destinationRegionId, string sourceName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.AccountId is not { } account)
        {
            return sourceName;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NewImageChecks.FreeNameAsync(db, account, destinationRegionId, sourceName, ct);
    }

    /// <summary>
    /// CancelCopyImage, called in the destination region with the copy's ID (CPY-20): cancels the copy's task, which
    /// removes the copy and the snapshots it was filling; the source is unchanged. Codes:
    /// <c>Forbidden</c> (platform admin, not audited; read-only member);
    /// <see cref="CommonErrors.InvalidRegionIdNotFoundCode"/>; <see cref="ImageErrors.NotFoundCode"/> (no such image of the
    /// caller's account in the region); <see cref="CopyErrors.NotFromCopyCode"/>; <see cref="CopyErrors.IncorrectImageStatusCode"/>
    /// ("The image is copied finished." / "The Image copy has been failed." / "The specified image is not coping.");
    /// <see cref="TaskErrors.CancelNotSupportedCode"/> (CPY-21).
    /// </summary>
    public async Task<Result> CancelCopyAsync(Actor actor, string destinationRegionId, string copyImageId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // The platform admin (no account) is refused unaudited before any lookup; anyone else once the copy is found
        // (NotFound wins), audited like every outcome past the lookup.
        var right = actor.AccountId is null ? WriteRight.CanWrite : WriteRight.None;
        return await _write.ChangeAsync(actor, right, new AuditTarget(AuditActions.CancelCopyImage, ImageResource, copyImageId, destinationRegionId),
            auditDenied: false, async scope =>
            {
                var found = await FindCopyTaskAsync(scope, destinationRegionId, copyImageId, ct);
                if (!found.IsSuccess)
                {
                    return found.Error;
                }

                scope.Publish(await engine.CancelAsync(scope.Db, found.Value, ct)); // what cancelling the copy's task changed
                return null;
            }, ct, publish: false);
    }

    private static async Task<Result<AsyncTask>> FindCopyTaskAsync(WriteScope scope, string regionId, string imageId, CancellationToken ct)
    {
        var db = scope.Db;
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, ct))
        {
            return CommonErrors.RegionNotFound(regionId);
        }

        var account = scope.Actor.AccountId;
        var copy = await db.Images.AsNoTracking()
            .Where(i => i.RegionId == regionId && i.Id == imageId && i.Kind == ImageKind.Custom && i.OwnerAccountId == account)
            .Select(i => new { i.IsCopied, i.Status })
            .FirstOrDefaultAsync(ct);
        if (copy is null)
        {
            return ImageErrors.NotFound(imageId);
        }

        if (await scope.CheckCanWriteAsync(ct) is { } denied)
        {
            return denied;
        }

        if (!copy.IsCopied)
        {
            return CopyErrors.NotFromCopy();
        }

        if (copy.Status == ImageStatus.Available)
        {
            return CopyErrors.CopyFinished();
        }

        if (copy.Status == ImageStatus.CreateFailed)
        {
            return CopyErrors.CopyFailed();
        }

        var task = copy.Status is ImageStatus.Creating or ImageStatus.Waiting
            ? await db.AsyncTasks.FirstOrDefaultAsync(t => t.RegionId == regionId && t.AccountId == account && t.Type == AsyncTaskType.CopyImage
                && t.ResourceId == imageId && t.Status == AsyncTaskStatus.Processing, ct)
            : null;
        if (task is null)
        {
            return CopyErrors.NotCopying();
        }

        return task.Cancellable ? task : TaskErrors.CancelNotSupported();
    }

    private async Task<Result<CopiedImage>> CopyInTransactionAsync(ConsoleDbContext db, Actor actor, CopyImageRequest request, CancellationToken ct)
    {
        var account = actor.AccountId!;
        if ((ImageValidation.Name(request.Name) ?? ImageValidation.Description(request.Description) ?? ImageValidation.Tags(request.Tags)
            ?? (request.KmsKeyId is { Length: > 0 } key ? request.Encrypted ? CopyErrors.KmsKeyNotFound(key) : CopyErrors.EncryptedIllegal() : null)) is { } malformed)
        {
            return malformed;
        }

        if (!await db.Regions.AnyAsync(r => r.Id == request.RegionId, ct))
        {
            return CopyErrors.SourceRegionNotFound(request.RegionId);
        }

        var destination = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.DestinationRegionId, ct);
        if (destination is null)
        {
            return CopyErrors.DestinationRegionNotFound(request.DestinationRegionId);
        }

        var group = await ResourceGroupRules.ResolveAsync(db, account, request.ResourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var source = await db.Images.AsNoTracking().Include(i => i.DiskMappings).VisibleTo(db, actor)
            .FirstOrDefaultAsync(i => i.RegionId == request.RegionId && i.Id == request.ImageId, ct);
        if (source is null)
        {
            return ImageErrors.NotFound(request.ImageId);
        }

        var sameRegion = source.RegionId == destination.Id;
        var own = source.Kind == ImageKind.Custom && source.OwnerAccountId == account;
        if (source.Kind is ImageKind.Public or ImageKind.Marketplace)
        {
            return CopyErrors.PublicOrMarketplace();
        }

        if (!own && source.IsPublic)
        {
            return CopyErrors.CommunityImage();
        }

        if (!own && !sameRegion)
        {
            return CopyErrors.SameRegionOnly();
        }

        if (ImageRules.CannotCopy(source.Status) is { } notAvailable)
        {
            return notAvailable;
        }

        if (source.ProductCode is { } product && !sameRegion
            && !await db.Images.AnyAsync(i => i.Kind == ImageKind.Marketplace && i.ProductCode == product && i.RegionId == destination.Id, ct))
        {
            return CopyErrors.NotPublished(product, destination.Id);
        }

        if (source.Encrypted && !request.Encrypted)
        {
            return CopyErrors.EncryptedSnapshot();
        }

        // A copy of a shared image within its region makes it the caller's own (CPY-02); an own image stays in its
        // region only to change encryption (CPY-06).
        if (own && sameRegion && source.Encrypted == request.Encrypted)
        {
            return CopyErrors.IncorrectDestinationRegion();
        }

        var inProgress = db.Images.Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.IsCopied
            && (i.Status == ImageStatus.Creating || i.Status == ImageStatus.Waiting));
        if (await inProgress.AnyAsync(i => i.SourceImageId == source.Id && i.SourceRegionId == source.RegionId, ct))
        {
            return CopyErrors.ImageCopyConflict();
        }

        // Without a name the copy takes the source's, or the first free "-copy" name where that is taken (CPY-06).
        var name = string.IsNullOrEmpty(request.Name) ? await NewImageChecks.FreeNameAsync(db, account, destination.Id, source.Name, ct) : request.Name;
        if (await NewImageChecks.NameAndQuotaAsync(db, account, destination.Id, name, ct) is { } refused)
        {
            return refused;
        }

        // CPY-09: running and queued copies both count, so a new copy queues behind those already waiting.
        var concurrency = await QuotaLimits.GetAsync(db, account, destination.Id, QuotaCatalogue.ConcurrentCopies, ct);
        var queue = await inProgress.CountAsync(i => i.RegionId == destination.Id, ct) >= concurrency;

        var copyId = ids.NewImageId(destination.Infix);
        var now = time.GetUtcNow();
        var sourceSnapshotIds = source.DiskMappings.Where(m => m.SnapshotId != null).Select(m => m.SnapshotId!).ToList();
        var sourceSnapshots = await db.Snapshots.AsNoTracking()
            .Where(s => s.RegionId == source.RegionId && sourceSnapshotIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
        var newSnapshots = new List<Snapshot>();
        var mappings = new List<ImageDiskMapping>();
        foreach (var mapping in source.DiskMappings.OrderBy(m => m.Type).ThenBy(m => m.Device, StringComparer.Ordinal))
        {
            Snapshot? copied = null;
            if (mapping.SnapshotId is { } snapshotId)
            {
                var original = sourceSnapshots.GetValueOrDefault(snapshotId);
                copied = new Snapshot
                {
                    Id = ids.NewSnapshotId(destination.Infix),
                    RegionId = destination.Id,
                    AccountId = account,
                    Name = $"copy-{copyId}-{mapping.Device.Replace("/dev/", "", StringComparison.Ordinal)}",
                    Description = $"Created for image {copyId} copied from {source.Id} in {source.RegionId}",
                    SourceDiskId = original?.SourceDiskId ?? snapshotId,
                    SourceDiskType = original?.SourceDiskType ?? mapping.Type.ToEcs(),
                    SourceDiskSizeGiB = original?.SourceDiskSizeGiB ?? mapping.SizeGiB,
                    SourceArchitecture = original?.SourceArchitecture,
                    SourcePlatform = original?.SourcePlatform,
                    Encrypted = request.Encrypted,
                    CreationTime = now,
                };
                copied.ReportProgress(0);
                newSnapshots.Add(copied);
            }

            mappings.Add(new ImageDiskMapping
            {
                Type = mapping.Type,
                Device = mapping.Device,
                SnapshotId = copied?.Id,
                SizeGiB = mapping.SizeGiB,
                Format = mapping.Format,
                Encrypted = request.Encrypted,
            });
        }

        // CPY-12: family and tags are not inherited; the OS and its features are.
        var copy = new Image
        {
            Id = copyId,
            RegionId = destination.Id,
            Kind = ImageKind.Custom,
            OwnerAccountId = account,
            Name = name,
            Description = string.IsNullOrEmpty(request.Description) ? source.Description : request.Description,
            OsName = source.OsName,
            OsType = source.OsType,
            Platform = source.Platform,
            Architecture = source.Architecture,
            SizeGiB = source.SizeGiB,
            BootMode = source.BootMode,
            NvmeSupport = source.NvmeSupport,
            ImdsSupport = source.ImdsSupport,
            IsSupportCloudinit = source.IsSupportCloudinit,
            IsSupportIoOptimized = source.IsSupportIoOptimized,
            LicenseType = source.LicenseType,
            FeePerHour = source.FeePerHour,
            ProductCode = source.ProductCode,
            Encrypted = request.Encrypted,
            IsCopied = true,
            Source = ImageSource.Copy,
            SourceImageId = source.Id,
            SourceRegionId = source.RegionId,
            CreationTime = now,
            DiskMappings = mappings,
            Tags = [.. request.Tags.Select(t => new ImageTag { TagKey = t.Key, TagValue = t.Value })],
            ResourceGroupId = group.Value,
        };
        if (queue)
        {
            copy.MarkWaiting();
        }
        else
        {
            copy.ReportProgress(0);
        }

        db.Images.Add(copy);
        db.Snapshots.AddRange(newSnapshots);
        var task = tasks.New(db, destination.Infix, destination.Id, account, AsyncTaskType.CopyImage, copyId, cancellable: true,
            CopyImageHandler.Serialize(new CopyImagePayload(source.Id, source.RegionId, [.. newSnapshots.Select(s => s.Id)])));
        await db.SaveChangesAsync(ct);
        return new CopiedImage(copyId, task.Id);
    }
}
