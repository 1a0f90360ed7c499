namespace EcsConsole.Domain.Instances;

/// <summary>
/// Disk errors, with the codes and statuses of ECS's CreateDisk, AttachDisk, DetachDisk, DeleteDisk, ResetDisk and
/// ReInitDisk error tables (ADR "disks"; where a table is silent the choice is named there).
/// </summary>
public static class DiskErrors
{
    public const string NotFoundCode = "InvalidDiskId.NotFound";
    public const string IncorrectStatusCode = "IncorrectDiskStatus";
    public const string NotPortableCode = "DiskNotPortable";
    public const string NotSameZoneCode = "ResourcesNotInSameZone";
    public const string LimitExceededCode = "InstanceDiskLimitExceeded";
    public const string DeviceMalformedCode = "InvalidDevice.Malformed";
    public const string DeviceInUseCode = "InvalidDevice.InUse";
    public const string CategoryCode = "InvalidDiskCategory.ValueNotSupported";
    public const string SizeCode = "InvalidSize.ValueNotSupported";
    public const string TooSmallCode = "InvalidDiskSize.TooSmall";
    public const string PerformanceLevelCode = "InvalidPerformanceLevel.Malformed";
    public const string PerformanceLevelNotMatchCode = "OperationDenied.PerformanceLevelNotMatch";
    public const string NameMalformedCode = "InvalidDiskName.Malformed";
    public const string ZoneNotFoundCode = "InvalidZoneId.NotFound";
    public const string ConflictCode = "InvalidParameter.Conflict";
    public const string EncryptedIllegalCode = "InvalidParameter.EncryptedIllegal";
    public const string KmsKeyNotFoundCode = "InvalidParameter.KMSKeyId.NotFound";
    public const string NotBootableCode = "InvalidDisk.DiskNotBootable";
    public const string NotOriginInstanceCode = "InvalidInstance.NotOriginInstance";
    public const string SnapshotOfOtherDiskCode = "OperationDenied";

    public static EcsError NotFound(string diskId) => new(NotFoundCode, 404, $"The specified disk \"{diskId}\" does not exist.");

    /// <summary>AttachDisk of a disk in use, DeleteDisk of an attached disk, DetachDisk from another instance, ReInitDisk of a detached one.</summary>
    public static EcsError IncorrectStatus(string why) => new(IncorrectStatusCode, 403, why);

    /// <summary>DetachDisk of a system disk: only data disks (Portable) come off an instance here.</summary>
    public static EcsError NotPortable(string diskId) => new(NotPortableCode, 403, $"The specified disk \"{diskId}\" is not a portable disk: a system disk stays on its instance.");

    public static EcsError NotSameZone(string diskZone, string instanceZone) =>
        new(NotSameZoneCode, 403, $"The specified instance and disk are not in the same zone: the disk is in {diskZone}, the instance in {instanceZone}.");

    public static EcsError LimitExceeded(int max) => new(LimitExceededCode, 403, $"The instance already has {max} data disks, the most it can have.");

    public static EcsError DeviceMalformed(string device) => new(DeviceMalformedCode, 400, $"The specified device \"{device}\" is not valid: use /dev/xvdb to /dev/xvdz.");

    public static EcsError DeviceInUse(string device) => new(DeviceInUseCode, 403, $"The specified device \"{device}\" is already used by another disk of the instance.");

    public static EcsError Category(string category) =>
        new(CategoryCode, 400, $"The specified parameter DiskCategory \"{category}\" is not valid: use cloud_essd, cloud_ssd or cloud_efficiency.");

    public static EcsError Size(int size, int min, int max) =>
        new(SizeCode, 400, $"The specified parameter Size is not valid: {size} GiB; a disk of this category is {min} to {max} GiB.");

    public static EcsError TooSmall(int size, int snapshotSize) =>
        new(TooSmallCode, 403, $"Specified disk size {size} GiB is less than the size of the snapshot ({snapshotSize} GiB).");

    public static EcsError PerformanceLevel(string why) => new(PerformanceLevelCode, 400, "The specified parameter PerformanceLevel is not valid: " + why);

    public static EcsError PerformanceLevelNotMatch(string level, int minSize) =>
        new(PerformanceLevelNotMatchCode, 403, $"The specified PerformanceLevel and disk size do not match: an ESSD at {level} is at least {minSize} GiB.");

    public static EcsError NameMalformed(string why) => new(NameMalformedCode, 400, "The specified disk name is wrongly formed: " + why);

    public static EcsError ZoneNotFound(string zoneId) => new(ZoneNotFoundCode, 404, $"The specified zone \"{zoneId}\" does not exist in this region.");

    public static EcsError Conflict(string why) => new(ConflictCode, 400, why);

    public static EcsError EncryptedIllegal() => new(EncryptedIllegalCode, 400, "The specified parameter Encrypted must be true when KMSKeyId is not empty.");

    public static EcsError KmsKeyNotFound(string keyId) => new(KmsKeyNotFoundCode, 404, $"The specified KMSKeyId \"{keyId}\" does not exist: disks here are encrypted with the service key only.");

    public static EcsError NotBootable(string diskId) => new(NotBootableCode, 400, $"The specified disk \"{diskId}\" is not a bootable disk and cannot be attached as a system disk.");

    /// <summary>A detached system disk comes only from a released instance here (DetachDisk keeps system disks on), so it has no instance to go back to.</summary>
    public static EcsError NotOriginInstance(string diskId) =>
        new(NotOriginInstanceCode, 400, $"The specified disk \"{diskId}\" can be attached as a system disk only to the instance it came from, which was released.");

    /// <summary>ResetDisk with a snapshot taken of another disk.</summary>
    public static EcsError SnapshotOfOtherDisk(string snapshotId, string diskId) =>
        new(SnapshotOfOtherDiskCode, 403, $"The specified snapshot \"{snapshotId}\" was not created from the disk \"{diskId}\".");

    /// <summary>SDP-08: <c>ProvisionedIops</c> is for ESSD AutoPL (<c>cloud_auto</c>) only (CreateDisk's table, 400).</summary>
    public static EcsError ProvisionedIopsUnsupported(string category) =>
        new("ProvisionedIopsForDiskCategoryUnsupported", 400, $"The specified disk category {category} does not support provisioned iops: ESSD AutoPL (cloud_auto) only.");

    /// <summary>SDP-08: <c>BurstingEnabled</c> is for ESSD AutoPL (<c>cloud_auto</c>) only (CreateDisk's table, 400).</summary>
    public static EcsError BurstingUnsupported(string category) =>
        new("BurstingEnabledForDiskCategoryUnsupported", 400, $"The specified disk category {category} does not support bursting enabled: ESSD AutoPL (cloud_auto) only.");

    /// <summary>SDP-07: <c>MultiAttach</c> is <c>Enabled</c> or <c>Disabled</c> (403).</summary>
    public static EcsError MultiAttachInvalid(string value) => new("InvalidParameter.MultiAttach", 403, $"The specified param MultiAttach \"{value}\" is not valid: use Enabled or Disabled.");

    /// <summary>SDP-07: a multi-attach disk is created on its own, then attached (403).</summary>
    public static EcsError MultiAttachWithInstance() => new("InvalidParameter.MultiAttachAndInstanceIdConflict", 403, "The parameter MultiAttach and InstanceId are conflict.");

    /// <summary>SDP-07: multi-attach is for ESSDs only (403).</summary>
    public static EcsError MultiAttachCategory(string category) =>
        new("InvalidParameter.DiskCategoryAndMultiAttachNotMatch", 403, $"The specified disk category {category} does not support multi attach enabled: ESSD (cloud_essd) only.");

    /// <summary>SDP-07 (*Unclear*): the emulated accounts are not on ECS's multi-attach whitelist (403).</summary>
    public static EcsError MultiAttachNotWhitelisted() =>
        new("UserNotInTheWhiteList", 403, "User is not in multi attach disk white list, apply through the work order.");

    /// <summary>SDP-09: no storage set exists here (CreateDisk's table: 400).</summary>
    public static EcsError StorageSetNotFound(string id) => new("InvalidStorageSetId.NotFound", 400, $"The specified storage set \"{id}\" does not exist.");

    /// <summary>SDP-09 (*Unclear*: ECS's table names no not-found code for a cluster): no dedicated block storage cluster exists here.</summary>
    public static EcsError StorageClusterNotFound(string id) =>
        new("InvalidStorageClusterId.NotFound", 400, $"The specified dedicated block storage cluster \"{id}\" does not exist.");

    /// <summary>SDP-09: a storage set and a dedicated block storage cluster cannot both be named (400).</summary>
    public static EcsError StorageClusterConflictsWithStorageSet() =>
        new("InvalidStorageClusterId.ConflictWithStorageSetId", 400, "The specified StorageClusterId is in conflict with storageSetId.");
}
