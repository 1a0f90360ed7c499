namespace EcsConsole.E2E.Pages;

/// <summary><c>Create Custom Image</c> (from the Images page, an instance row, or a SAS page): <c>Image Name</c>, <c>Image Description</c>.</summary>
public sealed class CreateImageDialog(IPage page) : ConsoleDialog(page, "Create Custom Image")
{
    /// <summary>Shown when the instance is running (its image may miss writes still in memory).</summary>
    public ILocator RunningInstanceWarning => TestId("running-instance-warning");

    public async Task FillAsync(string name, string? description = null)
    {
        await Field("Image Name").FillAsync(name);
        if (description is not null)
        {
            await Field("Image Description").FillAsync(description);
        }
    }

    /// <summary>Names the image and creates it: the dialog closes.</summary>
    public async Task CreateAsync(string name, string? description = null)
    {
        await FillAsync(name, description);
        await SubmitAsync();
    }
}
