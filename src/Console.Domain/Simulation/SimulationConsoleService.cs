using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Simulation;

/// <summary>
/// The simulation control as the console's <c>/simulation</c> page uses it (ADR-013): the same services as the HTTP
/// control (<see cref="WorldReset"/>, <see cref="SimulationClockService"/>, <see cref="SimulationFaults"/>, the
/// <see cref="FaultRequest"/> checks), for the platform admin only — re-read from the database before each control, so a
/// demoted or locked-out admin is refused (<c>Forbidden</c>) from the next click on. Audited as the HTTP control is: the
/// controls are the suite's, not changes of the simulated cloud, so they are not; a fault that fires is (ADR-012).
/// </summary>
public sealed class SimulationConsoleService(
    IDbContextFactory<ConsoleDbContext> dbFactory,
    TimeProvider time,
    WorldReset reset,
    SimulationClockService clock,
    SimulationFaults faults,
    AsyncTaskEngine engine)
{
    /// <summary>Null when the actor is, in the database now, the platform admin; else <c>Forbidden</c>.</summary>
    public async Task<EcsError?> CheckAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await Access.CurrentAsync(db, actor, time, ct);
        return !current.IsSuccess ? current.Error
            : current.Value.IsPlatformAdmin ? null
            : CommonErrors.Forbidden("Only the platform administrator may use the simulation control.");
    }

    /// <summary>The demo world again (every open page reloads); returns how long it took.</summary>
    public Task<Result<TimeSpan>> ResetAsync(Actor actor, CancellationToken ct = default) =>
        AsAdminAsync(actor, async () => Result<TimeSpan>.Success(await reset.ResetAsync(ct)), ct);

    /// <summary>Moves the clock <paramref name="seconds"/> forward, running what falls due; returns the new time.</summary>
    public Task<Result<DateTimeOffset>> AdvanceAsync(Actor actor, double seconds, CancellationToken ct = default) =>
        AsAdminAsync(actor, () => clock.AdvanceAsync(seconds, ct), ct);

    /// <summary>Runs every running task to its end now; returns how many ended.</summary>
    public Task<Result<int>> CompleteTasksAsync(Actor actor, CancellationToken ct = default) =>
        AsAdminAsync(actor, async () => Result<int>.Success(await clock.CompleteTasksAsync(ct)), ct);

    /// <summary>The pending faults, oldest first.</summary>
    public Task<Result<IReadOnlyList<SimulationFault>>> ListFaultsAsync(Actor actor, CancellationToken ct = default) =>
        AsAdminAsync(actor, async () => Result<IReadOnlyList<SimulationFault>>.Success(await faults.ListAsync(ct)), ct);

    /// <summary>Adds a fault after the checks the HTTP control makes; returns its ID.</summary>
    public Task<Result<string>> AddFaultAsync(Actor actor, FaultRequest request, Func<string, bool> isApiAction, CancellationToken ct = default) =>
        AsAdminAsync(actor, () => request.AddAsync(faults, engine, isApiAction, ct), ct);

    /// <summary>Removes every pending fault; returns how many there were.</summary>
    public Task<Result<int>> ClearFaultsAsync(Actor actor, CancellationToken ct = default) =>
        AsAdminAsync(actor, async () => Result<int>.Success(await faults.ClearAsync(ct)), ct);

    private async Task<Result<T>> AsAdminAsync<T>(Actor actor, Func<Task<Result<T>>> control, CancellationToken ct) =>
        await CheckAsync(actor, ct) is { } refused ? refused : await control();
}
