namespace EcsConsole.E2E.Pages;

/// <summary><c>Replace System Disk</c> of a stopped instance: an image picker (<c>image-picker-table</c>) that disables what cannot run.</summary>
public sealed class ReplaceSystemDiskDialog(IPage page) : ConsoleDialog(page, "Replace System Disk")
{
    public ILocator Picker => TestId("image-picker-table");

    public ILocator Image => Field("Image", exact: true);

    public ILocator Option(string imageId) => TestId($"image-option-{imageId}");

    public ILocator CompatReason(string imageId) => TestId($"image-compat-reason-{imageId}");

    public Task SearchAsync(string text) => Field("Search images").FillAsync(text);

    public async Task ChooseAsync(string imageId)
    {
        await Expect(Option(imageId)).ToBeVisibleAsync();
        await Option(imageId).GetByRole(AriaRole.Radio).CheckAsync();
    }
}
