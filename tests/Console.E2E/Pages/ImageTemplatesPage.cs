namespace EcsConsole.E2E.Pages;

/// <summary><c>/image-builder/templates</c>: the table <c>templates-table</c>, <c>Create Template</c>, <c>Start Build</c> per row.</summary>
public sealed class ImageTemplatesPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "templates-table", "template-row-");

    public ILocator Row(string templateId) => Table.Row(templateId);

    /// <summary>The state of the template's latest build, once it has one.</summary>
    public ILocator LatestBuild(string templateId) => TestId($"template-latest-{templateId}");

    public Task OpenAsync(string region) => GotoAsync($"/image-builder/templates?region={region}");

    public Task<string> IdOfAsync(string name) => Table.IdOfAsync(name);

    public async Task<CreateTemplateDialog> OpenCreateTemplateAsync()
    {
        await Button("Create Template").ClickAsync();
        return new CreateTemplateDialog(Page);
    }

    public Task StartBuildAsync(string templateId) => Row(templateId).GetByRole(AriaRole.Button, new() { Name = "Start Build" }).ClickAsync();
}
