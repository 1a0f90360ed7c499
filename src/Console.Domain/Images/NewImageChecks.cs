using EcsConsole.Domain.Quotas;

namespace EcsConsole.Domain.Images;

/// <summary>
/// What every way of making a custom image checks for the image it is about to add (create, copy, import): the name is
/// free among the account's custom images in the region (VAL-NAME-07) and the account's <c>q_user-image-count</c> in that
/// region has room (QTA-01). Called inside the caller's write transaction, so the count and the insert are one unit.
/// </summary>
internal static class NewImageChecks
{
    /// <summary>The account's custom images in the region.</summary>
    public static IQueryable<Image> OwnImages(ConsoleDbContext db, string accountId, string regionId) =>
        db.Images.Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == accountId && i.RegionId == regionId);

    /// <summary>Null, or <see cref="ImageErrors.NameDuplicatedCode"/> / <see cref="ImageErrors.ImageQuotaCode"/>.</summary>
    public static async Task<EcsError?> NameAndQuotaAsync(ConsoleDbContext db, string accountId, string regionId, string? name, CancellationToken ct)
    {
        var own = OwnImages(db, accountId, regionId);
        if (!string.IsNullOrEmpty(name) && await own.AnyAsync(i => i.Name == name, ct))
        {
            return ImageErrors.NameDuplicated(name);
        }

        var limit = await QuotaLimits.GetAsync(db, accountId, regionId, QuotaCatalogue.ImageCount, ct);
        return await own.CountAsync(ct) >= limit ? ImageErrors.ImageQuota(limit) : null;
    }
}
