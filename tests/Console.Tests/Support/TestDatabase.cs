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
    private readonly SqliteConnection _connection;

    public TestDatabase()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        Options = new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite(_connection).Options;
        Factory = new OptionsFactory(Options);
        using var db = Factory.CreateDbContext();
        db.Database.Migrate();
    }

    public DbContextOptions<ConsoleDbContext> Options { get; }

    public IDbContextFactory<ConsoleDbContext> Factory { get; }

    /// <summary>The clock every service of this database reads: 2026-11-23 10:00 UTC unless a test moves it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public ConsoleDbContext NewContext() => Factory.CreateDbContext();

    /// <summary>Seeds the demo world of ui-contract §2 exactly as start-up does.</summary>
    public async Task<TestDatabase> WithDemoWorldAsync()
    {
        await NewInitializer().SeedAsync();
        return this;
    }

    public DatabaseInitializer NewInitializer() =>
        new(Factory, new PlainSecretProtector(), Time, NullLogger<DatabaseInitializer>.Instance);

    public AccountService Accounts() => new(Factory, new IdGenerator(), Time);

    /// <summary>The actor of a demo user, by email.</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = NewContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (await Accounts().GetActorAsync(id)).Value;
    }

    public void Dispose() => _connection.Dispose();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

}

/// <summary>A reversible stand-in for Data Protection in domain tests: the secret, marked.</summary>
public sealed class PlainSecretProtector : ISecretProtector
{
    public string Protect(string secret) => "protected:" + secret;

    public string Unprotect(string protectedSecret) => protectedSecret["protected:".Length..];
}
