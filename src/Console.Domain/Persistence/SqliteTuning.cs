using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// How every SQLite connection is set when it opens (issue #20). <c>busy_timeout</c>: a writer that finds the database
/// locked waits in SQLite's own short steps (1–100 ms) instead of failing to Microsoft.Data.Sqlite, which retries after
/// a fixed 150 ms sleep — under a few concurrent API calls (each writes its nonce) that sleep was most of a call's time.
/// <c>synchronous = NORMAL</c>: in WAL mode a commit is not flushed to disk until the next checkpoint; a crash of the
/// console loses nothing, a power cut may lose the last commits — the trade SQLite documents for WAL, fit for a console
/// on a laptop (PostgreSQL is the durable, shared store). Both settings belong to the native connection, which the pool
/// keeps across opens, so each native connection is set once, not on every query's open.
/// <para>With <see cref="BackgroundCheckpoints"/> (the web host, which runs <c>SqliteCheckpointService</c>) also
/// <c>wal_autocheckpoint = 0</c>: no commit copies the write-ahead log into the database file; a background loop does,
/// beside the writers (<see cref="SqliteCheckpoints"/>, issue #20).</para>
/// </summary>
internal sealed class SqliteTuning(bool backgroundCheckpoints) : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new(backgroundCheckpoints: false);

    /// <summary>The tuning of a process whose <c>SqliteCheckpointService</c> checkpoints the file in the background.</summary>
    public static readonly SqliteTuning BackgroundCheckpoints = new(backgroundCheckpoints: true);

    /// <summary>
    /// Puts a SQLite file in write-ahead-log mode (kept in the file, so once is enough; an in-memory database stays as it
    /// is), as EF Core's database creator does. In the default rollback-journal mode every commit is flushed to disk and
    /// a writer locks out every reader: each API call's nonce write then stalled the other calls' reads (issue #20). The
    /// fresh-database script makes the file without EF Core's creator, so start-up sets it; returns the mode.
    /// </summary>
    public static async Task<string> UseWriteAheadLogAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return "";
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var mode = (string?)await command.ExecuteScalarAsync(ct) ?? "";
            if (mode is "memory" or "wal")
            {
                return mode;
            }

            command.CommandText = "PRAGMA journal_mode = 'wal'";
            return (string?)await command.ExecuteScalarAsync(ct) ?? "";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private readonly string _pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;"
        + (backgroundCheckpoints ? " PRAGMA wal_autocheckpoint = 0;" : "");

    // The native connections already set; an entry goes with its native connection.
    private static readonly ConditionalWeakTable<object, object> Tuned = new();

    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Tuned.TryAdd(handle, Tuned);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
