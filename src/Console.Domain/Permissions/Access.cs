using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Permissions;

/// <summary>
/// Who may change what (architecture.md, mechanism 3), asked before anything else happens. Writes need a member of
/// the owning account with the Operator or Admin role. Another account's private resource does not exist for the
/// caller (<c>…NotFound</c>); a resource it can see but not change is <c>Forbidden</c>.
/// <para>
/// The <see cref="Actor"/> a page or an API call hands in is only who claims to act: its role was read when the page
/// opened or the request began. Every decision that allows a change re-reads the user and its membership from the
/// database (<see cref="CurrentAsync"/>), so a member demoted, removed or locked out is refused from the very next
/// action on, in every open tab and for every AccessKey, on every node (mechanism 2: never trusted from a cache).
/// </para>
/// </summary>
public static class Access
{
    /// <summary>
    /// The actor as the database knows it now: the user still exists and is not locked out, and its role is the one its
    /// membership of <see cref="Actor.AccountId"/> has today. <c>Forbidden</c> when the user is gone, locked out or no longer
    /// a member of that account. The runner and seeder (<see cref="ActorSource.System"/>) are taken as they are.
    /// </summary>
    public static async Task<Result<Actor>> CurrentAsync(ConsoleDbContext db, Actor actor, TimeProvider time, CancellationToken ct = default)
    {
        if (actor.Source == ActorSource.System)
        {
            return actor;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new
            {
                u.IsPlatformAdmin,
                u.LockoutEnabled,
                u.LockoutEnd,
                Role = db.AccountMemberships.Where(m => m.UserId == u.Id && m.AccountId == actor.AccountId).Select(m => (AccountRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return CommonErrors.Forbidden("Your user no longer exists.");
        }

        if (ConsoleUser.IsLockedOut(user.LockoutEnabled, user.LockoutEnd, time.GetUtcNow()))
        {
            return AccountErrors.LockedOut();
        }

        if (actor.AccountId is not null && user.Role is null)
        {
            return CommonErrors.Forbidden("You are no longer a member of this account.");
        }

        return actor with { Role = user.Role ?? actor.Role, IsPlatformAdmin = user.IsPlatformAdmin };
    }

    /// <summary>
    /// Null when the actor, as the database knows it now, may create and change resources in its own account; else
    /// <c>Forbidden</c> (the platform admin, a read-only member, a user demoted, removed or locked out since it was read).
    /// </summary>
    public static async Task<EcsError?> CheckCanWriteAsync(ConsoleDbContext db, Actor actor, TimeProvider time, CancellationToken ct = default)
    {
        var current = await CurrentAsync(db, actor, time, ct);
        return current.IsSuccess ? CheckCanWrite(current.Value) : current.Error;
    }

    /// <summary>Null when the actor is, in the database now, an Admin of its account; else <c>Forbidden</c>.</summary>
    public static async Task<EcsError?> CheckAccountAdminAsync(ConsoleDbContext db, Actor actor, TimeProvider time, string why, CancellationToken ct = default)
    {
        var current = await CurrentAsync(db, actor, time, ct);
        return !current.IsSuccess ? current.Error : current.Value.IsAccountAdmin ? null : CommonErrors.Forbidden(why);
    }

    /// <summary>
    /// Which accounts' records (audit entries, API calls) the actor may read, as the database knows it now: the platform
    /// admin every account's, a member its own — every member, or only Admins when <paramref name="adminsOnly"/>. Null:
    /// none (gone, locked out, no longer a member, or not an Admin where one is needed).
    /// </summary>
    public static async Task<ReadScope?> ReadScopeAsync(ConsoleDbContext db, Actor actor, TimeProvider time, bool adminsOnly, CancellationToken ct = default)
    {
        var current = await CurrentAsync(db, actor, time, ct);
        return !current.IsSuccess ? null
            : current.Value.IsPlatformAdmin ? new ReadScope(null)
            : current.Value.AccountId is { } account && (!adminsOnly || current.Value.IsAccountAdmin) ? new ReadScope(account)
            : null;
    }

    /// <summary>
    /// What the actor's role allows, as the actor was read: for what a page shows as enabled (an affordance, never the
    /// decision). Services decide with <see cref="CheckCanWriteAsync(ConsoleDbContext, Actor, TimeProvider, CancellationToken)"/>.
    /// </summary>
    public static EcsError? CheckCanWrite(Actor actor) =>
        actor.AccountId is null
            ? CommonErrors.Forbidden("The platform administrator owns no resources.")
            : actor.Role == AccountRole.ReadOnly
                ? CommonErrors.Forbidden("Your role in this account is read-only.")
                : null;

    /// <summary>
    /// The custom image <paramref name="imageId"/> of the actor's account, tracked for change — or
    /// <see cref="ImageErrors.NotFoundCode"/> when the actor cannot see it, <c>Forbidden</c> when it can see but
    /// not change it (public, Marketplace, shared or community images; a read-only member; a member demoted, removed or
    /// locked out since it was read).
    /// </summary>
    public static async Task<Result<Image>> OwnedImageForWriteAsync(ConsoleDbContext db, Actor actor, TimeProvider time, string regionId, string imageId, CancellationToken ct = default)
    {
        var owned = await OwnedImageAsync(db, actor, regionId, imageId, ct);
        return owned.IsSuccess && await CheckCanWriteAsync(db, actor, time, ct) is { } denied ? denied : owned;
    }

    /// <summary>
    /// As <see cref="OwnedImageForWriteAsync(ConsoleDbContext, Actor, TimeProvider, string, string, CancellationToken)"/>,
    /// for an operation on several images: <paramref name="writeDenied"/> is the actor's
    /// <see cref="CheckCanWriteAsync(ConsoleDbContext, Actor, TimeProvider, CancellationToken)"/>, asked once for all of them.
    /// </summary>
    public static async Task<Result<Image>> OwnedImageForWriteAsync(ConsoleDbContext db, Actor actor, EcsError? writeDenied, string regionId, string imageId, CancellationToken ct = default)
    {
        var owned = await OwnedImageAsync(db, actor, regionId, imageId, ct);
        return owned.IsSuccess && writeDenied is not null ? writeDenied : owned;
    }

    /// <summary>The custom image of the actor's account, tracked; else NotFound (not visible) or Forbidden (visible, not its own).</summary>
    private static async Task<Result<Image>> OwnedImageAsync(ConsoleDbContext db, Actor actor, string regionId, string imageId, CancellationToken ct)
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

        return image;
    }
}

/// <summary>
/// The accounts whose records an actor may read (<see cref="Access.ReadScopeAsync"/>): one account, or every account
/// (<see cref="OwnAccountId"/> null: the platform admin), who may then narrow it to one.
/// </summary>
public sealed record ReadScope(string? OwnAccountId)
{
    /// <summary>The account to filter by: the member's own whatever was asked; for the platform admin the one asked for, or none (all).</summary>
    public string? AccountFilter(string? requested) =>
        OwnAccountId ?? (string.IsNullOrWhiteSpace(requested) ? null : requested.Trim());
}
