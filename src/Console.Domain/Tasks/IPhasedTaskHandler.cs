namespace EcsConsole.Domain.Tasks;

/// <summary>How one step of a phased task ended.</summary>
public enum PhaseOutcome
{
    /// <summary>More to do: the next step is due one step later.</summary>
    Continue,

    /// <summary>The work is done (the task row ends <c>Finished</c>).</summary>
    Finished,

    /// <summary>The work ended without its result (the task row ends <c>Failed</c> with the error).</summary>
    Failed,

    /// <summary>The user cancelled the work and what it made is undone (the task row ends <c>Cancelled</c>).</summary>
    Cancelled,
}

/// <summary>What one step of a phased task did: the progress and stage to show, and what it changed.</summary>
public sealed record PhaseStep(int Progress, string Stage, PhaseOutcome Outcome, EcsError? Error = null, IReadOnlyList<ResourceChange>? Changes = null);

/// <summary>
/// Work made of phases that drive other services (an Image Builder build, an image update run): each phase launches
/// instances, creates images, copies and shares them through the same services a person uses, so quotas, permissions
/// and audit apply unchanged. Unlike an <see cref="IAsyncTaskHandler"/>, a step runs <b>outside</b> the engine's
/// transaction (those services open their own), while the engine holds the row's lease. The handler keeps its own
/// resource (e.g. the execution row) as the state machine's truth and must make every step safe to repeat: a crash
/// between a service call and the handler's save repeats the step, so a step first looks for what it would make.
/// </summary>
public interface IPhasedTaskHandler
{
    AsyncTaskType Type { get; }

    /// <summary>Advances the work one step. <paramref name="task"/> is a detached copy of the row.</summary>
    Task<PhaseStep> StepAsync(AsyncTask task, CancellationToken ct);
}
