using EcsConsole.Domain.Images;
using EcsConsole.Domain.Marketplace;

namespace EcsConsole.Domain.Instances;

/// <summary>What DescribePrice asks the price of: instances of a type with their disks and image, or one data disk.</summary>
public sealed record PriceRequest(string RegionId)
{
    /// <summary><c>instance</c> (the default) or <c>disk</c>.</summary>
    public string ResourceType { get; init; } = PriceService.InstanceResource;

    public string? InstanceTypeId { get; init; }

    public string? ZoneId { get; init; }

    /// <summary>The image whose fee is added (a Marketplace or paid image); none: a free Linux image's price.</summary>
    public string? ImageId { get; init; }

    /// <summary>Null: <c>cloud_essd</c> of the image's size or 40 GiB, as the buy page starts.</summary>
    public DiskSpec? SystemDisk { get; init; }

    public IReadOnlyList<DiskSpec> DataDisks { get; init; } = [];

    /// <summary>An ESSD system disk's performance level, <c>PL0</c>–<c>PL3</c> (null: <c>PL1</c>); other categories have none.</summary>
    public string? SystemDiskPerformanceLevel { get; init; }

    /// <summary>Each data disk's performance level, by position in <see cref="DataDisks"/> (missing or null: <c>PL1</c>).</summary>
    public IReadOnlyList<string?> DataDiskPerformanceLevels { get; init; } = [];

    public int Amount { get; init; } = 1;

    public InstanceChargeType ChargeType { get; init; } = InstanceChargeType.PostPaid;

    /// <summary>For a subscription: the months paid for.</summary>
    public int PeriodMonths { get; init; } = 1;

    /// <summary>Without an image: <c>Windows</c> adds the region's Windows Server licence fee (null or <c>Linux</c>: none).</summary>
    public string? Platform { get; init; }

    /// <summary><c>PayByTraffic</c> (the default: traffic is billed per GB as it is used) or <c>PayByBandwidth</c>.</summary>
    public string InternetChargeType { get; init; } = PriceService.PayByTraffic;

    /// <summary>Public bandwidth, Mbit/s (0–100); priced per hour with <c>PayByBandwidth</c>.</summary>
    public int InternetMaxBandwidthOut { get; init; }
}

/// <summary>One priced part of an order (DescribePrice's <c>DetailInfos</c>): <c>instanceType</c>, <c>systemDisk</c>, <c>dataDisk</c> or <c>image</c>.</summary>
public sealed record PriceDetail(string Resource, decimal Price);

/// <summary>An order's price: the total and its parts, in USD, per hour (pay-as-you-go) or for the whole period.</summary>
public sealed record PriceAnswer(decimal Total, IReadOnlyList<PriceDetail> Details, decimal ImageFee);

/// <summary>
/// The price of what an order would buy (DescribePrice), computed exactly as the buy page computes it
/// (<see cref="InstancePricing.Quote"/> with <see cref="MarketplaceService.FeeFor"/>): no discounts are simulated, so the
/// original, discount and trade prices are the undiscounted price, 0 and the same price.
/// </summary>
public sealed class PriceService(IDbContextFactory<ConsoleDbContext> dbFactory, MarketplaceService marketplace)
{
    public const string InstanceResource = "instance";
    public const string DiskResource = "disk";
    public const string PayByTraffic = "PayByTraffic";
    public const string PayByBandwidth = "PayByBandwidth";

    /// <summary>USD per Mbit/s of pay-by-bandwidth public bandwidth per hour (the simulation's price list).</summary>
    public const decimal BandwidthPerMbpsHour = 0.0086m;

    /// <summary>The system disk priced when neither a disk nor an image is named: the buy page's smallest default.</summary>
    private const int DefaultSystemDiskGiB = 40;

    /// <summary>
    /// Codes: <c>InvalidParameter</c> (resource type, amount), <c>MissingParameter</c> (the instance type; a disk's
    /// <c>DataDisk.1.*</c>), <see cref="CompatibilityErrors.InstanceTypeNotSupportedCode"/>, <see cref="CompatibilityErrors.ZoneNotFoundCode"/>,
    /// <see cref="CompatibilityErrors.ResourceTypeNotSupportedCode"/> (not sold in the region or zone), <c>InvalidImageId.NotFound</c>,
    /// the disk category and size codes of RunInstances, <see cref="InstanceErrors.PeriodInvalidCode"/>.
    /// </summary>
    public async Task<Result<PriceAnswer>> QuoteAsync(Actor actor, PriceRequest request, CancellationToken ct = default)
    {
        if (request.ResourceType is not (InstanceResource or DiskResource))
        {
            return CommonErrors.InvalidParameter("ResourceType", $"prices are simulated for {InstanceResource} and {DiskResource} only.");
        }

        if (InstanceValidation.Period(request.ChargeType, request.PeriodMonths) is { } badPeriod)
        {
            return badPeriod;
        }

        if (request.ResourceType == DiskResource)
        {
            return DiskPrice(request);
        }

        if (string.IsNullOrEmpty(request.InstanceTypeId))
        {
            return CommonErrors.MissingParameter("InstanceType");
        }

        if (InstanceValidation.Amount(request.Amount) is { } badAmount)
        {
            return badAmount;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var type = await db.InstanceTypes.AsNoTracking().Include(t => t.Zones).FirstOrDefaultAsync(t => t.Id == request.InstanceTypeId, ct);
        if (type is null)
        {
            return CompatibilityErrors.InstanceTypeNotSupported(request.InstanceTypeId);
        }

        var zones = await db.Zones.AsNoTracking().Where(z => z.RegionId == request.RegionId).Select(z => z.Id).ToListAsync(ct);
        if (request.ZoneId is { } zone && !zones.Contains(zone))
        {
            return CompatibilityErrors.ZoneNotFound(zone, request.RegionId);
        }

        if (!type.Zones.Any(z => request.ZoneId is null ? zones.Contains(z.ZoneId) : z.ZoneId == request.ZoneId))
        {
            return CompatibilityErrors.TypeNotSold(type.Id, request.RegionId, request.ZoneId);
        }

        var image = request.ImageId is null ? null
            : await db.Images.AsNoTracking().Where(i => i.RegionId == request.RegionId && i.Id == request.ImageId).VisibleTo(db, actor)
                .FirstOrDefaultAsync(ct);
        if (request.ImageId is not null && image is null)
        {
            return ImageErrors.NotFound(request.ImageId);
        }

        var systemDisk = request.SystemDisk
            ?? new DiskSpec(InstancePricing.DiskCategories[0], image is null ? DefaultSystemDiskGiB : ImageCompatibility.DefaultSystemDiskGiB(image));
        if ((InstanceValidation.SystemDiskCategory(systemDisk.Category, type.NvmeOnly) ?? InstanceValidation.DataDisks(request.DataDisks, new Dictionary<string, int>())) is { } badDisk)
        {
            return badDisk;
        }

        var tiers = image?.ProductCode is { } code ? await marketplace.PricesAsync(code, ct) : [];
        var fee = image is not null ? MarketplaceService.FeeFor(tiers, type.Vcpu, image.FeePerHour)
            : string.Equals(request.Platform, "Windows", StringComparison.OrdinalIgnoreCase) ? await WindowsFeeAsync(db, request.RegionId, ct)
            : 0;
        var badLevel = PerformanceLevelError(systemDisk, request.SystemDiskPerformanceLevel, "SystemDisk")
            ?? request.DataDisks.Select((d, i) => PerformanceLevelError(d, Level(request.DataDiskPerformanceLevels, i), $"DataDisk.{i + 1}")).FirstOrDefault(e => e is not null);
        if (badLevel is not null)
        {
            return badLevel;
        }

        var quote = InstancePricing.Quote(type.PricePerHour, fee, systemDisk, request.DataDisks, request.Amount, request.ChargeType, request.PeriodMonths);
        var system = DiskPart(systemDisk, request.SystemDiskPerformanceLevel, request);
        var data = request.DataDisks.Select((d, i) => DiskPart(d, Level(request.DataDiskPerformanceLevels, i), request)).Sum();
        List<PriceDetail> details = [new("instanceType", quote.InstanceType), new("systemDisk", system)];
        if (request.DataDisks.Count > 0)
        {
            details.Add(new("dataDisk", data));
        }

        if (quote.ImageFee > 0)
        {
            details.Add(new("image", quote.ImageFee));
        }

        var bandwidth = request.InternetChargeType == PayByBandwidth && request.InternetMaxBandwidthOut > 0
            ? InstancePricing.Quote(BandwidthPerMbpsHour * request.InternetMaxBandwidthOut, 0, new DiskSpec(systemDisk.Category, 0), [], request.Amount,
                request.ChargeType, request.PeriodMonths).InstanceType
            : 0;
        if (bandwidth > 0)
        {
            details.Add(new("bandwidth", bandwidth));
        }

        return new PriceAnswer(quote.InstanceType + system + data + quote.ImageFee + bandwidth, details, quote.ImageFee);
    }

    /// <summary>
    /// An ESSD's price by performance level: PL0 half of PL1's (the category's price), PL2 twice, PL3 four times, as
    /// Alibaba Cloud prices them. Other categories have no level.
    /// </summary>
    public static decimal PerformanceLevelFactor(string category, string? level) => category != "cloud_essd" ? 1m : level switch
    {
        "PL0" => 0.5m,
        "PL2" => 2m,
        "PL3" => 4m,
        _ => 1m,
    };

    /// <summary>An ESSD's smallest size at a performance level (PL0 1 GiB, PL1 20, PL2 461, PL3 1,261).</summary>
    private static EcsError? PerformanceLevelError(DiskSpec disk, string? level, string name)
    {
        if (level is null || disk.Category != "cloud_essd")
        {
            return null;
        }

        var minimum = level switch
        {
            "PL0" => 1,
            "PL1" => 20,
            "PL2" => 461,
            "PL3" => 1261,
            _ => -1,
        };
        return minimum < 0 ? CommonErrors.InvalidParameter($"{name}.PerformanceLevel", "it must be PL0, PL1, PL2 or PL3.")
            : disk.SizeGiB < minimum ? CommonErrors.InvalidParameter($"{name}.Size", $"an ESSD at {level} is at least {minimum} GiB.")
            : null;
    }

    private static string? Level(IReadOnlyList<string?> levels, int index) => index < levels.Count ? levels[index] : null;

    private static decimal DiskPart(DiskSpec disk, string? level, PriceRequest request) =>
        Math.Round(InstancePricing.Quote(0, 0, disk, [], request.Amount, request.ChargeType, request.PeriodMonths).Disks
            * PerformanceLevelFactor(disk.Category, level), 4, MidpointRounding.AwayFromZero);

    /// <summary>The Windows Server licence fee per hour: the cheapest public Windows image's in the region.</summary>
    private static async Task<decimal> WindowsFeeAsync(ConsoleDbContext db, string regionId, CancellationToken ct)
    {
        var fees = await db.Images.AsNoTracking()
            .Where(i => i.RegionId == regionId && i.Kind == ImageKind.Public && i.OsType == OsType.Windows && i.FeePerHour > 0)
            .Select(i => i.FeePerHour).ToListAsync(ct);
        return fees.Count == 0 ? 0 : fees.Min();
    }

    /// <summary>A data disk alone: pay-as-you-go per hour only, as ECS prices a disk (<c>DataDisk.1.Category</c> and <c>.Size</c>).</summary>
    private static Result<PriceAnswer> DiskPrice(PriceRequest request)
    {
        if (request.ChargeType != InstanceChargeType.PostPaid)
        {
            return CommonErrors.InvalidParameter("PriceUnit", "a disk is priced per Hour only.");
        }

        if (request.DataDisks.Count == 0)
        {
            return CommonErrors.MissingParameter("DataDisk.1.Category");
        }

        if (InstanceValidation.DataDisks(request.DataDisks.Take(1).ToList(), new Dictionary<string, int>()) is { } badDisk)
        {
            return badDisk;
        }

        if (PerformanceLevelError(request.DataDisks[0], Level(request.DataDiskPerformanceLevels, 0), "DataDisk.1") is { } badLevel)
        {
            return badLevel;
        }

        var price = DiskPart(request.DataDisks[0], Level(request.DataDiskPerformanceLevels, 0), request with { Amount = 1 });
        return new PriceAnswer(price, [new PriceDetail("dataDisk", price)], 0);
    }
}
