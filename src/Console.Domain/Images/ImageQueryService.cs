using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Domain.Images;

/// <summary>
/// An image as the detail page shows it: attributes, disks, sharing (owner only) and usage — instances, the snapshots
/// it holds, its copies, and (owner only) its family with the image the family resolves to.
/// </summary>
public sealed record ImageDetail(
    Image Image,
    ImageOwnerAlias OwnerAlias,
    bool IsOwner,
    IReadOnlyList<string> SharedWithAccounts,
    IReadOnlyList<Instance> InstancesUsingIt,
    IReadOnlyList<Snapshot> Snapshots,
    IReadOnlyList<RelatedImage> Copies,
    IReadOnlyList<RelatedImage> FamilyMembers,
    string? FamilyResolvesTo);

/// <summary>Another image shown on a detail page (a copy, a family sibling).</summary>
public sealed record RelatedImage(string Id, string RegionId, string Name, ImageStatus Status, DateTimeOffset CreationTime);

/// <summary>Reads images the actor may see.</summary>
public sealed class ImageQueryService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    /// <summary>
    /// The image <paramref name="imageId"/> in <paramref name="regionId"/> with its disks, sharing and usage.
    /// Another account's private image, or an image of another region, is <see cref="ImageErrors.NotFoundCode"/>.
    /// Instances and snapshots are the actor's own only.
    /// </summary>
    public async Task<Result<ImageDetail>> GetDetailAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await db.Images.AsNoTracking().VisibleTo(db, actor)
            .Include(i => i.DiskMappings).Include(i => i.Tags)
            .FirstOrDefaultAsync(i => i.RegionId == regionId && i.Id == imageId, ct);
        if (image is null)
        {
            return ImageErrors.NotFound(imageId);
        }

        var isOwner = image.OwnerAccountId is not null && image.OwnerAccountId == actor.AccountId;
        var shares = isOwner
            ? await db.ImageShares.AsNoTracking().Where(s => s.ImageId == image.Id && s.RegionId == regionId).OrderBy(s => s.AccountId).Select(s => s.AccountId).ToListAsync(ct)
            : [];
        var instances = await db.Instances.AsNoTracking()
            .Where(i => i.AccountId == actor.AccountId && i.RegionId == regionId && i.ImageId == image.Id)
            .OrderBy(i => i.Name).ToListAsync(ct);
        var snapshotIds = image.DiskMappings.Where(m => m.SnapshotId != null).Select(m => m.SnapshotId!).ToList();
        var snapshots = isOwner
            ? await db.Snapshots.AsNoTracking().Where(s => snapshotIds.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct)
            : [];
        image.DiskMappings.Sort((a, b) => string.CompareOrdinal(a.Device, b.Device));

        var copies = isOwner
            ? await db.Images.AsNoTracking()
                .Where(i => i.SourceImageId == image.Id && i.OwnerAccountId == actor.AccountId && i.IsCopied)
                .OrderBy(i => i.CreationTime)
                .Select(i => new RelatedImage(i.Id, i.RegionId, i.Name, i.Status, i.CreationTime)).ToListAsync(ct)
            : [];
        List<RelatedImage> family = [];
        string? resolvesTo = null;
        if (isOwner && image.Family is { } familyName)
        {
            family = await db.Images.AsNoTracking()
                .Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == actor.AccountId && i.RegionId == regionId && i.Family == familyName)
                .OrderByDescending(i => i.CreationTime)
                .Select(i => new RelatedImage(i.Id, i.RegionId, i.Name, i.Status, i.CreationTime)).ToListAsync(ct);
            resolvesTo = ImageFamilies.Resolve(family.Select(f => (f.Id, f.Status, f.CreationTime)));
        }

        return new ImageDetail(image, image.OwnerAliasFor(actor.AccountId), isOwner, shares, instances, snapshots, copies, family, resolvesTo);
    }

    /// <summary>
    /// DescribeImageFromFamily (FAM-02, FAM-13): the newest Available custom image of the actor's account in the family
    /// and region, or null when the family resolves to nothing. Never a public, Marketplace, shared or community image.
    /// </summary>
    public async Task<Image?> ResolveFamilyAsync(Actor actor, string regionId, string family, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = await db.Images.AsNoTracking()
            .Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == actor.AccountId && i.RegionId == regionId && i.Family == family)
            .Select(i => new { i.Id, i.Status, i.CreationTime }).ToListAsync(ct);
        var id = ImageFamilies.Resolve(members.Select(m => (m.Id, m.Status, m.CreationTime)));
        return id is null ? null : await db.Images.AsNoTracking().Include(i => i.DiskMappings).FirstAsync(i => i.RegionId == regionId && i.Id == id, ct);
    }
}
