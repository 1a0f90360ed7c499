using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// Takes a manual snapshot: <c>progressing</c> with the task's progress, <c>accomplished</c> at the end. Cancelling
/// (or deleting the snapshot while it is taken, SNP-07) removes it.
/// </summary>
public sealed class CreateSnapshotHandler : SnapshotTaskHandler
{
    public override AsyncTaskType Type => AsyncTaskType.CreateSnapshot;

    public override string StageAt(int progress) => "Snapshotting";
}

/// <summary>
/// Fills a snapshot copied by CopySnapshot in its destination region, as a snapshot is taken: <c>progressing</c>, then
/// <c>accomplished</c>; cancelling (or deleting the copy) removes it. The source is never touched.
/// </summary>
public sealed class CopySnapshotHandler : SnapshotTaskHandler
{
    public override AsyncTaskType Type => AsyncTaskType.CopySnapshot;

    public override string StageAt(int progress) => "Transferring";
}

/// <summary>A task whose resource is one snapshot that progresses with it.</summary>
public abstract class SnapshotTaskHandler : IAsyncTaskHandler
{
    public abstract AsyncTaskType Type { get; }

    public abstract string StageAt(int progress);

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.Snapshots.AnyAsync(s => s.Id == task.ResourceId, ct) ? null : SnapshotErrors.NotFound(task.ResourceId);

    public async Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct)
    {
        var snapshot = await db.Snapshots.FirstAsync(s => s.Id == task.ResourceId, ct);
        snapshot.ReportProgress(progress);
        return [Change(task)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        (await db.Snapshots.FirstAsync(s => s.Id == task.ResourceId, ct)).MarkAccomplished();
        return [Change(task)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct)
    {
        (await db.Snapshots.FirstOrDefaultAsync(s => s.Id == task.ResourceId, ct))?.MarkFailed();
        return [Change(task)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var snapshot = await db.Snapshots.FirstOrDefaultAsync(s => s.Id == task.ResourceId, ct);
        if (snapshot is not null)
        {
            db.Snapshots.Remove(snapshot);
        }

        return [Change(task)];
    }

    private static ResourceChange Change(AsyncTask task) => new(ResourceKind.Snapshot, task.ResourceId, task.RegionId, task.AccountId);
}
