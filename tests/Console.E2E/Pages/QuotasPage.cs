namespace EcsConsole.E2E.Pages;

/// <summary><c>/admin/quotas</c>: <c>quota-row-&lt;account&gt;-&lt;quota&gt;</c> with Used / Limit, requests for an increase and their review.</summary>
public sealed class QuotasPage(IPage page) : ConsolePage(page)
{
    public ILocator Table => TestId("quotas-table");

    public ILocator Requests => TestId("quota-requests-table");

    public ILocator Row(string accountId, string quota) => TestId($"quota-row-{accountId}-{quota}");

    public ILocator Used(string accountId, string quota) => TestId($"quota-row-{accountId}-{quota}-used");

    public ILocator Limit(string accountId, string quota) => TestId($"quota-row-{accountId}-{quota}-limit");

    public Task OpenAsync(string region) => GotoAsync($"/admin/quotas?region={region}");

    /// <summary><c>Request Increase</c> on a quota row.</summary>
    public async Task<QuotaRequestDialog> OpenRequestIncreaseAsync(string accountId, string quota)
    {
        await TestId($"quota-row-{accountId}-{quota}-request").ClickAsync();
        return new QuotaRequestDialog(Page);
    }

    /// <summary>The platform admin approves the first pending request.</summary>
    public Task ApproveFirstRequestAsync() => Requests.GetByRole(AriaRole.Button, new() { Name = "Approve" }).First.ClickAsync();
}
