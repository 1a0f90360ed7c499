using EcsConsole.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// Checkpoints the SQLite file's write-ahead log every <see cref="SqliteCheckpoints.Period"/>, beside the writers
/// (issue #20): the web host's connections are set not to checkpoint in their commits
/// (<c>AddConsoleDomain(…, checkpointInBackground: true)</c>). Does nothing on PostgreSQL or an in-memory database.
/// A checkpoint that fails is logged and tried again at the next tick: the log then grows, nothing is lost.
/// </summary>
internal sealed class SqliteCheckpointService(IDbContextFactory<ConsoleDbContext> dbFactory, ILogger<SqliteCheckpointService> logger) : BackgroundService
{
    /// <summary>What the last checkpoint found: the pages in the log, and how many of them are in the database file.</summary>
    public (long InLog, long Copied) Last { get; private set; }

    /// <summary>Completes when the next checkpoint has run (tests: no waiting by the clock).</summary>
    public Task NextCheckpoint => Volatile.Read(ref _next).Task;

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            if (SqliteFile.PathOf(db) is null)
            {
                return;
            }
        }

        // The machine's time, not the product's (which a suite may move): this paces disk work, it decides nothing.
        using var timer = new PeriodicTimer(SqliteCheckpoints.Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last one below.
        }

        await CheckpointAsync(CancellationToken.None);
    }

    private long _lastLogged;

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            Last = await SqliteCheckpoints.PassiveAsync(db, ct);
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            // At most one warning a minute: a failing disk would otherwise log ten a second.
            var now = Environment.TickCount64;
            if (now - _lastLogged > 60_000)
            {
                _lastLogged = now;
                logger.LogWarning(ex, "The SQLite write-ahead log could not be checkpointed; it grows until a checkpoint succeeds");
            }
        }
    }
}
