namespace EcsConsole.E2E.Pages;

/// <summary><c>Import Image</c> from an object of an OSS bucket: <c>OSS Bucket</c>, <c>OSS Object</c>, <c>Image Name</c>.</summary>
public sealed class ImportImageDialog(IPage page) : ConsoleDialog(page, "Import Image")
{
    public async Task FillAsync(string bucket, string objectName, string imageName)
    {
        await PickAsync("OSS Bucket", bucket);
        await PickAsync("OSS Object", objectName);
        await Field("Image Name").FillAsync(imageName);
    }
}
