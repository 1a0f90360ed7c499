using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsConsole.Domain.Tasks;

/// <summary>
/// The one runner of asynchronous work (architecture.md, mechanism 8). A task is a row; <see cref="RunDueAsync"/>
/// leases the rows that are due, advances each one step (<see cref="StepPercent"/>% of the job, one
/// <see cref="StepDuration"/> apart, so a job takes <c>Simulation:TaskDuration</c>), and commits the row with what the
/// handler changed. Everything is driven by <see cref="TimeProvider"/>: tests step a fake clock, the web host calls
/// <see cref="RunDueAsync"/> in a loop. After a crash the rows are still there, due, and their short leases expire,
/// so the next process (or node) finishes them.
/// </summary>
public sealed class AsyncTaskEngine
{
    /// <summary>Progress made per step.</summary>
    public const int StepPercent = 10;

    /// <summary>How long a lease protects a row a runner is working on; a dead runner's rows are free again after it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    private readonly IDbContextFactory<ConsoleDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<SimulationOptions> _options;
    private readonly ChangeNotifier _changes;
    private readonly AuditedWrite _write;
    private readonly ILogger<AsyncTaskEngine> _logger;
    private readonly Dictionary<AsyncTaskType, IAsyncTaskHandler> _handlers;
    private readonly Dictionary<AsyncTaskType, IPhasedTaskHandler> _phased;
    private readonly Simulation.SimulationFaults? _faults;

    /// <summary>One stepping at a time in this process: the runner's loop, or a simulation control that steps the clock.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    public AsyncTaskEngine(
        IDbContextFactory<ConsoleDbContext> dbFactory,
        IEnumerable<IAsyncTaskHandler> handlers,
        TimeProvider time,
        IOptionsMonitor<SimulationOptions> options,
        ChangeNotifier changes,
        ILogger<AsyncTaskEngine> logger,
        IEnumerable<IPhasedTaskHandler>? phased = null,
        Simulation.SimulationFaults? faults = null)
    {
        _dbFactory = dbFactory;
        _time = time;
        _options = options;
        _changes = changes;
        _logger = logger;
        _write = new AuditedWrite(dbFactory, time, changes);
        _handlers = handlers.ToDictionary(h => h.Type);
        _phased = (phased ?? []).ToDictionary(h => h.Type);
        _faults = faults;
    }

    /// <summary>This runner's name in the lease column.</summary>
    public string RunnerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Time between two steps of one task.</summary>
    public TimeSpan StepDuration => _options.CurrentValue.TaskDuration * StepPercent / 100;

    /// <summary>
    /// How long a task still processing at <paramref name="progress"/>, whose next step is due at <paramref name="dueAt"/>,
    /// will take at the current pace: the wait for that step and one step for each further <see cref="StepPercent"/>%
    /// (the <c>RemainTime</c> of a copy or snapshot in progress, IMG-ATTR-07, SNP-01).
    /// </summary>
    public TimeSpan Remaining(int progress, DateTimeOffset dueAt)
    {
        var steps = (100 - progress + StepPercent - 1) / StepPercent;
        if (steps <= 0)
        {
            return TimeSpan.Zero;
        }

        var untilNext = dueAt - _time.GetUtcNow();
        return (untilNext > TimeSpan.Zero ? untilNext : TimeSpan.Zero) + StepDuration * (steps - 1);
    }

    /// <summary>The first step of a new task is due one step after it is created.</summary>
    public DateTimeOffset FirstDueAt(DateTimeOffset now) => now + StepDuration;

    /// <summary>Whether a handler exists for the type.</summary>
    public bool Handles(AsyncTaskType type) => _handlers.ContainsKey(type) || _phased.ContainsKey(type);

    /// <summary>Whether tasks of the type end in this engine's own step (so that an injected task fault can fail them there).</summary>
    public bool EndsInStep(AsyncTaskType type) => _handlers.ContainsKey(type);

    /// <summary>Advances every due task by one step; returns how many it advanced.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await RunDueNowAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while this process steps nothing else (the runner's loop waits): the simulation
    /// control moves the clock and steps due tasks through the <c>runDue</c> it is given, so that what falls due runs in order.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Func<Func<CancellationToken, Task<int>>, Task<T>> work, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await work(RunDueNowAsync);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> RunDueNowAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        List<(string Id, AsyncTaskType Type)> due;
        await using (var db = await _dbFactory.CreateDbContextAsync(ct))
        {
            var rows = await db.AsyncTasks.AsNoTracking()
                .Where(t => t.Status == AsyncTaskStatus.Processing && t.DueAt <= now && (t.LeaseUntil == null || t.LeaseUntil < now))
                .OrderBy(t => t.DueAt).Select(t => new { t.Id, t.Type }).Take(100).ToListAsync(ct);
            due = [.. rows.Select(t => (t.Id, t.Type))];
        }

        var advanced = 0;
        foreach (var (id, type) in due)
        {
            if (await TryLeaseAsync(id, now, ct))
            {
                if (_phased.TryGetValue(type, out var phased))
                {
                    await StepPhasedAsync(id, phased, ct);
                }
                else
                {
                    await StepAsync(id, ct);
                }

                advanced++;
            }
        }

        return advanced;
    }

    /// <summary>Cancels a task in the same unit of work as its handler's cleanup. The caller has checked permission.</summary>
    internal async Task<IReadOnlyList<ResourceChange>> CancelAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct)
    {
        var changes = new List<ResourceChange>(await Handler(task).OnCancelledAsync(db, task, ct));
        var now = _time.GetUtcNow();
        task.Status = AsyncTaskStatus.Cancelled;
        task.Stage = "Cancelled";
        task.UpdatedAt = now;
        task.FinishedAt = now;
        task.LeaseOwner = null;
        task.LeaseUntil = null;
        changes.Add(TaskChange(task));
        return changes;
    }

    /// <summary>Where the changes of the writes that cancel a task are published (<see cref="CancelAsync"/>).</summary>
    internal ChangeNotifier Notifier => _changes;

    private async Task<bool> TryLeaseAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var until = now + LeaseDuration;
        var runner = RunnerId;
        // Still due: another runner that read the row as due at the same moment may have stepped it (moving DueAt on)
        // and released its lease in between; the lease alone would let this runner step it a second time.
        var claimed = await db.AsyncTasks
            .Where(t => t.Id == id && t.Status == AsyncTaskStatus.Processing && t.DueAt <= now && (t.LeaseUntil == null || t.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, runner).SetProperty(t => t.LeaseUntil, until), ct);
        return claimed == 1;
    }

    /// <summary>One step of a task, in one write of the system's (not audited); what it changed is published after the commit.</summary>
    private async Task StepAsync(string id, CancellationToken ct)
    {
        var stepped = await _write.RunAsync<bool>(Actor.System, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var task = await db.AsyncTasks.FirstAsync(t => t.Id == id, ct);
            if (task.Status != AsyncTaskStatus.Processing || task.LeaseOwner != RunnerId)
            {
                return false;
            }

            var handler = Handler(task);
            var now = _time.GetUtcNow();
            async Task FailAsync(EcsError error)
            {
                scope.Publish(await handler.OnFailedAsync(db, task, error, ct));
                task.Status = AsyncTaskStatus.Failed;
                task.Stage = "Failed";
                task.ErrorCode = error.Code;
                task.ErrorMessage = error.Message;
                task.FinishedAt = now;
            }

            if (await handler.CheckAsync(db, task, ct) is { } error)
            {
                await FailAsync(error);
            }
            else if (!await handler.ReadyAsync(db, task, ct))
            {
                task.Stage = "Waiting";
                task.DueAt = now + StepDuration;
            }
            else
            {
                var progress = Math.Min(100, task.Progress + StepPercent);
                if (progress >= 100 && _faults is not null && await _faults.TakeTaskFaultAsync(scope, task, ct) is { } injected)
                {
                    await FailAsync(injected); // an injected task fault (ui-contract §7): the failure a real one leaves
                }
                else if (progress >= 100)
                {
                    scope.Publish(await handler.OnFinishedAsync(db, task, ct));
                    task.Status = AsyncTaskStatus.Finished;
                    task.Stage = "Finished";
                    task.Progress = 100;
                    task.FinishedAt = now;
                }
                else
                {
                    scope.Publish(await handler.OnProgressAsync(db, task, progress, ct));
                    task.Progress = progress;
                    task.Stage = handler.StageAt(progress);
                    task.DueAt = now + StepDuration;
                }
            }

            task.UpdatedAt = now;
            task.LeaseOwner = null;
            task.LeaseUntil = null;
            scope.Publish(TaskChange(task));
            return true;
        }, ct);
        if (stepped.IsSuccess && stepped.Value)
        {
            _logger.LogDebug("Task {TaskId} advanced", id);
        }
    }

    /// <summary>
    /// One step of a phased task: the handler works outside any transaction of the engine's (it calls services that
    /// open their own) while this runner holds the lease; then the row takes the step's progress and stage. A handler
    /// that throws leaves the row due again after the lease, so the step is retried (handlers make steps repeatable).
    /// </summary>
    private async Task StepPhasedAsync(string id, IPhasedTaskHandler handler, CancellationToken ct)
    {
        AsyncTask snapshot;
        await using (var read = await _dbFactory.CreateDbContextAsync(ct))
        {
            snapshot = await read.AsyncTasks.AsNoTracking().FirstAsync(t => t.Id == id, ct);
        }

        if (snapshot.Status != AsyncTaskStatus.Processing || snapshot.LeaseOwner != RunnerId)
        {
            return;
        }

        PhaseStep step;
        try
        {
            step = await handler.StepAsync(snapshot, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Step of phased task {TaskId} failed; it is retried after its lease", id);
            return;
        }

        await _write.RunAsync<bool>(Actor.System, WriteRight.None, deniedTarget: null, async scope =>
        {
            var task = await scope.Db.AsyncTasks.FirstAsync(t => t.Id == id, ct);
            var now = _time.GetUtcNow();
            task.Progress = Math.Clamp(step.Progress, 0, 100);
            task.Stage = step.Stage;
            switch (step.Outcome)
            {
                case PhaseOutcome.Finished:
                    task.Status = AsyncTaskStatus.Finished;
                    task.Progress = 100;
                    task.FinishedAt = now;
                    break;
                case PhaseOutcome.Failed:
                    task.Status = AsyncTaskStatus.Failed;
                    task.ErrorCode = step.Error?.Code;
                    task.ErrorMessage = step.Error?.Message;
                    task.FinishedAt = now;
                    break;
                case PhaseOutcome.Cancelled:
                    task.Status = AsyncTaskStatus.Cancelled;
                    task.FinishedAt = now;
                    break;
                case PhaseOutcome.Continue:
                    task.DueAt = now + StepDuration;
                    break;
            }

            task.UpdatedAt = now;
            task.LeaseOwner = null;
            task.LeaseUntil = null;
            scope.Publish(step.Changes ?? []);
            scope.Publish(TaskChange(task));
            return true;
        }, ct);
    }

    private IAsyncTaskHandler Handler(AsyncTask task) =>
        _handlers.TryGetValue(task.Type, out var handler)
            ? handler
            : throw new InvalidOperationException($"No handler is registered for {task.Type} tasks.");

    private static ResourceChange TaskChange(AsyncTask task) => new(ResourceKind.Task, task.Id, task.RegionId, task.AccountId);
}
