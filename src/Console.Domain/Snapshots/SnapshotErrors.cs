namespace EcsConsole.Domain.Snapshots;

/// <summary>Snapshot and disk errors, with ECS's codes (domain-rules §10, §15).</summary>
public static class SnapshotErrors
{
    public const string NotFoundCode = "InvalidSnapshotId.NotFound";
    public const string NotReadyCode = "InvalidSnapshotId.NotReady";
    public const string NameMalformedCode = "InvalidSnapshotName.Malformed";
    public const string DescriptionMalformedCode = "InvalidDescription.Malformed";
    public const string CreatedImageCode = "SnapshotCreatedImage";

    public const string CreatedDiskCode = "SnapshotCreatedDisk";
    public const string QuotaCode = "QuotaExceed.Snapshot";
    public const string ConcurrentQuotaCode = "QuotaExceed.ConcurrentSnapshotQuota";
    public const string DiskNotFoundCode = "InvalidDiskId.NotFound";

    public static EcsError NotFound(string snapshotId) => new(NotFoundCode, 404, $"The specified snapshot \"{snapshotId}\" does not exist.");

    public static EcsError NotReady(string snapshotId) => new(NotReadyCode, 403, $"The snapshot \"{snapshotId}\" is not ready yet.");

    public static EcsError NameMalformed(string why) => new(NameMalformedCode, 400, $"The specified snapshot name is wrongly formed: {why}");

    public static EcsError DescriptionMalformed(string why) => new(DescriptionMalformedCode, 400, $"The specified description is wrongly formed: {why}");

    /// <summary>SNP-07: disks were created from the snapshot; <c>Force=true</c> deletes it anyway (those disks can no longer be re-initialised).</summary>
    public static EcsError CreatedDisk(string diskId) =>
        new(CreatedDiskCode, 403, $"The snapshot was used to create the disk \"{diskId}\"; delete it with Force=true to delete it anyway.");

    public static EcsError CreatedImage(string imageId) => new(CreatedImageCode, 403, $"The snapshot is used by the custom image \"{imageId}\"; delete the image first.");

    public static EcsError Quota(int limit) => new(QuotaCode, 403, $"The disk already has {limit} manual snapshots.");

    public static EcsError ConcurrentQuota(int limit) => new(ConcurrentQuotaCode, 403, $"The disk already has {limit} snapshots in progress.");

    public static EcsError DiskNotFound(string diskId) => new(DiskNotFoundCode, 404, $"The specified disk \"{diskId}\" does not exist.");
}
