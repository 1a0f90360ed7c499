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

    public const string CopyInSameRegionCode = "InvalidOperation.NotSupportCopyInSameRegion";
    public const string UnfinishedCopyCode = "InvalidOperation.DiskHasUnfinishedSnapshotCopy";
    public const string GroupNotFoundCode = "InvalidSnapshotGroupId.NotFound";
    public const string DiskCategoryNotSupportedCode = "InvalidDiskCategory.NotSupported";
    public const string IncorrectDiskStatusCode = "IncorrectDiskStatus";

    /// <summary>SNP-11: at most 16 disks, 32 TiB in all, in one snapshot-consistent group.</summary>
    public const int MaxGroupDisks = 16;

    public const int MaxGroupGiB = 32 * 1024;

    /// <summary>SNP-03: a manual snapshot is kept 1 to 65,536 days, or (not given) until deleted.</summary>
    public const int MaxRetentionDays = 65536;

    /// <summary>CopySnapshot within the source's own region (ECS's published error table).</summary>
    public static EcsError CopyInSameRegion() =>
        new(CopyInSameRegionCode, 403, "Copying snapshot in the same region is not supported. Please specify a different DestinationRegionId and try again.");

    /// <summary>A copy of a snapshot of the same disk is still being made in the destination region.</summary>
    public static EcsError UnfinishedCopy(string snapshotId) =>
        new(UnfinishedCopyCode, 403, $"There is an unfinished snapshot copy \"{snapshotId}\" of this disk in the target region.");

    public static EcsError GroupNotFound(string groupId) => new(GroupNotFoundCode, 404, $"The specified snapshot group \"{groupId}\" does not exist.");

    /// <summary>SNP-11: snapshot-consistent groups take ESSD-family disks only.</summary>
    public static EcsError DiskCategoryNotSupported(string diskId, string category) =>
        new(DiskCategoryNotSupportedCode, 403, $"The disk \"{diskId}\" is a {category} disk; snapshot-consistent groups take ESSD, ESSD AutoPL and ESSD Entry disks only.");

    /// <summary>SNP-11: a disk of a snapshot-consistent group must be In_use.</summary>
    public static EcsError DiskNotInUse(string diskId) => new(IncorrectDiskStatusCode, 403, $"The disk \"{diskId}\" is not attached to an instance (In_use).");

    /// <summary>SNP-03: <c>RetentionDays</c> outside 1–65536.</summary>
    public static EcsError RetentionDays() => CommonErrors.InvalidParameter("RetentionDays", $"it must be an integer from 1 to {MaxRetentionDays}.");

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
