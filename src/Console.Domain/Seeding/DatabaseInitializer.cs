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
        // Several nodes starting together on one PostgreSQL database migrate and seed once: the first holds the lock,
        // the others wait for it and then find the database migrated and seeded (ADR-017).
        await using var startup = await dbFactory.CreateDbContextAsync(ct);
        await using var gate = await StartupLock.TakeAsync(startup, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // A fresh SQLite file gets every migration at once from one script (FreshSqliteDatabase). Migrate compares the
            // whole model with the last migration's snapshot before it looks for work (about half a second at start-up);
            // an up-to-date database has none, which the history table says in one query (StartupProbe: a plain command).
            if (db.Database.IsRelational())
            {
                await SqliteTuning.UseWriteAheadLogAsync(db, ct);
                await FreshSqliteDatabase.CreateIfEmptyAsync(db, ct);
                if ((await StartupProbe.PendingMigrationsAsync(db, ct)).Count > 0)
                {
                    await db.Database.MigrateAsync(ct);
                }
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
        if (await StartupProbe.AnyRowAsync(db, [typeof(Account), typeof(ConsoleUser), typeof(EcsConsole.Domain.Regions.Region)], ct))
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

    /// <summary>
    /// Writes the demo world through <paramref name="db"/>, inside the caller's transaction: on SQLite with the script made
    /// from the entities (<see cref="DemoWorldScript"/>, issue #20's cold start), elsewhere with the entities themselves.
    /// </summary>
    internal async Task SeedIntoAsync(ConsoleDbContext db, IReadOnlyDictionary<string, string> secrets, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!await DemoWorldScript.TryWriteAsync(db, now, secrets, ct))
        {
            await WriteEntitiesAsync(db, now, secrets, ct);
        }
    }

    /// <summary>Writes the demo world's entities through <paramref name="db"/> as of <paramref name="now"/>, and saves them.</summary>
    internal static async Task WriteEntitiesAsync(ConsoleDbContext db, DateTimeOffset now, IReadOnlyDictionary<string, string> secrets, CancellationToken ct)
    {
        // WorldBuilder adds every entity whole (its children and navigations set before it is added, its values only
        // changed while Added), so nothing is left for change detection to find: without it, the few thousand new entities
        // are not scanned again at each Entries call and at SaveChanges (issue #20's cold start), and their rows are the same.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var world = new WorldBuilder(db, new IdGenerator(new Random(DemoSeed)), now);
            DemoWorld.Build(world, secrets);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}

/// <summary>
/// PostgreSQL: a session advisory lock around migrate + seed, held on a connection of its own until disposed; nothing
/// on SQLite (one file, migrations take their own lock and the seed is one transaction).
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    private const string Key = "ecsconsole:initialize";
    private readonly ConsoleDbContext? _db;

    private StartupLock(ConsoleDbContext? db) => _db = db;

    public static async Task<StartupLock> TakeAsync(ConsoleDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsPostgres())
        {
            return new StartupLock(null);
        }

        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtextextended({Key}, 0))", ct);
        return new StartupLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtextextended({Key}, 0))");
            await _db.Database.CloseConnectionAsync();
        }
    }
}
