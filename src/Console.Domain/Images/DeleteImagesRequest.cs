namespace EcsConsole.Domain.Images;

/// <summary>
/// DeleteImage for one or more custom images of the caller's account, all or nothing (UI-DEL-01, DEL-11).
/// </summary>
/// <param name="ImageIds">The images to delete; duplicates are ignored.</param>
/// <param name="Force">Delete images that instances run from (DEL-02/03); the instances keep running.</param>
/// <param name="DeleteAssociatedSnapshots">Also delete the images' snapshots that no other image uses (DEL-09; default: keep them).</param>
public sealed record DeleteImagesRequest(IReadOnlyList<string> ImageIds, bool Force = false, bool DeleteAssociatedSnapshots = false);
