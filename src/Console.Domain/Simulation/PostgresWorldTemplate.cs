using EcsConsole.Domain.Seeding;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EcsConsole.Domain.Simulation;

/// <summary>
/// The PostgreSQL reset (ADR-017, ADR-018): the first reset of a process truncates every table of the world and seeds it
/// as start-up does, then keeps a copy of each table in the schema <see cref="Schema"/>; every later reset of the process
/// is one batch in one transaction — <c>TRUNCATE</c> of the world's tables, then <c>INSERT … SELECT</c> from the copy,
/// principals before dependents. The copy is rebuilt by each process's first reset, so it always has the running model's
/// columns. What is not the world is kept: the key ring (the copy's AccessKey secrets are protected with it) and the
/// migrations history. Identity sequences are not restarted: the copied IDs came from them, so they stay ahead.
/// </summary>
internal sealed class PostgresWorldTemplate
{
    public const string Schema = "ecsconsole_reset_template";

    private volatile bool _built;

    /// <summary>Replaces the world inside the caller's reset (the engine's stepping held); seeds with <paramref name="initializer"/> when no copy is kept yet.</summary>
    public async Task ResetAsync(IDbContextFactory<ConsoleDbContext> dbFactory, DatabaseInitializer initializer, CancellationToken ct)
    {
        var built = _built;
        var secrets = built ? null : initializer.ProtectedDemoSecrets(); // before the transaction: protecting may write the key ring
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tables = InsertOrder(db.Model);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sql = new System.Text.StringBuilder("TRUNCATE ").AppendJoin(", ", tables.Select(Quote)).Append(" CASCADE;");
        if (built)
        {
            foreach (var table in tables)
            {
                sql.Append($"INSERT INTO {Quote(table)} SELECT * FROM {Quote(Schema)}.{Quote(table)};");
            }
        }

#pragma warning disable EF1003 // the table names come from the model, not from input
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct);
        if (!built)
        {
            await initializer.SeedIntoAsync(db, secrets!, ct);
            var copy = new System.Text.StringBuilder($"DROP SCHEMA IF EXISTS {Quote(Schema)} CASCADE; CREATE SCHEMA {Quote(Schema)};");
            foreach (var table in tables)
            {
                copy.Append($"CREATE TABLE {Quote(Schema)}.{Quote(table)} AS TABLE {Quote(table)};");
            }

            await db.Database.ExecuteSqlRawAsync(copy.ToString(), ct);
        }
#pragma warning restore EF1003

        await tx.CommitAsync(ct);
        _built = true;
    }

    /// <summary>The world's tables (all but the key ring's), each after the tables its foreign keys point at.</summary>
    internal static IReadOnlyList<string> InsertOrder(IModel model)
    {
        // The key ring is not the world; the data version is not either: its triggers give it a new token when the
        // world is replaced (ADR-033), and copying it back would bring an old one.
        var keyRing = model.FindEntityType(typeof(DataProtectionKey))?.GetTableName();
        var version = model.FindEntityType(typeof(Persistence.DataVersion))?.GetTableName();
        var principals = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table || table == keyRing || table == version)
            {
                continue;
            }

            var of = principals.TryGetValue(table, out var set) ? set : principals[table] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fk in entity.GetForeignKeys())
            {
                if (fk.PrincipalEntityType.GetTableName() is { } principal && principal != table && principal != keyRing)
                {
                    of.Add(principal);
                }
            }
        }

        var ordered = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < principals.Count)
        {
            var ready = principals.Keys.Where(t => !placed.Contains(t) && principals[t].All(placed.Contains)).Order(StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The world's tables reference each other in a cycle: " + string.Join(", ", principals.Keys.Where(t => !placed.Contains(t))));
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }

        return ordered;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
