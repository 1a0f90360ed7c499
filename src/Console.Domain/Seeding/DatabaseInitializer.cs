using EcsConsole.Domain.Accounts;
using Microsoft.Extensions.Logging;

namespace EcsConsole.Domain.Seeding;

/// <summary>
/// Start-up: applies migrations, then seeds the demo world into an empty database, in one transaction.
/// A database that holds any account or user is never touched (it never drops data).
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<ConsoleDbContext> dbFactory, ISecretProtector protector, TimeProvider time, ILogger<DatabaseInitializer> logger)
{
    /// <summary>The fixed seed for demo-world IDs: the same IDs on every fresh install.</summary>
    public const int DemoSeed = 20140526;

    public async Task InitializeAsync(bool seedDemoWorld = true, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (db.Database.IsRelational())
            {
                await db.Database.MigrateAsync(ct);
            }
        }

        if (seedDemoWorld)
        {
            await SeedAsync(ct);
        }
    }

    /// <summary>Seeds the demo world when the database is empty; returns whether it did.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Accounts.AnyAsync(ct) || await db.Users.AnyAsync(ct) || await db.Regions.AnyAsync(ct))
        {
            logger.LogInformation("Database is not empty: demo world not seeded");
            return false;
        }

        // Protect first: the Data Protection key ring may be written to this database, outside our transaction.
        var secrets = ProtectedDemoSecrets();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SeedIntoAsync(db, secrets, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Seeded the demo world");
        return true;
    }

    /// <summary>The demo AccessKeys' secrets, protected (before any transaction: protecting may write the key ring).</summary>
    internal IReadOnlyDictionary<string, string> ProtectedDemoSecrets() =>
        DemoWorld.AccessKeys.ToDictionary(k => k.Id, k => protector.Protect(k.Secret));

    /// <summary>Writes the demo world through <paramref name="db"/>, inside the caller's transaction.</summary>
    internal async Task SeedIntoAsync(ConsoleDbContext db, IReadOnlyDictionary<string, string> secrets, CancellationToken ct)
    {
        var world = new WorldBuilder(db, new IdGenerator(new Random(DemoSeed)), time.GetUtcNow());
        DemoWorld.Build(world, secrets);
        await db.SaveChangesAsync(ct);
    }
}
