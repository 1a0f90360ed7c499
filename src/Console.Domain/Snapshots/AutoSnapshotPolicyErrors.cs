namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// Errors of automatic snapshot policies, with the codes of ECS's error tables for CreateAutoSnapshotPolicy,
/// ApplyAutoSnapshotPolicy, CancelAutoSnapshotPolicy and DeleteAutoSnapshotPolicy (docs/rules/auto-snapshot-policies.md).
/// </summary>
public static class AutoSnapshotPolicyErrors
{
    /// <summary>ECS's code for an unknown policy and for disks it cannot find (404).</summary>
    public const string ParameterInvalidCode = "ParameterInvalid";
    public const string QuotaCode = "QuotaExceed.AutoSnapshotPolicy";
    public const string NameMalformedCode = "InvalidAutoSnapshotPolicyName.Malformed";

    /// <summary>DeleteAutoSnapshotPolicy and ApplyAutoSnapshotPolicy: the policy is not the account's in the region.</summary>
    public static EcsError NotFound(string policyId) =>
        new(ParameterInvalidCode, 404, $"The specified automatic snapshot policy \"{policyId}\" does not exist in the region.");

    /// <summary>ApplyAutoSnapshotPolicy and CancelAutoSnapshotPolicy: a disk is not the account's in the region, or the list is malformed.</summary>
    public static EcsError DisksInvalid(string why) => new(ParameterInvalidCode, 404, $"The specified DiskIds are invalid: {why}");

    /// <summary>SNP-12: at most <paramref name="limit"/> policies per region per account.</summary>
    public static EcsError Quota(int limit) => new(QuotaCode, 403, $"An account has at most {limit} automatic snapshot policies in a region.");

    /// <summary>SNP-12: a disk carries at most <paramref name="limit"/> policies.</summary>
    public static EcsError PerDiskQuota(string diskId, int limit) =>
        new(QuotaCode, 403, $"The disk \"{diskId}\" already has {limit} automatic snapshot policies.");

    public static EcsError NameMalformed(string why) => new(NameMalformedCode, 400, $"The specified automatic snapshot policy name is wrongly formed: {why}");
}
