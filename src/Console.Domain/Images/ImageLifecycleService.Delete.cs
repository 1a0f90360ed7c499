using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Images;

/// <summary>Deleting images: what a delete would do, and the delete itself with the snapshots it takes along.</summary>
public sealed partial class ImageLifecycleService
{
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
}
