namespace EcsConsole.E2E.Pages;

/// <summary>The Simple Application Server <c>Create Custom Image</c>: <c>Server</c>, its snapshots, <c>Image Name</c>.</summary>
public sealed class CreateSasImageDialog(IPage page) : ConsoleDialog(page, "Create Custom Image")
{
    public ILocator Server => Field("Server");

    public Task NameAsync(string name) => Field("Image Name").FillAsync(name);
}
