using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// One writer at a time per SQLite file within this process, for the writers that run on every API call (the nonces'
/// group commit and the API log; issue #20). SQLite lets one connection write at a time; a second writer that finds the
/// file locked is put to sleep by SQLite's busy handler in growing steps (1, 2, 5, 10 … ms) on a blocked thread, so two
/// such writers on one node made each other's waits several milliseconds long, and every API call waited behind them.
/// Here they wait for each other without a thread and are woken the moment the other commits. The gate only orders
/// writers of this node: other nodes and every other write still meet SQLite's lock and busy timeout, which decide.
/// Null for PostgreSQL (row locks; no file lock) and in-memory databases (one connection).
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of <paramref name="db"/>'s file; null where none is needed.</summary>
    public static SemaphoreSlim? For(DbContext db) =>
        db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:"
            && !file.StartsWith("file::memory:", StringComparison.Ordinal)
            ? Gates.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1))
            : null;
}
