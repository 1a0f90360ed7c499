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
    public const string ServerQuotaCode = "ExceedAccountQuota";
    public const string PlanNotFoundCode = "InvalidPlanId.NotFound";
    public const string DiskLessThanImageSizeCode = "InvalidSystemDiskSize.LessThanImageSize";

    /// <summary>Servers an account may have in one region (SAS CreateInstances: at most 50; SAS-15).</summary>
    public const int MaxServersPerRegion = 50;

    /// <summary>Servers one CreateInstances call creates at most (its <c>Amount</c>, 1–20; SAS-16).</summary>
    public const int MaxServersPerOrder = 20;

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

    /// <summary>SAS-14: the plan's system disk holds the image.</summary>
    public static EcsError DiskLessThanImageSize(SasPlan plan, int imageGiB) =>
        new(DiskLessThanImageSizeCode, 404,
            $"The plan {plan.Label} has a {plan.SystemDiskGiB} GiB system disk, less than the image's {imageGiB} GiB; choose a larger plan.");

    public static EcsError PlanNotFound(string? planId) =>
        new(PlanNotFoundCode, 404, $"The specified plan \"{planId}\" does not exist.");

    /// <summary>SAS-15, with the numbers.</summary>
    public static EcsError ServerQuota(int servers, int amount) =>
        new(ServerQuotaCode, 400,
            $"An account has at most {MaxServersPerRegion} simple application servers in a region: {servers} exist and {amount} more were asked for.");

    /// <summary>SAS-16.</summary>
    public static EcsError Amount(int amount) =>
        CommonErrors.InvalidParameter("Amount", $"one call creates 1 to {MaxServersPerOrder} servers; {amount} was asked for.");
}
