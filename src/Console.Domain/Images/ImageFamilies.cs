namespace EcsConsole.Domain.Images;

/// <summary>Image family rules (domain-rules §7).</summary>
public static class ImageFamilies
{
    /// <summary>
    /// FAM-02: a family resolves to the image with the latest creation time among its <c>Available</c> images in the
    /// region; deprecated and unfinished images are skipped; none means the family resolves to nothing.
    /// </summary>
    public static string? Resolve(IEnumerable<(string Id, ImageStatus Status, DateTimeOffset CreationTime)> members) =>
        members.Where(m => m.Status == ImageStatus.Available)
            .OrderByDescending(m => m.CreationTime)
            .ThenByDescending(m => m.Id, StringComparer.Ordinal)
            .Select(m => m.Id)
            .FirstOrDefault();
}
