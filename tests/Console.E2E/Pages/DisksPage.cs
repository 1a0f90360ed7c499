namespace EcsConsole.E2E.Pages;

/// <summary>
/// <c>/disks</c> (ui-contract §4): rows <c>disk-row-&lt;id&gt;</c> (status in <c>disk-status-&lt;id&gt;</c>), button
/// <c>Create Disk</c>, row actions <c>Attach</c>, <c>Detach</c>, <c>Reset Disk</c> and <c>Delete</c> (test ids
/// <c>disk-attach-</c>, <c>disk-detach-</c>, <c>disk-reset-</c> and <c>disk-delete-&lt;id&gt;</c>).
/// </summary>
public sealed class DisksPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "disks-table", "disk-row-");

    public ILocator Row(string id) => Table.Row(id);

    public ILocator Status(string id) => TestId($"disk-status-{id}");

    public ILocator Attached(string id) => TestId($"disk-instance-{id}");

    public ILocator Action(string action, string id) => TestId($"disk-{action}-{id}");

    public Task OpenAsync(string region) => GotoAsync($"/disks?region={region}");

    /// <summary><c>Create Disk</c> in <paramref name="zoneId"/>, named <paramref name="name"/>; the dialog, left open for the caller to look at, then OK.</summary>
    public async Task<ConsoleDialog> OpenCreateAsync(string zoneId, string name)
    {
        await Button("Create Disk").ClickAsync();
        var dialog = new ConsoleDialog(Page, "Create Disk");
        await dialog.PickAsync("Zone", zoneId);
        await dialog.Field("Disk Name").FillAsync(name);
        return dialog;
    }

    /// <summary><c>Attach</c> on the row: the dialog, its instance picked by name, left open for the caller, then OK.</summary>
    public async Task<ConsoleDialog> OpenAttachAsync(string id, string instanceName)
    {
        await Action("attach", id).ClickAsync();
        var dialog = new ConsoleDialog(Page, "Attach Disk");
        await dialog.PickAsync("Target Instance", instanceName);
        return dialog;
    }

    /// <summary><c>Reset Disk</c> on the row: the dialog listing the disk's own snapshots, left open for the caller, then OK.</summary>
    public async Task<ConsoleDialog> OpenResetAsync(string id)
    {
        await Action("reset", id).ClickAsync();
        var dialog = new ConsoleDialog(Page, "Reset Disk");
        await dialog.ExpectOpenAsync();
        return dialog;
    }

    /// <summary><c>Detach</c> on the row, confirmed.</summary>
    public async Task DetachAsync(string id)
    {
        await Action("detach", id).ClickAsync();
        await ConfirmAsync();
    }

    /// <summary><c>Delete</c> on the row, confirmed.</summary>
    public async Task DeleteAsync(string id)
    {
        await Action("delete", id).ClickAsync();
        await ConfirmAsync();
    }
}
