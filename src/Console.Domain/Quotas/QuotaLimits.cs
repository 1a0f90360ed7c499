namespace EcsConsole.Domain.Quotas;

/// <summary>The limit in force for one account: an admin's <see cref="Quota"/> row, else the catalogue's default.</summary>
public static class QuotaLimits
{
    /// <summary>
    /// The limit of <paramref name="quotaName"/> for the account (and region, for per-region quotas). Read inside the
    /// caller's write transaction, so the check and the insert it guards are one unit (architecture.md, mechanism 5).
    /// </summary>
    public static async Task<int> GetAsync(ConsoleDbContext db, string accountId, string? regionId, string quotaName, CancellationToken ct = default)
    {
        var definition = QuotaCatalogue.Find(quotaName) ?? throw new ArgumentException($"Unknown quota {quotaName}", nameof(quotaName));
        var scopedRegion = definition.Scope == QuotaScope.PerRegion ? regionId : null;
        var set = await db.Quotas.AsNoTracking()
            .Where(q => q.AccountId == accountId && q.RegionId == scopedRegion && q.Name == quotaName)
            .Select(q => (int?)q.Limit).FirstOrDefaultAsync(ct);
        return set ?? definition.DefaultLimit;
    }
}
