using EcsConsole.Domain.Tasks;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// Drives the domain's <see cref="AsyncTaskEngine"/> in the web host: advances due tasks and runs due automatic snapshot
/// policies (<see cref="EcsConsole.Domain.Snapshots.AutoSnapshotScheduleService"/>) and instance auto-releases
/// (<see cref="EcsConsole.Domain.Instances.InstanceAutoReleaseService"/>), then sleeps a fraction of a
/// step on the injected <see cref="TimeProvider"/>. Unfinished tasks of an earlier process are due at start-up and are
/// finished from where they stopped.
/// </summary>
internal sealed class AsyncTaskRunnerService(
    AsyncTaskEngine engine, EcsConsole.Domain.Snapshots.AutoSnapshotScheduleService schedules,
    EcsConsole.Domain.Instances.InstanceAutoReleaseService autoReleases, TimeProvider time, EcsConsole.Domain.Simulation.SimulatedClock clock,
    ILogger<AsyncTaskRunnerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Task runner {Runner} started", engine.RunnerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // What is due is decided on the clock's offset as stored now (an advance made on another node, ADR-012).
                await clock.RefreshAsync(stoppingToken);
                // Due tasks, then due automatic snapshot policies, holding the engine's stepping (an advance waits).
                await engine.ExclusiveAsync(async runDue => await runDue(stoppingToken) + await schedules.RunDueAsync(stoppingToken)
                    + await autoReleases.RunDueAsync(stoppingToken), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A bug in one step must not stop the runner; the row stays due and is retried after its lease.
                logger.LogError(ex, "Task runner step failed");
            }

            var pause = TimeSpan.FromTicks(Math.Clamp(engine.StepDuration.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(1).Ticks));
            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
