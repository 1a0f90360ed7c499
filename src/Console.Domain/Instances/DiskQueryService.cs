namespace EcsConsole.Domain.Instances;

/// <summary>Reads the actor's cloud disks (DescribeDisks).</summary>
public sealed class DiskQueryService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    /// <summary>
    /// The disks of the actor's account in <paramref name="regionId"/>, attached or not, newest first (system disk before
    /// data disks of one instance). An actor without an account owns none.
    /// </summary>
    public Task<IReadOnlyList<Disk>> ListAsync(Actor actor, string regionId, CancellationToken ct = default) =>
        ListAsync(actor, regionId, resourceGroupId: null, ct);

    /// <summary>
    /// The same list narrowed to the resource group <paramref name="resourceGroupId"/> as DescribeDisks'
    /// <c>ResourceGroupId</c> narrows it (<see cref="ResourceGroupRules.FilterAsync"/>: none or the default group keeps
    /// everything, IB-09; a group that is not the account's keeps nothing), in the query.
    /// </summary>
    public Task<IReadOnlyList<Disk>> ListAsync(Actor actor, string regionId, string? resourceGroupId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync<IReadOnlyList<Disk>>(actor, [], async (db, account) =>
        {
            var rows = db.Disks.AsNoTracking().Where(d => d.AccountId == account && d.RegionId == regionId);
            if (await ResourceGroupRules.FilterAsync(db, account, resourceGroupId, ct) is { } groups)
            {
                rows = rows.Where(d => d.ResourceGroupId != null && groups.Contains(d.ResourceGroupId));
            }

            var disks = await rows.ToListAsync(ct);
            return [.. disks.OrderByDescending(d => d.CreationTime).ThenBy(d => d.InstanceId, StringComparer.Ordinal).ThenBy(d => d.Device, StringComparer.Ordinal)];
        }, ct);

    /// <summary>The actor's disk with this ID in any region (CreateSnapshot names no region), or null.</summary>
    public Task<Disk?> FindAsync(Actor actor, string diskId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync(actor, null, (db, account) => db.Disks.AsNoTracking().FirstOrDefaultAsync(d => d.Id == diskId && d.AccountId == account, ct), ct);
}
