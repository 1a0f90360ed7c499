namespace EcsConsole.E2E.Pages;

/// <summary><c>/</c>: the account's resource counts in the region.</summary>
public sealed class OverviewPage(IPage page) : ConsolePage(page)
{
    public ILocator Scope => TestId("overview-scope");

    public ILocator RegionCorrected => TestId("region-corrected");

    /// <summary>A count card: <c>instances</c>, <c>custom-images</c>, <c>shared-images</c>, ...</summary>
    public ILocator Count(string card) => TestId($"overview-{card}-count");

    public Task OpenAsync(string? region = null) => GotoAsync(region is null ? "/" : $"/?region={region}");
}
