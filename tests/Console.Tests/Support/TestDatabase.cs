using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EcsConsole.Tests.Support;

/// <summary>
/// A real SQLite database in memory, migrated with the checked-in migrations, alive as long as this object
/// (one open connection keeps it). Services get its <see cref="Factory"/>; tests seed the demo world or their own.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>The clock's start; a demo world seeded at this time is the same in every test and is copied, not rebuilt.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lock TemplateGate = new();
    private static SqliteConnection? _migrated;
    private static SqliteConnection? _seeded;
    private readonly SqliteConnection? _connection;

    /// <summary>On PostgreSQL (<see cref="TestProvider"/>): this test's own database, copied from a template of the run.</summary>
    private readonly string? _database;

    private readonly DbContextOptions<ConsoleDbContext> _options;

    /// <summary>
    /// On PostgreSQL, whether <see cref="_database"/> exists yet. It is made on first use (a context, the options), as a
    /// copy of the migrated template, or by <see cref="WithDemoWorldAsync"/> straight as a copy of the seeded one: most
    /// tests seed first, and a migrated copy made only to be replaced cost each of them a second copy and drop (ADR-034).
    /// </summary>
    private bool _created;

    private readonly Lock _creation = new();

    public TestDatabase()
    {
        if (TestProvider.IsPostgres)
        {
            _database = TestProvider.NewDatabaseName();
            _options = (DbContextOptions<ConsoleDbContext>)new DbContextOptionsBuilder<ConsoleDbContext>()
                .Use(DatabaseProvider.Postgres, TestProvider.ConnectionString(_database)).Options;
            Factory = new CreatingFactory(this);
            return;
        }

        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        // A Skip or Take without an order picks rows at the database's whim: a test that meets one fails (EF warning 10102).
        _options = new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite(_connection)
            .ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning)).Options;
        Factory = new OptionsFactory(_options);
        CopyFrom(MigratedTemplate());
    }

    /// <summary>The options of this database (on PostgreSQL, asking for them makes the database if it is not made yet).</summary>
    public DbContextOptions<ConsoleDbContext> Options
    {
        get
        {
            EnsureCreated();
            return _options;
        }
    }

    public IDbContextFactory<ConsoleDbContext> Factory { get; }

    /// <summary>The clock every service of this database reads: 2026-11-23 10:00 UTC unless a test moves it.</summary>
    public FakeTimeProvider Time { get; } = new(Start);

    public ConsoleDbContext NewContext() => Factory.CreateDbContext();

    /// <summary>
    /// Seeds the demo world of ui-contract §2 exactly as start-up does. The seed is deterministic (fixed IDs, the clock's
    /// start time), so it is built once per test run and copied into each database with SQLite's backup API; a test that
    /// moved the clock first gets a world seeded at its own time.
    /// </summary>
    public async Task<TestDatabase> WithDemoWorldAsync()
    {
        if (Time.GetUtcNow() != Start)
        {
            await NewInitializer().SeedAsync();
            return this;
        }

        if (_database is not null)
        {
            var seeded = await PostgresTemplates.SeededAsync();
            lock (_creation)
            {
                if (_created)
                {
                    // Made already (something used it before the seed): replaced by a copy of the seeded template.
                    TestProvider.Replace(_database, seeded);
                }
                else
                {
                    TestProvider.Create(_database, seeded);
                    _created = true;
                }
            }

            return this;
        }

        CopyFrom(await SeededTemplateAsync());
        return this;
    }

    private static SqliteConnection MigratedTemplate()
    {
        lock (TemplateGate)
        {
            if (_migrated is null)
            {
                var connection = new SqliteConnection("Data Source=:memory:");
                connection.Open();
                using var db = new ConsoleDbContext(new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite(connection).Options);
                db.Database.Migrate();
                _migrated = connection;
            }

            return _migrated;
        }
    }

    private static async Task<SqliteConnection> SeededTemplateAsync()
    {
        lock (TemplateGate)
        {
            if (_seeded is not null)
            {
                return _seeded;
            }
        }

        // Built outside the lock (seeding is async); if two tests race, one template wins and the other is dropped.
        var builder = new TestDatabase();
        await builder.NewInitializer().SeedAsync();
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        builder._connection!.BackupDatabase(connection);
        builder.Dispose();
        lock (TemplateGate)
        {
            if (_seeded is null)
            {
                _seeded = connection;
                return connection;
            }
        }

        connection.Dispose();
        return _seeded;
    }

    /// <summary>On PostgreSQL: makes this test's database, a copy of the migrated template, unless it is made already.</summary>
    private void EnsureCreated()
    {
        if (_database is null)
        {
            return;
        }

        lock (_creation)
        {
            if (!_created)
            {
                TestProvider.Create(_database, PostgresTemplates.Migrated());
                _created = true;
            }
        }
    }

    /// <summary>Makes the database (<see cref="EnsureCreated"/>) before it hands out the first context.</summary>
    private sealed class CreatingFactory(TestDatabase database) : IDbContextFactory<ConsoleDbContext>
    {
        public ConsoleDbContext CreateDbContext()
        {
            database.EnsureCreated();
            return new ConsoleDbContext(database._options);
        }
    }

    private void CopyFrom(SqliteConnection template)
    {
        lock (TemplateGate)
        {
            template.BackupDatabase(_connection!);
        }
    }

    public DatabaseInitializer NewInitializer() =>
        new(Factory, new PlainSecretProtector(), Time, NullLogger<DatabaseInitializer>.Instance);

    public AccountService Accounts() => new(Factory, new IdGenerator(), Time, new AuditedWrite(Factory, Time));

    /// <summary>The actor of a demo user, by email.</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = NewContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (await Accounts().GetActorAsync(id)).Value;
    }

    public void Dispose()
    {
        _connection?.Dispose();
        bool created;
        lock (_creation)
        {
            created = _created;
        }

        if (_database is not null && created)
        {
            TestProvider.DropLater(_database);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The PostgreSQL templates of this test run, built once: a database migrated with the PostgreSQL migrations, and one
/// with the demo world seeded at <see cref="TestDatabase.Start"/> (as start-up seeds it).
/// </summary>
internal static class PostgresTemplates
{
    private static readonly Lazy<string> MigratedTemplate = new(BuildMigrated);
    private static readonly Lazy<Task<string>> SeededTemplate = new(BuildSeededAsync);

    public static string Migrated() => MigratedTemplate.Value;

    public static Task<string> SeededAsync() => SeededTemplate.Value;

    private static string BuildMigrated()
    {
        var name = TestProvider.NewDatabaseName();
        TestProvider.Create(name);
        using (var db = new ConsoleDbContext((DbContextOptions<ConsoleDbContext>)new DbContextOptionsBuilder<ConsoleDbContext>()
            .Use(DatabaseProvider.Postgres, TestProvider.ConnectionString(name)).Options))
        {
            db.Database.Migrate();
        }

        TestProvider.MarkTemplate(name);
        return name;
    }

    private static async Task<string> BuildSeededAsync()
    {
        var name = TestProvider.NewDatabaseName();
        TestProvider.Create(name, Migrated());
        var factory = new OptionsFactory((DbContextOptions<ConsoleDbContext>)new DbContextOptionsBuilder<ConsoleDbContext>()
            .Use(DatabaseProvider.Postgres, TestProvider.ConnectionString(name)).Options);
        await new DatabaseInitializer(factory, new PlainSecretProtector(), new FakeTimeProvider(TestDatabase.Start),
            NullLogger<DatabaseInitializer>.Instance).SeedAsync();
        TestProvider.MarkTemplate(name);
        return name;
    }
}

/// <summary>A reversible stand-in for Data Protection in domain tests: the secret, marked.</summary>
public sealed class PlainSecretProtector : ISecretProtector
{
    public string Protect(string secret) => "protected:" + secret;

    public string Unprotect(string protectedSecret) => protectedSecret["protected:".Length..];
}
