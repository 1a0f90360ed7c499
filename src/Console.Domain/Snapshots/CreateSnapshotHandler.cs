using EcsConsole.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// Takes a snapshot: <c>progressing</c> with the task's progress, <c>accomplished</c> at the end. Cancelling (or
/// deleting the snapshot while it is taken, SNP-07) removes it. An automatic snapshot of a policy that copies across
/// regions is copied to the policy's target region as it is accomplished (SDP-16).
/// </summary>
/// <remarks>
/// The snapshot service is resolved when needed: it depends on the task engine, which depends on the handlers. Without
/// services (a bare engine of the domain tests) no copy is made.
/// </remarks>
public sealed class CreateSnapshotHandler(IServiceProvider? services) : SnapshotTaskHandler
{
    public CreateSnapshotHandler()
        : this(null)
    {
    }

    public override AsyncTaskType Type => AsyncTaskType.CreateSnapshot;

    public override string StageAt(int progress) => "Snapshotting";

    public override async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var changes = await base.OnFinishedAsync(db, task, ct);
        var snapshot = await db.Snapshots.FirstAsync(s => s.Id == task.ResourceId, ct);
        if (services is null || snapshot.SnapshotType != "auto" || snapshot.AutoSnapshotPolicyId is not { } policyId
            || await db.AutoSnapshotPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId && p.EnableCrossRegionCopy, ct) is not { } policy)
        {
            return changes;
        }

        var copy = await services.GetRequiredService<SnapshotService>().CopyForPolicyAsync(db, snapshot, policy, ct);
        return copy is null ? changes : [.. changes, new ResourceChange(ResourceKind.Snapshot, copy.Id, copy.RegionId, copy.AccountId)];
    }
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

    public virtual async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
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
