using EcsConsole.Domain.Common;

namespace EcsConsole.Domain.Images;

/// <summary>Image errors, with ECS's codes (domain-rules §15).</summary>
public static class ImageErrors
{
    public const string NotFoundCode = "InvalidImageId.NotFound";

    /// <summary>The image does not exist in the region, or belongs to another account and is not shared with the caller.</summary>
    public static EcsError NotFound(string imageId) =>
        new(NotFoundCode, 404, $"The specified image \"{imageId}\" does not exist in this region.");
}
