using EcsConsole.Domain;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The web host checkpoints its SQLite file's write-ahead log beside the writers (issue #20): no commit copies the log
/// into the database file (that stalled the nonce group behind it), the background service does.
/// </summary>
public sealed class SqliteCheckpointTests
{
    private static async Task<long> AutoCheckpointPagesAsync(IDbContextFactory<ConsoleDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task TheWebHostsCommits_DoNotCheckpoint_AndItsBackgroundServiceCopiesTheWholeLog()
    {
        // Arrange
        if (TestProvider.IsPostgres)
        {
            return; // PostgreSQL has no write-ahead log for the console to checkpoint
        }

        await using var console = new ConsoleAppFactory();
        _ = console.CreateClient();
        var factory = console.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>();
        var checkpoints = console.Services.GetRequiredService<SqliteCheckpointService>();

        // A connection open throughout (no transaction: it holds no snapshot back): when the pool closes its idle
        // connections, the last one to close copies the log into the file and deletes it, and every checkpoint after
        // that finds an empty log, which the wait below took for "not yet" until the test run timed out.
        await using var keepsTheLog = await factory.CreateDbContextAsync();
        await keepsTheLog.Database.OpenConnectionAsync();
        await checkpoints.NextCheckpoint.WaitAsync(TimeSpan.FromSeconds(30));

        // Act: a few hundred commits, as API calls make them
        var nonces = console.Services.GetRequiredService<SignatureNonceService>();
        for (var i = 0; i < 300; i++)
        {
            Assert.True(await nonces.TryUseAsync("LTAI-checkpoint-test", $"nonce-{i}"));
        }

        // Assert: the commits left the copying to the service, which copies all of the log once nobody reads it
        Assert.Equal(0, await AutoCheckpointPagesAsync(factory));
        (long InLog, long Copied) last;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint copied the whole log within 60 s; the last: {checkpoints.Last}");
            await checkpoints.NextCheckpoint.WaitAsync(TimeSpan.FromSeconds(30));
            last = checkpoints.Last;
        }
        while (last.InLog == 0 || last.Copied < last.InLog);

        Assert.Equal(last.InLog, last.Copied);
    }

    [Fact]
    public async Task ADomainWithoutTheService_LeavesCheckpointsToSqlite()
    {
        // Arrange
        if (TestProvider.IsPostgres)
        {
            return;
        }

        await using var file = await TempDatabaseFile.CreateSeededAsync(TimeProvider.System);
        var services = new ServiceCollection().AddConsoleDomain($"Data Source={file.Path}").BuildServiceProvider();
        await using var _ = services;

        // Act
        var pages = await AutoCheckpointPagesAsync(services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>());

        // Assert: SQLite's own default, a checkpoint by the commit that finds 1,000 pages in the log
        Assert.Equal(1000, pages);
    }
}
