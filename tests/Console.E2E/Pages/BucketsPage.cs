namespace EcsConsole.E2E.Pages;

/// <summary><c>/buckets</c>: simulated OSS buckets (<c>bucket-&lt;name&gt;</c>) and their objects (<c>object-row-&lt;key&gt;</c>).</summary>
public sealed class BucketsPage(IPage page) : ConsolePage(page)
{
    public ILocator Bucket(string name) => TestId($"bucket-{name}");

    public ILocator Object(string key) => TestId($"object-row-{key}");

    public Task OpenAsync(string region) => GotoAsync($"/buckets?region={region}");

    public async Task CreateBucketAsync(string name)
    {
        await Page.GetByLabel("Bucket Name").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create Bucket" }).ClickAsync();
        await Expect(Bucket(name)).ToBeVisibleAsync();
    }

    public Task OpenBucketAsync(string name) => Bucket(name).ClickAsync();
}
