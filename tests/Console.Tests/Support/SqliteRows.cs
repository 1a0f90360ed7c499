using Microsoft.Data.Sqlite;

namespace EcsConsole.Tests.Support;

/// <summary>One table's rows as SQLite holds them: each cell a <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// byte array or null, the rows in the table's own order (rowid, or every column for a table without one).</summary>
public sealed record TableRows(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>Reads whole SQLite databases table by table (DemoWorldScript's generator and the tests that compare worlds).</summary>
public static class SqliteRows
{
    /// <summary>
    /// The ordinary tables of <paramref name="connection"/>'s main database, by name, with their rows; a full-text index
    /// is read through its virtual table (rowid and columns), never through the shadow tables that store it.
    /// </summary>
    public static async Task<List<TableRows>> ReadAsync(SqliteConnection connection, Func<string, bool>? include = null)
    {
        var tables = new List<(string Name, string Type, bool WithoutRowid)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0));
            }
        }

        var result = new List<TableRows>();
        foreach (var (name, type, withoutRowid) in tables.Where(t => include?.Invoke(t.Name) ?? true))
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = "SELECT name FROM pragma_table_info($table) ORDER BY cid";
                info.Parameters.AddWithValue("$table", name);
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            var virtualTable = type == "virtual";
            var selected = (virtualTable ? ["rowid"] : Array.Empty<string>()).Concat(columns).ToList();
            var order = withoutRowid ? string.Join(", ", Enumerable.Range(1, columns.Count)) : "rowid";
            var rows = new List<object?[]>();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT {string.Join(", ", selected.Select(Quoted))} FROM {Quoted(name)} ORDER BY {order}";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var row = new object?[selected.Count];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    }

                    rows.Add(row);
                }
            }

            result.Add(new TableRows(name, selected, rows));
        }

        return result;
    }

    public static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
