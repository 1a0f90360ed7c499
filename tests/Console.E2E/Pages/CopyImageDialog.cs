namespace EcsConsole.E2E.Pages;

/// <summary><c>Copy Image</c> to another region: the destination shown in <c>copy-destination</c>, the copy's <c>Image Name</c>.</summary>
public sealed class CopyImageDialog(IPage page) : ConsoleDialog(page, "Copy Image")
{
    public ILocator Destination => TestId("copy-destination");

    /// <summary>
    /// Names the copy once the dialog has pre-filled its name (CPY-06): a name typed before that would be overwritten by
    /// the late pre-fill on a loaded machine, and the copy made under the default name.
    /// </summary>
    public async Task NameCopyAsync(string name)
    {
        await Expect(Field("Image Name")).Not.ToHaveValueAsync("");
        await Field("Image Name").FillAsync(name);
    }
}
