namespace EcsConsole.Domain.Persistence;

/// <summary>
/// Checkpoints of a SQLite file's write-ahead log made beside the writers instead of by them (issue #20). SQLite's own
/// checkpoint runs in whichever commit finds the log past 1,000 pages: it copies those pages into the database file and
/// flushes both to disk while that writer waits, and with it the nonce group behind it and every API call of the node.
/// Under wrk that was about half of each nonce group's time. With <see cref="SqliteTuning.BackgroundCheckpoints"/> no
/// commit checkpoints; <c>SqliteCheckpointService</c> runs <see cref="PassiveAsync"/> every <see cref="Period"/>. A passive
/// checkpoint takes no write lock and waits for nobody: it copies what no reader still needs, and the log is reused
/// from its start once all of it is copied. Nothing is decided here; the data is the same in the log as in the file.
/// </summary>
public static class SqliteCheckpoints
{
    /// <summary>How often the log is checkpointed (about what SQLite's 1,000-page trigger comes to at 7,000 calls a second).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// One passive checkpoint of <paramref name="db"/>'s file: the pages in the log and how many of them are now in the
    /// database file (all of them unless a reader still needed older ones).
    /// </summary>
    public static async Task<(long InLog, long Copied)> PassiveAsync(DbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
