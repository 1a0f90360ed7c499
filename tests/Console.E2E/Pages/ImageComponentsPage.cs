namespace EcsConsole.E2E.Pages;

/// <summary><c>/image-builder/components</c>: the table <c>components-table</c> and <c>Create Component</c>.</summary>
public sealed class ImageComponentsPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "components-table", "component-row-");

    public ILocator Row(string componentId) => Table.Row(componentId);

    public Task<string> IdOfAsync(string name) => Table.IdOfAsync(name);

    public async Task<CreateComponentDialog> OpenCreateComponentAsync()
    {
        await Button("Create Component").ClickAsync();
        return new CreateComponentDialog(Page);
    }
}
