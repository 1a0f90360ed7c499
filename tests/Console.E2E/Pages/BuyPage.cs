namespace EcsConsole.E2E.Pages;

/// <summary>
/// <c>/instances/create</c> (Custom Launch): <c>Billing Method</c>, <c>Zone</c>, <c>Instance Type</c> (a row
/// <c>instance-type-&lt;type&gt;</c> per type, <c>compat-reason-&lt;type&gt;</c> when it is disabled), <c>Image</c>,
/// <c>Quantity</c>, <c>Instance Name</c>, logon password, <c>price-summary</c> and <c>Create Order</c>.
/// </summary>
public sealed class BuyPage(IPage page) : ConsolePage(page)
{
    public ILocator Image => Page.GetByLabel("Image", new() { Exact = true });

    public ILocator InstanceTypes => Page.GetByRole(AriaRole.Radiogroup, new() { Name = "Instance Type" });

    public ILocator InstanceTypeRow(string type) => TestId($"instance-type-{type}");

    /// <summary>The radio of a type, found by its accessible name.</summary>
    public ILocator InstanceType(string type) => Page.GetByRole(AriaRole.Radio, new() { Name = type, Exact = true });

    public ILocator CompatReason(string type) => TestId($"compat-reason-{type}");

    public ILocator InstanceName => Page.GetByLabel("Instance Name");

    public ILocator PriceSummary => TestId("price-summary");

    public ILocator ImageFee => TestId("price-image-fee");

    public ILocator CreateOrder => Page.GetByRole(AriaRole.Button, new() { Name = "Create Order" });

    public Task OpenAsync(string region, string imageId, string zone) =>
        GotoAsync($"/instances/create?region={region}&imageId={imageId}&zone={zone}");

    public async Task SelectZoneAsync(string zoneName)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Zone" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = zoneName }).ClickAsync();
    }

    public Task ChooseBillingAsync(string method) =>
        Page.GetByRole(AriaRole.Radiogroup, new() { Name = "Billing Method" }).GetByRole(AriaRole.Radio, new() { Name = method }).CheckAsync();

    public Task ShowOnlyCompatibleTypesAsync() => TestId("only-compatible-types").ClickAsync();

    public Task SetQuantityAsync(int quantity) => Page.GetByLabel("Quantity").FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Names the instance and sets its logon password (typed twice).</summary>
    public async Task FillInstanceAsync(string name, string password)
    {
        await InstanceName.FillAsync(name);
        await Page.GetByLabel("Logon Password").FillAsync(password);
        await Page.GetByLabel("Confirm Password").FillAsync(password);
    }

    /// <summary><c>Create Order</c>: the console goes to the instance list.</summary>
    public async Task<InstancesPage> CreateOrderAsync()
    {
        await CreateOrder.ClickAsync();
        return new InstancesPage(Page);
    }
}
