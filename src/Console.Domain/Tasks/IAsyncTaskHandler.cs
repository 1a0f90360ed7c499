namespace EcsConsole.Domain.Tasks;

/// <summary>
/// The work of one <see cref="AsyncTaskType"/>, plugged into the one <see cref="AsyncTaskEngine"/>. Each hook runs in
/// the engine's unit of work: what it changes is committed together with the task row, so a crash between two steps
/// loses nothing and leaves nothing half-made. Hooks return the resources they changed, for change notification.
/// </summary>
public interface IAsyncTaskHandler
{
    AsyncTaskType Type { get; }

    /// <summary>The stage shown at a given progress (e.g. <c>Snapshotting</c> below 70%, then <c>Building</c>).</summary>
    string StageAt(int progress);

    /// <summary>
    /// Whether the task may make progress now; false keeps it waiting (e.g. a copy queued behind the per-region limit,
    /// CPY-09): the engine checks again one step later without moving it. Called after <see cref="CheckAsync"/>.
    /// </summary>
    Task<bool> ReadyAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct) => Task.FromResult(true);

    /// <summary>The task reached <paramref name="progress"/> (1–99).</summary>
    Task<IReadOnlyList<ResourceChange>> OnProgressAsync(ConsoleDbContext db, AsyncTask task, int progress, CancellationToken ct);

    /// <summary>The task is done: make its resource usable.</summary>
    Task<IReadOnlyList<ResourceChange>> OnFinishedAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct);

    /// <summary>
    /// The task cannot go on (its resource vanished, a precondition broke): leave a clean state and say why, or return
    /// null when the task can go on. Called before every step.
    /// </summary>
    Task<EcsError?> CheckAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct);

    /// <summary>The task failed with <paramref name="error"/>: mark its resource failed or remove what it made.</summary>
    Task<IReadOnlyList<ResourceChange>> OnFailedAsync(ConsoleDbContext db, AsyncTask task, EcsError error, CancellationToken ct);

    /// <summary>The user cancelled the task (only for <see cref="AsyncTask.Cancellable"/> tasks): remove what it made.</summary>
    Task<IReadOnlyList<ResourceChange>> OnCancelledAsync(ConsoleDbContext db, AsyncTask task, CancellationToken ct);
}
