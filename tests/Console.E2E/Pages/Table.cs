namespace EcsConsole.E2E.Pages;

/// <summary>
/// A list table of the console: its rows are <c>&lt;prefix&gt;&lt;id&gt;</c> test ids, and a resource is found the way a
/// person finds it, by the name shown in its row.
/// </summary>
public sealed class Table(IPage page, string tableTestId, string rowPrefix)
{
    public ILocator Root => page.GetByTestId(tableTestId);

    public ILocator Rows => Root.Locator($"tbody tr[data-testid^='{rowPrefix}']");

    public ILocator Row(string id) => page.GetByTestId(rowPrefix + id);

    /// <summary>The rows whose name (a cell line of its own) is exactly <paramref name="name"/>.</summary>
    public ILocator RowsNamed(string name) => Rows.Filter(new() { Has = page.GetByText(name, new() { Exact = true }) });

    /// <summary>The ID of the one row named <paramref name="name"/>, read from its test id (waits for it to show).</summary>
    public Task<string> IdOfAsync(string name) => IdOfAsync(RowsNamed(name));

    /// <summary>The ID of the one row <paramref name="row"/> matches, read from its test id (waits for it to show).</summary>
    public async Task<string> IdOfAsync(ILocator row)
    {
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var testId = await row.GetAttributeAsync("data-testid") ?? throw new InvalidOperationException($"A {rowPrefix} row without a test id");
        return testId[rowPrefix.Length..];
    }
}
