namespace EcsConsole.E2E.Pages;

/// <summary><c>/marketplace</c>: product cards <c>marketplace-product-&lt;code&gt;</c>, filters, <c>Search</c>.</summary>
public sealed class MarketplacePage(IPage page) : ConsolePage(page)
{
    public ILocator Product(string productCode) => TestId($"marketplace-product-{productCode}");

    /// <summary><c>/marketplace?region=</c> with any further query (<c>available=true</c>).</summary>
    public Task OpenAsync(string region, string? query = null) => GotoAsync($"/marketplace?region={region}{(query is null ? "" : "&" + query)}");

    public async Task FilterByCategoryAsync(string category)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Category" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = category }).ClickAsync();
    }

    public async Task<ProductPage> OpenProductAsync(string productCode)
    {
        await Product(productCode).ClickAsync();
        return new ProductPage(Page);
    }
}
