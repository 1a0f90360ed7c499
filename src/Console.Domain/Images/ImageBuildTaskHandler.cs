using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Images;

/// <summary>
/// The task of an image under construction with the new snapshots it is made of (create, copy, import): the snapshots
/// complete at <see cref="SnapshotsDoneAt"/>% of the job, the image at 100% (<see cref="ImageBuild"/>); an image that
/// vanished fails the task; a failed build leaves the image <c>CreateFailed</c>; a cancelled one removes the image and
/// its new snapshots.
/// </summary>
public abstract class ImageBuildTaskHandler : IAsyncTaskHandler
{
    public abstract AsyncTaskType Type { get; }

    /// <summary>The progress at which the new snapshots are complete.</summary>
    protected abstract int SnapshotsDoneAt { get; }

    public abstract string StageAt(int progress);

    /// <summary>The snapshots the task fills, from its payload.</summary>
    protected abstract IReadOnlyList<string> NewSnapshotIds(AsyncTask task);

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.Images.AnyAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct) ? null : ImageErrors.NotFound(task.ResourceId);

    public virtual Task<bool> ReadyAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) => Task.FromResult(true);

    public async Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct)
    {
        var (image, snapshots) = await LoadAsync(db, task, ct);
        ImageBuild.Advance(image, snapshots, progress, SnapshotsDoneAt);
        return Changes(task, image, snapshots);
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var (image, snapshots) = await LoadAsync(db, task, ct);
        ImageBuild.Finish(image, snapshots);
        return Changes(task, image, snapshots);
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct)
    {
        var image = await db.Images.FirstOrDefaultAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        var snapshots = await NewSnapshotsAsync(db, task, ct);
        ImageBuild.Fail(image, snapshots);
        return Changes(task, image, snapshots);
    }

    /// <summary>Nothing half-made stays: the image and its new snapshots go.</summary>
    public async Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var image = await db.Images.Include(i => i.DiskMappings).Include(i => i.Tags)
            .FirstOrDefaultAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct);
        var snapshots = await NewSnapshotsAsync(db, task, ct);
        db.Snapshots.RemoveRange(snapshots);
        if (image is not null)
        {
            db.Images.Remove(image);
        }

        return Changes(task, image, snapshots);
    }

    /// <summary>What a step publishes: the image and its new snapshots; nothing once the image is gone.</summary>
    protected virtual IReadOnlyList<ResourceChange> Changes(AsyncTask task, Image? image, IEnumerable<Snapshot> snapshots) =>
        image is null ? [] : [ImageChange(task), .. SnapshotChanges(task, snapshots)];

    protected static ResourceChange ImageChange(AsyncTask task) => new(ResourceKind.Image, task.ResourceId, task.RegionId, task.AccountId);

    protected static IEnumerable<ResourceChange> SnapshotChanges(AsyncTask task, IEnumerable<Snapshot> snapshots) =>
        snapshots.Select(s => new ResourceChange(ResourceKind.Snapshot, s.Id, task.RegionId, task.AccountId));

    private async Task<(Image Image, List<Snapshot> Snapshots)> LoadAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        (await db.Images.FirstAsync(i => i.RegionId == task.RegionId && i.Id == task.ResourceId, ct), await NewSnapshotsAsync(db, task, ct));

    private async Task<List<Snapshot>> NewSnapshotsAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var ids = NewSnapshotIds(task);
        return ids.Count == 0 ? [] : await db.Snapshots.Where(s => ids.Contains(s.Id) && s.RegionId == task.RegionId).ToListAsync(ct);
    }
}
