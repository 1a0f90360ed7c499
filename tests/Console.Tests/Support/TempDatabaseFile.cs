using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsConsole.Tests.Support;

/// <summary>
/// A real SQLite file with the demo world, for tests that need what an in-memory connection cannot give: several
/// concurrent connections (quota races) or a second host over the same file (restarts). Removed on dispose.
/// </summary>
public sealed class TempDatabaseFile : IAsyncDisposable
{
    private TempDatabaseFile(string path)
    {
        Path = path;
        Factory = TestProvider.IsPostgres
            ? new OptionsFactory((DbContextOptions<ConsoleDbContext>)new DbContextOptionsBuilder<ConsoleDbContext>()
                .Use(DatabaseProvider.Postgres, TestProvider.ConnectionString(path)).Options)
            : new OptionsFactory(new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite($"Data Source={path};Default Timeout=30").Options);
    }

    public string Path { get; }

    public IDbContextFactory<ConsoleDbContext> Factory { get; }

    /// <summary>Migrated and seeded as start-up does it.</summary>
    public static async Task<TempDatabaseFile> CreateSeededAsync(TimeProvider time)
    {
        // On PostgreSQL (TestProvider) the "file" is a database of its own on the server, named by Path.
        var file = TestProvider.IsPostgres
            ? new TempDatabaseFile(TestProvider.NewDatabaseName())
            : new TempDatabaseFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ecsconsole-test-{Guid.NewGuid():N}.db"));
        if (TestProvider.IsPostgres)
        {
            TestProvider.Create(file.Path, PostgresTemplates.Migrated());
        }

        await new DatabaseInitializer(file.Factory, new PlainSecretProtector(), time, NullLogger<DatabaseInitializer>.Instance).InitializeAsync();
        return file;
    }

    public ValueTask DisposeAsync()
    {
        if (TestProvider.IsPostgres)
        {
            TestProvider.DropLater(Path);
            return ValueTask.CompletedTask;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A context factory over fixed options.</summary>
public sealed class OptionsFactory(DbContextOptions<ConsoleDbContext> options) : IDbContextFactory<ConsoleDbContext>
{
    public ConsoleDbContext CreateDbContext() => new(options);
}
