namespace EcsConsole.E2E.Pages;

/// <summary><c>/sas/servers</c>: Simple Application Servers (<c>sas-server-row-&lt;id&gt;</c>), their disks and snapshots.</summary>
public sealed class SasServersPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "sas-servers-table", "sas-server-row-");

    public Task OpenAsync(string region) => GotoAsync($"/sas/servers?region={region}");

    /// <summary>The ID of the server named <paramref name="name"/> (its name shares a line with its status chip).</summary>
    public Task<string> IdOfAsync(string name) => Table.IdOfAsync(Table.Rows.Filter(new() { HasText = name }));

    /// <summary>The source-image line of a server created from a custom image (<c>from custom image m-…</c>).</summary>
    public ILocator SourceImage(string serverId) => TestId($"sas-server-source-image-{serverId}");

    public async Task<CreateSasServerDialog> OpenCreateServerAsync()
    {
        await Button("Create Server").ClickAsync();
        return new CreateSasServerDialog(Page);
    }

    /// <summary>Release on the server's row, confirmed in its dialog.</summary>
    public async Task ReleaseAsync(string serverId)
    {
        await TestId($"sas-server-release-{serverId}").ClickAsync();
        await new ConsoleDialog(Page, "Release Server").SubmitAsync();
    }

    public async Task<CreateSasImageDialog> OpenCreateImageAsync(string serverId)
    {
        await TestId($"sas-server-create-image-{serverId}").ClickAsync();
        return new CreateSasImageDialog(Page);
    }

    /// <summary>The link of the section's navigation (<c>Custom Image</c>, ...).</summary>
    public Task FollowSectionAsync(string link) =>
        Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
}
