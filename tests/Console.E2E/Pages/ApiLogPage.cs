namespace EcsConsole.E2E.Pages;

/// <summary><c>/api-log</c>: the account's recent ECS API calls, live, filtered through the URL (ui-contract §4).</summary>
public sealed class ApiLogPage(IPage page) : ConsolePage(page)
{
    public Table Calls { get; } = new(page, "api-log-table", "api-call-row-");

    public ILocator Status(string requestId) => TestId($"api-call-status-{requestId}");

    public ILocator ErrorCode(string requestId) => TestId($"api-call-error-{requestId}");

    public ILocator Parameters(string requestId) => TestId($"api-call-parameters-{requestId}");

    public Task OpenAsync(string query = "") => GotoAsync("/api-log" + query);
}
