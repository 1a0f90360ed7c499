namespace EcsConsole.E2E.Pages;

/// <summary>
/// <c>/sas/images</c>: the table <c>sas-images-table</c> (rows <c>sas-image-row-&lt;id&gt;</c>), the quota <c>sas-image-quota</c>
/// (used / limit), <c>Create Custom Image</c>, and per row <c>Share to ECS</c> / <c>Unshare</c>, <c>Copy Image</c>, <c>Delete</c>.
/// </summary>
public sealed class SasImagesPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "sas-images-table", "sas-image-row-");

    public ILocator Quota => TestId("sas-image-quota");

    public ILocator Row(string imageId) => Table.Row(imageId);

    public ILocator Status(string imageId) => TestId($"sas-image-status-{imageId}");

    public ILocator RowButton(string imageId, string name) => Row(imageId).GetByRole(AriaRole.Button, new() { Name = name });

    public Task OpenAsync(string region) => GotoAsync($"/sas/images?region={region}");

    public Task<string> IdOfAsync(string name) => Table.IdOfAsync(name);

    /// <summary>The ID of the copy made from <paramref name="sourceImageId"/> (its row says where it was copied from).</summary>
    public Task<string> IdOfCopyAsync(string sourceImageId) => Table.IdOfAsync(Table.Rows.Filter(new() { HasText = $"copied from {sourceImageId}" }));

    /// <summary>How many images the quota says are used.</summary>
    public async Task<int> UsedQuotaAsync() =>
        int.Parse((await Quota.TextContentAsync())!.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);

    public async Task<CreateSasImageDialog> OpenCreateImageAsync()
    {
        await Button("Create Custom Image").ClickAsync();
        return new CreateSasImageDialog(Page);
    }

    /// <summary><c>Create Server</c> on the image's row: the dialog starts with this image.</summary>
    public async Task<CreateSasServerDialog> OpenCreateServerAsync(string imageId)
    {
        await RowButton(imageId, "Create Server").ClickAsync();
        return new CreateSasServerDialog(Page);
    }

    public async Task<CopySasImageDialog> OpenCopyAsync(string imageId)
    {
        await RowButton(imageId, "Copy Image").ClickAsync();
        return new CopySasImageDialog(Page);
    }

    public Task ShareToEcsAsync(string imageId) => RowButton(imageId, "Share to ECS").ClickAsync();

    public Task UnshareAsync(string imageId) => RowButton(imageId, "Unshare").ClickAsync();

    /// <summary><c>Delete</c> on the row, confirmed (the console may still refuse it).</summary>
    public async Task DeleteAsync(string imageId)
    {
        await RowButton(imageId, "Delete").ClickAsync();
        await ConfirmAsync();
    }
}
