namespace EcsConsole.E2E.Pages;

/// <summary><c>Update Image</c> (OOS <c>ACS-ECS-UpdateImage</c>): <c>Command</c> and the new <c>Image Name</c>.</summary>
public sealed class UpdateImageDialog(IPage page) : ConsoleDialog(page, "Update Image")
{
    public async Task FillAsync(string command, string imageName)
    {
        await Field("Command", exact: true).FillAsync(command);
        await Field("Image Name").FillAsync(imageName);
    }
}
