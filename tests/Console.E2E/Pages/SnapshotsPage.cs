namespace EcsConsole.E2E.Pages;

/// <summary><c>/snapshots</c>: the table <c>snapshots-table</c> with the column <c>Used by image</c> and the row actions <c>Edit</c>, <c>Copy</c> and <c>Delete</c>.</summary>
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

    /// <summary><c>Edit</c> on the row: the dialog <c>Edit Snapshot</c>.</summary>
    public async Task<ConsoleDialog> EditAsync(string snapshotId)
    {
        await TestId($"snapshot-edit-{snapshotId}").ClickAsync();
        var dialog = new ConsoleDialog(Page, "Edit Snapshot");
        await dialog.ExpectOpenAsync();
        return dialog;
    }

    /// <summary><c>Copy</c> on the row: the dialog <c>Copy Snapshot</c>.</summary>
    public async Task<ConsoleDialog> CopyAsync(string snapshotId)
    {
        await TestId($"snapshot-copy-{snapshotId}").ClickAsync();
        var dialog = new ConsoleDialog(Page, "Copy Snapshot");
        await dialog.ExpectOpenAsync();
        return dialog;
    }
}
