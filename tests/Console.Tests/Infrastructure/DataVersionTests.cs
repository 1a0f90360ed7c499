using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Infrastructure;

/// <summary>
/// The database's data version (ADR-033): every committed change of a table an answer is made of gives it a new token,
/// whatever wrote it; what is written on every call (the nonces, the API log) does not; a change rolled back does not.
/// </summary>
public sealed class DataVersionTests
{
    [Fact]
    public async Task EveryTableOfTheModel_ButTheUnversionedOnes_CarriesTheTriggers()
    {
        // Arrange
        await using var database = new TestDatabase();
        await using var db = database.NewContext();
        var tables = DataVersionTriggers.VersionedTables(db.Model);

        // Act
        var found = TestProvider.IsPostgres
            ? await db.Database.SqlQueryRaw<string>(
                """SELECT c.relname || '/' || t.tgname AS "Value" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'DataVersion%'""").ToListAsync()
            : await db.Database.SqlQueryRaw<string>("""SELECT name AS "Value" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'DataVersion%'""").ToListAsync();

        // Assert: each versioned table has its triggers, and no trigger names a table that is not versioned
        var expected = tables.SelectMany(t => TestProvider.IsPostgres
            ? new[] { $"{t}/DataVersion_Change", $"{t}/DataVersion_Truncate" }
            : DataVersionTriggers.SqliteChanges.Select(change => DataVersionTriggers.SqliteTrigger(t, change))).Order(StringComparer.Ordinal);
        Assert.Equal(expected, found.Order(StringComparer.Ordinal));
        Assert.Contains("Images", tables);
        Assert.DoesNotContain("SignatureNonces", tables);
    }

    [Fact]
    public async Task AChangeOfAnImage_GivesANewVersion_AndANonceOrALogRecordDoesNot()
    {
        // Arrange
        await using var database = await new TestDatabase().WithDemoWorldAsync();
        var before = await VersionAsync(database);

        // Act: a nonce used; then an image renamed by a raw statement, as no service would
        await new SignatureNonceService(database.Factory, database.Time).TryUseAsync("LTAI5tDemoAlice000000001", "nonce-1");
        var afterNonce = await VersionAsync(database);
        await using (var db = database.NewContext())
        {
            await db.Images.Where(i => i.Name == "acme-base-v1").ExecuteUpdateAsync(s => s.SetProperty(i => i.Description, "changed"));
        }

        var afterRename = await VersionAsync(database);

        // Assert
        Assert.Equal(before, afterNonce);
        Assert.NotEqual(before, afterRename);
        Assert.Matches("^[0-9a-f-]{16,36}$", afterRename);
    }

    [Fact]
    public async Task AChangeRolledBack_LeavesTheVersion()
    {
        // Arrange
        await using var database = await new TestDatabase().WithDemoWorldAsync();
        var before = await VersionAsync(database);

        // Act
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Images.Where(i => i.Name == "acme-base-v1").ExecuteDeleteAsync();
            await tx.RollbackAsync();
        }

        // Assert
        Assert.Equal(before, await VersionAsync(database));
    }

    [Fact]
    public async Task ManyChangesInOneTransaction_GiveOneNewVersion_SeenOnlyOnceCommitted()
    {
        // Arrange
        await using var database = await new TestDatabase().WithDemoWorldAsync();
        var before = await VersionAsync(database);

        // Act: every image's description changed in one transaction; the version read from another connection before and after the commit
        string whileOpen;
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Images.ExecuteUpdateAsync(s => s.SetProperty(i => i.Description, "bulk"));
            whileOpen = TestProvider.IsPostgres ? await VersionAsync(database) : before; // one SQLite in-memory connection: no second reader
            await tx.CommitAsync();
        }

        // Assert
        Assert.Equal(before, whileOpen);
        Assert.NotEqual(before, await VersionAsync(database));
    }

    private static async Task<string> VersionAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.DataVersions.Select(v => v.Version).SingleAsync();
    }
}
