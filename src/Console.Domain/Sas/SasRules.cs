using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// The rules of SAS custom-image actions, one function each: <see cref="SasImageService"/> refuses with them and
/// <see cref="SasAffordances"/> asks them for what the console shows as enabled (ADR-011). Null when allowed.
/// </summary>
public static class SasRules
{
    /// <summary>The disk type of a server's system disk and of its snapshots (<see cref="SasDisk.Type"/>).</summary>
    public const string SystemDisk = "system";

    /// <summary>SAS-06, SAS-09: a custom image is shared to ECS, or copied, only while Available.</summary>
    public static EcsError? CannotShareOrCopy(string imageId, ImageStatus status) =>
        status == ImageStatus.Available ? null : SasErrors.NotAvailable(imageId);

    /// <summary>SAS-03: no new custom image (made or copied) once the account's quota is used up.</summary>
    public static EcsError? QuotaFull(SasImageQuota quota) =>
        quota.IsFull ? SasErrors.Quota(quota.Used, quota.Limit, quota.Servers) : null;

    /// <summary>SAS-01: a custom image starts from a system-disk snapshot.</summary>
    public static EcsError? NoSystemSnapshot(string? systemSnapshotId) =>
        string.IsNullOrWhiteSpace(systemSnapshotId) ? CommonErrors.MissingParameter("SystemSnapshotId") : null;
}
