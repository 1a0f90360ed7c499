namespace EcsConsole.E2E.Pages;

/// <summary><c>/image-builder/executions</c>: build tasks (<c>execution-row-&lt;exec-id&gt;</c>) with their state word, error code and <c>Log</c>.</summary>
public sealed class BuildTasksPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "executions-table", "execution-row-");

    public ILocator Row(string executionId) => Table.Row(executionId);

    public ILocator Status(string executionId) => TestId($"execution-status-{executionId}");

    public ILocator Error(string executionId) => TestId($"execution-error-{executionId}");

    public ILocator Log(string executionId) => TestId($"execution-log-{executionId}");

    public Task OpenAsync(string region, string templateId) => GotoAsync($"/image-builder/executions?region={region}&template={templateId}");

    /// <summary>The ID of the one build of <paramref name="templateId"/> listed (each row names its template).</summary>
    public Task<string> BuildIdOfTemplateAsync(string templateId) => Table.IdOfAsync(Table.Rows.Filter(new() { HasText = templateId }));

    public Task ShowLogAsync(string executionId) => Row(executionId).GetByRole(AriaRole.Button, new() { Name = "Log" }).ClickAsync();
}
