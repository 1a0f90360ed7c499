namespace EcsConsole.Domain.Instances;

/// <summary>Reads the actor's cloud disks (DescribeDisks).</summary>
public sealed class DiskQueryService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    /// <summary>
    /// The disks of the actor's account in <paramref name="regionId"/>, attached or not, newest first (system disk before
    /// data disks of one instance). An actor without an account owns none.
    /// </summary>
    public async Task<IReadOnlyList<Disk>> ListAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        if (actor.AccountId is not { } account)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var disks = await db.Disks.AsNoTracking().Where(d => d.AccountId == account && d.RegionId == regionId).ToListAsync(ct);
        return [.. disks.OrderByDescending(d => d.CreationTime).ThenBy(d => d.InstanceId, StringComparer.Ordinal).ThenBy(d => d.Device, StringComparer.Ordinal)];
    }

    /// <summary>The actor's disk with this ID in any region (CreateSnapshot names no region), or null.</summary>
    public async Task<Disk?> FindAsync(Actor actor, string diskId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return actor.AccountId is null ? null : await db.Disks.AsNoTracking().FirstOrDefaultAsync(d => d.Id == diskId && d.AccountId == actor.AccountId, ct);
    }
}
