namespace EcsConsole.E2E.Pages;

/// <summary><c>Delete Image</c>: the impact of deleting each image first, <c>Delete associated snapshots</c>.</summary>
public sealed class DeleteImageDialog(IPage page, string imageId) : ConsoleDialog(page, "Delete Image")
{
    public ILocator Impact => TestId($"delete-impact-{imageId}");

    public Task DeleteSnapshotsTooAsync() => Field("Delete associated snapshots").CheckAsync();
}
