using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Domain.Tags;

/// <summary>One tag on one resource, as ListTagResources reports it.</summary>
public sealed record TagResource(string ResourceId, string ResourceType, string TagKey, string TagValue);

/// <summary>
/// TagResources, UntagResources and ListTagResources (SDP-17) for every resource type the product has that carries tags:
/// <c>image</c> (the account's custom images), <c>instance</c>, <c>disk</c>, <c>snapshot</c>, <c>keypair</c> (named by
/// its name) and <c>snapshotpolicy</c>, each ≤ 20 tags with the rules of <see cref="ImageValidation.Tags"/>. Only an
/// Operator or Admin of the owner changes them; every change is audited per resource and published.
/// </summary>
public sealed class TagService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    public const string ImageResourceType = "image";
    public const int MaxResources = 50;

    /// <summary>SDP-17: the resource types the product tags, with the kind each is audited as.</summary>
    public static readonly IReadOnlyDictionary<string, ResourceKind> ResourceTypes = new Dictionary<string, ResourceKind>(StringComparer.Ordinal)
    {
        [ImageResourceType] = ResourceKind.Image,
        ["instance"] = ResourceKind.Instance,
        ["disk"] = ResourceKind.Disk,
        ["snapshot"] = ResourceKind.Snapshot,
        ["keypair"] = ResourceKind.KeyPair,
        ["snapshotpolicy"] = ResourceKind.AutoSnapshotPolicy,
    };

    /// <summary>SDP-17: ECS's other resource types, of which the product has none: each ID named is <c>InvalidResourceId.NotFound</c>.</summary>
    public static readonly IReadOnlySet<string> AbsentResourceTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "securitygroup", "volume", "eni", "ddh", "ddhcluster", "launchtemplate", "reservedinstance", "elasticityassurance", "capacityreservation",
        "command", "invocation", "activation", "managedinstance",
    };

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>A resource being tagged: its ID, its tags now, and how they are replaced.</summary>
    private sealed record Tagged(string Id, IReadOnlyList<(string Key, string Value)> Tags, Action<IReadOnlyList<(string Key, string Value)>> Replace);

    /// <summary>
    /// Adds or overwrites tags on the actor's resources. All or nothing. Codes: <see cref="TagErrors.ResourceTypeNotFoundCode"/>,
    /// <see cref="TagErrors.TooManyResourcesCode"/>, <c>MissingParameter</c>, <see cref="TagErrors.TooManyTagsCode"/> (more than 20 named), the tag rule codes, <c>QuotaExceed.Tags</c>
    /// (more than 20 on one resource), <c>InvalidImageId.NotFound</c> (an image) or <see cref="TagErrors.ResourceIdNotFoundCode"/>
    /// (another resource), <c>Forbidden</c>.
    /// </summary>
    public Task<Result> TagAsync(Actor actor, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        IReadOnlyList<(string Key, string Value)> tags, CancellationToken ct = default) =>
        ChangeAsync(actor, AuditActions.TagResources, regionId, resourceType, resourceIds, tags.Count == 0 ? CommonErrors.MissingParameter("Tag")
            : tags.Count > ImageValidation.MaxTags ? TagErrors.TooManyTags(ImageValidation.MaxTags) : ImageValidation.Tags(tags),
            current => [.. current.Where(t => tags.All(n => n.Key != t.Key)), .. tags.Select(t => (t.Key, t.Value ?? ""))], ct);

    /// <summary>Removes the tags with <paramref name="keys"/> (or every tag with <paramref name="all"/>) from the actor's resources. Codes as <see cref="TagAsync"/>.</summary>
    public Task<Result> UntagAsync(Actor actor, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        IReadOnlyList<string> keys, bool all, CancellationToken ct = default) =>
        ChangeAsync(actor, AuditActions.UntagResources, regionId, resourceType, resourceIds,
            keys.Count > ImageValidation.MaxTags ? CommonErrors.InvalidParameter("TagKey", $"give at most {ImageValidation.MaxTags} tag keys.") : null,
            current => [.. current.Where(t => !((keys.Count == 0 && all) || keys.Contains(t.Key)))], ct);

    /// <summary>
    /// The console's Edit Tags: makes <paramref name="tags"/> the image's whole set of tags, in one write (all or nothing).
    /// The rules are TagResources': the tag rule codes, <c>QuotaExceed.Tags</c> beyond 20, <c>InvalidImageId.NotFound</c>,
    /// <c>Forbidden</c>. Audited as TagResources, or UntagResources when <paramref name="tags"/> is empty.
    /// </summary>
    public Task<Result> ReplaceImageTagsAsync(Actor actor, string regionId, string imageId, IReadOnlyList<(string Key, string Value)> tags,
        CancellationToken ct = default) =>
        ChangeAsync(actor, tags.Count == 0 ? AuditActions.UntagResources : AuditActions.TagResources, regionId, ImageResourceType, [imageId],
            tags.Count == 0 ? null : ImageValidation.Tags(tags), _ => [.. tags.Select(t => (t.Key, t.Value ?? ""))], ct);

    /// <summary>
    /// The tags of the resources of <paramref name="resourceType"/> the actor sees in the region: of <paramref name="resourceIds"/>
    /// when given, else of its own; only resources carrying every tag of <paramref name="filter"/> (an empty value matches
    /// any). In resource ID order. Codes: <see cref="TagErrors.ResourceTypeNotFoundCode"/>, <see cref="TagErrors.TooManyResourcesCode"/>.
    /// </summary>
    public async Task<Result<IReadOnlyList<TagResource>>> ListAsync(Actor actor, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        IReadOnlyList<(string Key, string Value)> filter, CancellationToken ct = default)
    {
        if (!ResourceTypes.ContainsKey(resourceType) && !AbsentResourceTypes.Contains(resourceType))
        {
            return TagErrors.ResourceTypeNotFound(resourceType);
        }

        if (resourceIds.Count > MaxResources)
        {
            return TagErrors.TooManyResources(MaxResources);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await TagsOfAsync(db, actor, regionId, resourceType, resourceIds, ct);
        return rows
            .Where(r => filter.All(f => r.Tags.Any(t => t.Key == f.Key && (string.IsNullOrEmpty(f.Value) || t.Value == f.Value))))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .SelectMany(r => r.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TagResource(r.Id, resourceType, t.Key, t.Value)))
            .ToList();
    }

    /// <summary>The tags of the resources ListTagResources lists, read only.</summary>
    private static async Task<List<(string Id, IReadOnlyList<(string Key, string Value)> Tags)>> TagsOfAsync(ConsoleDbContext db, Actor actor, string regionId,
        string resourceType, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var account = actor.AccountId;
        var any = ids.Count == 0;
        switch (resourceType)
        {
            case ImageResourceType:
                var images = db.Images.AsNoTracking().Where(i => i.RegionId == regionId).VisibleTo(db, actor);
                images = any ? images.Where(i => i.OwnerAccountId == account) : images.Where(i => ids.Contains(i.Id));
                return [.. (await images.Select(i => new { i.Id, i.Tags }).ToListAsync(ct))
                    .Select(i => (i.Id, Pairs(i.Tags)))];
            case "instance":
                return [.. (await db.Instances.AsNoTracking().Where(i => i.AccountId == account && i.RegionId == regionId && (any || ids.Contains(i.Id)))
                        .Select(i => new { i.Id, i.Tags }).ToListAsync(ct))
                    .Select(i => (i.Id, Pairs(i.Tags)))];
            case "disk":
                return [.. (await db.Disks.AsNoTracking().Where(d => d.AccountId == account && d.RegionId == regionId && (any || ids.Contains(d.Id))).ToListAsync(ct))
                    .Select(d => (d.Id, Pairs(d.Tags)))];
            case "snapshot":
                return [.. (await db.Snapshots.AsNoTracking().Where(s => s.AccountId == account && s.RegionId == regionId && (any || ids.Contains(s.Id))).ToListAsync(ct))
                    .Select(s => (s.Id, Pairs(s.Tags)))];
            case "keypair":
                return [.. (await db.KeyPairs.AsNoTracking().Where(k => k.AccountId == account && k.RegionId == regionId && (any || ids.Contains(k.Name))).ToListAsync(ct))
                    .Select(k => (k.Name, Pairs(k.Tags)))];
            case "snapshotpolicy":
                return [.. (await db.AutoSnapshotPolicies.AsNoTracking().Where(p => p.AccountId == account && p.RegionId == regionId && (any || ids.Contains(p.Id))).ToListAsync(ct))
                    .Select(p => (p.Id, Pairs(p.Tags)))];
            default:
                return []; // SDP-17: a type of ECS the product has none of
        }
    }

    /// <summary>
    /// One write for every resource of the request, all or nothing: audited per resource when done, against the resource
    /// that refused (or the first one named) when refused; an unknown resource type is refused unaudited.
    /// </summary>
    private async Task<Result> ChangeAsync(Actor actor, string action, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        EcsError? invalid, Func<IReadOnlyList<(string Key, string Value)>, IReadOnlyList<(string Key, string Value)>> change, CancellationToken ct)
    {
        var known = ResourceTypes.TryGetValue(resourceType, out var kind);
        if (!known && !AbsentResourceTypes.Contains(resourceType))
        {
            return TagErrors.ResourceTypeNotFound(resourceType);
        }

        var ids = resourceIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var (failedId, error) = invalid is null ? await ChangeEachAsync(scope, ids, regionId, resourceType, change, ct) : (null, invalid);
            if (error is not null)
            {
                if (known)
                {
                    scope.Audit(new AuditTarget(action, kind, failedId ?? ids.FirstOrDefault(), regionId));
                }

                return error;
            }

            foreach (var id in ids)
            {
                scope.Audit(new AuditTarget(action, kind, id, regionId));
                scope.Publish(new ResourceChange(kind, id, regionId, actor.AccountId));
            }

            return true;
        }, ct);
        return outcome.ToResult();
    }

    /// <summary>Applies <paramref name="change"/> to each resource's tags; the first refusal and the resource it names.</summary>
    private static async Task<(string? FailedId, EcsError? Error)> ChangeEachAsync(WriteScope scope, List<string> ids, string regionId, string resourceType,
        Func<IReadOnlyList<(string Key, string Value)>, IReadOnlyList<(string Key, string Value)>> change, CancellationToken ct)
    {
        if (((ids.Count == 0 ? CommonErrors.MissingParameter("ResourceId") : null) ?? (ids.Count > MaxResources ? TagErrors.TooManyResources(MaxResources) : null)) is { } invalid)
        {
            return (null, invalid);
        }

        List<(Tagged Resource, IReadOnlyList<(string Key, string Value)> Tags)> changed = [];
        var writeDenied = await scope.CheckCanWriteAsync(ct); // the actor re-read once, not per resource
        foreach (var id in ids)
        {
            var found = await FindForWriteAsync(scope.Db, scope.Actor, writeDenied, regionId, resourceType, id, ct);
            if (!found.IsSuccess)
            {
                return (id, found.Error);
            }

            var tags = change(found.Value.Tags);
            if (tags.Count > ImageValidation.MaxTags)
            {
                return (id, ImageErrors.TagQuota(ImageValidation.MaxTags));
            }

            changed.Add((found.Value, tags));
        }

        // A tag's key is part of its primary key: the old tags go in one save, the new ones come in the write's own
        // (a refusal is rolled back by the write, with everything else of the request).
        foreach (var (resource, _) in changed)
        {
            resource.Replace([]);
        }

        await scope.Db.SaveChangesAsync(ct);
        foreach (var (resource, tags) in changed)
        {
            resource.Replace(tags);
        }

        return (null, null);
    }

    /// <summary>
    /// The resource of the actor's account, tracked, with its tags; else <c>InvalidImageId.NotFound</c> (an image, or
    /// <c>Forbidden</c> when the actor sees but does not own it) or <see cref="TagErrors.ResourceIdNotFoundCode"/>; then
    /// <paramref name="writeDenied"/>, the actor's lack of the right to change it.
    /// </summary>
    private static async Task<Result<Tagged>> FindForWriteAsync(ConsoleDbContext db, Actor actor, EcsError? writeDenied, string regionId, string resourceType,
        string id, CancellationToken ct)
    {
        var account = actor.AccountId;
        Tagged? found;
        switch (resourceType)
        {
            case ImageResourceType:
                var image = await Access.OwnedImageForWriteAsync(db, actor, writeDenied, regionId, id, ct);
                if (!image.IsSuccess)
                {
                    return image.Error;
                }

                var i = image.Value;
                return new Tagged(id, Pairs(i.Tags), tags => Set(i.Tags, tags, t => new ImageTag { TagKey = t.Key, TagValue = t.Value }));
            case "instance":
                var instance = await db.Instances.FirstOrDefaultAsync(x => x.Id == id && x.AccountId == account && x.RegionId == regionId, ct);
                found = instance is null ? null
                    : new Tagged(id, Pairs(instance.Tags),
                        tags => instance.Tags = [.. tags.Select(t => new InstanceTag { TagKey = t.Key, TagValue = t.Value })]);
                break;
            case "disk":
                var disk = await db.Disks.FirstOrDefaultAsync(x => x.Id == id && x.AccountId == account && x.RegionId == regionId, ct);
                found = disk is null ? null
                    : new Tagged(id, Pairs(disk.Tags), tags => Set(disk.Tags, tags, t => new DiskTag { TagKey = t.Key, TagValue = t.Value }));
                break;
            case "snapshot":
                var snapshot = await db.Snapshots.FirstOrDefaultAsync(x => x.Id == id && x.AccountId == account && x.RegionId == regionId, ct);
                found = snapshot is null ? null
                    : new Tagged(id, Pairs(snapshot.Tags),
                        tags => Set(snapshot.Tags, tags, t => new SnapshotTag { TagKey = t.Key, TagValue = t.Value }));
                break;
            case "keypair":
                var pair = await db.KeyPairs.FirstOrDefaultAsync(x => x.Name == id && x.AccountId == account && x.RegionId == regionId, ct);
                found = pair is null ? null
                    : new Tagged(id, Pairs(pair.Tags), tags => Set(pair.Tags, tags, t => new KeyPairTag { TagKey = t.Key, TagValue = t.Value }));
                break;
            case "snapshotpolicy":
                var policy = await db.AutoSnapshotPolicies.FirstOrDefaultAsync(x => x.Id == id && x.AccountId == account && x.RegionId == regionId, ct);
                found = policy is null ? null
                    : new Tagged(id, Pairs(policy.Tags),
                        tags => Set(policy.Tags, tags, t => new AutoSnapshotPolicyTag { TagKey = t.Key, TagValue = t.Value }));
                break;
            default:
                found = null; // SDP-17: a type of ECS the product has none of
                break;
        }

        if (found is null)
        {
            return TagErrors.ResourceIdNotFound(id);
        }

        if (writeDenied is not null)
        {
            return writeDenied;
        }

        return found;
    }

    /// <summary>A resource's tags as (key, value) pairs.</summary>
    private static IReadOnlyList<(string Key, string Value)> Pairs(IEnumerable<IResourceTag> tags) => [.. tags.Select(t => (t.TagKey, t.TagValue))];

    private static void Set<T>(List<T> list, IReadOnlyList<(string Key, string Value)> tags, Func<(string Key, string Value), T> make)
    {
        list.Clear();
        list.AddRange(tags.Select(make));
    }
}
