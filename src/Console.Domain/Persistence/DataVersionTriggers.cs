using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// The triggers that keep <see cref="DataVersion"/> (ADR-033): every insert, update and delete (and, on PostgreSQL,
/// truncate) of a versioned table gives the row a new random token. A migration that adds a table adds its triggers
/// with <see cref="Add"/>; one that rebuilds a SQLite table (which drops its triggers) adds them again.
/// <c>DataVersionTests</c> fails while any table of the model but the <see cref="Unversioned"/> ones lacks them.
/// <list type="bullet">
/// <item>SQLite: <c>AFTER INSERT/UPDATE/DELETE … FOR EACH ROW</c>; writers take the file's one write lock anyway.</item>
/// <item>PostgreSQL: a <c>DEFERRABLE INITIALLY DEFERRED</c> constraint trigger per row, so the token's row is locked
/// only at commit, after every other lock the transaction takes (no deadlock, and writers hold it for their commit
/// alone); the function writes once per transaction. <c>TRUNCATE</c> fires no row trigger: a statement trigger
/// writes the token then.</item>
/// </list>
/// </summary>
public static class DataVersionTriggers
{
    /// <summary>
    /// Tables whose rows no cached answer is made of, written on every call or page: the replay guard's nonces, the API
    /// log, the browsers' sign-in sessions, the data version itself and the migrations' history.
    /// </summary>
    public static readonly IReadOnlySet<string> Unversioned = new HashSet<string>(StringComparer.Ordinal)
    {
        "SignatureNonces", "ApiCalls", "AuthSessions", "DataVersion", "__EFMigrationsHistory",
    };

    /// <summary>The tables of <paramref name="model"/> that carry the triggers.</summary>
    public static IReadOnlyList<string> VersionedTables(IModel model) =>
        [.. model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(t => !Unversioned.Contains(t)).Order(StringComparer.Ordinal)];

    /// <summary>The SQL of a new random token: 16 hex digits on SQLite, a UUID's text on PostgreSQL.</summary>
    public const string SqliteNewToken = "lower(hex(randomblob(8)))";

    /// <summary>The one row, and PostgreSQL's function (the triggers of each table call it).</summary>
    public static void CreateRow(MigrationBuilder migration)
    {
        if (migration.IsNpgsql())
        {
            migration.Sql("""INSERT INTO "DataVersion" ("Id", "Version") VALUES (1, gen_random_uuid()::text);""");
            migration.Sql("""
                CREATE FUNCTION ecsconsole_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF coalesce(current_setting('ecsconsole.data_version_bumped', true), '') <> 'on' THEN
                    PERFORM set_config('ecsconsole.data_version_bumped', 'on', true);
                    UPDATE "DataVersion" SET "Version" = gen_random_uuid()::text WHERE "Id" = 1;
                  END IF;
                  RETURN NULL;
                END $$;
                """);
        }
        else
        {
            migration.Sql($"""INSERT INTO "DataVersion" ("Id", "Version") VALUES (1, {SqliteNewToken});""");
        }
    }

    /// <summary>Removes PostgreSQL's function (after every table's triggers are dropped).</summary>
    public static void DropRow(MigrationBuilder migration)
    {
        if (migration.IsNpgsql())
        {
            migration.Sql("DROP FUNCTION ecsconsole_bump_data_version();");
        }
    }

    /// <summary>The triggers of <paramref name="tables"/>.</summary>
    public static void Add(MigrationBuilder migration, params string[] tables)
    {
        foreach (var table in tables)
        {
            if (migration.IsNpgsql())
            {
                migration.Sql($"""
                    CREATE CONSTRAINT TRIGGER "DataVersion_Change" AFTER INSERT OR UPDATE OR DELETE ON "{table}"
                      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ecsconsole_bump_data_version();
                    CREATE TRIGGER "DataVersion_Truncate" AFTER TRUNCATE ON "{table}"
                      FOR EACH STATEMENT EXECUTE FUNCTION ecsconsole_bump_data_version();
                    """);
            }
            else
            {
                foreach (var change in SqliteChanges)
                {
                    migration.Sql($"""
                        CREATE TRIGGER "{SqliteTrigger(table, change)}" AFTER {change.ToUpperInvariant()} ON "{table}"
                        BEGIN UPDATE "DataVersion" SET "Version" = {SqliteNewToken} WHERE "Id" = 1; END;
                        """);
                }
            }
        }
    }

    /// <summary>Drops the triggers of <paramref name="tables"/>.</summary>
    public static void Drop(MigrationBuilder migration, params string[] tables)
    {
        foreach (var table in tables)
        {
            if (migration.IsNpgsql())
            {
                migration.Sql($"""
                    DROP TRIGGER "DataVersion_Change" ON "{table}";
                    DROP TRIGGER "DataVersion_Truncate" ON "{table}";
                    """);
            }
            else
            {
                foreach (var change in SqliteChanges)
                {
                    migration.Sql($"""DROP TRIGGER "{SqliteTrigger(table, change)}";""");
                }
            }
        }
    }

    /// <summary>The changes SQLite's triggers are written for.</summary>
    public static readonly IReadOnlyList<string> SqliteChanges = ["Insert", "Update", "Delete"];

    /// <summary>The name of a SQLite trigger (unique in the file): <c>DataVersion_{table}_{change}</c>.</summary>
    public static string SqliteTrigger(string table, string change) => $"DataVersion_{table}_{change}";
}
