using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// How every SQLite connection is set when it opens (issue #20). <c>busy_timeout</c>: a writer that finds the database
/// locked waits in SQLite's own short steps (1–100 ms) instead of failing to Microsoft.Data.Sqlite, which retries after
/// a fixed 150 ms sleep — under a few concurrent API calls (each writes its nonce) that sleep was most of a call's time.
/// <c>synchronous = NORMAL</c>: in WAL mode a commit is not flushed to disk until the next checkpoint; a crash of the
/// console loses nothing, a power cut may lose the last commits — the trade SQLite documents for WAL, fit for a console
/// on a laptop (PostgreSQL is the durable, shared store).
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
