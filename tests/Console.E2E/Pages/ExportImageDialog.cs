namespace EcsConsole.E2E.Pages;

/// <summary><c>Export Image</c> to an OSS bucket of the same region.</summary>
public sealed class ExportImageDialog(IPage page) : ConsoleDialog(page, "Export Image")
{
    public async Task ExportToAsync(string bucket)
    {
        await PickAsync("OSS Bucket", bucket);
        await SubmitAsync();
    }
}
