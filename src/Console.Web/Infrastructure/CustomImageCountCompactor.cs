using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// Folds the custom tab's kept counts on PostgreSQL every <see cref="Period"/> (<see cref="CustomImageCountDeltas"/>,
/// ADR-042): without it a reader sums one row per change of an account's images. Every node on PostgreSQL runs it (only
/// there is it registered); one at a time does the work. A compaction that fails is logged and tried again at the next tick: the rows only
/// grow until then, and every sum stays right.
/// </summary>
internal sealed class CustomImageCountCompactor(IDbContextFactory<ConsoleDbContext> dbFactory, ILogger<CustomImageCountCompactor> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The machine's time, not the product's (which a suite may move): this paces upkeep, it decides nothing.
        using var timer = new PeriodicTimer(Period);
        long lastLogged = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                    await CustomImageCountDeltas.CompactAsync(db, stoppingToken);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && stoppingToken.IsCancellationRequested))
                {
                    // At most one warning a minute.
                    if (Environment.TickCount64 - lastLogged > 60_000)
                    {
                        lastLogged = Environment.TickCount64;
                        logger.LogWarning(ex, "The custom images' kept counts could not be compacted; their rows grow until a compaction succeeds");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
