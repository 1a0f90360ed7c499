using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>DescribePrice on <see cref="PriceService"/>: the buy page's prices over the API.</summary>
internal static class PriceActions
{
    private const string Currency = "USD";

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("DescribePrice", Bind, async (call, region, request) =>
            (await call.Service<PriceService>().QuoteAsync(call.Actor, request with { RegionId = region.Id }, call.Ct)).Reply(price => new
            {
                call.RequestId,
                PriceInfo = new
                {
                    Price = new
                    {
                        Currency,
                        OriginalPrice = price.Total,
                        DiscountPrice = 0m,
                        TradePrice = price.Total,
                        ReservedInstanceHourPrice = 0m,
                        DetailInfos = new
                        {
                            DetailInfo = price.Details.Select(d => new
                            {
                                d.Resource, OriginalPrice = d.Price, DiscountPrice = 0m, TradePrice = d.Price, SubRules = new { Rule = Array.Empty<object>() },
                            }).ToList(),
                        },
                    },
                    Rules = new { Rule = Array.Empty<object>() },
                    RelatedPrice = new
                    {
                        MarketplaceImagePrice = new { Currency, OriginalPrice = price.ImageFee, DiscountPrice = 0m, TradePrice = price.ImageFee },
                    },
                },
            })),
    ];

    /// <summary>
    /// IMGP-08 (IPAR-06): <c>SpotStrategy</c> is NoSpot, SpotWithPriceLimit or SpotAsPriceGo (<c>InvalidSpotStrategy</c>), a
    /// spot price is an hourly one (<c>InvalidSpotPrepaid</c> with <c>PriceUnit</c> Month or Year), <c>SpotDuration</c> is
    /// 0–6 hours (<c>InvalidSpotDuration</c>). No spot market is simulated: a spot instance costs the pay-as-you-go price.
    /// </summary>
    private static void Spot(ApiParameters p, InstanceChargeType chargeType)
    {
        if (InstanceLaunchParameters.SpotStrategy(p) is "SpotWithPriceLimit" or "SpotAsPriceGo" && chargeType == InstanceChargeType.PrePaid)
        {
            p.Fail(ApiErrors.Invalid("InvalidSpotPrepaid", 400, "A spot instance is pay-as-you-go: its price is per Hour."));
        }

        InstanceLaunchParameters.SpotDuration(p);
    }

    /// <summary>
    /// IMGP-09: <c>Capacity</c>, the size in GiB of the disk priced with <c>ResourceType=disk</c> when <c>DataDisk.1.Size</c>
    /// is absent (1–32768, <c>InvalidParameter</c>); an instance's price has no capacity (<c>InvalidParameter</c>, *Unclear*).
    /// </summary>
    private static int? Capacity(ApiParameters p, string resourceType)
    {
        var capacity = p.Int("Capacity", 1, 32768);
        if (capacity is not null && resourceType != PriceService.DiskResource)
        {
            p.Fail(CommonErrors.InvalidParameter("Capacity", "it is the size of a disk: use it with ResourceType=disk."));
        }

        return capacity;
    }

    /// <summary>
    /// <c>PriceUnit</c> <c>Hour</c> (the default) is pay-as-you-go per hour; <c>Month</c> and <c>Year</c> a subscription of
    /// <c>Period</c> (default 1) months or years. <c>Week</c> is not simulated.
    /// </summary>
    private static PriceRequest Bind(ApiParameters p)
    {
        var period = p.Int("Period", 1, 60) ?? 1;
        var (chargeType, months) = p.Get("PriceUnit") switch
        {
            null or "Hour" => (InstanceChargeType.PostPaid, 1),
            "Month" => (InstanceChargeType.PrePaid, period),
            "Year" => (InstanceChargeType.PrePaid, period * 12),
            _ => (p.Invalid<InstanceChargeType>(CommonErrors.InvalidParameter("PriceUnit", "it must be Hour, Month or Year.")), 1),
        };
        var resourceType = p.Get("ResourceType") ?? PriceService.InstanceResource;
        Spot(p, chargeType);
        var capacity = Capacity(p, resourceType);
        var systemSize = p.Int("SystemDisk.Size", 1, 2048);
        var systemCategory = p.Get("SystemDisk.Category");
        var dataDisks = new List<DiskSpec>();
        var levels = new List<string?>();
        foreach (var d in p.Objects("DataDisk"))
        {
            levels.Add(d.GetValueOrDefault("PerformanceLevel") is { Length: > 0 } level ? level : null);
            var sizeText = d.GetValueOrDefault("Size");
            if (string.IsNullOrEmpty(sizeText) && dataDisks.Count == 0 && capacity is { } size)
            {
                sizeText = size.ToString(CultureInfo.InvariantCulture); // the disk's size is the Capacity
            }

            if (!int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var gib))
            {
                p.Fail(CommonErrors.InvalidParameter("DataDisk.N.Size", "it must be a number of GiB."));
            }

            dataDisks.Add(new DiskSpec(d.GetValueOrDefault("Category") is { Length: > 0 } c ? c : "cloud_efficiency", gib));
        }

        if (p.Get("SystemDisk.StorageClusterId") is { } cluster)
        {
            p.Fail(PriceErrors.StorageClusterNotFound(cluster));
        }

        if (p.Get("SchedulerOptions.DedicatedHostId") is { } host)
        {
            p.Fail(PriceErrors.DedicatedHostNotFound(host));
        }

        // Deployment sets cost nothing but under ProximityLooseDispersion, whose price EcsConsole does not simulate.
        switch (p.Get("SchedulerOptions.DeploymentSetStrategy"))
        {
            case null or "Availability" or "AvailabilityGroup" or "LowLatency":
                break;
            case "ProximityLooseDispersion":
                p.Fail(CommonErrors.InvalidParameter("SchedulerOptions.DeploymentSetStrategy", "ProximityLooseDispersion deployment sets are not sold here."));
                break;
            default:
                p.Fail(CommonErrors.InvalidParameter("SchedulerOptions.DeploymentSetStrategy", "it must be Availability, AvailabilityGroup, LowLatency or ProximityLooseDispersion."));
                break;
        }

        // Every instance EcsConsole sells is I/O optimized and in a VPC (DescribeAccountAttributes' instance-network-type).
        if (p.Get("InstanceNetworkType") is { } network && network != "vpc")
        {
            p.Fail(CommonErrors.InvalidParameter("InstanceNetworkType", "the classic network is no longer available: use vpc."));
        }

        if (p.Get("IoOptimized") is { } io && io != "optimized")
        {
            p.Fail(CommonErrors.InvalidParameter("IoOptimized", "every instance type sold here is I/O optimized: use optimized."));
        }

        var platform = p.Get("Platform");
        if (platform is not null && !platform.Equals("Windows", StringComparison.OrdinalIgnoreCase) && !platform.Equals("Linux", StringComparison.OrdinalIgnoreCase))
        {
            p.Fail(CommonErrors.InvalidParameter("Platform", "it must be Windows or Linux."));
        }

        var internet = p.Get("InternetChargeType") ?? PriceService.PayByTraffic;
        if (internet is not (PriceService.PayByTraffic or PriceService.PayByBandwidth))
        {
            p.Fail(CommonErrors.InvalidParameter("InternetChargeType", "it must be PayByTraffic or PayByBandwidth."));
        }

        // IMGP-10: EcsConsole sells one line of public bandwidth, BGP (multi-line); it is priced as it is.
        if (p.Get("Isp") is { } isp && isp != "BGP")
        {
            p.Fail(CommonErrors.InvalidParameter("Isp", "public bandwidth is sold on the BGP line only."));
        }

        return new PriceRequest("")
        {
            ResourceType = resourceType,
            InstanceTypeId = p.Get("InstanceType"),
            ZoneId = p.Get("ZoneId"),
            ImageId = p.Get("ImageId"),
            SystemDisk = systemCategory is null && systemSize is null ? null : new DiskSpec(systemCategory ?? "cloud_essd", systemSize ?? 40),
            DataDisks = dataDisks,
            Amount = p.Int("Amount", 1, 1000) ?? 1,
            ChargeType = chargeType,
            PeriodMonths = months,
            SystemDiskPerformanceLevel = p.Get("SystemDisk.PerformanceLevel"),
            DataDiskPerformanceLevels = levels,
            Platform = platform,
            InternetChargeType = internet,
            InternetMaxBandwidthOut = p.Int("InternetMaxBandwidthOut", 0, 100) ?? 0,
        };
    }
}
