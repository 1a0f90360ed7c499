using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Domain.Tags;

/// <summary>One tag on one resource, as ListTagResources reports it.</summary>
public sealed record TagResource(string ResourceId, string ResourceType, string TagKey, string TagValue);

/// <summary>Tag errors, with the codes of the ECS tag APIs (ecs-openapi §2.25).</summary>
public static class TagErrors
{
    public const string ResourceTypeNotFoundCode = "InvalidResourceType.NotFound";
    public const string ResourceIdNotFoundCode = "InvalidResourceId.NotFound";
    public const string TooManyResourcesCode = "NumberExceed.ResourceIds";

    public static EcsError ResourceTypeNotFound(string type) =>
        new(ResourceTypeNotFoundCode, 404, $"The resource type \"{type}\" is not supported; EcsConsole tags images.");

    public static EcsError ResourceIdNotFound(string id) => new(ResourceIdNotFoundCode, 404, $"The specified resource \"{id}\" does not exist.");

    public static EcsError TooManyResources(int limit) => new(TooManyResourcesCode, 400, $"At most {limit} resource IDs can be given.");
}

/// <summary>
/// TagResources, UntagResources and ListTagResources for the resource type <c>image</c> (the tags a custom image carries,
/// ≤ 20, with the rules of <see cref="ImageValidation.Tags"/>). Only the owner (Operator or Admin) tags its images;
/// every change is audited per image and published.
/// </summary>
public sealed class TagService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    public const string ImageResourceType = "image";
    public const int MaxResources = 50;

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

    private async Task<Result> ChangeAsync(Actor actor, string action, string regionId, string resourceType, IReadOnlyList<string> resourceIds,
        EcsError? invalid, Func<Image, EcsError?> change, CancellationToken ct, Func<Image, EcsError?>? thenChange = null)
    {
        if (resourceType != ImageResourceType)
        {
            return TagErrors.ResourceTypeNotFound(resourceType);
        }

        var ids = resourceIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var error = invalid
            ?? (ids.Count == 0 ? CommonErrors.MissingParameter("ResourceId") : null)
            ?? (ids.Count > MaxResources ? TagErrors.TooManyResources(MaxResources) : null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        string? failedId = null;
        List<Image> touched = [];
        var writeDenied = error is null ? await Access.CheckCanWriteAsync(db, actor, time, ct) : null; // the actor re-read once, not per image
        foreach (var id in error is null ? ids : [])
        {
            var owned = await Access.OwnedImageForWriteAsync(db, actor, writeDenied, regionId, id, ct);
            error = owned.IsSuccess ? change(owned.Value) : owned.Error;
            if (error is not null)
            {
                failedId = id;
                break;
            }

            touched.Add(owned.Value);
        }

        if (error is null && thenChange is not null)
        {
            await db.SaveChangesAsync(ct);
            foreach (var image in touched)
            {
                error = thenChange(image);
                if (error is not null)
                {
                    failedId = image.Id;
                    break;
                }
            }
        }

        if (error is not null)
        {
            // Nothing of a refused request stays: roll back what an intermediate save wrote, then audit the refusal.
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            db.AuditEntries.Add(AuditEntry.For(actor, action, ResourceKind.Image, failedId ?? ids.FirstOrDefault(), regionId, now, error));
            await db.SaveChangesAsync(ct);
            return error;
        }

        db.AuditEntries.AddRange(ids.Select(id => AuditEntry.For(actor, action, ResourceKind.Image, id, regionId, now)));

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var id in ids)
        {
            changes.Publish(new ResourceChange(ResourceKind.Image, id, regionId, actor.AccountId));
        }

        return Result.Success();
    }
}
