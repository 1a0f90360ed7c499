namespace EcsConsole.E2E.Pages;

/// <summary><c>/simulation</c> (platform admin): the simulation control's buttons and the pending faults (ui-contract §4).</summary>
public sealed class SimulationPage(IPage page) : ConsolePage(page)
{
    public Table Faults { get; } = new(page, "faults-table", "fault-row-");

    public ILocator SimulatedNow => TestId("simulated-now");

    public ILocator TasksCompleted => TestId("tasks-completed");

    public Task OpenAsync() => GotoAsync("/simulation");

    /// <summary>Opens <c>Add Fault</c> and fills it (an API fault); the caller submits or expects a refusal.</summary>
    public async Task<ConsoleDialog> FillApiFaultAsync(string action, string code, int httpStatus, int count)
    {
        await Button("Add Fault").ClickAsync();
        var dialog = new ConsoleDialog(Page, "Add Fault");
        await dialog.ExpectOpenAsync();
        await dialog.Field("Action", exact: true).FillAsync(action);
        await dialog.Field("Code", exact: true).FillAsync(code);
        await dialog.Field("HTTP Status", exact: true).FillAsync(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.Field("Count", exact: true).FillAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return dialog;
    }

    public async Task AdvanceClockAsync(int minutes)
    {
        await Page.GetByLabel("Advance by").FillAsync(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Button("Advance Clock").ClickAsync();
    }
}
