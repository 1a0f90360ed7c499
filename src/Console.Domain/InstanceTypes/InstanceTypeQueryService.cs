namespace EcsConsole.Domain.InstanceTypes;

/// <summary>The instance type catalogue (DescribeInstanceTypes, DescribeZones). It never changes at run time, so it is read once.</summary>
public sealed class InstanceTypeQueryService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    private IReadOnlyList<InstanceType>? _types;

    /// <summary>Every instance type with the zones it is sold in, by ID.</summary>
    public async Task<IReadOnlyList<InstanceType>> ListAsync(CancellationToken ct = default)
    {
        if (_types is not null)
        {
            return _types;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.InstanceTypes.AsNoTracking().Include(t => t.Zones).ToListAsync(ct);
        _types = [.. types.OrderBy(t => t.Id, StringComparer.Ordinal)];
        return _types;
    }
}
