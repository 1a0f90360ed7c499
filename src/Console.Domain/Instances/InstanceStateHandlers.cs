using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Instances;

/// <summary>
/// Starts an instance on the task engine (INS-01): a new one goes Pending → Starting (from 30%) → Running; a stopped one
/// (or one whose system disk was replaced) Starting → Running. A failure leaves it Stopped.
/// </summary>
public sealed class StartInstanceHandler : IAsyncTaskHandler
{
    public AsyncTaskType Type => AsyncTaskType.StartInstance;

    public string StageAt(int progress) => progress < 30 ? "Pending" : "Starting";

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.Instances.AnyAsync(i => i.Id == task.ResourceId, ct) ? null : InstanceErrors.NotFound(task.ResourceId);

    public async Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct)
    {
        var instance = await db.Instances.FirstAsync(i => i.Id == task.ResourceId, ct);
        if (instance.Status == InstanceStatus.Pending && progress >= 30)
        {
            instance.Status = InstanceStatus.Starting;
            return [Change(task)];
        }

        return [];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        (await db.Instances.FirstAsync(i => i.Id == task.ResourceId, ct)).Status = InstanceStatus.Running;
        return [Change(task)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct)
    {
        if (await db.Instances.FirstOrDefaultAsync(i => i.Id == task.ResourceId, ct) is { } instance)
        {
            instance.Status = InstanceStatus.Stopped;
        }

        return [Change(task)];
    }

    public Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([Change(task)]);

    internal static ResourceChange Change(AsyncTask task) => new(ResourceKind.Instance, task.ResourceId, task.RegionId, task.AccountId);
}

/// <summary>Stops an instance on the task engine: Stopping → Stopped. A failure leaves it Running.</summary>
public sealed class StopInstanceHandler : IAsyncTaskHandler
{
    public AsyncTaskType Type => AsyncTaskType.StopInstance;

    public string StageAt(int progress) => "Stopping";

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.Instances.AnyAsync(i => i.Id == task.ResourceId, ct) ? null : InstanceErrors.NotFound(task.ResourceId);

    public Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([]);

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        (await db.Instances.FirstAsync(i => i.Id == task.ResourceId, ct)).Status = InstanceStatus.Stopped;
        return [StartInstanceHandler.Change(task)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct)
    {
        if (await db.Instances.FirstOrDefaultAsync(i => i.Id == task.ResourceId, ct) is { } instance)
        {
            instance.Status = InstanceStatus.Running;
        }

        return [StartInstanceHandler.Change(task)];
    }

    public Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([StartInstanceHandler.Change(task)]);
}

/// <summary>
/// Reboots an instance on the task engine (IPAR-30): Stopping (the normal stop, up to half way) → Starting → Running. A
/// forced reboot skips the stop (a <see cref="StartInstanceHandler"/> task). A failure leaves it Running.
/// </summary>
public sealed class RebootInstanceHandler : IAsyncTaskHandler
{
    /// <summary>The progress at which the normal stop ends and the start begins.</summary>
    private const int StartsAt = 50;

    public AsyncTaskType Type => AsyncTaskType.RebootInstance;

    public string StageAt(int progress) => progress < StartsAt ? "Stopping" : "Starting";

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.Instances.AnyAsync(i => i.Id == task.ResourceId, ct) ? null : InstanceErrors.NotFound(task.ResourceId);

    public async Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct)
    {
        var instance = await db.Instances.FirstAsync(i => i.Id == task.ResourceId, ct);
        if (instance.Status == InstanceStatus.Stopping && progress >= StartsAt)
        {
            instance.Status = InstanceStatus.Starting;
            return [StartInstanceHandler.Change(task)];
        }

        return [];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        (await db.Instances.FirstAsync(i => i.Id == task.ResourceId, ct)).Status = InstanceStatus.Running;
        return [StartInstanceHandler.Change(task)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct)
    {
        if (await db.Instances.FirstOrDefaultAsync(i => i.Id == task.ResourceId, ct) is { } instance)
        {
            instance.Status = InstanceStatus.Running;
        }

        return [StartInstanceHandler.Change(task)];
    }

    public Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([StartInstanceHandler.Change(task)]);
}

/// <summary>
/// Releases an instance once it has stopped normally (DeleteInstance with <c>Force=true</c> and <c>ForceStop=false</c>,
/// IPAR-31): Stopping, then gone as <see cref="InstanceService.ReleaseAsync(Actor, string, string, InstanceRelease, CancellationToken)"/>
/// releases. A failure leaves it Running.
/// </summary>
public sealed class ReleaseInstanceHandler(TimeProvider time) : IAsyncTaskHandler
{
    public AsyncTaskType Type => AsyncTaskType.ReleaseInstance;

    public string StageAt(int progress) => "Stopping";

    public async Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        await db.Instances.AnyAsync(i => i.Id == task.ResourceId, ct) ? null : InstanceErrors.NotFound(task.ResourceId);

    public Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([]);

    public async Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var instance = await db.Instances.Include(i => i.Disks).FirstAsync(i => i.Id == task.ResourceId, ct);
        var diskChanges = instance.Disks.Select(d => new ResourceChange(ResourceKind.Disk, d.Id, d.RegionId, d.AccountId)).ToList();
        await InstanceService.ReleaseNowAsync(db, instance, time.GetUtcNow(), task.Id, ct);
        return [StartInstanceHandler.Change(task), .. diskChanges, new ResourceChange(ResourceKind.Image, instance.ImageId, instance.RegionId, instance.AccountId)];
    }

    public async Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct)
    {
        if (await db.Instances.FirstOrDefaultAsync(i => i.Id == task.ResourceId, ct) is { } instance)
        {
            instance.Status = InstanceStatus.Running;
        }

        return [StartInstanceHandler.Change(task)];
    }

    public Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceChange>>([StartInstanceHandler.Change(task)]);
}
