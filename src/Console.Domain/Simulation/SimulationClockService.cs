using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Simulation;

/// <summary>
/// Time under the test suite's control (ui-contract §7, ADR-012): advancing the <see cref="SimulatedClock"/> runs, in
/// order, every task step, automatic snapshot policy run, automatic snapshot release and instance auto-release
/// (<c>AutoReleaseTime</c>) that falls due on the way, and completing runs every task to its end now. Both hold the task
/// engine's stepping (<see cref="AsyncTaskEngine.ExclusiveAsync{T}"/>), so they answer once what they ran has committed.
/// </summary>
public sealed class SimulationClockService(
    IDbContextFactory<ConsoleDbContext> dbFactory, SimulatedClock clock, AsyncTaskEngine engine, Snapshots.AutoSnapshotScheduleService schedules,
    Instances.InstanceAutoReleaseService autoReleases)
{
    /// <summary>The longest single advance: ten years.</summary>
    public const long MaxAdvanceSeconds = 10L * 366 * 24 * 3600;

    /// <summary>A bound on the rounds of one advance or completion, for work that never ends (a copy waiting forever).</summary>
    private const int MaxRounds = 10_000;

    /// <summary>
    /// Moves the clock <paramref name="seconds"/> forward: the clock stops at each due time on the way and the engine
    /// steps what is due then, so a task whose whole duration fits in the advance is finished when this returns. Returns
    /// the new time. Codes: <c>InvalidParameter</c> (seconds outside 0–<see cref="MaxAdvanceSeconds"/>).
    /// </summary>
    public async Task<Result<DateTimeOffset>> AdvanceAsync(double seconds, CancellationToken ct = default)
    {
        if (double.IsNaN(seconds) || seconds < 0 || seconds > MaxAdvanceSeconds)
        {
            return SimulationErrors.OutOfRange("seconds", 0, MaxAdvanceSeconds);
        }

        return await engine.ExclusiveAsync(async runDue =>
        {
            await clock.RefreshAsync(ct);
            clock.Freeze();
            try
            {
                var target = clock.GetUtcNow() + TimeSpan.FromSeconds(seconds);
                var idle = 0;
                for (var round = 0; round < MaxRounds && idle < 3; round++)
                {
                    // The next task step, automatic snapshot policy run or snapshot release on the way, whichever is first.
                    var step = await NextRunnableAsync(target, ct);
                    var scheduled = Earliest(await schedules.NextDueAsync(target, ct), await autoReleases.NextDueAsync(target, ct));
                    var next = Earliest(step, scheduled);
                    if (next is null)
                    {
                        break;
                    }

                    clock.MoveTo(next.Value);
                    idle = await runDue(ct) + await schedules.RunDueAsync(ct) + await autoReleases.RunDueAsync(ct) == 0 ? idle + 1 : 0;
                }

                clock.MoveTo(target);
            }
            finally
            {
                await clock.ThawAsync(CancellationToken.None);
            }

            return Result<DateTimeOffset>.Success(clock.GetUtcNow());
        }, ct);
    }

    /// <summary>
    /// Runs every Processing task to its end now, without moving the clock: each round makes every running task due and
    /// steps it (waiting copies start as the others finish). An injected task fault still fails the task it names.
    /// Returns how many of the tasks running at the call have ended.
    /// </summary>
    public async Task<int> CompleteTasksAsync(CancellationToken ct = default) =>
        await engine.ExclusiveAsync(async runDue =>
        {
            List<string> running;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                running = await db.AsyncTasks.Where(t => t.Status == AsyncTaskStatus.Processing).Select(t => t.Id).ToListAsync(ct);
            }

            for (var round = 0; round < MaxRounds; round++)
            {
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                {
                    var now = clock.GetUtcNow();
                    var due = await db.AsyncTasks.Where(t => t.Status == AsyncTaskStatus.Processing)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, now), ct);
                    if (due == 0)
                    {
                        break;
                    }
                }

                if (await runDue(ct) == 0)
                {
                    break; // what is left is leased by another runner
                }
            }

            await using var read = await dbFactory.CreateDbContextAsync(ct);
            return await read.AsyncTasks.CountAsync(t => running.Contains(t.Id) && t.Status != AsyncTaskStatus.Processing, ct);
        }, ct);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>
    /// The earliest time, not after <paramref name="target"/>, at which a Processing task can be stepped: its due time,
    /// or just after the lease another runner holds on it.
    /// </summary>
    private async Task<DateTimeOffset?> NextRunnableAsync(DateTimeOffset target, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AsyncTasks.AsNoTracking()
            .Where(t => t.Status == AsyncTaskStatus.Processing && t.DueAt <= target)
            .OrderBy(t => t.DueAt).Select(t => new { t.DueAt, t.LeaseUntil }).Take(500).ToListAsync(ct);
        var runnable = rows
            .Select(t => t.LeaseUntil is { } lease && lease >= t.DueAt ? lease + TimeSpan.FromTicks(1) : t.DueAt)
            .Where(t => t <= target)
            .ToList();
        return runnable.Count == 0 ? null : runnable.Min();
    }
}
