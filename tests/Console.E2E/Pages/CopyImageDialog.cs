namespace EcsConsole.E2E.Pages;

/// <summary><c>Copy Image</c> to another region: the destination shown in <c>copy-destination</c>, the copy's <c>Image Name</c>.</summary>
public sealed class CopyImageDialog(IPage page) : ConsoleDialog(page, "Copy Image")
{
    public ILocator Destination => TestId("copy-destination");

    public Task NameCopyAsync(string name) => Field("Image Name").FillAsync(name);
}
