namespace EcsConsole.E2E.Pages;

/// <summary><c>/admin/audit</c>: every change and refusal, filtered through the URL.</summary>
public sealed class AuditPage(IPage page) : ConsolePage(page)
{
    public ILocator Table => TestId("audit-table");

    public Task OpenAsync(string region, string action, string resource) =>
        GotoAsync($"/admin/audit?region={region}&action={action}&resource={resource}");
}
