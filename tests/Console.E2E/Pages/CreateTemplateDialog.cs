namespace EcsConsole.E2E.Pages;

/// <summary>
/// <c>Create Image Template</c>: <c>Name</c>, <c>Base Image</c>, <c>Content</c>, <c>Image Name Prefix</c>, accounts to share
/// with (<c>Account ID</c> and <c>Add</c>, listed in <c>template-accounts</c>) and a <c>Destination Region</c>.
/// </summary>
public sealed class CreateTemplateDialog(IPage page) : ConsoleDialog(page, "Create Image Template")
{
    public async Task FillAsync(string name, string baseImage, string content, string prefix)
    {
        await Field("Name", exact: true).FillAsync(name);
        await Field("Base Image").FillAsync(baseImage);
        await Field("Content", exact: true).FillAsync(content);
        await Field("Image Name Prefix").FillAsync(prefix);
    }

    public async Task ShareWithAsync(string accountId)
    {
        await Field("Account ID").FillAsync(accountId);
        var add = Button("Add");
        await Expect(add).ToBeEnabledAsync();
        await add.ClickAsync();
        await Expect(TestId("template-accounts")).ToContainTextAsync(accountId);
    }

    /// <summary>Picks one more destination region in the multi-select (<paramref name="option"/> as listed, e.g.
    /// <c>China (Shanghai) · cn-shanghai</c>) and closes its popover.</summary>
    public async Task DistributeToAsync(string option, string regionId)
    {
        await PickAsync("Destination Region", option);
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Field("Destination Region")).ToHaveValueAsync(regionId);
    }
}
