using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>Regions, zones and account attributes (ecs-openapi §2.21, 2.22, 2.24); instance types: <see cref="InstanceTypeActions"/>.</summary>
internal static class CatalogueActions
{
    private static readonly string[] DiskCategories = ["cloud_essd", "cloud_ssd", "cloud_efficiency", "cloud"];

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.Global("DescribeRegions", BindRegions, DescribeRegionsAsync),
        EcsAction.InRegion("DescribeZones", BindZones, DescribeZonesAsync),
        EcsAction.InRegion("DescribeAccountAttributes", p => (Names: p.List("AttributeName"), ZoneId: p.Get("ZoneId")), DescribeAccountAttributesAsync),
    ];

    /// <summary>ECS's default is zh-CN; EcsConsole answers its stored English names unless a language is asked for.</summary>
    private const string DefaultLanguage = "en-US";

    private static readonly string[] RegionChargeTypes = ["PrePaid", "PostPaid", "SpotWithPriceLimit", "SpotAsPriceGo"];
    private static readonly string[] SpotStrategies = ["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"];

    /// <summary>DescribeRegions' <c>ResourceType</c>s. EcsConsole sells instances and disks; no reserved instances or storage capacity units.</summary>
    private static readonly string[] RegionResourceTypes = ["instance", "disk", "reservedinstance", "scu"];

    private sealed record RegionsRequest(string Language, string ResourceType);

    private sealed record ZonesRequest(string Language, bool Verbose);

    private static string Language(ApiParameters p)
    {
        var language = p.Get("AcceptLanguage") ?? DefaultLanguage;
        return RegionLocalNames.Languages.Contains(language) ? language : p.Invalid<string>(RegionErrors.AcceptLanguageNotFound(language)) ?? DefaultLanguage;
    }

    /// <summary>
    /// <c>InstanceChargeType</c> is checked, and answers what it asks: every type EcsConsole sells is sold by
    /// subscription, pay-as-you-go and as spot instances alike, so the regions and zones are the same for each.
    /// </summary>
    private static RegionsRequest BindRegions(ApiParameters p)
    {
        var language = Language(p);
        if (p.Get("InstanceChargeType") is { } chargeType && !RegionChargeTypes.Contains(chargeType))
        {
            p.Fail(RegionErrors.InstanceChargeTypeNotFound(chargeType));
        }

        var resourceType = p.Get("ResourceType") ?? "instance";
        if (!RegionResourceTypes.Contains(resourceType))
        {
            p.Fail(RegionErrors.ResourceTypeNotFound(resourceType));
        }

        return new RegionsRequest(language, resourceType);
    }

    /// <summary><c>InstanceChargeType</c> (PrePaid or PostPaid, default PostPaid) and <c>SpotStrategy</c> (spot is
    /// pay-as-you-go), as DescribeZones and DescribeAvailableResource check them.</summary>
    internal static (string ChargeType, string Spot) ChargeTypeAndSpot(ApiParameters p)
    {
        var chargeType = p.Get("InstanceChargeType") ?? "PostPaid";
        if (chargeType is not ("PrePaid" or "PostPaid"))
        {
            p.Fail(RegionErrors.InstanceChargeTypeNotFound(chargeType));
        }

        var spot = p.Get("SpotStrategy") ?? "NoSpot";
        if (!SpotStrategies.Contains(spot))
        {
            p.Fail(RegionErrors.SpotStrategy("it must be NoSpot, SpotWithPriceLimit or SpotAsPriceGo."));
        }
        else if (spot != "NoSpot" && chargeType != "PostPaid")
        {
            p.Fail(RegionErrors.SpotStrategy("spot instances are pay-as-you-go: InstanceChargeType must be PostPaid."));
        }

        return (chargeType, spot);
    }

    private static ZonesRequest BindZones(ApiParameters p)
    {
        var language = Language(p);
        _ = ChargeTypeAndSpot(p);

        return new ZonesRequest(language, p.Bool("Verbose") ?? true);
    }

    /// <summary>The regions where <c>ResourceType</c> can be bought: instances where a type is sold, disks everywhere, nothing else.</summary>
    private static async Task<ApiReply> DescribeRegionsAsync(ApiCall call, RegionsRequest request)
    {
        var regions = await call.Service<RegionService>().ListAsync(call.Ct);
        var soldIn = (await call.Service<InstanceTypeQueryService>().ListAsync(call.Ct)).SelectMany(t => t.Zones).Select(z => z.ZoneId).ToHashSet(StringComparer.Ordinal);
        var selling = request.ResourceType switch
        {
            "instance" => regions.Where(r => r.Zones.Any(z => soldIn.Contains(z.Id))),
            "disk" => regions,
            _ => [],
        };
        return ApiReply.Ok(new
        {
            call.RequestId,
            Regions = new
            {
                Region = selling.Select(r => new
                {
                    RegionId = r.Id, LocalName = RegionLocalNames.Of(r, request.Language), RegionEndpoint = $"ecs.{r.Id}.aliyuncs.com", Status = "available",
                }).ToList(),
            },
        });
    }

    /// <summary>
    /// The region's zones with what can be bought in each; <c>Verbose=false</c> answers only their IDs, names and types.
    /// EcsConsole has no dedicated hosts, so their lists are empty.
    /// </summary>
    private static async Task<ApiReply> DescribeZonesAsync(ApiCall call, Region region, ZonesRequest request)
    {
        var types = await call.Service<InstanceTypeQueryService>().ListAsync(call.Ct);
        return ApiReply.Ok(new
        {
            call.RequestId,
            Zones = new
            {
                Zone = region.Zones.Select(z =>
                {
                    var localName = RegionLocalNames.Of(z, request.Language);
                    if (!request.Verbose)
                    {
                        return (object)new { ZoneId = z.Id, LocalName = localName, ZoneType = "AvailabilityZone" };
                    }

                    var sold = types.Where(t => t.Zones.Any(tz => tz.ZoneId == z.Id)).ToList();
                    return new
                    {
                        ZoneId = z.Id,
                        LocalName = localName,
                        ZoneType = "AvailabilityZone",
                        AvailableInstanceTypes = new { InstanceTypes = sold.Select(t => t.Id).ToList() },
                        AvailableDiskCategories = new { DiskCategories },
                        AvailableResourceCreation = new { ResourceTypes = new[] { "Instance", "Disk" } },
                        AvailableVolumeCategories = new { VolumeCategories = Array.Empty<string>() },
                        AvailableDedicatedHostTypes = new { DedicatedHostType = Array.Empty<string>() },
                        DedicatedHostGenerations = new { DedicatedHostGeneration = Array.Empty<string>() },
                        AvailableResources = new
                        {
                            ResourcesInfo = new[]
                            {
                                new
                                {
                                    IoOptimized = true,
                                    InstanceGenerations = new { supportedInstanceGeneration = sold.Select(t => t.Hardware.Generation).Distinct().Order(StringComparer.Ordinal).ToList() },
                                    InstanceTypes = new { supportedInstanceType = sold.Select(t => t.Id).ToList() },
                                    InstanceTypeFamilies = new { supportedInstanceTypeFamily = sold.Select(t => t.Family).Distinct().ToList() },
                                    SystemDiskCategories = new { supportedSystemDiskCategory = DiskCategories },
                                    DataDiskCategories = new { supportedDataDiskCategory = DiskCategories },
                                    NetworkTypes = new { supportedNetworkCategory = new[] { "vpc" } },
                                },
                            },
                        },
                    };
                }).ToList(),
            },
        });
    }

    /// <summary>One value of an account attribute: zone-scoped values name their zone, charge-type ones their billing method.</summary>
    private sealed record AttributeValue(string Value, string ZoneId = "", string InstanceChargeType = "", string InstanceType = "");

    /// <summary>
    /// The account's attributes in the region (ecs-openapi §2.24). <c>supported-postpaid-instance-types</c> has one value
    /// per zone and type sold there; <c>ZoneId</c> (a zone of the region, else <c>InvalidZoneId.NotFound</c>) keeps only
    /// that zone's.
    /// </summary>
    private static async Task<ApiReply> DescribeAccountAttributesAsync(ApiCall call, Region region, (IReadOnlyList<string> Names, string? ZoneId) request)
    {
        if (request.ZoneId is { } zoneId && region.Zones.All(z => z.Id != zoneId))
        {
            return CompatibilityErrors.ZoneNotFound(zoneId, region.Id);
        }

        var quotas = await call.Service<QuotaService>().ListAsync(call.Actor, region.Id, call.Ct);
        if (!quotas.IsSuccess)
        {
            return quotas.Error;
        }

        var mine = quotas.Value.Where(q => q.AccountId == call.Actor.AccountId && (q.RegionId is null || q.RegionId == region.Id)).ToList();
        QuotaRow? Quota(string name) => mine.FirstOrDefault(q => q.QuotaName == name);
        static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<(string Name, IReadOnlyList<AttributeValue> Values)> attributes =
        [
            ("instance-network-type", [new("vpc")]),
            ("max-security-groups", [new("100")]),
            ("real-name-authentication", [new("yes")]),
        ];
        if (Quota(QuotaCatalogue.VcpuCount) is { } vcpu)
        {
            attributes.Add(("max-postpaid-instance-vcpu-count", [new(Text(vcpu.Limit), InstanceChargeType: "PostPaid")]));
            attributes.Add(("used-postpaid-instance-vcpu-count", [new(Text(vcpu.Used), InstanceChargeType: "PostPaid")]));
        }

        // Not an ECS attribute (ECS keeps the image quota in Quota Center): EcsConsole's own, named so it cannot clash.
        if (Quota(QuotaCatalogue.ImageCount) is { } images)
        {
            attributes.Add(("max-image-count", [new(Text(images.Limit))]));
            attributes.Add(("used-image-count", [new(Text(images.Used))]));
        }

        var types = await call.Service<InstanceTypeQueryService>().ListAsync(call.Ct);
        attributes.Add(("supported-postpaid-instance-types", [.. region.Zones.Where(z => request.ZoneId is null || z.Id == request.ZoneId)
            .SelectMany(z => types.Where(t => t.Zones.Any(tz => tz.ZoneId == z.Id)).Select(t => new AttributeValue(t.Id, z.Id, "PostPaid", t.Id)))]));

        return ApiReply.Ok(new
        {
            call.RequestId,
            AccountAttributeItems = new
            {
                AccountAttributeItem = attributes.Where(a => request.Names.Count == 0 || request.Names.Contains(a.Name)).Select(a => new
                {
                    AttributeName = a.Name,
                    AttributeValues = new
                    {
                        ValueItem = a.Values.Select(v => new { v.Value, Count = 1, v.ZoneId, v.InstanceChargeType, v.InstanceType, DiskCategory = "", ExpiredTime = "" }).ToList(),
                    },
                }).ToList(),
            },
        });
    }
}
