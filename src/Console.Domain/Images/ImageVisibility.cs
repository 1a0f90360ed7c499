using EcsConsole.Domain.Common;
using EcsConsole.Domain.Persistence;

namespace EcsConsole.Domain.Images;

/// <summary>
/// Which images an actor's account can see, as one query filter so lists are filtered in the query, never after
/// it (architecture.md, mechanism 3): public and Marketplace images, its own custom images, custom images shared
/// with it, and community images. Everything else does not exist for it (<c>InvalidImageId.NotFound</c>).
/// </summary>
public static class ImageVisibility
{
    public static IQueryable<Image> VisibleTo(this IQueryable<Image> images, ConsoleDbContext db, Actor actor)
    {
        var account = actor.AccountId;
        return images.Where(i =>
            i.Kind == ImageKind.Public
            || i.Kind == ImageKind.Marketplace
            || (account != null && i.OwnerAccountId == account)
            || i.IsPublic
            || (account != null && db.ImageShares.Any(s => s.ImageId == i.Id && s.RegionId == i.RegionId && s.AccountId == account)));
    }
}
