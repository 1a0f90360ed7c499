using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// What start-up asks a database before it serves (has it tables, which migrations does it lack, does it hold anything),
/// asked with plain commands (issue #20's cold start). EF Core's own answers compile a LINQ query each, and its history
/// repository first builds a model of the history table by convention: on an existing database these three questions
/// were about 0.4 s of every start, for three one-row answers. (Part of that was the process's first LINQ query, whose
/// compilation warms EF Core's query pipeline: the key-ring upgrade's query now pays it, so a start gains about 0.15 s.)
/// </summary>
internal static class StartupProbe
{
    /// <summary>The first column of the first row of <paramref name="sql"/> as a number (0 when it is null).</summary>
    public static async Task<long> ScalarAsync(ConsoleDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, sql);
            var value = await command.ExecuteScalarAsync(ct);
            return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The migrations of the model's migrations assembly that the database has not applied, in order: what
    /// <c>GetPendingMigrationsAsync</c> answers. On SQLite the applied ones are read from the history table with a plain
    /// command (none when the table does not exist); on PostgreSQL EF Core's answer is used as it is.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(ConsoleDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return [.. await db.Database.GetPendingMigrationsAsync(ct)];
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var history = HistoryRepository.DefaultTableName;
            if (await ScalarAsync(db, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{history}'", ct) > 0)
            {
                await using var command = Command(db, $"SELECT \"MigrationId\" FROM \"{history}\"");
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return [.. db.GetService<IMigrationsAssembly>().Migrations.Keys.Where(id => !applied.Contains(id))];
    }

    /// <summary>A command on <paramref name="db"/>'s connection, in its transaction if one is open.</summary>
    internal static System.Data.Common.DbCommand Command(ConsoleDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>Whether any of the entity types' tables has a row (one query on either provider).</summary>
    public static async Task<bool> AnyRowAsync(ConsoleDbContext db, IEnumerable<Type> entityTypes, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var exists = entityTypes.Select(type =>
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the model");
            return $"EXISTS (SELECT 1 FROM {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())})";
        });
        return await ScalarAsync(db, $"SELECT CASE WHEN {string.Join(" OR ", exists)} THEN 1 ELSE 0 END", ct) == 1;
    }
}
