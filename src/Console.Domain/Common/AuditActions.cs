namespace EcsConsole.Domain.Common;

/// <summary>
/// Every action name the audit log records, defined once (issue #18). Mostly the ECS API action of the same change;
/// the console-only ones (members, quotas, buckets, the Marketplace) are named in the same style.
/// </summary>
public static class AuditActions
{
    // Accounts and members
    public const string CreateAccount = "CreateAccount";
    public const string AddMember = "AddMember";
    public const string ChangeMemberRole = "ChangeMemberRole";
    public const string RemoveMember = "RemoveMember";
    public const string CreateAccessKey = "CreateAccessKey";
    public const string UpdateAccessKey = "UpdateAccessKey";
    public const string DeleteAccessKey = "DeleteAccessKey";
    public const string ModifyUserPreference = "ModifyUserPreference";

    // Images
    public const string CreateImage = "CreateImage";
    public const string ModifyImageAttribute = "ModifyImageAttribute";
    public const string DeleteImage = "DeleteImage";
    public const string ModifyImageSharePermission = "ModifyImageSharePermission";
    public const string CopyImage = "CopyImage";
    public const string CancelCopyImage = "CancelCopyImage";
    public const string ImportImage = "ImportImage";
    public const string ExportImage = "ExportImage";
    public const string TagResources = "TagResources";
    public const string UntagResources = "UntagResources";
    public const string JoinResourceGroup = "JoinResourceGroup";

    // Snapshots, instances, tasks
    public const string CreateSnapshot = "CreateSnapshot";
    public const string DeleteSnapshot = "DeleteSnapshot";
    public const string CopySnapshot = "CopySnapshot";
    public const string ModifySnapshotAttribute = "ModifySnapshotAttribute";
    public const string CreateSnapshotGroup = "CreateSnapshotGroup";
    public const string DeleteSnapshotGroup = "DeleteSnapshotGroup";
    public const string RunInstances = "RunInstances";
    public const string StartInstance = "StartInstance";
    public const string StopInstance = "StopInstance";
    public const string DeleteInstance = "DeleteInstance";
    public const string CreateInstance = "CreateInstance";
    public const string RebootInstance = "RebootInstance";
    public const string ModifyInstanceAttribute = "ModifyInstanceAttribute";
    public const string ReplaceSystemDisk = "ReplaceSystemDisk";
    public const string CreateKeyPair = "CreateKeyPair";
    public const string ImportKeyPair = "ImportKeyPair";
    public const string DeleteKeyPairs = "DeleteKeyPairs";
    public const string CancelTask = "CancelTask";

    // Disks
    public const string CreateDisk = "CreateDisk";
    public const string AttachDisk = "AttachDisk";
    public const string DetachDisk = "DetachDisk";
    public const string DeleteDisk = "DeleteDisk";
    public const string ResetDisk = "ResetDisk";
    public const string ReInitDisk = "ReInitDisk";

    // Automatic snapshot policies
    public const string CreateAutoSnapshotPolicy = "CreateAutoSnapshotPolicy";
    public const string ApplyAutoSnapshotPolicy = "ApplyAutoSnapshotPolicy";
    public const string CancelAutoSnapshotPolicy = "CancelAutoSnapshotPolicy";
    public const string DeleteAutoSnapshotPolicy = "DeleteAutoSnapshotPolicy";

    // Object storage
    public const string PutBucket = "PutBucket";
    public const string DeleteBucket = "DeleteBucket";
    public const string PutObject = "PutObject";

    // Quotas
    public const string CreateQuotaApplication = "CreateQuotaApplication";
    public const string ApproveQuotaApplication = "ApproveQuotaApplication";
    public const string RejectQuotaApplication = "RejectQuotaApplication";
    public const string ModifyQuota = "ModifyQuota";

    // Marketplace
    public const string SubscribeMarketplaceProduct = "SubscribeMarketplaceProduct";
    public const string UnsubscribeMarketplaceProduct = "UnsubscribeMarketplaceProduct";
    public const string WithdrawMarketplaceProduct = "WithdrawMarketplaceProduct";
    public const string ReinstateMarketplaceProduct = "ReinstateMarketplaceProduct";

    // Server migration (SAS)
    public const string CreateCustomImage = "CreateCustomImage";
    public const string DeleteCustomImages = "DeleteCustomImages";
    public const string ModifyImageShareStatus = "ModifyImageShareStatus";
    public const string CopyCustomImage = "CopyCustomImage";
    public const string ReleaseInstance = "ReleaseInstance";
    public const string ReleaseCustomImage = "ReleaseCustomImage";
    public const string CreateInstances = "CreateInstances";

    // Image Builder
    public const string CreateImageComponent = "CreateImageComponent";
    public const string DeleteImageComponent = "DeleteImageComponent";
    public const string CreateImagePipeline = "CreateImagePipeline";
    public const string DeleteImagePipeline = "DeleteImagePipeline";
    public const string StartImagePipelineExecution = "StartImagePipelineExecution";
    public const string CancelImagePipelineExecution = "CancelImagePipelineExecution";

    // Image updates (OOS)
    public const string UpdateImage = "ACS-ECS-UpdateImage";
    public const string CancelExecution = "CancelExecution";

    /// <summary>An action recorded with the reason it was taken for, e.g. <c>ReleaseInstance:Expired</c>.</summary>
    public static string WithReason<TReason>(string action, TReason reason) where TReason : struct, Enum => $"{action}:{reason}";
}
