using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Quotas;

namespace EcsConsole.Domain.Images;

/// <summary>
/// Changes to custom images after they exist: modify attributes, deprecate and restore (domain-rules §7, UI-MOD-01),
/// and delete with its snapshot coupling (§6). Every method is one unit of work on its own context and starts with
/// <see cref="Access.OwnedImageForWriteAsync(ConsoleDbContext, Actor, TimeProvider, string, string, CancellationToken)"/>: another account's private image is
/// <see cref="ImageErrors.NotFoundCode"/>, an image the caller sees but does not own (public, Marketplace, shared,
/// community) or a read-only member is <c>Forbidden</c>.
/// <para>
/// Writes run in a transaction begun before the first read; on SQLite that is <c>BEGIN IMMEDIATE</c>
/// (Microsoft.Data.Sqlite's default), so the name, quota and usage checks and the change they guard see no
/// concurrent writer (architecture.md, mechanism 5). Every change, and every refusal concerning an image (the access
/// check's included), is audited in the same commit with its ECS action name and, for a refusal, its error code;
/// pages learn of a change through <see cref="ChangeNotifier"/> after the commit.
/// </para>
/// </summary>
public sealed partial class ImageLifecycleService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    /// <summary>The ECS action of modify, deprecate and restore (FAM-06).</summary>
    public const string ModifyAction = AuditActions.ModifyImageAttribute;

    public const string DeleteAction = AuditActions.DeleteImage;

    /// <summary>Audited for each snapshot deleted with its image.</summary>
    public const string DeleteSnapshotAction = AuditActions.DeleteSnapshot;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    private const ResourceKind ImageResource = ResourceKind.Image;
    private const ResourceKind SnapshotResource = ResourceKind.Snapshot;

    /// <summary>
    /// ModifyImageAttribute: changes the name, description, family and boot mode given in <paramref name="request"/>;
    /// null or empty fields keep their value. Returns the changed image, or:
    /// <see cref="ImageErrors.NotFound"/> / <see cref="CommonErrors.Forbidden"/> (access);
    /// <see cref="ImageErrors.NameMalformed"/>, <see cref="ImageErrors.DescriptionMalformed"/>,
    /// <see cref="ImageErrors.FamilyMalformed"/> (<see cref="ImageValidation"/>);
    /// <see cref="ImageErrors.StatusIsCreating"/> for an image still Creating or Waiting;
    /// <see cref="ImageErrors.NameDuplicated"/> when another custom image of the account in the region has the name
    /// (case-sensitive, VAL-NAME-07);
    /// <see cref="ImageErrors.BootModeNotSupported"/> for UEFI on i386 or BIOS on arm64;
    /// <see cref="ImageErrors.BootModeInUse"/> for a new boot mode on an image any instance in the region runs from;
    /// <see cref="ImageErrors.FamilyFullOnModify"/> when the target family already holds its limit of images, and
    /// <see cref="ImageErrors.FamiliesFullOnModify"/> when a new family would exceed the account's families in the region
    /// (FAM-11; limits from <see cref="QuotaCatalogue"/> or the account's <see cref="Quota"/> for the region).
    /// </summary>
    public Task<Result<Image>> ModifyAsync(Actor actor, string regionId, string imageId, ModifyImageRequest request, CancellationToken ct = default) =>
        ModifyAttributeAsync(actor, regionId, imageId, request, status: null, ct);

    /// <summary>
    /// ModifyImageAttribute as the ECS API has it: the attributes of <paramref name="request"/> (as <see cref="ModifyAsync"/>)
    /// and, with <paramref name="status"/>, <see cref="ImageStatus.Deprecated"/> or <see cref="ImageStatus.Available"/> (as
    /// <see cref="DeprecateAsync"/> / <see cref="RestoreAsync"/>), in one transaction with one audit entry. The attributes
    /// are checked first, when any is given or no status is; the first refusal refuses the whole call and changes nothing.
    /// </summary>
    public async Task<Result<Image>> ModifyAttributeAsync(Actor actor, string regionId, string imageId, ModifyImageRequest request, ImageStatus? status,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (status is not (null or ImageStatus.Deprecated or ImageStatus.Available))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "ModifyImageAttribute sets Deprecated or Available only.");
        }

        // The right is checked with the image (its NotFound wins over Forbidden); every outcome is audited against it.
        return await _write.RunAsync(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            scope.Audit(new AuditTarget(ModifyAction, ImageResource, imageId, regionId));
            var owned = await Access.OwnedImageForWriteAsync(scope.Db, actor, time, regionId, imageId, ct);
            if (!owned.IsSuccess)
            {
                return owned;
            }

            var image = owned.Value;
            var refusal = request != new ModifyImageRequest() || status is null ? await ApplyModifyAsync(scope.Db, image, request, ct) : null;
            refusal ??= status switch
            {
                ImageStatus.Deprecated => await ApplyDeprecateAsync(scope.Db, image, ct),
                ImageStatus.Available => ApplyRestore(image),
                _ => null,
            };
            if (refusal is not null)
            {
                return refusal;
            }

            scope.Publish(new ResourceChange(ImageResource, image.Id, image.RegionId, image.OwnerAccountId));
            return image;
        }, ct);
    }

    /// <summary>
    /// Deprecates an Available image (FAM-06): it stays usable by ID but its family no longer resolves to it (FAM-02).
    /// Returns the image, or <see cref="ImageErrors.NotFound"/> / <see cref="CommonErrors.Forbidden"/> (access);
    /// <see cref="ImageErrors.StatusIsCreating"/> while it is Creating or Waiting; <see cref="ImageErrors.NotAvailable"/>
    /// in any other status but Available (FAM-07); <see cref="ImageErrors.UseShared"/> while it is shared (FAM-08).
    /// </summary>
    public Task<Result<Image>> DeprecateAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default) =>
        ModifyAttributeAsync(actor, regionId, imageId, new ModifyImageRequest(), ImageStatus.Deprecated, ct);

    /// <summary>
    /// Restores a Deprecated image to Available (FAM-04/06); being the newest, it is again what its family resolves to.
    /// Returns the image, or <see cref="ImageErrors.NotFound"/> / <see cref="CommonErrors.Forbidden"/> (access);
    /// <see cref="ImageErrors.NotDeprecated"/> in any other status (FAM-07).
    /// </summary>
    public Task<Result<Image>> RestoreAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default) =>
        ModifyAttributeAsync(actor, regionId, imageId, new ModifyImageRequest(), ImageStatus.Available, ct);

    /// <summary>
    /// FAM-05, for the Deprecate dialog's warning: whether the image is the one Available member of its family, so
    /// that deprecating (or deleting) it leaves the family resolving to no image (<see cref="ImageFamilies.Resolve"/>).
    /// False for an image without a family, not Available, or that the caller may not change.
    /// </summary>
    public async Task<bool> IsLastAvailableOfFamilyAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await Access.OwnedImageForWriteAsync(db, actor, time, regionId, imageId, ct);
        if (!owned.IsSuccess || owned.Value is not { Family: { } family, Status: ImageStatus.Available } image)
        {
            return false;
        }

        var account = image.OwnerAccountId;
        var others = await db.Images.AsNoTracking()
            .Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.RegionId == regionId && i.Family == family && i.Key != image.Key)
            .Select(i => new { i.Id, i.Status, i.CreationTime })
            .ToListAsync(ct);
        return ImageFamilies.Resolve(others.Select(o => (o.Id, o.Status, o.CreationTime))) is null;
    }

    /// <summary>Checks and applies a modify to the tracked image; the refusal, or null once it is changed.</summary>
    private static async Task<EcsError?> ApplyModifyAsync(ConsoleDbContext db, Image image, ModifyImageRequest request, CancellationToken ct)
    {
        if (await CheckModifyAsync(db, image, request, ct) is { } refusal)
        {
            return refusal;
        }

        if (Given(request.Name) is { } name)
        {
            image.Name = name;
        }

        if (Given(request.Description) is { } description)
        {
            image.Description = description;
        }

        if (Given(request.Family) is { } family)
        {
            image.Family = family;
        }

        if (request.BootMode is { } bootMode)
        {
            image.BootMode = bootMode;
        }

        if (request.NvmeSupport is { } nvme)
        {
            image.NvmeSupport = nvme;
        }

        if (Given(request.ImdsSupport) is { } imds)
        {
            image.ImdsSupport = imds;
        }

        if (Given(request.LicenseType) is { } license)
        {
            image.LicenseType = license;
        }

        return null;
    }

    /// <summary>FAM-06/07/08: deprecates an Available, unshared image; the refusal, or null once it is Deprecated.</summary>
    private static async Task<EcsError?> ApplyDeprecateAsync(ConsoleDbContext db, Image image, CancellationToken ct)
    {
        var regionId = image.RegionId;
        var refusal = ImageRules.CannotDeprecate(image.Status)
            ?? (await db.ImageShares.AnyAsync(s => s.RegionId == regionId && s.ImageId == image.Id, ct) ? ImageErrors.UseShared() : null);
        if (refusal is null)
        {
            image.Deprecate();
        }

        return refusal;
    }

    /// <summary>FAM-04/07: restores a Deprecated image; the refusal, or null once it is Available.</summary>
    private static EcsError? ApplyRestore(Image image)
    {
        if (image.Status != ImageStatus.Deprecated)
        {
            return ImageErrors.NotDeprecated();
        }

        image.Restore();
        return null;
    }

    private static async Task<EcsError?> CheckModifyAsync(ConsoleDbContext db, Image image, ModifyImageRequest request, CancellationToken ct)
    {
        if ((ImageValidation.Name(request.Name) ?? ImageValidation.Description(request.Description) ?? ImageValidation.Family(request.Family)) is { } malformed)
        {
            return malformed;
        }

        if (ImageRules.CannotModifyWhileCreating(image.Status) is { } creating)
        {
            return creating;
        }

        if (Given(request.ImdsSupport) is { } imds && imds is not ("v1" or "v2"))
        {
            return ImageErrors.ImdsSupportMalformed(imds);
        }

        if (Given(request.ImdsSupport) == "v1" && image.ImdsSupport == "v2")
        {
            return ImageErrors.ImdsSupportNotMatch();
        }

        if (Given(request.LicenseType) is { } license && license != "BYOL")
        {
            return Storage.StorageErrors.LicenseType(license);
        }

        var account = image.OwnerAccountId;
        var region = image.RegionId;
        var mine = db.Images.AsNoTracking().Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.RegionId == region);
        if (Given(request.Name) is { } name && name != image.Name && await mine.AnyAsync(i => i.Key != image.Key && i.Name == name, ct))
        {
            return ImageErrors.NameDuplicated(name);
        }

        if (request.BootMode is { } bootMode && bootMode != image.BootMode)
        {
            if (BootModeRefusal(image.Architecture, bootMode) is { } unsupported)
            {
                return unsupported;
            }

            // IMGP-06: an image made for Secure Boot needs UEFI.
            if (bootMode == BootMode.Bios && image.SecureBootSupport)
            {
                return ImageErrors.BootModeNotSupported("This image supports Secure Boot, which needs UEFI: it cannot boot in BIOS mode.");
            }

            if (await db.Instances.AnyAsync(i => i.RegionId == region && i.ImageId == image.Id, ct))
            {
                return ImageErrors.BootModeInUse();
            }
        }

        if (Given(request.Family) is { } family && family != image.Family)
        {
            var perFamily = await LimitAsync(db, account!, region, QuotaCatalogue.ImagesPerFamily, ct);
            var members = await mine.CountAsync(i => i.Family == family, ct);
            if (members >= perFamily)
            {
                return ImageErrors.FamilyFullOnModify(family, perFamily);
            }

            // A new family adds one to the account's families, unless the image leaves a family it was alone in.
            var current = image.Family;
            var leavesOneEmpty = current is not null && !await mine.AnyAsync(i => i.Family == current && i.Key != image.Key, ct);
            if (members == 0 && !leavesOneEmpty)
            {
                var limit = await LimitAsync(db, account!, region, QuotaCatalogue.ImageFamiliesPerRegion, ct);
                var families = await mine.Where(i => i.Family != null).Select(i => i.Family).Distinct().CountAsync(ct);
                if (families >= limit)
                {
                    return ImageErrors.FamiliesFullOnModify(limit);
                }
            }
        }

        return null;
    }

    /// <summary>CRT-GEN-03 / IMP-10: a boot mode the architecture cannot start in.</summary>
    /// <summary>CRT-GEN-03 / UI-MOD-01: a boot mode the architecture cannot boot in.</summary>
    internal static EcsError? BootModeRefusal(ImageArchitecture architecture, BootMode bootMode) => (architecture, bootMode) switch
    {
        (ImageArchitecture.I386, BootMode.Uefi) => ImageErrors.BootModeNotSupported("An i386 image cannot boot in UEFI mode; use BIOS or UEFI-Preferred."),
        (ImageArchitecture.Arm64, BootMode.Bios) => ImageErrors.BootModeNotSupported("An arm64 image boots in UEFI mode only."),
        _ => null,
    };

    /// <summary>The account's limit for a per-region quota: the admin's <see cref="Quota"/> row if set, else the catalogue default.</summary>
    private static async Task<int> LimitAsync(ConsoleDbContext db, string accountId, string regionId, string quotaName, CancellationToken ct)
    {
        var set = await db.Quotas.AsNoTracking()
            .Where(q => q.AccountId == accountId && q.RegionId == regionId && q.Name == quotaName)
            .Select(q => (int?)q.Limit)
            .FirstOrDefaultAsync(ct);
        return set ?? QuotaCatalogue.Find(quotaName)?.DefaultLimit ?? throw new InvalidOperationException($"Unknown quota {quotaName}.");
    }

    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static List<string> DistinctIds(IReadOnlyList<string>? ids) =>
        ids is null ? [] : [.. ids.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal)];
}
