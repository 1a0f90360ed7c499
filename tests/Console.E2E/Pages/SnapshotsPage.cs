namespace EcsConsole.E2E.Pages;

/// <summary><c>/snapshots</c>: the table <c>snapshots-table</c> with the column <c>Used by image</c> and the row action <c>Delete</c>.</summary>
public sealed class SnapshotsPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "snapshots-table", "snapshot-row-");

    public ILocator Row(string snapshotId) => Table.Row(snapshotId);

    /// <summary>The rows whose text (name, ID, source, images using it) contains <paramref name="text"/>.</summary>
    public ILocator RowsContaining(string text) => Table.Rows.Filter(new() { HasText = text });

    public ILocator UsedByImageHeader => Page.GetByRole(AriaRole.Columnheader, new() { Name = "Used by image" });

    public Task OpenAsync(string region) => GotoAsync($"/snapshots?region={region}");

    public Task<string> IdOfAsync(string name) => Table.IdOfAsync(name);

    /// <summary><c>Delete</c> on the row, confirmed.</summary>
    public async Task DeleteAsync(string snapshotId)
    {
        await TestId($"snapshot-delete-{snapshotId}").ClickAsync();
        await ConfirmAsync();
    }
}
