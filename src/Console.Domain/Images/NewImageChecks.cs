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

    /// <summary>
    /// The name a new image gets when none is asked for: <paramref name="name"/> while it is free among the account's
    /// custom images in the region, else the first free of <c>name-copy</c>, <c>name-copy-2</c>, … (a same-region copy's
    /// source keeps its own name, CPY-06), within the 128 characters of VAL-NAME-01.
    /// </summary>
    public static async Task<string> FreeNameAsync(ConsoleDbContext db, string accountId, string regionId, string name, CancellationToken ct)
    {
        var stem = name.Length > 128 - 10 ? name[..(128 - 10)] : name;
        var taken = await OwnImages(db, accountId, regionId).Where(i => i.Name == name || i.Name.StartsWith(stem + "-copy"))
            .Select(i => i.Name).ToListAsync(ct);
        if (!taken.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        return Enumerable.Range(1, taken.Count + 1).Select(n => n == 1 ? $"{stem}-copy" : $"{stem}-copy-{n}")
            .First(candidate => !taken.Contains(candidate, StringComparer.Ordinal));
    }

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
