using EcsConsole.Domain.Persistence;
using EcsConsole.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EcsConsole.Tests.Domain.Persistence;

/// <summary>
/// What start-up uses instead of building at run time (issue #20's cold start) is what it would have built: the compiled
/// models (<c>Persistence/CompiledModels</c>, made by <c>dotnet ef dbcontext optimize</c>) are the model the mapping
/// builds, and the fresh-database script is every migration's SQL.
/// </summary>
public sealed class StartupShortcutsTests : IDisposable
{
    private readonly List<SqliteConnection> _connections = [];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void TheCompiledModel_IsTheModelTheMappingBuilds(DatabaseProvider provider)
    {
        // Arrange: the model start-up uses, and the one EF Core builds from the entity configurations
        using var compiled = Context(provider, compiledModel: true);
        using var built = Context(provider, compiledModel: false);

        // Act
        var expected = Fingerprint(built.Model);
        var actual = Fingerprint(compiled.Model);

        // Assert
        Assert.True(expected == actual,
            "The compiled model is stale: run scripts/add-migration.sh's `dotnet ef dbcontext optimize` step (see docs/performance.md).\n"
            + FirstDifference(expected, actual));
    }

    [Fact]
    public void TheFreshDatabaseScript_IsEveryMigrationsSql()
    {
        // Arrange
        using var db = Context(DatabaseProvider.Sqlite, compiledModel: false);

        // Act
        var expected = FreshSqliteDatabase.Expected(db);

        // Assert
        Assert.True(Normalized(expected) == Normalized(FreshSqliteDatabase.Script()),
            "FreshSqliteDatabase.sql is stale: regenerate it with scripts/add-migration.sh (or `dotnet ef migrations script`).\n"
            + FirstDifference(Normalized(expected), Normalized(FreshSqliteDatabase.Script())));
    }

    [Fact]
    public async Task AFreshDatabaseMadeByTheScript_HasTheSchemaAndHistoryMigrateMakes()
    {
        // Arrange
        using var scripted = Context(DatabaseProvider.Sqlite, compiledModel: true);
        using var migrated = Context(DatabaseProvider.Sqlite, compiledModel: false);

        // Act
        var created = await FreshSqliteDatabase.CreateIfEmptyAsync(scripted, CancellationToken.None);
        await migrated.Database.MigrateAsync();

        // Assert
        Assert.True(created);
        Assert.Empty(await scripted.Database.GetPendingMigrationsAsync());
        Assert.Equal(await Schema(migrated), await Schema(scripted));
    }

    [Fact]
    public async Task ADatabaseWithTables_IsLeftToMigrate()
    {
        // Arrange
        using var db = Context(DatabaseProvider.Sqlite, compiledModel: true);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE Something (Id INTEGER)");

        // Act
        var created = await FreshSqliteDatabase.CreateIfEmptyAsync(db, CancellationToken.None);

        // Assert
        Assert.False(created);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task AFileDatabaseMadeAtStartUp_IsInWriteAheadLogMode()
    {
        // Arrange: a new SQLite file, made as start-up makes it (the script, then the demo world)
        if (TestProvider.IsPostgres)
        {
            return;
        }

        await using var file = await TempDatabaseFile.CreateSeededAsync(TimeProvider.System);

        // Act: what a connection of its own reads (the mode is kept in the file)
        await using var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = (string?)await command.ExecuteScalarAsync();

        // Assert: readers are not locked out by each commit, and commits are not each flushed to disk
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task ThePendingMigrationsProbe_AnswersWhatEfCoreAnswers_BeforeDuringAndAfterMigrating()
    {
        // Arrange: a database with no table, one with every migration, and one whose history lacks the last migration
        using var empty = Context(DatabaseProvider.Sqlite, compiledModel: true);
        using var migrated = Context(DatabaseProvider.Sqlite, compiledModel: true);
        await FreshSqliteDatabase.CreateIfEmptyAsync(migrated, CancellationToken.None);
        using var behind = Context(DatabaseProvider.Sqlite, compiledModel: true);
        await FreshSqliteDatabase.CreateIfEmptyAsync(behind, CancellationToken.None);
        var last = (await behind.Database.GetAppliedMigrationsAsync()).Last();
        await behind.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");

        foreach (var db in new[] { empty, migrated, behind })
        {
            // Act
            var probed = await StartupProbe.PendingMigrationsAsync(db, CancellationToken.None);

            // Assert
            Assert.Equal(await db.Database.GetPendingMigrationsAsync(), probed);
        }

        Assert.Equal([last], await StartupProbe.PendingMigrationsAsync(behind, CancellationToken.None));
    }

    [Fact]
    public async Task TheAnyRowProbe_SeesARowInAnyOfTheTablesAskedAbout()
    {
        // Arrange
        using var db = Context(DatabaseProvider.Sqlite, compiledModel: true);
        await FreshSqliteDatabase.CreateIfEmptyAsync(db, CancellationToken.None);
        Type[] asked = [typeof(EcsConsole.Domain.Accounts.Account), typeof(EcsConsole.Domain.Regions.Region)];
        var before = await StartupProbe.AnyRowAsync(db, asked, CancellationToken.None);

        // Act
        db.Regions.Add(new EcsConsole.Domain.Regions.Region { Id = "cn-test", Name = "Test", Infix = "tst" });
        await db.SaveChangesAsync();
        var after = await StartupProbe.AnyRowAsync(db, asked, CancellationToken.None);

        // Assert
        Assert.False(before);
        Assert.True(after);
    }

    /// <summary>
    /// The model's entity types, properties, keys, indexes and navigations (its debug string without annotations, which a
    /// compiled model places differently), then every column's store type and converter.
    /// </summary>
    private static string Fingerprint(IModel model)
    {
        var lines = new List<string>();
        var skipDeeperThan = -1;
        foreach (var line in model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n'))
        {
            var indent = line.Length - line.TrimStart().Length;
            if (skipDeeperThan >= 0 && indent > skipDeeperThan)
            {
                continue;
            }

            skipDeeperThan = line.Trim() == "Annotations:" ? indent : -1;
            if (skipDeeperThan < 0)
            {
                lines.Add(line.TrimEnd());
            }
        }

        lines.AddRange(model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p =>
                $"{e.Name}.{p.Name}: {((Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)p.GetTypeMapping()).StoreType} via {p.GetTypeMapping().Converter?.ProviderClrType.Name ?? "-"}"))
            .Concat(model.GetRelationalModel().Tables.SelectMany(t => t.Columns.Select(c =>
                $"{t.Name}.{c.Name}: {c.StoreType}, max {c.MaxLength}, nullable {c.IsNullable}")))
            .Order(StringComparer.Ordinal));
        return string.Join('\n', lines);
    }

    /// <summary>Every table, index and trigger's SQL, and the migration history, in a stable order.</summary>
    private static async Task<List<string>> Schema(ConsoleDbContext db) =>
    [
        .. (await db.Database.SqlQueryRaw<string>(
                "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS \"Value\" FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock'")
            .ToListAsync()).Order(StringComparer.Ordinal),
        .. await db.Database.GetAppliedMigrationsAsync(),
    ];

    /// <summary>A context on the provider (PostgreSQL's is never opened: models need no server), with or without the compiled model.</summary>
    private ConsoleDbContext Context(DatabaseProvider provider, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<ConsoleDbContext>();
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql("Host=localhost;Database=ecsconsole-model", o => o.MigrationsAssembly(ConsoleDatabase.PostgresMigrationsAssembly));
            if (compiledModel)
            {
                options.UseModel(EcsConsole.Domain.Persistence.CompiledModels.Postgres.ConsoleDbContextModel.Instance);
            }
        }
        else
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            _connections.Add(connection);
            options.UseSqlite(connection);
            if (compiledModel)
            {
                options.UseModel(EcsConsole.Domain.Persistence.CompiledModels.Sqlite.ConsoleDbContextModel.Instance);
            }
        }

        return new ConsoleDbContext(options.Options);
    }

    private static string Normalized(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');

    private static string FirstDifference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        string Around(string s) => s.Substring(Math.Max(0, at - 200), Math.Min(400, s.Length - Math.Max(0, at - 200)));
        return $"First difference at {at}:\n--- expected ---\n{Around(expected)}\n--- actual ---\n{Around(actual)}";
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
