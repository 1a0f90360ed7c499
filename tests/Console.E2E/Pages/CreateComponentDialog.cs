namespace EcsConsole.E2E.Pages;

/// <summary><c>Create Image Component</c>: <c>Name</c> and <c>Content</c> (the version defaults to the next major).</summary>
public sealed class CreateComponentDialog(IPage page) : ConsoleDialog(page, "Create Image Component")
{
    public async Task FillAsync(string name, string content)
    {
        await Field("Name", exact: true).FillAsync(name);
        await Field("Content", exact: true).FillAsync(content);
    }
}
