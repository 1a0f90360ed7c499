using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Quotas;

namespace EcsConsole.Domain.Sharing;

/// <summary>ModifyImageSharePermission: accounts to add or remove (≤ 10 each per call), or community publishing.</summary>
/// <param name="AddAccounts">Account IDs to share with; beyond the 10th they are ignored (SHR-02).</param>
/// <param name="RemoveAccounts">Account IDs to stop sharing with.</param>
/// <param name="IsPublic">True publishes as a community image, false unpublishes, null leaves it.</param>
public sealed record ModifySharePermissionRequest(
    IReadOnlyList<string>? AddAccounts = null, IReadOnlyList<string>? RemoveAccounts = null, bool? IsPublic = null);

/// <summary>Who an image is shared with, for its owner.</summary>
public sealed record SharePermission(string ImageId, bool IsPublic, IReadOnlyList<string> Accounts)
{
    /// <summary>When the image was shared with each of <see cref="Accounts"/> (DescribeImageSharePermission's <c>SharedTime</c>).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> SharedTimes { get; init; } = new Dictionary<string, DateTimeOffset>();
}

/// <summary>
/// Sharing custom images with other accounts and publishing them as community images (domain-rules §5). Only the
/// owner (Operator or Admin) may; a recipient sees the image read-only under the same ID and loses it when unshared.
/// </summary>
public sealed class SharingService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    public const int AccountsPerCall = 10;
    public const int ImagesPerRecipient = 100;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>DescribeImageSharePermission: the accounts the actor's image is shared with. Codes: NotFound, Forbidden.</summary>
    public async Task<Result<SharePermission>> GetAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await Access.OwnedImageForWriteAsync(db, actor, time, regionId, imageId, ct);
        if (!image.IsSuccess && !(image.Error.Code == CommonErrors.ForbiddenCode && await IsOwnAsync(db, actor, regionId, imageId, ct)))
        {
            return image.Error;
        }

        var shares = await db.ImageShares.AsNoTracking().Where(s => s.RegionId == regionId && s.ImageId == imageId)
            .Select(s => new { s.AccountId, s.SharedAt }).ToListAsync(ct);
        var isPublic = await db.Images.AsNoTracking().Where(i => i.RegionId == regionId && i.Id == imageId).Select(i => i.IsPublic).FirstAsync(ct);
        return new SharePermission(imageId, isPublic, [.. shares.Select(s => s.AccountId).Order(StringComparer.Ordinal)])
        {
            SharedTimes = shares.ToDictionary(s => s.AccountId, s => s.SharedAt),
        };
    }

    /// <summary>The one share group ECS has: every account (a community image).</summary>
    public const string AllGroup = "all";

    /// <summary>
    /// ModifyImageShareGroupPermission: adding the group <c>all</c> publishes the image as a community image, removing it
    /// unpublishes it — the same change, rules and audit as <see cref="ModifyAsync"/> with <c>IsPublic</c>. Codes:
    /// <see cref="SharingErrors.GroupMalformedCode"/> for any other group, <c>InvalidParameter</c> for adding and removing
    /// <c>all</c> at once, then those of <see cref="ModifyAsync"/>.
    /// </summary>
    public async Task<Result<SharePermission>> ModifyGroupsAsync(Actor actor, string regionId, string imageId,
        IReadOnlyList<string> addGroups, IReadOnlyList<string> removeGroups, CancellationToken ct = default)
    {
        if (addGroups.Concat(removeGroups).FirstOrDefault(g => !string.Equals(g, AllGroup, StringComparison.Ordinal)) is { } unknown)
        {
            return SharingErrors.GroupMalformed(unknown);
        }

        if (addGroups.Count > 0 && removeGroups.Count > 0)
        {
            return CommonErrors.InvalidParameter("AddGroup.n", "the group all cannot be added and removed in one call.");
        }

        bool? isPublic = addGroups.Count > 0 ? true : removeGroups.Count > 0 ? false : null;
        return await ModifyAsync(actor, regionId, imageId, new ModifySharePermissionRequest(IsPublic: isPublic), ct);
    }

    /// <summary>
    /// Shares, unshares, publishes or unpublishes. All or nothing. Codes: <see cref="ImageErrors.NotFoundCode"/>,
    /// <c>Forbidden</c> (not the owner, read-only member), <see cref="SharingErrors.IsPublicConflictCode"/>,
    /// <see cref="SharingErrors.InvalidImageStatusCode"/> (deprecated or unfinished image),
    /// <see cref="SharingErrors.AccountNotFoundCode"/>, <see cref="SharingErrors.OwnAccountCode"/>,
    /// <see cref="SharingErrors.ShareQuotaCode"/>, <see cref="SharingErrors.RecipientQuotaCode"/>,
    /// <see cref="SharingErrors.NotPublicCode"/>, <see cref="SharingErrors.EncryptedCode"/>.
    /// </summary>
    public Task<Result<SharePermission>> ModifyAsync(Actor actor, string regionId, string imageId, ModifySharePermissionRequest request, CancellationToken ct = default) =>
        // An image the actor cannot change is refused unaudited; every outcome past that is audited.
        _write.RunAsync<SharePermission>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var owned = await Access.OwnedImageForWriteAsync(db, actor, time, regionId, imageId, ct);
            if (!owned.IsSuccess)
            {
                return owned.Error;
            }

            scope.Audit(new AuditTarget(AuditActions.ModifyImageSharePermission, ResourceKind.Image, imageId, regionId));
            var image = owned.Value;
            var add = (request.AddAccounts ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Take(AccountsPerCall).Distinct().ToList();
            var remove = (request.RemoveAccounts ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Take(AccountsPerCall).Distinct().ToList();
            var current = await db.ImageShares.Where(s => s.RegionId == regionId && s.ImageId == imageId).ToListAsync(ct);
            if (await CheckAsync(db, actor, image, add, current, request, ct) is { } error)
            {
                return error;
            }

            db.ImageShares.RemoveRange(current.Where(s => remove.Contains(s.AccountId)));
            foreach (var account in add.Where(a => current.All(s => s.AccountId != a) && !remove.Contains(a)))
            {
                db.ImageShares.Add(new ImageShare { ImageId = imageId, RegionId = regionId, AccountId = account, SharedAt = scope.Now });
            }

            if (request.IsPublic is { } published)
            {
                image.SetCommunity(published);
            }

            await db.SaveChangesAsync(ct);
            scope.Publish(new ResourceChange(ResourceKind.Image, imageId, regionId, actor.AccountId));
            return new SharePermission(imageId, image.IsPublic, await SharedWithAsync(db, regionId, imageId, ct));
        }, ct);

    private static async Task<EcsError?> CheckAsync(ConsoleDbContext db, Actor actor, Image image, List<string> add, List<ImageShare> current,
        ModifySharePermissionRequest request, CancellationToken ct)
    {
        var changesAccounts = add.Count > 0 || (request.RemoveAccounts?.Count ?? 0) > 0;
        if (request.IsPublic is not null && changesAccounts)
        {
            return SharingErrors.IsPublicConflict();
        }

        if (request.IsPublic == false && !image.IsPublic)
        {
            return SharingErrors.NotPublic();
        }

        if (request.IsPublic == true)
        {
            if (image.Status != ImageStatus.Available)
            {
                return SharingErrors.InvalidImageStatus("Only an Available image can be published as a community image.");
            }

            return image.Encrypted ? SharingErrors.Encrypted() : null;
        }

        if (add.Count == 0)
        {
            return null;
        }

        if (ImageRules.CannotShare(image.Status) is { } notAvailable)
        {
            return notAvailable;
        }

        if (add.Contains(actor.AccountId!))
        {
            return SharingErrors.OwnAccount();
        }

        var wellFormed = add.Where(Account.IsWellFormedId).ToList();
        var existing = await db.Accounts.AsNoTracking().Where(a => wellFormed.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (add.FirstOrDefault(a => !existing.Contains(a)) is { } unknown)
        {
            return SharingErrors.AccountNotFound(unknown);
        }

        var limit = await QuotaLimits.GetAsync(db, actor.AccountId!, null, QuotaCatalogue.SharedUsersPerImage, ct);
        var after = current.Select(s => s.AccountId).Union(add).Except(request.RemoveAccounts ?? []).Count();
        if (after > limit)
        {
            return SharingErrors.ShareQuota(limit);
        }

        foreach (var recipient in add.Where(a => current.All(s => s.AccountId != a)))
        {
            if (await db.ImageShares.CountAsync(s => s.AccountId == recipient, ct) >= ImagesPerRecipient)
            {
                return SharingErrors.RecipientQuota(recipient, ImagesPerRecipient);
            }
        }

        return null;
    }

    private static Task<List<string>> SharedWithAsync(ConsoleDbContext db, string regionId, string imageId, CancellationToken ct) =>
        db.ImageShares.AsNoTracking().Where(s => s.RegionId == regionId && s.ImageId == imageId)
            .OrderBy(s => s.AccountId).Select(s => s.AccountId).ToListAsync(ct);

    /// <summary>A read-only member of the owning account may still see who the image is shared with.</summary>
    private static Task<bool> IsOwnAsync(ConsoleDbContext db, Actor actor, string regionId, string imageId, CancellationToken ct) =>
        db.Images.AnyAsync(i => i.RegionId == regionId && i.Id == imageId && i.Kind == ImageKind.Custom && i.OwnerAccountId == actor.AccountId, ct);
}
