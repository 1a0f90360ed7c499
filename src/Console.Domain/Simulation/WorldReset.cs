using System.Diagnostics;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EcsConsole.Domain.Simulation;

/// <summary>
/// <c>POST /simulation/reset</c> (ui-contract §7, ADR-012): the database back to the freshly seeded demo world without a
/// restart. The world is seeded once per process into an in-memory SQLite template (as the tests' <c>TestDatabase</c>
/// does) and copied over the live file with SQLite's backup API — one pass under the database's write lock, so every
/// other connection, pooled ones included, sees the old world or the new one, never a mix. What is not the world is kept:
/// the Data Protection key ring (the template's AccessKey secrets are protected with it). The clock's offset and the
/// pending faults are part of the database and go with it. Afterwards the in-memory catalogues are forgotten, the clock
/// re-read, and a <see cref="ResourceKind.World"/> change published so that open pages reload. On PostgreSQL the world is
/// truncated and copied back from a template schema in one transaction instead (<see cref="PostgresWorldTemplate"/>, ADR-018).
/// </summary>
public sealed class WorldReset(
    IDbContextFactory<ConsoleDbContext> dbFactory,
    ISecretProtector protector,
    SimulatedClock clock,
    AsyncTaskEngine engine,
    ChangeNotifier changes,
    ILoggerFactory loggers)
{
    private readonly Lock _templateGate = new();
    private readonly PostgresWorldTemplate _postgres = new();
    private Task<SqliteConnection>? _template;

    /// <summary>Builds the template now (in the background at start-up), so the first reset costs no seeding. SQLite only:
    /// PostgreSQL reseeds in place.</summary>
    public async Task WarmUpAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!db.Database.IsPostgres())
        {
            await TemplateAsync();
        }
    }

    /// <summary>Replaces the live database with the demo world; returns how long it took.</summary>
    public async Task<TimeSpan> ResetAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await using (var probe = await dbFactory.CreateDbContextAsync(ct))
        {
            if (probe.Database.IsPostgres())
            {
                await engine.ExclusiveAsync(_ => ReseedPostgresAsync(ct), ct);
                return await AfterResetAsync(watch, ct);
            }
        }

        var template = await TemplateAsync().WaitAsync(ct);

        // Nothing of this process steps a task while the file is replaced (another node's runner is held by the lock).
        await engine.ExclusiveAsync(async _ =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var keyRing = await db.DataProtectionKeys.AsNoTracking().ToListAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            var live = (SqliteConnection)db.Database.GetDbConnection();
            await CopyOverAsync(template, live, ct);

            db.DataProtectionKeys.AddRange(keyRing.Select(k => new DataProtectionKey { Id = k.Id, FriendlyName = k.FriendlyName, Xml = k.Xml }));
            await db.SaveChangesAsync(ct);
            await db.Database.CloseConnectionAsync();
            SqliteConnection.ClearPool(live); // idle pooled connections are opened afresh on the new file
            return true;
        }, ct);

        return await AfterResetAsync(watch, ct);
    }

    /// <summary>
    /// The backup needs the live file's write lock and does not wait for it: a write of another connection in flight
    /// (the API log's batch, another node's runner) answers SQLITE_BUSY or SQLITE_LOCKED, and the copy is tried again
    /// shortly (for up to about five seconds; the live file is untouched until the copy gets the lock).
    /// </summary>
    private async Task CopyOverAsync(SqliteConnection template, SqliteConnection live, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                lock (_templateGate)
                {
                    // The copy carries the template's data version: a new one each time, so that no answer kept from an
                    // earlier copy of the same world is taken for this one (ADR-033).
                    using (var renew = template.CreateCommand())
                    {
                        renew.CommandText = $"UPDATE \"DataVersion\" SET \"Version\" = {Persistence.DataVersionTriggers.SqliteNewToken}";
                        renew.ExecuteNonQuery();
                    }

                    template.BackupDatabase(live);
                }

                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED && attempt < 250)
            {
                await Task.Delay(20, ct);
            }
        }
    }

    private async Task<TimeSpan> AfterResetAsync(Stopwatch watch, CancellationToken ct)
    {
        ReadOnce.ForgetAll();
        await clock.RefreshAsync(ct);
        changes.Publish(new ResourceChange(ResourceKind.World, "", "", null));
        return watch.Elapsed;
    }

    /// <summary>PostgreSQL (ADR-017, ADR-018): <see cref="PostgresWorldTemplate"/> — truncate and copy back in one transaction. TRUNCATE's
    /// exclusive locks make every other connection, on any node, wait and then see the new world, never a mix.
    /// TRUNCATE takes the world's tables one after another; a writer of another connection holding one of them while it
    /// waits for another (the API log's batch, a nonce, a task step) makes a deadlock, which PostgreSQL ends by failing
    /// one side — when that is the reset, its transaction was rolled back whole, and it runs again.</summary>
    private async Task<bool> ReseedPostgresAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _postgres.ResetAsync(dbFactory, new DatabaseInitializer(dbFactory, protector, clock, loggers.CreateLogger<DatabaseInitializer>()), ct);
                return true;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure
                && attempt < 5)
            {
                loggers.CreateLogger<WorldReset>().LogWarning(e, "The reset met a deadlock (attempt {Attempt}); running it again", attempt);
            }
        }
    }

    /// <summary>The template, built on first use; a failed build is tried again by the next reset.</summary>
    private Task<SqliteConnection> TemplateAsync()
    {
        lock (_templateGate)
        {
            if (_template is null || _template.IsFaulted || _template.IsCanceled)
            {
                _template = BuildTemplateAsync(CancellationToken.None);
            }

            return _template;
        }
    }

    /// <summary>Migrates an in-memory database and seeds the demo world into it exactly as start-up does, at the current time.</summary>
    private async Task<SqliteConnection> BuildTemplateAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        var factory = new TemplateFactory(new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite(connection)
            .UseModel(Persistence.CompiledModels.Sqlite.ConsoleDbContextModel.Instance).Options);
        await new DatabaseInitializer(factory, protector, clock, loggers.CreateLogger<DatabaseInitializer>()).InitializeAsync(ct: ct);
        return connection;
    }

    private sealed class TemplateFactory(DbContextOptions<ConsoleDbContext> options) : IDbContextFactory<ConsoleDbContext>
    {
        public ConsoleDbContext CreateDbContext() => new(options);
    }
}
