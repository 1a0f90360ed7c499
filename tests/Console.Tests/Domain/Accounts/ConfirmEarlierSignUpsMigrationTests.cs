using EcsConsole.Tests.Support;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EcsConsole.Tests.Domain.Accounts;

/// <summary>Self-registered users confirm their email now; those who signed up before keep signing in after the upgrade.</summary>
public sealed class ConfirmEarlierSignUpsMigrationTests
{
    [SqliteOnlyFact]
    public async Task UpgradingADatabase_ConfirmsTheUsersWhoSignedUpBeforeConfirmationWasRequired()
    {
        // Arrange: a database of the release before, with a sign-up nobody confirmed
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new ConsoleDbContext(new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite(connection).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("AuthSessions");
        var earlier = ConsoleUser.Create("earlier@example.test", "Demo@12345");
        earlier.EmailConfirmed = false;
        db.Users.Add(earlier);
        await db.SaveChangesAsync();

        // Act
        await migrator.MigrateAsync();

        // Assert
        Assert.True(await db.Users.AsNoTracking().Where(u => u.Id == earlier.Id).Select(u => u.EmailConfirmed).SingleAsync());
    }
}
