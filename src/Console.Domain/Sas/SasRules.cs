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

    /// <summary>SAS-13: a server is created only from an Available custom image.</summary>
    public static EcsError? CannotCreateServerFrom(string imageId, ImageStatus status) =>
        status == ImageStatus.Available ? null : SasErrors.NotAvailable(imageId);

    /// <summary>SAS-14: the plan's system disk is at least the image's.</summary>
    public static EcsError? PlanTooSmall(SasPlan plan, int imageGiB) =>
        plan.SystemDiskGiB >= imageGiB ? null : SasErrors.DiskLessThanImageSize(plan, imageGiB);

    /// <summary>SAS-16: 1 to 20 servers a call.</summary>
    public static EcsError? AmountOutOfRange(int amount) =>
        amount is >= 1 and <= SasErrors.MaxServersPerOrder ? null : SasErrors.Amount(amount);

    /// <summary>SAS-15: at most 50 servers of an account in a region, counting those asked for.</summary>
    public static EcsError? ServerQuotaFull(int servers, int amount) =>
        servers + amount <= SasErrors.MaxServersPerRegion ? null : SasErrors.ServerQuota(servers, amount);
}
