using EcsConsole.Domain.ApiLog;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// Drains the API log's queue (ADR-013): waits for records, lets them gather for <see cref="GatherFor"/>, takes what is there (up to <see cref="BatchSize"/>), writes
/// them in one transaction and lets open pages know; beside it, every <see cref="PrunePeriod"/>, a prune. A batch that cannot be
/// written is logged and given up (a log line lost, never a call failed). On shutdown what is queued is written.
/// </summary>
internal sealed class ApiCallLogPump(ApiCallQueue queue, ApiCallLogWriter writer, ILogger<ApiCallLogPump> logger) : BackgroundService
{
    public const int BatchSize = 500;

    /// <summary>How long the pump lets records gather once the first is there (a record is written at most this much later).</summary>
    public static readonly TimeSpan GatherFor = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// How often the log is pruned: often, so that each prune is small and the table stays near its cap (at thousands of
    /// calls a second a minute's calls were hundreds of thousands of rows to delete; issue #20).
    /// </summary>
    public static readonly TimeSpan PrunePeriod = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The prune runs beside the writer, not in its loop: a prune of a burst's 100,000 rows takes tens of seconds in
        // its paced chunks, and while the writer waited for it the queue filled and dropped most of the calls of that
        // time (75,077 of ~131,000 in a side-load run; issue #20). The two take turns at the write gate instead.
        var pruning = PruneEveryPeriodAsync(stoppingToken);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Calls come in runs: a moment's wait lets one transaction write many of them (a transaction per call
                // cost as much CPU as a kept answer's whole call; issue #20).
                if (queue.Reader.Count < BatchSize)
                {
                    await Task.Delay(GatherFor, stoppingToken);
                }

                await WriteBatchAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: write what is queued.
            while (queue.Reader.TryPeek(out _))
            {
                await WriteBatchAsync(CancellationToken.None);
            }
        }

        await pruning;
    }

    private async Task PruneEveryPeriodAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PrunePeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PruneAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start prunes.
        }
    }

    private async Task WriteBatchAsync(CancellationToken ct)
    {
        var batch = new List<ApiCallRecord>();
        while (batch.Count < BatchSize && queue.Reader.TryRead(out var record))
        {
            batch.Add(record);
        }

        try
        {
            await writer.WriteAsync(batch, ct);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{Count} API log records could not be written and are dropped", batch.Count);
        }
        finally
        {
            queue.Settle(batch.Count);
        }
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        try
        {
            var pruned = await writer.PruneAsync(ct);
            if (queue.Dropped > 0)
            {
                logger.LogWarning("The API log dropped {Dropped} records so far: its writer fell behind", queue.Dropped);
            }

            logger.LogDebug("Pruned {Count} API log records", pruned);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            logger.LogWarning(ex, "The API log could not be pruned");
        }
    }
}
