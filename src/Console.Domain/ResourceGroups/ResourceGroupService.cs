namespace EcsConsole.Domain.ResourceGroups;

/// <summary>
/// The resource groups of an account (its default one and the stored ones) and JoinResourceGroup: moving one of the
/// account's resources — an instance, a disk, a snapshot, a custom image or a key pair — into another of its groups.
/// Moving needs an Operator or Admin; it is audited against the resource and published.
/// </summary>
public sealed class ResourceGroupService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    /// <summary>The resource types JoinResourceGroup moves here (ECS's names, case-sensitive).</summary>
    public static readonly IReadOnlyList<string> ResourceTypes = ["instance", "disk", "snapshot", "image", "keypair"];

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>The actor's account's groups: the default one first, then the others by display name.</summary>
    public async Task<IReadOnlyList<ResourceGroupInfo>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.AccountId is not { } accountId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.ResourceGroups.AsNoTracking().Where(g => g.AccountId == accountId).ToListAsync(ct);
        return
        [
            new ResourceGroupInfo(ResourceGroupRules.DefaultIdFor(accountId), ResourceGroupRules.DefaultName, ResourceGroupRules.DefaultDisplayName, true),
            .. stored.OrderBy(g => g.DisplayName, StringComparer.OrdinalIgnoreCase).Select(g => new ResourceGroupInfo(g.Id, g.Name, g.DisplayName, false)),
        ];
    }

    /// <summary>
    /// What a Describe call's <c>ResourceGroupId</c> filter keeps, for lists filtered in memory: null for no filter
    /// (none given, or the default group, IB-09), else the one group's ID, or nothing when it is not the account's.
    /// </summary>
    public async Task<IReadOnlyList<string>?> FilterAsync(Actor actor, string? filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ResourceGroupRules.FilterAsync(db, actor.AccountId, filter, ct);
    }

    /// <summary>
    /// JoinResourceGroup. Codes: <c>MissingParameter</c>, <see cref="ResourceGroupErrors.ResourceTypeNotSupportedCode"/>,
    /// <see cref="ResourceGroupErrors.NotFoundCode"/> (a group that is not the account's),
    /// <see cref="ResourceGroupErrors.ResourceNotFoundCode"/> (no such resource of the account in the region), <c>Forbidden</c>.
    /// </summary>
    public async Task<Result> JoinAsync(Actor actor, string regionId, string? resourceType, string? resourceId, string? resourceGroupId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(resourceType) || string.IsNullOrEmpty(resourceId) || string.IsNullOrEmpty(resourceGroupId))
        {
            return CommonErrors.MissingParameter(string.IsNullOrEmpty(resourceType) ? "ResourceType" : string.IsNullOrEmpty(resourceId) ? "ResourceId" : "ResourceGroupId");
        }

        ResourceKind? kind = resourceType switch
        {
            "instance" or "disk" => ResourceKind.Instance,
            "snapshot" => ResourceKind.Snapshot,
            "image" => ResourceKind.Image,
            "keypair" => ResourceKind.KeyPair,
            _ => null,
        };
        if (kind is null)
        {
            return ResourceGroupErrors.ResourceTypeNotSupported(resourceType);
        }

        var target = new AuditTarget(AuditActions.JoinResourceGroup, kind.Value, resourceId, regionId);
        return await _write.ChangeAsync(actor, WriteRight.CanWrite, target, auditDenied: true, async scope =>
        {
            var accountId = scope.Actor.AccountId!;
            var group = await ResourceGroupRules.ResolveAsync(scope.Db, accountId, resourceGroupId, ct);
            if (!group.IsSuccess)
            {
                return group.Error;
            }

            var moved = resourceType switch
            {
                "instance" => await Move(scope.Db.Instances.Where(r => r.Id == resourceId && r.AccountId == accountId && r.RegionId == regionId), r => r.ResourceGroupId = group.Value),
                "disk" => await Move(scope.Db.Disks.Where(r => r.Id == resourceId && r.AccountId == accountId && r.RegionId == regionId), r => r.ResourceGroupId = group.Value),
                "snapshot" => await Move(scope.Db.Snapshots.Where(r => r.Id == resourceId && r.AccountId == accountId && r.RegionId == regionId), r => r.ResourceGroupId = group.Value),
                "image" => await Move(scope.Db.Images.Where(r => r.Id == resourceId && r.OwnerAccountId == accountId && r.RegionId == regionId), r => r.ResourceGroupId = group.Value),
                _ => await Move(scope.Db.KeyPairs.Where(r => r.Name == resourceId && r.AccountId == accountId && r.RegionId == regionId), r => r.ResourceGroupId = group.Value),
            };
            if (!moved)
            {
                return ResourceGroupErrors.ResourceNotFound(resourceId);
            }

            await scope.Db.SaveChangesAsync(ct);
            return null;
        }, ct);

        async Task<bool> Move<T>(IQueryable<T> rows, Action<T> set)
        {
            var row = await rows.FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return false;
            }

            set(row);
            return true;
        }
    }
}
