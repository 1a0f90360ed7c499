using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// A snapshot as the snapshot list shows it, with the IDs of the account's own images whose disks are made from it
/// (such a snapshot cannot be deleted while the image exists, domain-rules §6).
/// </summary>
public sealed record SnapshotListItem(
    string Id,
    string Name,
    string? Description,
    string SourceDiskId,
    string SourceDiskType,
    int SourceDiskSizeGiB,
    string? SourceInstanceId,
    SnapshotStatus Status,
    int Progress,
    string SnapshotType,
    DateTimeOffset CreationTime,
    IReadOnlyList<string> UsedByImageIds,
    bool Encrypted = false)
{
    /// <summary>The stored resource group; null reads as the account's default (<see cref="ResourceGroupRules.Effective"/>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>The automatic snapshot policy that took it; null for a manual snapshot.</summary>
    public string? AutoSnapshotPolicyId { get; init; }

    /// <summary>When an automatic snapshot is released; null: kept until deleted.</summary>
    public DateTimeOffset? RetainUntil { get; init; }
    /// <summary>SNP-03: the days it is kept, or null (until deleted).</summary>
    public int? RetentionDays { get; init; }

    /// <summary>The snapshot it was copied from (CopySnapshot) and that snapshot's region, or null.</summary>
    public string? SourceSnapshotId { get; init; }

    public string? SourceRegionId { get; init; }

    /// <summary>The snapshot-consistent group it was taken in, or null.</summary>
    public string? SnapshotGroupId { get; init; }

    /// <summary>SDP-02: its tags, by key.</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];
}

/// <summary>DescribeSnapshotsUsage: how many snapshots the account has in a region, and the bytes they hold.</summary>
public sealed record SnapshotUsage(int SnapshotCount, long SnapshotSizeBytes);

/// <summary>Reads the actor's snapshots.</summary>
public sealed class SnapshotQueryService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    /// <summary>
    /// The snapshots of the actor's account in <paramref name="regionId"/>, newest first. <see cref="SnapshotListItem.UsedByImageIds"/>
    /// lists the account's images in that region with a disk mapping on the snapshot; images of other accounts are
    /// never named. An actor without an account owns none.
    /// </summary>
    public Task<IReadOnlyList<SnapshotListItem>> ListAsync(Actor actor, string regionId, CancellationToken ct = default) =>
        ListAsync(actor, regionId, resourceGroupId: null, ct);

    /// <summary>
    /// The same list narrowed to the resource group <paramref name="resourceGroupId"/> as a Describe call's
    /// <c>ResourceGroupId</c> filter narrows it (<see cref="ResourceGroupRules.FilterAsync"/>: none or the default group
    /// keeps everything, IB-09; a group that is not the account's keeps nothing), in the query.
    /// </summary>
    public Task<IReadOnlyList<SnapshotListItem>> ListAsync(Actor actor, string regionId, string? resourceGroupId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync(actor, [], (db, account) => ListOwnAsync(db, account, regionId, resourceGroupId, ct), ct);

    private static async Task<IReadOnlyList<SnapshotListItem>> ListOwnAsync(ConsoleDbContext db, string account, string regionId, string? resourceGroupId, CancellationToken ct)
    {
        var rows = db.Snapshots.AsNoTracking().Where(s => s.AccountId == account && s.RegionId == regionId);
        if (await ResourceGroupRules.FilterAsync(db, account, resourceGroupId, ct) is { } groups)
        {
            rows = rows.Where(s => s.ResourceGroupId != null && groups.Contains(s.ResourceGroupId));
        }

        var snapshots = await rows
            .OrderByDescending(s => s.CreationTime).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .ToListAsync(ct);
        if (snapshots.Count == 0)
        {
            return [];
        }

        var usage = await (
                from m in db.ImageDiskMappings.AsNoTracking()
                join i in db.Images.AsNoTracking() on m.ImageKey equals i.Key
                where i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.RegionId == regionId && m.SnapshotId != null
                orderby i.Id
                select new { SnapshotId = m.SnapshotId!, ImageId = i.Id })
            .ToListAsync(ct);
        var imagesBySnapshot = usage
            .GroupBy(u => u.SnapshotId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(u => u.ImageId).Distinct()]);

        return
        [
            .. snapshots.Select(s => new SnapshotListItem(
                s.Id, s.Name, s.Description, s.SourceDiskId, s.SourceDiskType, s.SourceDiskSizeGiB, s.SourceInstanceId, s.Status, s.Progress, s.SnapshotType,
                s.CreationTime, imagesBySnapshot.GetValueOrDefault(s.Id, []), s.Encrypted)
            {
                ResourceGroupId = s.ResourceGroupId,
                AutoSnapshotPolicyId = s.AutoSnapshotPolicyId,
                RetainUntil = s.RetainUntil,
                RetentionDays = s.RetentionDays,
                SourceSnapshotId = s.SourceSnapshotId,
                SourceRegionId = s.SourceRegionId,
                SnapshotGroupId = s.SnapshotGroupId,
                Tags = [.. s.Tags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => (t.TagKey, t.TagValue))],
            }),
        ];
    }

    /// <summary>The region of the actor's snapshot <paramref name="snapshotId"/>, or null (DeleteSnapshot names no region).</summary>
    public Task<string?> FindRegionAsync(Actor actor, string snapshotId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync(actor, null, (db, account) =>
            db.Snapshots.AsNoTracking().Where(s => s.Id == snapshotId && s.AccountId == account).Select(s => s.RegionId).FirstOrDefaultAsync(ct), ct);

    /// <summary>
    /// The actor's snapshots in <paramref name="regionId"/>: their number and the bytes they hold (each the full size of
    /// its source disk, as DescribeSnapshots' <c>FullSnapshotSizeInBytes</c>; the product keeps no sparse data).
    /// </summary>
    public Task<SnapshotUsage> UsageAsync(Actor actor, string regionId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync(actor, new SnapshotUsage(0, 0), async (db, account) =>
        {
            var sizes = await db.Snapshots.AsNoTracking().Where(s => s.AccountId == account && s.RegionId == regionId).Select(s => s.SourceDiskSizeGiB).ToListAsync(ct);
            return new SnapshotUsage(sizes.Count, sizes.Sum(gib => (long)gib << 30));
        }, ct);
}
