using EcsConsole.Domain.Persistence;
using Npgsql;

namespace EcsConsole.Tests.Support;

/// <summary>
/// Which database the tests run on (ADR-017): SQLite unless <c>ECSCONSOLE_TEST_DB=postgres</c>, then the PostgreSQL server
/// of <c>ECSCONSOLE_TEST_PG</c> (an Npgsql connection string of a role that may create databases; default
/// <c>Host=localhost;Username=ecsconsole;Password=ecsconsole</c>). On PostgreSQL every test gets its own database, copied
/// from a migrated (or seeded) template database of this test run with <c>CREATE DATABASE … TEMPLATE</c>, and dropped
/// afterwards. The test code is the same on both.
/// </summary>
public static class TestProvider
{
    public static readonly DatabaseProvider Current =
        string.Equals(Environment.GetEnvironmentVariable("ECSCONSOLE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static bool IsPostgres => Current == DatabaseProvider.Postgres;

    private static readonly string Server =
        Environment.GetEnvironmentVariable("ECSCONSOLE_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=localhost;Username=ecsconsole;Password=ecsconsole";

    /// <summary>This test process's prefix for the databases it makes (dropped again when the process ends).</summary>
    private static readonly string RunPrefix = $"ecs_t{Environment.ProcessId}_";

    private static readonly List<string> Templates = [];

    static TestProvider()
    {
        if (IsPostgres)
        {
            DropLeftoversOfEndedRuns();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                DatabasePool.Stop();
                foreach (var template in Templates)
                {
                    Drop(template);
                }
            };
        }
    }

    /// <summary>Databases of test processes that ended without dropping them (killed, crashed).</summary>
    private static void DropLeftoversOfEndedRuns()
    {
        var names = new List<string>();
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT datname FROM pg_database WHERE datname LIKE 'ecs\\_t%' AND NOT datistemplate";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            var pid = name["ecs_t".Length..].Split('_')[0];
            if (int.TryParse(pid, out var id) && !ProcessIsAlive(id))
            {
                Drop(name);
            }
        }
    }

    private static bool ProcessIsAlive(int id)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The connection string of one database of the server.</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>A new database name of this run.</summary>
    public static string NewDatabaseName() => RunPrefix + Guid.NewGuid().ToString("N")[..16];

    /// <summary>
    /// Creates a database, empty or as a copy of a template of this run: the copy is one made ahead by
    /// <see cref="DatabasePool"/>, renamed (a catalogue update), or made now when none is ready.
    /// </summary>
    public static void Create(string database, string? template = null)
    {
        if (template is null)
        {
            Execute($"CREATE DATABASE \"{database}\"");
            return;
        }

        if (DatabasePool.TryTake(template) is { } ready)
        {
            Execute($"ALTER DATABASE \"{ready}\" RENAME TO \"{database}\"");
            return;
        }

        Copy(template, database);
    }

    /// <summary>
    /// A copy of a template: by file copy where the server has it (PostgreSQL 15+; with fsync off, about half the time
    /// of the default WAL-logged copy of a small database).
    /// </summary>
    internal static void Copy(string template, string database) =>
        Execute($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"" + (FileCopy.Value ? " STRATEGY FILE_COPY" : ""));

    private static readonly Lazy<bool> FileCopy = new(() =>
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        return connection.PostgreSqlVersion.Major >= 15;
    });

    /// <summary>Makes a database a template of this run: its pooled connections closed, dropped at the end.</summary>
    public static void MarkTemplate(string database)
    {
        ClosePool(database);
        lock (Templates)
        {
            Templates.Add(database);
        }
    }

    /// <summary>Runs one statement on the server's maintenance database (as the tests' role).</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Drops a database now (its name is free when this returns).</summary>
    public static void Drop(string database)
    {
        ClosePool(database);
        Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>
    /// Gives <paramref name="database"/> (unused so far: no connection open) the content of another template: the old
    /// database is renamed out of the way and dropped in the background, a ready copy takes its name.
    /// </summary>
    public static void Replace(string database, string template)
    {
        ClosePool(database);
        var old = NewDatabaseName();
        Execute($"ALTER DATABASE \"{database}\" RENAME TO \"{old}\"");
        DatabasePool.DropLater(old);
        Create(database, template);
    }

    /// <summary>
    /// Drops a test's database in the background (<see cref="DatabasePool"/>): its name is never used again, so the test
    /// need not wait for the server to remove the files.
    /// </summary>
    public static void DropLater(string database)
    {
        ClosePool(database);
        DatabasePool.DropLater(database);
    }

    internal static void ClosePool(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database));
        NpgsqlConnection.ClearPool(connection);
    }

}

/// <summary>A fact about the SQLite file or its migrations only (a file on disk, SQLite's own SQL): skipped on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestProvider.IsPostgres)
        {
            Skip = "SQLite only: this test is about the SQLite file (ECSCONSOLE_TEST_DB=postgres)";
        }
    }
}

/// <summary>A fact about several nodes on one PostgreSQL server: skipped on SQLite.</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (!TestProvider.IsPostgres)
        {
            Skip = "PostgreSQL only: run with ECSCONSOLE_TEST_DB=postgres";
        }
    }
}
