using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// Errors of the Simple Application Server custom-image operations (domain-rules §13, §15). Where SAS reuses an ECS
/// code (<c>InvalidInstanceId.NotFound</c>, <c>InvalidSnapshotId.NotFound</c>, <c>InvalidImageId.NotFound</c>,
/// <c>InvalidImageName.Malformed</c>, <c>IncorrectImageStatus</c>, <c>OperationDenied</c>) the feature's own factory is
/// still here, so a test names one class.
/// </summary>
public static class SasErrors
{
    public const string ServerNotFoundCode = "InvalidInstanceId.NotFound";
    public const string SnapshotNotFoundCode = "InvalidSnapshotId.NotFound";
    public const string ImageNotFoundCode = ImageErrors.NotFoundCode;
    public const string OperationDeniedCode = ImageErrors.OperationDeniedCode;
    public const string QuotaCode = "QuotaExceed.CustomImage";
    public const string InShareCode = "CustomImageInShare";
    public const string IncorrectImageStatusCode = ImageErrors.IncorrectStatusCode;

    /// <summary>Maximum custom images per account, whatever the number of servers (SAS-03).</summary>
    public const int MaxImagesPerAccount = 15;

    /// <summary>Custom images allowed per server (SAS-03).</summary>
    public const int ImagesPerServer = 3;

    public static EcsError ServerNotFound(string serverId) =>
        new(ServerNotFoundCode, 404, $"The specified simple application server \"{serverId}\" does not exist.");

    public static EcsError SnapshotNotFound(string snapshotId) =>
        new(SnapshotNotFoundCode, 404, $"The specified snapshot \"{snapshotId}\" does not exist.");

    public static EcsError ImageNotFound(string imageId) =>
        new(ImageNotFoundCode, 404, $"The specified custom image \"{imageId}\" does not exist in this region.");

    /// <summary>SAS-02: the image is made in the server's region.</summary>
    public static EcsError RegionMismatch(string serverRegionId) =>
        new(OperationDeniedCode, 403, $"A custom image must be created in the region of its server ({serverRegionId}).");

    /// <summary>SAS-01: an image starts from a system-disk snapshot.</summary>
    public static EcsError NotSystemSnapshot(string snapshotId) =>
        new(OperationDeniedCode, 403, $"The snapshot \"{snapshotId}\" is not of a system disk; a custom image is created from a system-disk snapshot.");

    public static EcsError NotDataSnapshot(string snapshotId) =>
        new(OperationDeniedCode, 403, $"The snapshot \"{snapshotId}\" is not of the server's data disk.");

    public static EcsError SnapshotOfAnotherServer(string snapshotId, string serverId) =>
        new(OperationDeniedCode, 403, $"The snapshot \"{snapshotId}\" was not taken of the server \"{serverId}\".");

    /// <summary>SAS-03, with the numbers.</summary>
    public static EcsError Quota(int used, int limit, int servers) =>
        new(QuotaCode, 403,
            $"The custom image quota of Simple Application Server is used up: {used}/{limit} (3 × {servers} servers, at most {MaxImagesPerAccount} per account).");

    /// <summary>SAS-08.</summary>
    public static EcsError InShare(string imageId) =>
        new(InShareCode, 400,
            $"The custom image \"{imageId}\" is shared to ECS; unshare it before deleting it. To keep using it in ECS, copy it in ECS (Shared Images, Copy Image) first.");

    public static EcsError NotAvailable(string imageId) =>
        new(IncorrectImageStatusCode, 400, $"The custom image \"{imageId}\" is not Available.");
}
