using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Seeding;

/// <summary>
/// A fresh SQLite database gets the demo world from <c>DemoWorld.sql</c> (issue #20's cold start): the script is what the
/// demo world's entities write, and a world it writes is, table by table and row by row, the world the entities write.
/// </summary>
public sealed class DemoWorldScriptTests
{
    /// <summary>Set to 1 to write the script the entities make into the source tree (scripts/compile-model.sh does).</summary>
    private const string WriteSetting = "ECSCONSOLE_WRITE_DEMO_WORLD_SCRIPT";

    [Fact]
    public async Task TheScript_IsWhatTheDemoWorldsEntitiesWrite()
    {
        if (TestProvider.IsPostgres)
        {
            return;
        }

        // Arrange
        var expected = await DemoWorldScriptWriter.ScriptAsync();
        var write = Environment.GetEnvironmentVariable(WriteSetting) == "1";
        if (write)
        {
            await File.WriteAllTextAsync(DemoWorldScriptWriter.SourcePath, expected);
        }

        // Act: the script this build embeds (or, when writing, the file the next build embeds)
        var embedded = (write ? await File.ReadAllTextAsync(DemoWorldScriptWriter.SourcePath) : DemoWorldScript.Script())
            .Replace("\r\n", "\n", StringComparison.Ordinal);

        // Assert
        Assert.True(expected == embedded,
            $"DemoWorld.sql is stale: regenerate it with scripts/compile-model.sh (or {WriteSetting}=1 and this test).");
    }

    [Theory]
    [InlineData("2026-11-23T10:00:00.1234567+00:00")]
    [InlineData("2028-02-29T23:59:59.9999999+00:00")]
    public async Task AWorldWrittenByTheScript_IsTheWorldTheEntitiesWrite(string at)
    {
        if (TestProvider.IsPostgres)
        {
            return;
        }

        // Arrange
        var now = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var secrets = DemoWorld.AccessKeys.ToDictionary(k => k.Id, k => "protected:" + k.Secret);
        await using var byEntities = await DemoWorldScriptWriter.SeededByEntitiesAsync(now, secrets);
        await using var byScript = await DemoWorldScriptWriter.SchemaOnlyAsync();

        // Act
        bool written;
        await using (var db = byScript.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            written = await DemoWorldScript.TryWriteAsync(db, now, secrets, CancellationToken.None);
            await tx.CommitAsync();
        }

        // Assert: every table, those the triggers keep and the search index included
        Assert.True(written);
        var expected = Canonical(await SqliteRows.ReadAsync(byEntities.Connection));
        var actual = Canonical(await SqliteRows.ReadAsync(byScript.Connection));
        Assert.Equal(expected.Count, actual.Count);
        Assert.Contains(expected, line => line.StartsWith("AspNetUsers:", StringComparison.Ordinal));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public async Task AScriptMadeForAnotherSchema_IsNotUsed_AndWritesNothing()
    {
        if (TestProvider.IsPostgres)
        {
            return;
        }

        // Arrange: the script as if made before the last migration
        var script = DemoWorldScript.Script().Replace(DemoWorldScript.MigrationHeader, DemoWorldScript.MigrationHeader + "0_Older", StringComparison.Ordinal);
        await using var database = await DemoWorldScriptWriter.SchemaOnlyAsync();
        await using var db = database.NewContext();
        var before = (await SqliteRows.ReadAsync(database.Connection)).Sum(table => table.Rows.Count);

        // Act
        var written = await DemoWorldScript.TryWriteAsync(db, script, TestDatabase.Start, new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        Assert.False(written);
        Assert.Equal(before, (await SqliteRows.ReadAsync(database.Connection)).Sum(table => table.Rows.Count));
    }

    /// <summary>
    /// Every row as one line ("table: cell | cell …"), the data version's random value replaced by a constant.
    /// </summary>
    private static List<string> Canonical(List<TableRows> tables)
    {
        var lines = new List<string>();
        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                var cells = row.Select((cell, c) => cell switch
                {
                    _ when table.Name == "DataVersion" && table.Columns[c] == "Version" => "(version)",
                    byte[] bytes => Convert.ToHexString(bytes),
                    null => "NULL",
                    _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture),
                });
                lines.Add($"{table.Name}: {string.Join(" | ", cells)}");
            }
        }

        return lines;
    }
}
