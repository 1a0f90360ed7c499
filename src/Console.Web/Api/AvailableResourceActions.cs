using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>
/// DescribeInstanceTypeFamilies and DescribeAvailableResource (issue #22): what the buy page sells in the region's
/// zones — the instance types of the catalogue (<see cref="InstanceTypeQueryService"/>), the disk categories of
/// <see cref="InstancePricing.DiskCategories"/> within <see cref="InstanceValidation"/>'s sizes, the one network type
/// (VPC). Nothing runs out: what is sold is <c>Available</c> / <c>WithStock</c>.
/// </summary>
internal static class AvailableResourceActions
{
    private static readonly string[] Destinations = ["Zone", "IoOptimized", "InstanceType", "Network", "ddh", "SystemDisk", "DataDisk", "DedicatedHost"];
    private static readonly string[] ResourceTypes = ["instance", "disk", "reservedinstance", "ddh"];

    /// <summary>The smallest system disk a launch may ask for; the largest is <see cref="ImageCompatibility.DefaultMaxSystemDiskGiB"/>.</summary>
    private const int MinSystemDiskGiB = 20;

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("DescribeInstanceTypeFamilies", p => p.Get("Generation"), DescribeInstanceTypeFamiliesAsync),
        EcsAction.InRegion("DescribeAvailableResource", BindAvailable, DescribeAvailableResourceAsync),
    ];

    /// <summary>The families of the types sold in the region's zones, with their generation; <c>Generation</c> keeps one generation's.</summary>
    private static async Task<ApiReply> DescribeInstanceTypeFamiliesAsync(ApiCall call, Region region, string? generation)
    {
        var zones = region.Zones.Select(z => z.Id).ToHashSet(StringComparer.Ordinal);
        var families = (await call.Service<InstanceTypeQueryService>().ListAsync(call.Ct))
            .Where(t => t.Zones.Any(z => zones.Contains(z.ZoneId)))
            .Where(t => generation is null || t.Hardware.Generation == generation)
            .GroupBy(t => t.Family, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new { InstanceTypeFamilyId = g.Key, g.First().Hardware.Generation })
            .ToList();
        return ApiReply.Ok(new { call.RequestId, InstanceTypeFamilies = new { InstanceTypeFamily = families } });
    }

    private sealed record AvailableQuery(
        string Destination, string ResourceType, bool IoOptimized, bool Vpc, int? Cores, decimal? Memory, string? SystemDiskCategory, string? DataDiskCategory);

    /// <summary>
    /// <c>DestinationResource</c> (required), then the words that must be ECS's: <c>InstanceChargeType</c>,
    /// <c>SpotStrategy</c> (spot is pay-as-you-go), <c>ResourceType</c>, <c>IoOptimized</c>, <c>NetworkCategory</c>,
    /// <c>Scope</c>, <c>Cores</c> and <c>Memory</c>.
    /// </summary>
    private static AvailableQuery BindAvailable(ApiParameters p)
    {
        var destination = p.Required("DestinationResource");
        if (destination.Length > 0 && !Destinations.Contains(destination))
        {
            p.Fail(CommonErrors.InvalidParameter("DestinationResource", "it must be Zone, IoOptimized, InstanceType, Network, ddh, SystemDisk, DataDisk or DedicatedHost."));
        }

        _ = CatalogueActions.ChargeTypeAndSpot(p);

        var resourceType = p.Get("ResourceType") ?? "instance";
        if (!ResourceTypes.Contains(resourceType))
        {
            p.Fail(CommonErrors.InvalidParameter("ResourceType", "it must be instance, disk, reservedinstance or ddh."));
        }

        var io = p.Get("IoOptimized") ?? "optimized";
        if (io is not ("optimized" or "none"))
        {
            p.Fail(CommonErrors.InvalidParameter("IoOptimized", "it must be optimized or none."));
        }

        var network = p.Get("NetworkCategory") ?? "vpc";
        if (network is not ("vpc" or "classic"))
        {
            p.Fail(CommonErrors.InvalidParameter("NetworkCategory", "it must be vpc or classic."));
        }

        if (p.Get("Scope") is { } scope && scope is not ("Region" or "Zone"))
        {
            p.Fail(CommonErrors.InvalidParameter("Scope", "it must be Region or Zone."));
        }

        // IMGP-11: no dedicated host exists here (DestinationResource=DedicatedHost lists none), so any one named is unknown;
        // IMGP-12: a spot instance's protection period is 0–6 hours (IPAR-06) and changes nothing sold.
        InstanceLaunchParameters.SpotDuration(p);

        var cores = p.Int("Cores", 1);
        decimal? memory = null;
        if (p.Get("Memory") is { } text)
        {
            memory = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var gib) && gib > 0
                ? gib
                : p.Invalid<decimal?>(CommonErrors.InvalidParameter("Memory", "it must be a number of GiB."));
        }

        if (p.Get("DedicatedHostId") is { } host)
        {
            p.Fail(PriceErrors.DedicatedHostNotFound(host)); // a lookup: after every shape check
        }

        return new AvailableQuery(destination, resourceType, io == "optimized", network == "vpc", cores, memory, p.Get("SystemDiskCategory"), p.Get("DataDiskCategory"));
    }

    private sealed record Supported(string Value, int Min = 0, int Max = 0, string Unit = "");

    /// <summary>
    /// Each zone of the region (or <c>ZoneId</c>'s, else <c>InvalidZoneId.NotFound</c>) that sells what is asked, with the
    /// <c>DestinationResource</c>'s values there: the zone itself, <c>optimized</c>, the instance types (by
    /// <c>InstanceType</c>, <c>Cores</c>, <c>Memory</c>), <c>vpc</c>, no dedicated host, the system disk categories (only
    /// ESSD for an NVMe-only <c>InstanceType</c>) or the data disk categories, with their sizes in GiB. A zone with
    /// nothing left is not listed.
    /// </summary>
    private static async Task<ApiReply> DescribeAvailableResourceAsync(ApiCall call, Region region, AvailableQuery q)
    {
        var zoneId = call.P.Get("ZoneId");
        if (zoneId is not null && region.Zones.All(z => z.Id != zoneId))
        {
            return CompatibilityErrors.ZoneNotFound(zoneId, region.Id);
        }

        var typeId = call.P.Get("InstanceType");
        var types = (await call.Service<InstanceTypeQueryService>().ListAsync(call.Ct))
            .Where(t => typeId is null || t.Id == typeId)
            .Where(t => q.Cores is null || t.Vcpu == q.Cores)
            .Where(t => q.Memory is null || t.MemoryGiB == q.Memory)
            .Where(_ => q.IoOptimized && q.Vpc) // every type sold is I/O optimised, in a VPC
            .ToList();
        var nvmeOnly = typeId is not null && types.Any(t => t.NvmeOnly);
        var systemDisks = InstancePricing.DiskCategories
            .Where(c => InstanceValidation.SystemDiskCategory(c, nvmeOnly) is null)
            .Where(c => q.SystemDiskCategory is null || c == q.SystemDiskCategory)
            .ToList();
        var dataDisks = InstancePricing.DiskCategories
            .Where(c => q.DataDiskCategory is null || c == q.DataDiskCategory)
            .Where(_ => q.SystemDiskCategory is null || systemDisks.Count > 0)
            .ToList();
        var forDisks = q.ResourceType == "disk";

        var zones = new List<object>();
        foreach (var zone in region.Zones.Where(z => zoneId is null || z.Id == zoneId).OrderBy(z => z.Id, StringComparer.Ordinal))
        {
            var sold = types.Where(t => t.Zones.Any(tz => tz.ZoneId == zone.Id)).ToList();
            if (!forDisks && sold.Count == 0)
            {
                continue;
            }

            IReadOnlyList<Supported> resources = q.Destination switch
            {
                "Zone" => [new(zone.Id)],
                "IoOptimized" => [new("optimized")],
                "InstanceType" => [.. sold.Select(t => new Supported(t.Id))],
                "Network" => [new("vpc")],
                "SystemDisk" => [.. systemDisks.Select(c => new Supported(c, MinSystemDiskGiB, ImageCompatibility.DefaultMaxSystemDiskGiB, "GiB"))],
                "DataDisk" => [.. dataDisks.Select(c => new Supported(c, InstanceValidation.MinDataDiskGiB, InstanceValidation.MaxDataDiskGiB, "GiB"))],
                _ => [], // no dedicated hosts are sold
            };
            if (resources.Count == 0)
            {
                continue;
            }

            zones.Add(new
            {
                ZoneId = zone.Id,
                RegionId = region.Id,
                Status = "Available",
                StatusCategory = "WithStock",
                AvailableResources = new
                {
                    AvailableResource = new[]
                    {
                        new
                        {
                            Type = q.Destination,
                            SupportedResources = new
                            {
                                SupportedResource = resources.Select(r => new
                                {
                                    r.Value, Status = "Available", StatusCategory = "WithStock", r.Min, r.Max, r.Unit,
                                }).ToList(),
                            },
                        },
                    },
                },
            });
        }

        return ApiReply.Ok(new { call.RequestId, AvailableZones = new { AvailableZone = zones } });
    }
}
