using EcsConsole.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EcsConsole.Tests.Domain.Persistence;

/// <summary>
/// The EF Core model the code builds (entity configurations and the conventions of <see cref="ConsoleDbContext"/>) is
/// the model the checked-in migrations were made from: a change to the mapping that needs a schema change fails here
/// until its migration is added, and a refactoring of the mapping that would change the schema by accident fails too.
/// </summary>
public sealed class ModelSnapshotTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void TheModel_HasNoChangesTheMigrationsDoNotHave(DatabaseProvider provider)
    {
        // Arrange: a context built as the tests' databases are (no web host), on each provider with its own migrations
        using var db = NewContext(provider);

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending, "The model differs from the migrations' snapshot: add a migration, or undo the mapping change.");
    }

    /// <summary>
    /// SQLite stores every string as TEXT, so the migrations' differ does not see a changed length there (a server
    /// database would); this compares every column's facets with the snapshot's directly.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void EveryColumn_HasTheTypeLengthAndNullabilityOfTheMigrationsSnapshot(DatabaseProvider provider)
    {
        // Arrange
        using var db = NewContext(provider);
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        Assert.NotNull(snapshot);
        if (snapshot is IMutableModel mutable)
        {
            snapshot = mutable.FinalizeModel();
        }

        var migrated = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot, designTime: true, validationLogger: null);

        // Act
        var expected = Columns(migrated);
        var current = Columns(db.GetService<IDesignTimeModel>().Model);

        // Assert
        Assert.Empty(current.Except(expected).Select(c => "model:    " + c).Concat(expected.Except(current).Select(c => "snapshot: " + c)));
    }

    /// <summary>A context on the provider; PostgreSQL's is never opened (the model and migrations need no server).</summary>
    private ConsoleDbContext NewContext(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new ConsoleDbContext((DbContextOptions<ConsoleDbContext>)new DbContextOptionsBuilder<ConsoleDbContext>()
                .Use(DatabaseProvider.Postgres, "Host=localhost;Database=ecsconsole-model").Options);
        }

        _connection.Open();
        return new ConsoleDbContext(new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite(_connection).Options);
    }

    private static List<string> Columns(IModel model) =>
    [
        .. model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Select(c =>
                $"{t.Name}.{c.Name}: {c.StoreType}, max length {c.MaxLength}, nullable {c.IsNullable}, unicode {c.IsUnicode}, " +
                $"fixed length {c.IsFixedLength}, precision {c.Precision}, scale {c.Scale}"))
            .Order(StringComparer.Ordinal),
    ];

    public void Dispose() => _connection.Dispose();
}
