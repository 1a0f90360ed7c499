using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>Regions, zones, instance types and account attributes (ecs-openapi §2.21–2.24).</summary>
internal static class CatalogueActions
{
    /// <summary>DescribeInstanceTypes answers all types on one page unless <c>MaxResults</c> (1–1,600) says fewer.</summary>
    private const int MaxInstanceTypes = 1600;

    private static readonly string[] DiskCategories = ["cloud_essd", "cloud_ssd", "cloud_efficiency", "cloud"];

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.Global("DescribeRegions", _ => true, (call, _) => DescribeRegionsAsync(call)),
        EcsAction.InRegion("DescribeZones", DescribeZonesAsync),
        EcsAction.Global("DescribeInstanceTypes", BindDescribeInstanceTypes, DescribeInstanceTypesAsync),
        EcsAction.InRegion("DescribeAccountAttributes", p => p.List("AttributeName"), DescribeAccountAttributesAsync),
    ];

    private static async Task<ApiReply> DescribeRegionsAsync(ApiCall call)
    {
        var regions = await call.Service<RegionService>().ListAsync(call.Ct);
        return ApiReply.Ok(new
        {
            call.RequestId,
            Regions = new
            {
                Region = regions.Select(r => new { RegionId = r.Id, LocalName = r.Name, RegionEndpoint = $"ecs.{r.Id}.aliyuncs.com", Status = "available" }).ToList(),
            },
        });
    }

    private static async Task<ApiReply> DescribeZonesAsync(ApiCall call, Region region)
    {
        var types = await call.Service<InstanceTypeQueryService>().ListAsync(call.Ct);
        return ApiReply.Ok(new
        {
            call.RequestId,
            Zones = new
            {
                Zone = region.Zones.Select(z =>
                {
                    var sold = types.Where(t => t.Zones.Any(tz => tz.ZoneId == z.Id)).ToList();
                    return new
                    {
                        ZoneId = z.Id,
                        LocalName = z.Name,
                        ZoneType = "AvailabilityZone",
                        AvailableInstanceTypes = new { InstanceTypes = sold.Select(t => t.Id).ToList() },
                        AvailableDiskCategories = new { DiskCategories },
                        AvailableResourceCreation = new { ResourceTypes = new[] { "Instance", "Disk" } },
                        AvailableVolumeCategories = new { VolumeCategories = Array.Empty<string>() },
                        AvailableResources = new
                        {
                            ResourcesInfo = new[]
                            {
                                new
                                {
                                    IoOptimized = true,
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

    private sealed record TypeFilter(IReadOnlyList<string> Wanted, List<string> Families, List<string> Architectures, string? Nvme, ApiPaging Paging);

    private static TypeFilter BindDescribeInstanceTypes(ApiParameters p)
    {
        var wanted = p.List("InstanceTypes");
        var families = p.List("InstanceTypeFamilies").Concat(p.Get("InstanceTypeFamily") is { } f ? [f] : []).ToList();
        var architectures = p.List("CpuArchitectures").Concat(p.Get("CpuArchitecture") is { } a ? [a] : []).ToList();
        var nvme = p.Get("NvmeSupport");
        if (architectures.Any(x => x is not ("X86" or "ARM")))
        {
            p.Fail(CommonErrors.InvalidParameter("CpuArchitecture", "it must be X86 or ARM."));
        }

        if (nvme is not (null or "required" or "unsupported"))
        {
            p.Fail(CommonErrors.InvalidParameter("NvmeSupport", "it must be required or unsupported."));
        }

        return new TypeFilter(wanted, families, architectures, nvme, ApiPaging.Lenient(p, MaxInstanceTypes, MaxInstanceTypes));
    }

    private static async Task<ApiReply> DescribeInstanceTypesAsync(ApiCall call, TypeFilter f)
    {
        var types = (await call.Service<InstanceTypeQueryService>().ListAsync(call.Ct))
            .Where(t => f.Wanted.Count == 0 || f.Wanted.Contains(t.Id))
            .Where(t => f.Families.Count == 0 || f.Families.Contains(t.Family))
            .Where(t => f.Architectures.Count == 0 || f.Architectures.Contains(CpuArchitecture(t)))
            .Where(t => f.Nvme is null || (f.Nvme == "required") == t.NvmeOnly)
            .ToList();
        var page = f.Paging.Of(types).Value;
        return ApiReply.Ok(new
        {
            call.RequestId,
            page.NextToken,
            InstanceTypes = new
            {
                InstanceType = page.Items.Select(t => new
                {
                    InstanceTypeId = t.Id,
                    InstanceTypeFamily = t.Family,
                    InstanceCategory = "General-purpose",
                    InstanceFamilyLevel = t.Family.StartsWith("ecs.t", StringComparison.Ordinal) ? "CreditEntryLevel" : "EnterpriseLevel",
                    CpuCoreCount = t.Vcpu,
                    MemorySize = t.MemoryGiB,
                    CpuArchitecture = CpuArchitecture(t),
                    NvmeSupport = t.NvmeOnly ? "required" : "unsupported",
                    SupportedBootModes = new { SupportedBootMode = t.UefiOnly ? ["UEFI"] : t.BiosOnly ? ["BIOS"] : new[] { "BIOS", "UEFI" } },
                    GPUAmount = 0,
                    GPUSpec = "",
                    LocalStorageCategory = "",
                    EniQuantity = 2,
                }).ToList(),
            },
        });
    }

    private static async Task<ApiReply> DescribeAccountAttributesAsync(ApiCall call, Region region, IReadOnlyList<string> names)
    {
        var quotas = await call.Service<QuotaService>().ListAsync(call.Actor, region.Id, call.Ct);
        if (!quotas.IsSuccess)
        {
            return quotas.Error;
        }

        var mine = quotas.Value.Where(q => q.AccountId == call.Actor.AccountId && (q.RegionId is null || q.RegionId == region.Id)).ToList();
        QuotaRow? Quota(string name) => mine.FirstOrDefault(q => q.QuotaName == name);
        List<(string Name, string Value)> attributes =
        [
            ("instance-network-type", "vpc"),
            ("max-security-groups", "100"),
            ("real-name-authentication", "yes"),
        ];
        if (Quota(QuotaCatalogue.VcpuCount) is { } vcpu)
        {
            attributes.Add(("max-postpaid-instance-vcpu-count", vcpu.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            attributes.Add(("used-postpaid-instance-vcpu-count", vcpu.Used.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Not an ECS attribute (ECS keeps the image quota in Quota Center): EcsConsole's own, named so it cannot clash.
        if (Quota(QuotaCatalogue.ImageCount) is { } images)
        {
            attributes.Add(("max-image-count", images.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            attributes.Add(("used-image-count", images.Used.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            AccountAttributeItems = new
            {
                AccountAttributeItem = attributes.Where(a => names.Count == 0 || names.Contains(a.Name)).Select(a => new
                {
                    AttributeName = a.Name,
                    AttributeValues = new { ValueItem = new[] { new { a.Value, Count = 1 } } },
                }).ToList(),
            },
        });
    }

    private static string CpuArchitecture(InstanceType t) => t.Architecture == ImageArchitecture.Arm64 ? "ARM" : "X86";
}
