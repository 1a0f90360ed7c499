namespace EcsConsole.E2E.Pages;

/// <summary>
/// <c>/images</c>: the five tabs, <c>Search</c>, the table <c>images-table</c> with its rows, status cells and row actions
/// (in the row, or in its menu <c>More</c>), the pager (ui-contract §4).
/// </summary>
public sealed class ImagesPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "images-table", "image-row-");

    public ILocator Rows => Table.Rows;

    public ILocator Total => TestId("images-total");

    public ILocator PageNumber => TestId("images-page");

    public ILocator Empty => TestId("images-empty");

    public ILocator CommunityWarning => TestId("community-warning");

    public ILocator UrlNormalized => TestId("url-normalized");

    public ILocator Search => Page.GetByRole(AriaRole.Textbox, new() { Name = "Search" });

    public ILocator Tab(string name) => Page.GetByRole(AriaRole.Tab, new() { Name = name });

    public ILocator Row(string imageId) => Table.Row(imageId);

    /// <summary>The status cell: the ECS status word, with the progress while creating (<c>Creating 45%</c>).</summary>
    public ILocator Status(string imageId) => TestId($"image-status-{imageId}");

    /// <summary>A button shown in the row itself (<c>Share Image</c>, <c>Delete</c>, ...).</summary>
    public ILocator RowButton(string imageId, string name) => Row(imageId).GetByRole(AriaRole.Button, new() { Name = name });

    /// <summary><c>/images?region=&amp;tab=</c> with an optional search and any further query (<c>status=Deprecated</c>).</summary>
    public Task OpenAsync(string region, string? tab = null, string? search = null, string? query = null)
    {
        var path = $"/images?region={region}";
        path += tab is null ? "" : $"&tab={tab}";
        path += search is null ? "" : $"&q={Uri.EscapeDataString(search)}";
        path += query is null ? "" : $"&{query}";
        return GotoAsync(path);
    }

    /// <summary>The ID of the image named <paramref name="name"/>, found as a person finds it: searched for on its tab.</summary>
    public async Task<string> FindAsync(string region, string tab, string name)
    {
        await OpenAsync(region, tab, name);
        return await Table.IdOfAsync(name);
    }

    public Task NextPageAsync() => Button("Next page").ClickAsync();

    public Task SearchAsync(string text) => Search.FillAsync(text);

    public Task OpenRowMenuAsync(string imageId) =>
        TestId($"row-actions-{imageId}").GetByRole(AriaRole.Button, new() { Name = "More" }).ClickAsync();

    /// <summary>A row action by its test id (<c>image-share-</c>, <c>image-copy-</c>, ...), opening the row menu first when it lives there.</summary>
    private async Task RowActionAsync(string action, string imageId, bool inMenu)
    {
        if (inMenu)
        {
            await OpenRowMenuAsync(imageId);
        }

        await TestId($"image-{action}-{imageId}").ClickAsync();
    }

    public async Task<CreateImageDialog> OpenCreateImageAsync()
    {
        await Button("Create Custom Image").ClickAsync();
        return new CreateImageDialog(Page);
    }

    public async Task<ImportImageDialog> OpenImportImageAsync()
    {
        await Button("Import Image").ClickAsync();
        return new ImportImageDialog(Page);
    }

    public async Task<ShareImageDialog> OpenShareAsync(string imageId)
    {
        await RowActionAsync("share", imageId, inMenu: false);
        return new ShareImageDialog(Page);
    }

    public async Task<CopyImageDialog> OpenCopyAsync(string imageId)
    {
        await RowActionAsync("copy", imageId, inMenu: false);
        return new CopyImageDialog(Page);
    }

    public async Task<ExportImageDialog> OpenExportAsync(string imageId)
    {
        await RowActionAsync("export", imageId, inMenu: true);
        return new ExportImageDialog(Page);
    }

    public async Task<DeleteImageDialog> OpenDeleteAsync(string imageId)
    {
        await RowActionAsync("delete", imageId, inMenu: true);
        return new DeleteImageDialog(Page, imageId);
    }

    public async Task<UpdateImageDialog> OpenUpdateAsync(string imageId)
    {
        await OpenRowMenuAsync(imageId);
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = "Update Image" }).ClickAsync();
        return new UpdateImageDialog(Page);
    }

    /// <summary><c>Deprecate</c> in the row menu; returns the confirmation dialog (its warning), for the caller to confirm.</summary>
    public async Task<ConsoleDialog> DeprecateAsync(string imageId)
    {
        await RowActionAsync("deprecate", imageId, inMenu: true);
        return new ConsoleDialog(Page);
    }

    public Task RestoreAsync(string imageId) => RowActionAsync("restore", imageId, inMenu: true);

    /// <summary><c>Create Instance</c> on the row: the buy page with region and image filled in.</summary>
    public async Task<BuyPage> CreateInstanceAsync(string imageId)
    {
        await TestId($"image-create-instance-{imageId}").ClickAsync();
        return new BuyPage(Page);
    }
}
