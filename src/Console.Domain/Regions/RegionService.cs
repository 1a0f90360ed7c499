namespace EcsConsole.Domain.Regions;

/// <summary>
/// Regions and zones. They never change at run time, so the list is read once and kept (the shell asks on every
/// navigation).
/// </summary>
public sealed class RegionService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    private readonly ReadOnce<IReadOnlyList<Region>> _regions = new(dbFactory, async (db, ct) =>
        await db.Regions.AsNoTracking().Include(r => r.Zones.OrderBy(z => z.Id)).OrderBy(r => r.SortOrder).ToListAsync(ct));

    /// <summary>Every region with its zones, in display order.</summary>
    public Task<IReadOnlyList<Region>> ListAsync(CancellationToken ct = default) => _regions.GetAsync(ct);

    /// <summary>The region with this ID, or null when there is none.</summary>
    public async Task<Region?> FindAsync(string? regionId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(regionId))
        {
            return null;
        }

        var regions = await ListAsync(ct);
        return regions.FirstOrDefault(r => r.Id == regionId);
    }

    /// <summary>
    /// What the shell does with <c>?region=</c>: the requested region when it exists, else the default one, and
    /// whether the request had to be corrected (so the page can say so).
    /// </summary>
    public async Task<RegionResolution> ResolveAsync(string? requested, CancellationToken ct = default)
    {
        var regions = await ListAsync(ct);
        var found = string.IsNullOrWhiteSpace(requested) ? null : regions.FirstOrDefault(r => r.Id == requested);
        var fallback = regions.FirstOrDefault(r => r.Id == Region.DefaultRegionId) ?? regions[0];
        return new RegionResolution(found ?? fallback, Corrected: !string.IsNullOrWhiteSpace(requested) && found is null, requested);
    }
}

/// <summary>The region a page shows, and whether the URL asked for one that does not exist.</summary>
public sealed record RegionResolution(Region Region, bool Corrected, string? Requested);
