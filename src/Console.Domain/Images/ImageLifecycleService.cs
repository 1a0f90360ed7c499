using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcsConsole.Domain.Images;

/// <summary>
/// Changes to custom images after they exist: modify attributes, deprecate and restore (domain-rules §7, UI-MOD-01),
/// and delete with its snapshot coupling (§6). Every method is one unit of work on its own context and starts with
/// <see cref="Access.OwnedImageForWriteAsync(ConsoleDbContext, Actor, TimeProvider, string, string, CancellationToken)"/>: another account's private image is
/// <see cref="ImageErrors.NotFoundCode"/>, an image the caller sees but does not own (public, Marketplace, shared,
/// community) or a read-only member is <c>Forbidden</c>.
/// <para>
/// Writes run in a transaction begun before the first read; on SQLite that is <c>BEGIN IMMEDIATE</c>
/// (Microsoft.Data.Sqlite's default), so the name, quota and usage checks and the change they guard see no
/// concurrent writer (architecture.md, mechanism 5). Every change, and every refusal concerning an image (the access
/// check's included), is audited in the same commit with its ECS action name and, for a refusal, its error code;
/// pages learn of a change through <see cref="ChangeNotifier"/> after the commit.
/// </para>
/// </summary>
public sealed class ImageLifecycleService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    /// <summary>The ECS action of modify, deprecate and restore (FAM-06).</summary>
    public const string ModifyAction = AuditActions.ModifyImageAttribute;

    public const string DeleteAction = AuditActions.DeleteImage;

    /// <summary>Audited for each snapshot deleted with its image.</summary>
    public const string DeleteSnapshotAction = AuditActions.DeleteSnapshot;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    private const ResourceKind ImageResource = ResourceKind.Image;
    private const ResourceKind SnapshotResource = ResourceKind.Snapshot;

    /// <summary>
    /// ModifyImageAttribute: changes the name, description, family and boot mode given in <paramref name="request"/>;
    /// null or empty fields keep their value. Returns the changed image, or:
    /// <see cref="ImageErrors.NotFound"/> / <see cref="CommonErrors.Forbidden"/> (access);
    /// <see cref="ImageErrors.NameMalformed"/>, <see cref="ImageErrors.DescriptionMalformed"/>,
    /// <see cref="ImageErrors.FamilyMalformed"/> (<see cref="ImageValidation"/>);
    /// <see cref="ImageErrors.IsCreating"/> for an image still Creating or Waiting;
    /// <see cref="ImageErrors.NameDuplicated"/> when another custom image of the account in the region has the name
    /// (case-sensitive, VAL-NAME-07);
    /// <see cref="ImageErrors.BootModeNotSupported"/> for UEFI on i386 or BIOS on arm64;
    /// <see cref="ImageErrors.BootModeInUse"/> for a new boot mode on an image any instance in the region runs from;
    /// <see cref="ImageErrors.FamilyFull"/> when the target family already holds its limit of images, and
    /// <see cref="ImageErrors.FamiliesFull"/> when a new family would exceed the account's families in the region
    /// (FAM-11; limits from <see cref="QuotaCatalogue"/> or the account's <see cref="Quota"/> for the region).
    /// </summary>
    public Task<Result<Image>> ModifyAsync(Actor actor, string regionId, string imageId, ModifyImageRequest request, CancellationToken ct = default) =>
        ModifyAttributeAsync(actor, regionId, imageId, request, status: null, ct);

    /// <summary>
    /// ModifyImageAttribute as the ECS API has it: the attributes of <paramref name="request"/> (as <see cref="ModifyAsync"/>)
    /// and, with <paramref name="status"/>, <see cref="ImageStatus.Deprecated"/> or <see cref="ImageStatus.Available"/> (as
    /// <see cref="DeprecateAsync"/> / <see cref="RestoreAsync"/>), in one transaction with one audit entry. The attributes
    /// are checked first, when any is given or no status is; the first refusal refuses the whole call and changes nothing.
    /// </summary>
    public async Task<Result<Image>> ModifyAttributeAsync(Actor actor, string regionId, string imageId, ModifyImageRequest request, ImageStatus? status,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (status is not (null or ImageStatus.Deprecated or ImageStatus.Available))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "ModifyImageAttribute sets Deprecated or Available only.");
        }

        // The right is checked with the image (its NotFound wins over Forbidden); every outcome is audited against it.
        return await _write.RunAsync(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            scope.Audit(new AuditTarget(ModifyAction, ImageResource, imageId, regionId));
            var owned = await Access.OwnedImageForWriteAsync(scope.Db, actor, time, regionId, imageId, ct);
            if (!owned.IsSuccess)
            {
                return owned;
            }

            var image = owned.Value;
            var refusal = request != new ModifyImageRequest() || status is null ? await ApplyModifyAsync(scope.Db, image, request, ct) : null;
            refusal ??= status switch
            {
                ImageStatus.Deprecated => await ApplyDeprecateAsync(scope.Db, image, ct),
                ImageStatus.Available => ApplyRestore(image),
                _ => null,
            };
            if (refusal is not null)
            {
                return refusal;
            }

            scope.Publish(new ResourceChange(ImageResource, image.Id, image.RegionId, image.OwnerAccountId));
            return image;
        }, ct);
    }

    /// <summary>
    /// Deprecates an Available image (FAM-06): it stays usable by ID but its family no longer resolves to it (FAM-02).
    /// Returns the image, or <see cref="ImageErrors.NotFound"/> / <see cref="CommonErrors.Forbidden"/> (access);
    /// <see cref="ImageErrors.StatusIsCreating"/> while it is Creating or Waiting; <see cref="ImageErrors.NotAvailable"/>
    /// in any other status but Available (FAM-07); <see cref="ImageErrors.UseShared"/> while it is shared (FAM-08).
    /// </summary>
    public Task<Result<Image>> DeprecateAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default) =>
        ModifyAttributeAsync(actor, regionId, imageId, new ModifyImageRequest(), ImageStatus.Deprecated, ct);

    /// <summary>
    /// Restores a Deprecated image to Available (FAM-04/06); being the newest, it is again what its family resolves to.
    /// Returns the image, or <see cref="ImageErrors.NotFound"/> / <see cref="CommonErrors.Forbidden"/> (access);
    /// <see cref="ImageErrors.NotDeprecated"/> in any other status (FAM-07).
    /// </summary>
    public Task<Result<Image>> RestoreAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default) =>
        ModifyAttributeAsync(actor, regionId, imageId, new ModifyImageRequest(), ImageStatus.Available, ct);

    /// <summary>
    /// FAM-05, for the Deprecate dialog's warning: whether the image is the one Available member of its family, so
    /// that deprecating (or deleting) it leaves the family resolving to no image (<see cref="ImageFamilies.Resolve"/>).
    /// False for an image without a family, not Available, or that the caller may not change.
    /// </summary>
    public async Task<bool> IsLastAvailableOfFamilyAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await Access.OwnedImageForWriteAsync(db, actor, time, regionId, imageId, ct);
        if (!owned.IsSuccess || owned.Value is not { Family: { } family, Status: ImageStatus.Available } image)
        {
            return false;
        }

        var account = image.OwnerAccountId;
        var others = await db.Images.AsNoTracking()
            .Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.RegionId == regionId && i.Family == family && i.Key != image.Key)
            .Select(i => new { i.Id, i.Status, i.CreationTime })
            .ToListAsync(ct);
        return ImageFamilies.Resolve(others.Select(o => (o.Id, o.Status, o.CreationTime))) is null;
    }

    /// <summary>
    /// What deleting <paramref name="imageIds"/> together would do, image by image, in the order asked (duplicates
    /// dropped): the instances that run from each, the accounts it is shared with, its snapshots and which of them
    /// are always kept, and the refusal it would get (<see cref="ImageDeleteImpact.RefusalFor"/>) — the codes of
    /// <see cref="DeleteAsync"/>. Fails only with <see cref="CommonErrors.MissingParameter"/> for an empty list.
    /// </summary>
    public async Task<Result<IReadOnlyList<ImageDeleteImpact>>> GetDeleteImpactAsync(Actor actor, string regionId, IReadOnlyList<string> imageIds, CancellationToken ct = default)
    {
        var ids = DistinctIds(imageIds);
        if (ids.Count == 0)
        {
            return CommonErrors.MissingParameter("ImageId");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assessed = await AssessDeleteAsync(db, actor, regionId, ids, ct);
        return Result<IReadOnlyList<ImageDeleteImpact>>.Success([.. assessed.Select(a => a.Impact)]);
    }

    /// <summary>
    /// DeleteImage for every image of <paramref name="request"/>, all or nothing: each is checked first and the
    /// request is refused with the first image's first refusal, in this order —
    /// <see cref="ImageErrors.NotFound"/> / <see cref="CommonErrors.Forbidden"/> (access; only custom images, by
    /// their owner, DEL-01); <see cref="ImageErrors.UsingByInstance"/> when instances of any account run from it and
    /// Force is not set (DEL-02); <see cref="ImageErrors.UseShared"/> (DEL-04); <see cref="ImageErrors.IsPublic"/>
    /// for a published community image (DEL-05); <see cref="ImageErrors.Copying"/> while a copy of it, or the image
    /// itself as a copy, is in progress; <see cref="ImageErrors.IsExporting"/> while an export task runs on it;
    /// <see cref="ImageErrors.IsImporting"/> / <see cref="ImageErrors.IsCreating"/> while it is Creating or Waiting (DEL-06).
    /// <see cref="CommonErrors.MissingParameter"/> for an empty list.
    /// <para>
    /// On success the images go, with their disk mappings and tags; copies and instances stay (DEL-03, DEL-08). With
    /// <see cref="DeleteImagesRequest.DeleteAssociatedSnapshots"/> their snapshots go too, except those another image
    /// uses or a disk was made from (DEL-09, DEL-10).
    /// </para>
    /// </summary>
    public async Task<Result<DeletedImages>> DeleteAsync(Actor actor, string regionId, DeleteImagesRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = DistinctIds(request.ImageIds);
        if (ids.Count == 0)
        {
            return CommonErrors.MissingParameter("ImageId");
        }

        return await _write.RunAsync<DeletedImages>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var assessed = await AssessDeleteAsync(db, actor, regionId, ids, ct);
            var refused = assessed.Select(a => (a.Impact.ImageId, Error: a.Impact.RefusalFor(request.Force))).FirstOrDefault(r => r.Error is not null);
            if (refused.Error is { } refusal)
            {
                // The request's refusal is audited against the image that caused it; the others were not touched.
                scope.Audit(new AuditTarget(DeleteAction, ImageResource, refused.ImageId, regionId));
                return refusal;
            }

            // Nothing refused: every image is the caller's, tracked with its mappings and tags (which cascade).
            var images = assessed.Select(a => a.Image!).ToList();
            foreach (var image in images)
            {
                db.Images.Remove(image);
                scope.Audit(new AuditTarget(DeleteAction, ImageResource, image.Id, regionId));
            }

            List<Snapshot> deletedSnapshots = [];
            if (request.DeleteAssociatedSnapshots)
            {
                var deletable = assessed.SelectMany(a => a.Impact.Snapshots).Where(s => !s.AlwaysKept).Select(s => s.SnapshotId).ToHashSet(StringComparer.Ordinal);
                deletedSnapshots = [.. assessed.SelectMany(a => a.Snapshots).Where(s => deletable.Contains(s.Id)).DistinctBy(s => s.Id)];
                foreach (var snapshot in deletedSnapshots)
                {
                    db.Snapshots.Remove(snapshot);
                    scope.Audit(new AuditTarget(DeleteSnapshotAction, SnapshotResource, snapshot.Id, regionId));
                }
            }

            foreach (var image in images)
            {
                scope.Publish(new ResourceChange(ImageResource, image.Id, regionId, image.OwnerAccountId));
            }

            foreach (var snapshot in deletedSnapshots)
            {
                scope.Publish(new ResourceChange(SnapshotResource, snapshot.Id, regionId, snapshot.AccountId));
            }

            return new DeletedImages([.. images.Select(i => i.Id)], [.. deletedSnapshots.Select(s => s.Id)]);
        }, ct);
    }

    /// <summary>One image of a delete: the tracked entity (null when the caller may not delete it), its impact, and its tracked snapshots.</summary>
    private sealed record DeleteAssessment(Image? Image, ImageDeleteImpact Impact, IReadOnlyList<Snapshot> Snapshots);

    private async Task<List<DeleteAssessment>> AssessDeleteAsync(ConsoleDbContext db, Actor actor, string regionId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var access = new List<(string Id, Result<Image> Owned)>();
        var writeDenied = await Access.CheckCanWriteAsync(db, actor, time, ct); // the actor re-read once, not per image
        foreach (var id in ids)
        {
            access.Add((id, await Access.OwnedImageForWriteAsync(db, actor, writeDenied, regionId, id, ct)));
        }

        var images = access.Where(a => a.Owned.IsSuccess).Select(a => a.Owned.Value).ToList();
        var imageIds = images.Select(i => i.Id).ToList();
        var imageKeys = images.Select(i => i.Key).ToList();

        var instances = await db.Instances.AsNoTracking()
            .Where(i => i.RegionId == regionId && imageIds.Contains(i.ImageId))
            .OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Name, i.Status, i.AccountId, i.ImageId })
            .ToListAsync(ct);
        var shares = await db.ImageShares.AsNoTracking()
            .Where(s => s.RegionId == regionId && imageIds.Contains(s.ImageId))
            .Select(s => new { s.ImageId, s.AccountId })
            .ToListAsync(ct);
        var beingCopied = (await db.Images.AsNoTracking()
                .Where(i => i.IsCopied && i.SourceImageId != null && imageIds.Contains(i.SourceImageId)
                    && (i.Status == ImageStatus.Creating || i.Status == ImageStatus.Waiting))
                .Select(i => i.SourceImageId!)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var beingExported = (await db.AsyncTasks.AsNoTracking()
                .Where(t => t.RegionId == regionId && t.Type == AsyncTaskType.ExportImage && t.Status == AsyncTaskStatus.Processing && imageIds.Contains(t.ResourceId))
                .Select(t => t.ResourceId)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        // Only the owner's own snapshots in the region are ever candidates for deletion.
        var snapshotIds = images.SelectMany(i => i.DiskMappings).Where(m => m.SnapshotId != null).Select(m => m.SnapshotId!).Distinct().ToList();
        var account = actor.AccountId;
        var snapshots = await db.Snapshots
            .Where(s => snapshotIds.Contains(s.Id) && s.RegionId == regionId && s.AccountId == account)
            .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
        var usedElsewhere = (await db.ImageDiskMappings.AsNoTracking()
                .Where(m => m.SnapshotId != null && snapshotIds.Contains(m.SnapshotId) && !imageKeys.Contains(m.ImageKey))
                .Join(db.Images, m => m.ImageKey, i => i.Key, (m, i) => new { SnapshotId = m.SnapshotId!, i.Id })
                .ToListAsync(ct))
            .ToLookup(u => u.SnapshotId, u => u.Id, StringComparer.Ordinal);
        var madeDisks = (await db.Disks.AsNoTracking()
                .Where(d => d.SourceSnapshotId != null && snapshotIds.Contains(d.SourceSnapshotId))
                .Select(d => d.SourceSnapshotId!)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var assessed = new List<DeleteAssessment>();
        foreach (var (id, owned) in access)
        {
            if (!owned.IsSuccess)
            {
                assessed.Add(new DeleteAssessment(null, new ImageDeleteImpact(id, null, [], 0, [], [], owned.Error), []));
                continue;
            }

            var image = owned.Value;
            var running = instances.Where(i => i.ImageId == image.Id).ToList();
            var sharedWith = shares.Where(s => s.ImageId == image.Id).Select(s => s.AccountId).Order(StringComparer.Ordinal).ToList();
            var imageSnapshots = image.DiskMappings.OrderBy(m => m.Type).ThenBy(m => m.Device, StringComparer.Ordinal)
                .Select(m => m.SnapshotId is null ? null : snapshots.GetValueOrDefault(m.SnapshotId))
                .OfType<Snapshot>().DistinctBy(s => s.Id).ToList();
            var busy = image.Status is ImageStatus.Creating or ImageStatus.Waiting;
            EcsError? blocker =
                sharedWith.Count > 0 ? ImageErrors.UseShared()
                : image.IsPublic ? ImageErrors.IsPublic()
                : beingCopied.Contains(image.Id) || (image.IsCopied && busy) ? ImageErrors.Copying()
                : beingExported.Contains(image.Id) ? ImageErrors.IsExporting()
                : busy && image.Source == ImageSource.Import ? ImageErrors.IsImporting()
                : busy ? ImageErrors.IsCreating()
                : null;
            var impact = new ImageDeleteImpact(
                image.Id,
                image.Name,
                [.. running.Where(i => i.AccountId == account).Select(i => new ImageInstanceRef(i.Id, i.Name, i.Status))],
                running.Count(i => i.AccountId != account),
                sharedWith,
                [.. imageSnapshots.Select(s => new ImageSnapshotImpact(s.Id, s.Name, [.. usedElsewhere[s.Id].Distinct().Order(StringComparer.Ordinal)], madeDisks.Contains(s.Id)))],
                blocker);
            assessed.Add(new DeleteAssessment(image, impact, imageSnapshots));
        }

        return assessed;
    }

    /// <summary>Checks and applies a modify to the tracked image; the refusal, or null once it is changed.</summary>
    private static async Task<EcsError?> ApplyModifyAsync(ConsoleDbContext db, Image image, ModifyImageRequest request, CancellationToken ct)
    {
        if (await CheckModifyAsync(db, image, request, ct) is { } refusal)
        {
            return refusal;
        }

        if (Given(request.Name) is { } name)
        {
            image.Name = name;
        }

        if (Given(request.Description) is { } description)
        {
            image.Description = description;
        }

        if (Given(request.Family) is { } family)
        {
            image.Family = family;
        }

        if (request.BootMode is { } bootMode)
        {
            image.BootMode = bootMode;
        }

        return null;
    }

    /// <summary>FAM-06/07/08: deprecates an Available, unshared image; the refusal, or null once it is Deprecated.</summary>
    private static async Task<EcsError?> ApplyDeprecateAsync(ConsoleDbContext db, Image image, CancellationToken ct)
    {
        var regionId = image.RegionId;
        var refusal = ImageRules.CannotDeprecate(image.Status)
            ?? (await db.ImageShares.AnyAsync(s => s.RegionId == regionId && s.ImageId == image.Id, ct) ? ImageErrors.UseShared() : null);
        if (refusal is null)
        {
            image.Deprecate();
        }

        return refusal;
    }

    /// <summary>FAM-04/07: restores a Deprecated image; the refusal, or null once it is Available.</summary>
    private static EcsError? ApplyRestore(Image image)
    {
        if (image.Status != ImageStatus.Deprecated)
        {
            return ImageErrors.NotDeprecated();
        }

        image.Restore();
        return null;
    }

    private static async Task<EcsError?> CheckModifyAsync(ConsoleDbContext db, Image image, ModifyImageRequest request, CancellationToken ct)
    {
        if ((ImageValidation.Name(request.Name) ?? ImageValidation.Description(request.Description) ?? ImageValidation.Family(request.Family)) is { } malformed)
        {
            return malformed;
        }

        if (ImageRules.CannotModifyWhileCreating(image.Status) is { } creating)
        {
            return creating;
        }

        var account = image.OwnerAccountId;
        var region = image.RegionId;
        var mine = db.Images.AsNoTracking().Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.RegionId == region);
        if (Given(request.Name) is { } name && name != image.Name && await mine.AnyAsync(i => i.Key != image.Key && i.Name == name, ct))
        {
            return ImageErrors.NameDuplicated(name);
        }

        if (request.BootMode is { } bootMode && bootMode != image.BootMode)
        {
            if (BootModeRefusal(image.Architecture, bootMode) is { } unsupported)
            {
                return unsupported;
            }

            if (await db.Instances.AnyAsync(i => i.RegionId == region && i.ImageId == image.Id, ct))
            {
                return ImageErrors.BootModeInUse();
            }
        }

        if (Given(request.Family) is { } family && family != image.Family)
        {
            var perFamily = await LimitAsync(db, account!, region, QuotaCatalogue.ImagesPerFamily, ct);
            var members = await mine.CountAsync(i => i.Family == family, ct);
            if (members >= perFamily)
            {
                return ImageErrors.FamilyFull(family, perFamily);
            }

            // A new family adds one to the account's families, unless the image leaves a family it was alone in.
            var current = image.Family;
            var leavesOneEmpty = current is not null && !await mine.AnyAsync(i => i.Family == current && i.Key != image.Key, ct);
            if (members == 0 && !leavesOneEmpty)
            {
                var limit = await LimitAsync(db, account!, region, QuotaCatalogue.ImageFamiliesPerRegion, ct);
                var families = await mine.Where(i => i.Family != null).Select(i => i.Family).Distinct().CountAsync(ct);
                if (families >= limit)
                {
                    return ImageErrors.FamiliesFull(limit);
                }
            }
        }

        return null;
    }

    /// <summary>CRT-GEN-03 / IMP-10: a boot mode the architecture cannot start in.</summary>
    private static EcsError? BootModeRefusal(ImageArchitecture architecture, BootMode bootMode) => (architecture, bootMode) switch
    {
        (ImageArchitecture.I386, BootMode.Uefi) => ImageErrors.BootModeNotSupported("An i386 image cannot boot in UEFI mode; use BIOS or UEFI-Preferred."),
        (ImageArchitecture.Arm64, BootMode.Bios) => ImageErrors.BootModeNotSupported("An arm64 image boots in UEFI mode only."),
        _ => null,
    };

    /// <summary>The account's limit for a per-region quota: the admin's <see cref="Quota"/> row if set, else the catalogue default.</summary>
    private static async Task<int> LimitAsync(ConsoleDbContext db, string accountId, string regionId, string quotaName, CancellationToken ct)
    {
        var set = await db.Quotas.AsNoTracking()
            .Where(q => q.AccountId == accountId && q.RegionId == regionId && q.Name == quotaName)
            .Select(q => (int?)q.Limit)
            .FirstOrDefaultAsync(ct);
        return set ?? QuotaCatalogue.Find(quotaName)?.DefaultLimit ?? throw new InvalidOperationException($"Unknown quota {quotaName}.");
    }

    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static List<string> DistinctIds(IReadOnlyList<string>? ids) =>
        ids is null ? [] : [.. ids.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal)];
}
