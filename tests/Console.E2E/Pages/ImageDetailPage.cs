namespace EcsConsole.E2E.Pages;

/// <summary><c>/images/{id}</c>: the image's name, status and attributes; someone else's private image is not found.</summary>
public sealed class ImageDetailPage(IPage page) : ConsolePage(page)
{
    public ILocator Name => TestId("image-detail-name");

    public ILocator NotFound => TestId("not-found");

    public ILocator Status(string imageId) => TestId($"image-status-{imageId}");

    /// <summary>The value cell of an attribute row (<c>Image Family</c>, ...); an empty value shows a dash.</summary>
    public ILocator Attribute(string name) =>
        TestId("image-attributes").GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) })
            .GetByRole(AriaRole.Cell);

    public Task OpenAsync(string region, string imageId) => GotoAsync($"/images/{imageId}?region={region}");
}
