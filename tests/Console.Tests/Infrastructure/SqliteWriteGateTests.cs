using EcsConsole.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Infrastructure;

/// <summary>The in-process gate of the per-call writers (issue #20): one per SQLite file, none where no file lock exists.</summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public void TwoContextsOnOneFile_NamedDifferently_ShareOneGate()
    {
        // Arrange
        var folder = Path.Combine(Path.GetTempPath(), $"ecsconsole-gate-{Guid.NewGuid():N}");
        using var byFullPath = Context($"Data Source={Path.Combine(folder, "console.db")}");
        using var byDottedPath = Context($"Data Source={Path.Combine(folder, ".", "console.db")}");
        using var otherFile = Context($"Data Source={Path.Combine(folder, "other.db")}");

        // Act
        var gate = SqliteWriteGate.For(byFullPath);

        // Assert
        Assert.NotNull(gate);
        Assert.Same(gate, SqliteWriteGate.For(byDottedPath));
        Assert.NotSame(gate, SqliteWriteGate.For(otherFile));
    }

    [Fact]
    public void AnInMemoryDatabase_HasNoGate()
    {
        // Arrange
        using var inMemory = Context("Data Source=:memory:");

        // Act
        var gate = SqliteWriteGate.For(inMemory);

        // Assert
        Assert.Null(gate);
    }

    private static ConsoleDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite(connectionString).Options);
}
