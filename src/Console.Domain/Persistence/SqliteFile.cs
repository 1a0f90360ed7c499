using Microsoft.Data.Sqlite;

namespace EcsConsole.Domain.Persistence;

/// <summary>Which SQLite file a context works on, for the mechanisms that are per file (the write gate, background checkpoints).</summary>
public static class SqliteFile
{
    /// <summary>
    /// The full path of <paramref name="db"/>'s SQLite file; null on another provider or an in-memory database (which has
    /// no file lock to take turns at and no write-ahead log to checkpoint).
    /// </summary>
    public static string? PathOf(DbContext db) =>
        db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:"
        && !file.StartsWith("file::memory:", StringComparison.Ordinal)
            ? Path.GetFullPath(file)
            : null;
}
