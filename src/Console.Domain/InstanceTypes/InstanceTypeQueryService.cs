namespace EcsConsole.Domain.InstanceTypes;

/// <summary>The instance type catalogue (DescribeInstanceTypes, DescribeZones). It never changes at run time, so it is read once.</summary>
public sealed class InstanceTypeQueryService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    private readonly ReadOnce<IReadOnlyList<InstanceType>> _types = new(dbFactory, async (db, ct) =>
        [.. (await db.InstanceTypes.AsNoTracking().Include(t => t.Zones).ToListAsync(ct)).OrderBy(t => t.Id, StringComparer.Ordinal)]);

    /// <summary>Every instance type with the zones it is sold in, by ID.</summary>
    public Task<IReadOnlyList<InstanceType>> ListAsync(CancellationToken ct = default) => _types.GetAsync(ct);
}
