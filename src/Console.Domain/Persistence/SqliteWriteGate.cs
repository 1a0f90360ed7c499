using System.Collections.Concurrent;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// One writer at a time per SQLite file within this process (issue #20): the nonces' group commit and the API log's
/// batches take a turn here before they take SQLite's write lock (audited writes do not: around <c>AuditedWrite</c> the
/// gate made creates wait seconds under a side load, ADR-033). SQLite lets one connection write at a time; a second writer that finds the
/// file locked is put to sleep by SQLite's busy handler in growing steps (1, 2, 5, 10 … ms) on a blocked thread, so two
/// such writers on one node made each other's waits several milliseconds long, and every API call waited behind them.
/// Here they wait for each other without a thread and are woken the moment the other commits. The gate only orders
/// writers of this node: other nodes and every other write still meet SQLite's lock and busy timeout, which decide.
/// No gate for PostgreSQL (row locks; no file lock) and in-memory databases (one connection). A turn not given within
/// <see cref="Wait"/> is not waited for any longer: the writer goes on to SQLite's own lock, whose busy timeout decides
/// as it always did (a writer that never gave its turn back cannot stop the others).
/// </summary>
public static class SqliteWriteGate
{
    /// <summary>The longest a writer waits for its turn (as long as SQLite's busy timeout).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Waits for the turn of <paramref name="db"/>'s file; disposing the turn gives it to the next writer.</summary>
    public static async ValueTask<Turn> EnterAsync(DbContext db, CancellationToken ct = default)
    {
        var gate = For(db);
        return gate is not null && await gate.WaitAsync(Wait, ct) ? new Turn(gate) : default;
    }

    /// <summary>A writer's turn (none: default).</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of <paramref name="db"/>'s file; null where none is needed.</summary>
    public static SemaphoreSlim? For(DbContext db) =>
        SqliteFile.PathOf(db) is { } file ? Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1)) : null;
}
