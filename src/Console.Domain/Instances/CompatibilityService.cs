using EcsConsole.Domain.Images;
using EcsConsole.Domain.InstanceTypes;
using Microsoft.Extensions.Options;

namespace EcsConsole.Domain.Instances;

/// <summary>An instance type offered in a zone, with the reasons an image cannot run on it (empty: it can).</summary>
public sealed record TypeCompatibility(InstanceType Type, IReadOnlyList<CompatibilityReason> Refusals, IReadOnlyList<CompatibilityReason> Warnings)
{
    public bool IsAllowed => Refusals.Count == 0;
}

/// <summary>
/// One compatibility service (domain-rules §9): loads the image the actor sees in the region (CMP-01: public images
/// everywhere, custom images where created or copied, Marketplace and community images where released), the instance
/// type, the Marketplace facts, and applies <see cref="ImageCompatibility"/>. The buy page, RunInstances,
/// ReplaceSystemDisk and DescribeImageSupportInstanceTypes all ask it.
/// </summary>
public sealed class CompatibilityService(IDbContextFactory<ConsoleDbContext> dbFactory, IOptions<InstanceOptions> options)
{

    private int MaxSystemDisk => options.Value.MaxSystemDiskGiB;

    /// <summary>
    /// Every rule for one image on one instance type with a plan. Codes of the lookups: <c>InvalidRegionId.NotFound</c>,
    /// <see cref="ImageErrors"/> <c>InvalidImageId.NotFound</c> (not in this region for this account),
    /// <see cref="CompatibilityErrors.InstanceTypeNotSupportedCode"/>, <see cref="CompatibilityErrors.ZoneNotFoundCode"/>, <see cref="CompatibilityErrors.ResourceTypeNotSupportedCode"/>
    /// (type not sold in the zone); then the verdict with every reason.
    /// </summary>
    public async Task<Result<CompatibilityVerdict>> CheckAsync(Actor actor, string regionId, string? zoneId, string imageId,
        string instanceTypeId, LaunchPlan plan, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await FindImageAsync(db, actor, regionId, imageId, ct);
        if (!image.IsSuccess)
        {
            return image.Error;
        }

        var type = await FindTypeAsync(db, regionId, zoneId, instanceTypeId, ct);
        return type.IsSuccess ? await VerdictAsync(db, actor, image.Value, type.Value, plan, ct) : type.Error;
    }

    /// <summary>
    /// Every rule for an image already found on a type already found, inside the caller's unit of work: what RunInstances
    /// and ReplaceSystemDisk ask, with the configured system disk maximum.
    /// </summary>
    internal async Task<CompatibilityVerdict> VerdictAsync(ConsoleDbContext db, Actor actor, Image image, InstanceType type, LaunchPlan plan,
        CancellationToken ct) =>
        ImageCompatibility.Check(image, type, plan, await MarketFactsAsync(db, actor, image, ct), MaxSystemDisk);

    /// <summary>
    /// The buy page's instance type table: every type offered in the zone (or the region when <paramref name="zoneId"/>
    /// is null), cheapest first, each with the reasons <paramref name="imageId"/> cannot run on it. Without an image
    /// every type is allowed.
    /// </summary>
    public async Task<Result<IReadOnlyList<TypeCompatibility>>> CheckTypesAsync(Actor actor, string regionId, string? zoneId,
        string? imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Image? image = null;
        if (!string.IsNullOrEmpty(imageId))
        {
            var found = await FindImageAsync(db, actor, regionId, imageId, ct);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            image = found.Value;
        }

        var types = await TypesOfferedAsync(db, regionId, zoneId, ct);
        return types
            .Select(t => image is null
                ? new TypeCompatibility(t, [], [])
                : new TypeCompatibility(t, ImageCompatibility.CheckType(image, t), ImageCompatibility.TypeWarnings(image, t)))
            .ToList();
    }

    /// <summary>
    /// DescribeImageSupportInstanceTypes (CMP-09): the instance types sold in the region that the image can run on. For a
    /// system disk replacement (<c>ActionType=ChangeOS</c>) an image holding data-disk snapshots supports none (CMP-14).
    /// </summary>
    public async Task<Result<IReadOnlyList<InstanceType>>> SupportedInstanceTypesAsync(Actor actor, string regionId, string imageId,
        CancellationToken ct = default, bool replacingSystemDisk = false)
    {
        if (replacingSystemDisk)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var image = await FindImageAsync(db, actor, regionId, imageId, ct);
            if (!image.IsSuccess)
            {
                return image.Error;
            }

            if (image.Value.DiskMappings.Any(m => m.Type == DiskMappingType.Data))
            {
                return Array.Empty<InstanceType>();
            }
        }

        var all = await CheckTypesAsync(actor, regionId, null, imageId, ct);
        return all.IsSuccess ? all.Value.Where(t => t.IsAllowed).Select(t => t.Type).ToList() : all.Error;
    }

    /// <summary>
    /// The cheapest instance type sold in the region that the image runs on (the "automatic" type of Image Builder's
    /// intermediate instances and of an image update, IB-35); null when none does or the image is not found.
    /// </summary>
    public async Task<string?> SmallestSupportedTypeAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default)
    {
        var supported = await SupportedInstanceTypesAsync(actor, regionId, imageId, ct);
        return supported.IsSuccess ? supported.Value.FirstOrDefault()?.Id : null;
    }

    /// <summary>
    /// The buy page's image picker: for each image ID on the page, every reason it cannot be used with the type and plan
    /// (IDs the actor cannot see in the region are left out). Without a type only the image rules apply.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CompatibilityVerdict>> CheckImagesAsync(Actor actor, string regionId,
        string? instanceTypeId, LaunchPlan plan, IReadOnlyCollection<string> imageIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var type = string.IsNullOrEmpty(instanceTypeId)
            ? null
            : await db.InstanceTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == instanceTypeId, ct);
        var images = await db.Images.AsNoTracking().Include(i => i.DiskMappings)
            .Where(i => i.RegionId == regionId && imageIds.Contains(i.Id))
            .VisibleTo(db, actor)
            .ToListAsync(ct);
        var codes = images.Where(i => i.ProductCode != null).Select(i => i.ProductCode!).Distinct().ToList();
        // A page of custom images (the buy page's picker) has no product: two round trips saved.
        var products = codes.Count == 0 ? []
            : await db.MarketplaceProducts.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        var subscribed = codes.Count == 0 ? []
            : await db.MarketplaceSubscriptions.AsNoTracking()
                .Where(s => s.AccountId == actor.AccountId && s.RegionId == regionId && codes.Contains(s.ProductCode))
                .ToDictionaryAsync(s => s.ProductCode, s => s.Plan, ct);

        var verdicts = new Dictionary<string, CompatibilityVerdict>();
        foreach (var image in images)
        {
            var market = image.ProductCode is not { } code
                ? null
                : Facts(products.GetValueOrDefault(code), subscribed.TryGetValue(code, out var subscribedPlan) ? subscribedPlan : null);
            if (type is null)
            {
                var (refusals, warnings) = ImageCompatibility.CheckImage(image, plan, market, MaxSystemDisk);
                verdicts[image.Id] = new(refusals, warnings);
            }
            else
            {
                verdicts[image.Id] = ImageCompatibility.Check(image, type, plan, market, MaxSystemDisk);
            }
        }

        return verdicts;
    }

    /// <summary>The image the actor's account can launch in the region, with its disk mappings; <c>InvalidImageId.NotFound</c> otherwise.</summary>
    public async Task<Result<Image>> ImageAsync(Actor actor, string regionId, string imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindImageAsync(db, actor, regionId, imageId, ct);
    }

    /// <summary>
    /// The image as the actor's account sees it in the region, with its disk mappings (CMP-01). An image the account
    /// has in another region says so, since the cure is to copy it.
    /// </summary>
    internal static async Task<Result<Image>> FindImageAsync(ConsoleDbContext db, Actor actor, string regionId, string imageId, CancellationToken ct)
    {
        var image = await db.Images.AsNoTracking().Include(i => i.DiskMappings)
            .Where(i => i.RegionId == regionId && i.Id == imageId)
            .VisibleTo(db, actor)
            .FirstOrDefaultAsync(ct);
        if (image is not null)
        {
            return image;
        }

        var elsewhere = await db.Images.AsNoTracking()
            .Where(i => i.Id == imageId && i.RegionId != regionId)
            .VisibleTo(db, actor)
            .Select(i => i.RegionId)
            .FirstOrDefaultAsync(ct);
        return elsewhere is null
            ? ImageErrors.NotFound(imageId)
            : CompatibilityErrors.ImageInOtherRegion(imageId, regionId, elsewhere);
    }

    internal static async Task<Result<InstanceType>> FindTypeAsync(ConsoleDbContext db, string regionId, string? zoneId, string typeId,
        CancellationToken ct)
    {
        var type = await db.InstanceTypes.AsNoTracking().Include(t => t.Zones).FirstOrDefaultAsync(t => t.Id == typeId, ct);
        if (type is null)
        {
            return CompatibilityErrors.InstanceTypeNotSupported(typeId);
        }

        if (zoneId is not null && !await db.Zones.AnyAsync(z => z.Id == zoneId && z.RegionId == regionId, ct))
        {
            return CompatibilityErrors.ZoneNotFound(zoneId, regionId);
        }

        var sold = zoneId is not null
            ? type.Zones.Any(z => z.ZoneId == zoneId)
            : type.Zones.Select(z => z.ZoneId)
                .Intersect(await db.Zones.Where(z => z.RegionId == regionId).Select(z => z.Id).ToListAsync(ct)).Any();
        return sold
            ? type
            : CompatibilityErrors.TypeNotSold(typeId, regionId, zoneId);
    }

    private static async Task<MarketplaceFacts?> MarketFactsAsync(ConsoleDbContext db, Actor actor, Image image, CancellationToken ct)
    {
        if (image.ProductCode is not { } code)
        {
            return null;
        }

        var product = await db.MarketplaceProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        var subscription = await db.MarketplaceSubscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.AccountId == actor.AccountId && s.ProductCode == code && s.RegionId == image.RegionId, ct);
        return Facts(product, subscription?.Plan);
    }

    /// <summary>What the rules need of an image's product and of the account's subscription in the image's region.</summary>
    private static MarketplaceFacts Facts(Marketplace.MarketplaceProduct? product, Marketplace.MarketplacePlan? plan) =>
        product is null
            ? new MarketplaceFacts(false, false, plan is not null, "Both", plan)
            : new MarketplaceFacts(true, product.WithdrawnAt is not null, plan is not null, product.BillingMethods, plan);

    private static async Task<List<InstanceType>> TypesOfferedAsync(ConsoleDbContext db, string regionId, string? zoneId, CancellationToken ct)
    {
        var zones = zoneId is null
            ? await db.Zones.Where(z => z.RegionId == regionId).Select(z => z.Id).ToListAsync(ct)
            : [zoneId];
        var types = await db.InstanceTypes.AsNoTracking().Include(t => t.Zones)
            .Where(t => t.Zones.Any(z => zones.Contains(z.ZoneId)))
            .ToListAsync(ct);
        return types.OrderBy(t => (double)t.PricePerHour).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
    }
}

/// <summary><c>Instances</c> section of appsettings.json: limits of the buy page that the docs leave open.</summary>
public sealed class InstanceOptions
{
    public const string SectionName = "Instances";

    /// <summary>CMP-10: the largest system disk (500 GiB as documented in 2021; raise it here).</summary>
    public int MaxSystemDiskGiB { get; set; } = ImageCompatibility.DefaultMaxSystemDiskGiB;
}
