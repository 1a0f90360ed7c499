namespace EcsConsole.E2E.Pages;

/// <summary>
/// <c>/snapshots/policies</c> (ui-contract §4): rows <c>policy-row-&lt;id&gt;</c>, button <c>Create Policy</c>, row actions
/// <c>Apply to Disks</c> and <c>Delete</c> (test ids <c>policy-apply-</c> and <c>policy-delete-&lt;id&gt;</c>), and a
/// <c>Cancel</c> per disk of the policy (<c>policy-cancel-&lt;id&gt;-&lt;diskId&gt;</c>).
/// </summary>
public sealed class AutoSnapshotPoliciesPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "auto-snapshot-policies-table", "policy-row-");

    public ILocator Row(string id) => Table.Row(id);

    public ILocator Disks(string id) => TestId($"policy-disks-{id}");

    public ILocator Action(string action, string id) => TestId($"policy-{action}-{id}");

    public Task OpenAsync(string region) => GotoAsync($"/snapshots/policies?region={region}");

    /// <summary><c>Create Policy</c> named <paramref name="name"/> (02:00 UTC+8 every day, kept 30 days: the dialog's defaults); the dialog, left open, then OK.</summary>
    public async Task<ConsoleDialog> OpenCreateAsync(string name)
    {
        await Button("Create Policy").ClickAsync();
        var dialog = new ConsoleDialog(Page, "Create Policy");
        await dialog.Field("Policy Name").FillAsync(name);
        return dialog;
    }

    /// <summary><c>Apply to Disks</c> on the row with the first disk offered ticked; the dialog, left open, and the disk's ID.</summary>
    public async Task<(ConsoleDialog Dialog, string DiskId)> OpenApplyAsync(string id)
    {
        await Action("apply", id).ClickAsync();
        var dialog = new ConsoleDialog(Page, "Apply to Disks");
        var box = dialog.Root.GetByRole(AriaRole.Checkbox).First;
        var testId = await box.EvaluateAsync<string>("e => (e.closest(\"[data-testid^='apply-disk-']\") ?? e.parentElement.closest(\"[data-testid]\")).getAttribute('data-testid')");
        var diskId = testId["apply-disk-".Length..];
        await box.CheckAsync();
        return (dialog, diskId);
    }

    /// <summary><c>Cancel</c> of the policy on one of its disks, confirmed.</summary>
    public async Task CancelAsync(string id, string diskId)
    {
        await TestId($"policy-cancel-{id}-{diskId}").ClickAsync();
        await ConfirmAsync();
    }

    /// <summary><c>Delete</c> on the row, confirmed.</summary>
    public async Task DeleteAsync(string id)
    {
        await Action("delete", id).ClickAsync();
        await ConfirmAsync();
    }
}
