using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Overview;

/// <summary>The resource counts of one account in one region, as the console's Overview shows them.</summary>
public sealed record OverviewCounts(
    int Instances,
    int RunningInstances,
    int Disks,
    int Snapshots,
    int CustomImages,
    int SharedWithMe,
    int PublicImages,
    int TasksInProgress);

/// <summary>Counts for the Overview page.</summary>
public sealed class OverviewService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    /// <summary>Counts of the actor's account in <paramref name="regionId"/>; an actor without an account owns nothing.</summary>
    public async Task<OverviewCounts> GetCountsAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = actor.AccountId;
        var instances = db.Instances.Where(i => i.AccountId == account && i.RegionId == regionId);
        return new OverviewCounts(
            Instances: await instances.CountAsync(ct),
            RunningInstances: await instances.CountAsync(i => i.Status == InstanceStatus.Running, ct),
            Disks: await db.Disks.CountAsync(d => d.AccountId == account && d.RegionId == regionId, ct),
            Snapshots: await db.Snapshots.CountAsync(s => s.AccountId == account && s.RegionId == regionId, ct),
            CustomImages: await db.Images.CountAsync(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.RegionId == regionId, ct),
            SharedWithMe: await db.ImageShares.CountAsync(s => s.AccountId == account && s.RegionId == regionId, ct),
            PublicImages: await db.Images.CountAsync(i => i.Kind == ImageKind.Public && i.RegionId == regionId, ct),
            TasksInProgress: await db.AsyncTasks.CountAsync(t => t.AccountId == account && t.RegionId == regionId && t.Status == AsyncTaskStatus.Processing, ct));
    }
}
