namespace EcsConsole.Domain.Instances;

/// <summary>One disk of an instance as the instance list shows it.</summary>
public sealed record InstanceDiskSummary(string Id, string Type, string Category, int SizeGiB);

/// <summary>An instance as the instance list shows it: identity, placement, type size, image, state, billing and disks.</summary>
public sealed record InstanceListItem(
    string Id,
    string Name,
    string ZoneId,
    string InstanceTypeId,
    int Vcpu,
    decimal MemoryGiB,
    string ImageId,
    InstanceStatus Status,
    InstanceChargeType ChargeType,
    DateTimeOffset CreationTime,
    DateTimeOffset? ExpiredTime,
    IReadOnlyList<InstanceDiskSummary> Disks)
{
    /// <summary>The stored resource group; null reads as the account's default (<see cref="ResourceGroupRules.Effective"/>).</summary>
    public string? ResourceGroupId { get; init; }

    public string? KeyPairName { get; init; }

    public bool DeletionProtection { get; init; }

    public string? PrivateIpAddress { get; init; }

    /// <summary>The description ModifyInstanceAttribute or CreateInstance set; null when none.</summary>
    public string? Description { get; init; }

    /// <summary>The host name set; null reads as ECS's default from the instance ID.</summary>
    public string? HostName { get; init; }

    /// <summary>Whether a logon password was set (the password itself is never kept).</summary>
    public bool PasswordSet { get; init; }

    /// <summary>The OS of the instance's image in its region (null when the image is gone).</summary>
    public string? OsName { get; init; }

    public Images.OsType? OsType { get; init; }

    /// <summary>Whether the instance's image supports NVMe (false when the image is gone).</summary>
    public bool ImageNvmeSupport { get; init; }

    /// <summary>The stored options of its creation and its last stop (<see cref="Instance"/>'s members of the same names).</summary>
    public IReadOnlyList<InstanceTag> Tags { get; init; } = [];

    public DateTimeOffset? AutoReleaseTime { get; init; }

    public string? InternetChargeType { get; init; }

    public int InternetMaxBandwidthOut { get; init; }

    public int? InternetMaxBandwidthIn { get; init; }

    public string? SpotStrategy { get; init; }

    public decimal? SpotPriceLimit { get; init; }

    public int? SpotDuration { get; init; }

    public string? SpotInterruptionBehavior { get; init; }

    public string? HttpEndpoint { get; init; }

    public string? HttpTokens { get; init; }

    public int? HttpPutResponseHopLimit { get; init; }

    public string? StoppedMode { get; init; }

    public bool HasUserData { get; init; }

    public InstanceSettings Settings { get; init; } = new();

    public int? AutoRenewMonths { get; init; }
}

/// <summary>Reads the actor's instances.</summary>
public sealed class InstanceQueryService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    /// <summary>
    /// The instances of the actor's account in <paramref name="regionId"/>, newest first, with their type's size and
    /// their disks (system disk first). An actor without an account owns none; another account's instances never appear.
    /// </summary>
    public Task<IReadOnlyList<InstanceListItem>> ListAsync(Actor actor, string regionId, CancellationToken ct = default) =>
        ListAsync(actor, regionId, resourceGroupId: null, ct);

    /// <summary>
    /// The same list narrowed to the resource group <paramref name="resourceGroupId"/> as DescribeInstances'
    /// <c>ResourceGroupId</c> narrows it (<see cref="ResourceGroupRules.FilterAsync"/>: none or the default group keeps
    /// everything, IB-09; a group that is not the account's keeps nothing), in the query.
    /// </summary>
    public Task<IReadOnlyList<InstanceListItem>> ListAsync(Actor actor, string regionId, string? resourceGroupId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync<IReadOnlyList<InstanceListItem>>(actor, [], async (db, account) =>
        {
            var instances = db.Instances.AsNoTracking();
            if (await ResourceGroupRules.FilterAsync(db, account, resourceGroupId, ct) is { } groups)
            {
                instances = instances.Where(i => i.ResourceGroupId != null && groups.Contains(i.ResourceGroupId));
            }

            return await ListOwn(db, instances, account, regionId).ToListAsync(ct);
        }, ct);

    private static IQueryable<InstanceListItem> ListOwn(ConsoleDbContext db, IQueryable<Instance> instances, string account, string regionId) =>
                from i in instances
                join t in db.InstanceTypes.AsNoTracking() on i.InstanceTypeId equals t.Id
                // (RegionId, Id) is unique: at most one image; the order only tells EF Core so (warning 10102).
                from image in db.Images.AsNoTracking().Where(m => m.Id == i.ImageId && m.RegionId == i.RegionId).OrderBy(m => m.Key).Take(1).DefaultIfEmpty()
                where i.AccountId == account && i.RegionId == regionId
                orderby i.CreationTime descending, i.Name, i.Id
                select new InstanceListItem(
                    i.Id,
                    i.Name,
                    i.ZoneId,
                    i.InstanceTypeId,
                    t.Vcpu,
                    t.MemoryGiB,
                    i.ImageId,
                    i.Status,
                    i.ChargeType,
                    i.CreationTime,
                    i.ExpiredTime,
                    i.Disks.OrderBy(d => d.Device).Select(d => new InstanceDiskSummary(d.Id, d.Type, d.Category, d.SizeGiB)).ToList())
                {
                    ResourceGroupId = i.ResourceGroupId,
                    KeyPairName = i.KeyPairName,
                    DeletionProtection = i.DeletionProtection,
                    PrivateIpAddress = i.PrivateIpAddress,
                    Description = i.Description,
                    HostName = i.HostName,
                    PasswordSet = i.PasswordSet,
                    OsName = image != null ? image.OsName : null,
                    OsType = image != null ? image.OsType : null,
                    ImageNvmeSupport = image != null && image.NvmeSupport,
                    Tags = i.Tags,
                    AutoReleaseTime = i.AutoReleaseTime,
                    InternetChargeType = i.InternetChargeType,
                    InternetMaxBandwidthOut = i.InternetMaxBandwidthOut,
                    InternetMaxBandwidthIn = i.InternetMaxBandwidthIn,
                    SpotStrategy = i.SpotStrategy,
                    SpotPriceLimit = i.SpotPriceLimit,
                    SpotDuration = i.SpotDuration,
                    SpotInterruptionBehavior = i.SpotInterruptionBehavior,
                    HttpEndpoint = i.HttpEndpoint,
                    HttpTokens = i.HttpTokens,
                    HttpPutResponseHopLimit = i.HttpPutResponseHopLimit,
                    StoppedMode = i.StoppedMode,
                    HasUserData = i.UserData != null,
                    Settings = i.Settings,
                    AutoRenewMonths = i.AutoRenewMonths,
                };

    /// <summary>
    /// The region of the actor's instance <paramref name="instanceId"/>, or null when the account has no such instance
    /// (StartInstance, StopInstance, DeleteInstance and ReplaceSystemDisk name no region).
    /// </summary>
    public Task<string?> FindRegionAsync(Actor actor, string instanceId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync(actor, null, (db, account) =>
            db.Instances.AsNoTracking().Where(i => i.Id == instanceId && i.AccountId == account).Select(i => i.RegionId).FirstOrDefaultAsync(ct), ct);
}
