namespace EcsConsole.E2E.Pages;

/// <summary><c>/instances</c>: the table <c>instances-table</c>, a row and a status chip per instance, its row actions.</summary>
public sealed class InstancesPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "instances-table", "instance-row-");

    public ILocator Row(string instanceId) => Table.Row(instanceId);

    public ILocator Status(string instanceId) => TestId($"instance-status-{instanceId}");

    /// <summary>The security, queue and remote connection options the instance was given (IPAR-38…41), under its type.</summary>
    public ILocator Options(string instanceId) => TestId($"instance-options-{instanceId}");

    public Task OpenAsync(string region) => GotoAsync($"/instances?region={region}");

    /// <summary>The ID of the instance named <paramref name="name"/> on the open page.</summary>
    public Task<string> IdOfAsync(string name) => Table.IdOfAsync(name);

    public async Task<CreateImageDialog> OpenCreateImageAsync(string instanceId)
    {
        await TestId($"instance-create-image-{instanceId}").ClickAsync();
        return new CreateImageDialog(Page);
    }

    public async Task<ReplaceSystemDiskDialog> OpenReplaceSystemDiskAsync(string instanceId)
    {
        await TestId($"instance-replace-disk-{instanceId}").ClickAsync();
        return new ReplaceSystemDiskDialog(Page);
    }
}
