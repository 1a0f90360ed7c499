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
        await InsertWithTheColumnsOfThenAsync(db, connection, earlier);

        // Act
        await migrator.MigrateAsync();

        // Assert
        Assert.True(await db.Users.AsNoTracking().Where(u => u.Id == earlier.Id).Select(u => u.EmailConfirmed).SingleAsync());
    }

    /// <summary>
    /// Inserts the user with only the columns the table had then (the current model has columns later migrations added,
    /// such as the dark theme's), each value read from the entity as EF would write it.
    /// </summary>
    private static async Task InsertWithTheColumnsOfThenAsync(ConsoleDbContext db, SqliteConnection connection, ConsoleUser user)
    {
        var columns = new List<string>();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "SELECT name FROM pragma_table_info('AspNetUsers')";
            await using var reader = await pragma.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var entry = db.Entry(user);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO AspNetUsers ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var column in columns)
        {
            var property = entry.Metadata.GetProperties().Single(p => p.GetColumnName() == column);
            var value = entry.Property(property.Name).CurrentValue;
            var converter = property.GetTypeMapping().Converter;
            insert.Parameters.AddWithValue("$" + column, (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value);
        }

        await insert.ExecuteNonQueryAsync();
        entry.State = EntityState.Detached;
    }
}
