namespace EcsConsole.E2E.Pages;

/// <summary><c>/marketplace/{productCode}</c>: versions (<c>product-versions</c>), <c>Subscribe</c> and <c>Launch</c>.</summary>
public sealed class ProductPage(IPage page) : ConsolePage(page)
{
    public ILocator Versions => TestId("product-versions");

    public ILocator SubscribedHere => TestId("subscribed-here");

    public ILocator NotPublished => TestId("not-published");

    public ILocator Launch => Page.GetByRole(AriaRole.Button, new() { Name = "Launch" });

    public Task OpenAsync(string region, string productCode) => GotoAsync($"/marketplace/{productCode}?region={region}");

    public async Task<SubscribeDialog> OpenSubscribeAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        return new SubscribeDialog(Page);
    }

    /// <summary><c>Launch</c>: the buy page with the region's newest image of the product.</summary>
    public async Task<BuyPage> LaunchAsync()
    {
        await Launch.ClickAsync();
        return new BuyPage(Page);
    }
}
