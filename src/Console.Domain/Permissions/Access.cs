using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Domain.Permissions;

/// <summary>
/// Who may change what (architecture.md, mechanism 3), asked before anything else happens. Writes need a member of
/// the owning account with the Operator or Admin role. Another account's private resource does not exist for the
/// caller (<c>…NotFound</c>); a resource it can see but not change is <c>Forbidden</c>.
/// </summary>
public static class Access
{
    /// <summary>Null when the actor may create and change resources in its own account; else <c>Forbidden</c>.</summary>
    public static EcsError? CheckCanWrite(Actor actor) =>
        actor.AccountId is null
            ? CommonErrors.Forbidden("The platform administrator owns no resources.")
            : actor.Role == AccountRole.ReadOnly
                ? CommonErrors.Forbidden("Your role in this account is read-only.")
                : null;

    /// <summary>
    /// The custom image <paramref name="imageId"/> of the actor's account, tracked for change — or
    /// <see cref="ImageErrors.NotFoundCode"/> when the actor cannot see it, <c>Forbidden</c> when it can see but
    /// not change it (public, Marketplace, shared or community images; a read-only member).
    /// </summary>
    public static async Task<Result<Image>> OwnedImageForWriteAsync(ConsoleDbContext db, Actor actor, string regionId, string imageId, CancellationToken ct = default)
    {
        var image = await db.Images.Include(i => i.DiskMappings).Include(i => i.Tags)
            .FirstOrDefaultAsync(i => i.RegionId == regionId && i.Id == imageId, ct);
        if (image is null)
        {
            return ImageErrors.NotFound(imageId);
        }

        if (image.Kind != ImageKind.Custom || image.OwnerAccountId != actor.AccountId)
        {
            var visible = await db.Images.AsNoTracking().VisibleTo(db, actor).AnyAsync(i => i.Key == image.Key, ct);
            return visible ? CommonErrors.Forbidden("Only the owner of a custom image can change it.") : ImageErrors.NotFound(imageId);
        }

        return CheckCanWrite(actor) is { } denied ? denied : image;
    }
}
