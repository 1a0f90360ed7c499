using EcsConsole.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Persistence;

/// <summary>
/// The EF Core model the code builds (entity configurations and the conventions of <see cref="ConsoleDbContext"/>) is
/// the model the checked-in migrations were made from: a change to the mapping that needs a schema change fails here
/// until its migration is added, and a refactoring of the mapping that would change the schema by accident fails too.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void TheModel_HasNoChangesTheMigrationsDoNotHave()
    {
        // Arrange: a context built as the tests' databases are (SQLite, no web host)
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new ConsoleDbContext(new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite(connection).Options);

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending, "The model differs from the migrations' snapshot: add a migration, or undo the mapping change.");
    }
}
