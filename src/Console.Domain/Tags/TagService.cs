using EcsConsole.Domain.Images;
using EcsConsole.Domain.Permissions;

namespace EcsConsole.Domain.Tags;

/// <summary>One tag on one resource, as ListTagResources reports it.</summary>
public sealed record TagResource(string ResourceId, string ResourceType, string TagKey, string TagValue);

/// <summary>
/// TagResources, UntagResources and ListTagResources for the resource type <c>image</c> (the tags a custom image carries,
/// ≤ 20, with the rules of <see cref="ImageValidation.Tags"/>). Only the owner (Operator or Admin) tags its images;
/// every change is audited per image and published.
/// </summary>
public sealed class TagService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    public const string ImageResourceType = "image";
    public const int MaxResources = 50;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// Adds or overwrites tags on the actor's images. All or nothing. Codes: <see cref="TagErrors.ResourceTypeNotFoundCode"/>,
    /// <see cref="TagErrors.TooManyResourcesCode"/>, <c>MissingParameter</c>, the tag rule codes, <c>QuotaExceed.Tags</c>
    /// (more than 20 on one image), <c>InvalidImageId.NotFound</c>, <c>Forbidden</c>.
    /// </summary>
    public Task<Result> TagAsync(Actor actor, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        IReadOnlyList<(string Key, string Value)> tags, CancellationToken ct = default) =>
        ChangeAsync(actor, AuditActions.TagResources, regionId, resourceType, resourceIds, tags.Count == 0 ? CommonErrors.MissingParameter("Tag") : ImageValidation.Tags(tags),
            image =>
            {
                // A tag's key is part of its primary key: an overwritten tag is removed first and added back after a save.
                image.Tags.RemoveAll(t => tags.Any(n => n.Key == t.TagKey));
                return null;
            }, ct,
            image =>
            {
                image.Tags.AddRange(tags.Select(t => new ImageTag { TagKey = t.Key, TagValue = t.Value ?? "" }));
                return image.Tags.Count > ImageValidation.MaxTags ? ImageErrors.TagQuota(ImageValidation.MaxTags) : null;
            });

    /// <summary>Removes the tags with <paramref name="keys"/> (or every tag with <paramref name="all"/>) from the actor's images. Codes as <see cref="TagAsync"/>.</summary>
    public Task<Result> UntagAsync(Actor actor, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        IReadOnlyList<string> keys, bool all, CancellationToken ct = default) =>
        ChangeAsync(actor, AuditActions.UntagResources, regionId, resourceType, resourceIds, null, image =>
        {
            image.Tags.RemoveAll(t => (keys.Count == 0 && all) || keys.Contains(t.TagKey));
            return null;
        }, ct);

    /// <summary>
    /// The console's Edit Tags: makes <paramref name="tags"/> the image's whole set of tags, in one write (all or nothing).
    /// The rules are TagResources': the tag rule codes, <c>QuotaExceed.Tags</c> beyond 20, <c>InvalidImageId.NotFound</c>,
    /// <c>Forbidden</c>. Audited as TagResources, or UntagResources when <paramref name="tags"/> is empty.
    /// </summary>
    public Task<Result> ReplaceImageTagsAsync(Actor actor, string regionId, string imageId, IReadOnlyList<(string Key, string Value)> tags,
        CancellationToken ct = default) =>
        ChangeAsync(actor, tags.Count == 0 ? AuditActions.UntagResources : AuditActions.TagResources, regionId, ImageResourceType, [imageId],
            tags.Count == 0 ? null : ImageValidation.Tags(tags),
            image =>
            {
                image.Tags.Clear();
                return null;
            }, ct,
            image =>
            {
                image.Tags.AddRange(tags.Select(t => new ImageTag { TagKey = t.Key, TagValue = t.Value ?? "" }));
                return null;
            });

    /// <summary>
    /// The tags of the images the actor sees in the region: of <paramref name="resourceIds"/> when given, else of its own
    /// images; only images carrying every tag of <paramref name="filter"/> (an empty value matches any). In resource ID order.
    /// </summary>
    public async Task<Result<IReadOnlyList<TagResource>>> ListAsync(Actor actor, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        IReadOnlyList<(string Key, string Value)> filter, CancellationToken ct = default)
    {
        if (resourceType != ImageResourceType)
        {
            return TagErrors.ResourceTypeNotFound(resourceType);
        }

        if (resourceIds.Count > MaxResources)
        {
            return TagErrors.TooManyResources(MaxResources);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var images = db.Images.AsNoTracking().Where(i => i.RegionId == regionId).VisibleTo(db, actor);
        images = resourceIds.Count > 0 ? images.Where(i => resourceIds.Contains(i.Id)) : images.Where(i => i.OwnerAccountId == actor.AccountId);
        foreach (var (key, value) in filter)
        {
            images = string.IsNullOrEmpty(value)
                ? images.Where(i => i.Tags.Any(t => t.TagKey == key))
                : images.Where(i => i.Tags.Any(t => t.TagKey == key && t.TagValue == value));
        }

        var rows = await images.Select(i => new { i.Id, Tags = i.Tags.Select(t => new { t.TagKey, t.TagValue }).ToList() }).ToListAsync(ct);
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal)
            .SelectMany(r => r.Tags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => new TagResource(r.Id, ImageResourceType, t.TagKey, t.TagValue)))
            .ToList();
    }

    /// <summary>
    /// One write for every image of the request, all or nothing: audited per image when done, against the image that
    /// refused (or the first one named) when refused; an unknown resource type is refused unaudited.
    /// </summary>
    private async Task<Result> ChangeAsync(Actor actor, string action, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        EcsError? invalid, Func<Image, EcsError?> change, CancellationToken ct, Func<Image, EcsError?>? thenChange = null)
    {
        if (resourceType != ImageResourceType)
        {
            return TagErrors.ResourceTypeNotFound(resourceType);
        }

        var ids = resourceIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var (failedId, error) = invalid is null ? await ChangeEachAsync(scope, ids, regionId, change, thenChange, ct) : (null, invalid);
            if (error is not null)
            {
                scope.Audit(new AuditTarget(action, ResourceKind.Image, failedId ?? ids.FirstOrDefault(), regionId));
                return error;
            }

            foreach (var id in ids)
            {
                scope.Audit(new AuditTarget(action, ResourceKind.Image, id, regionId));
                scope.Publish(new ResourceChange(ResourceKind.Image, id, regionId, actor.AccountId));
            }

            return true;
        }, ct);
        return outcome.ToResult();
    }

    /// <summary>Applies <paramref name="change"/> (then <paramref name="thenChange"/>, after a save) to each image; the first refusal and the image it names.</summary>
    private static async Task<(string? FailedId, EcsError? Error)> ChangeEachAsync(WriteScope scope, List<string> ids, string regionId,
        Func<Image, EcsError?> change, Func<Image, EcsError?>? thenChange, CancellationToken ct)
    {
        if (((ids.Count == 0 ? CommonErrors.MissingParameter("ResourceId") : null) ?? (ids.Count > MaxResources ? TagErrors.TooManyResources(MaxResources) : null)) is { } invalid)
        {
            return (null, invalid);
        }

        List<Image> touched = [];
        var writeDenied = await scope.CheckCanWriteAsync(ct); // the actor re-read once, not per image
        foreach (var id in ids)
        {
            var owned = await Access.OwnedImageForWriteAsync(scope.Db, scope.Actor, writeDenied, regionId, id, ct);
            if ((owned.IsSuccess ? change(owned.Value) : owned.Error) is { } error)
            {
                return (id, error);
            }

            touched.Add(owned.Value);
        }

        if (thenChange is null)
        {
            return (null, null);
        }

        // A refusal after this save is rolled back by the write, with everything else of the request.
        await scope.Db.SaveChangesAsync(ct);
        foreach (var image in touched)
        {
            if (thenChange(image) is { } error)
            {
                return (image.Id, error);
            }
        }

        return (null, null);
    }
}
