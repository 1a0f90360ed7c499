using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.InstanceTypes;

namespace EcsConsole.Web.Api;

/// <summary>DescribeInstanceTypes (ecs-openapi §2.23): the catalogue with its hardware facts, filtered by <see cref="InstanceTypeFilter"/>.</summary>
internal static class InstanceTypeActions
{
    /// <summary>DescribeInstanceTypes answers all types on one page unless <c>MaxResults</c> (1–1,600) says fewer.</summary>
    private const int MaxInstanceTypes = 1600;

    /// <summary>The names <c>AdditionalAttributes.N</c> may ask for, each answered in <c>Attributes</c> with the type's value.</summary>
    private static readonly Dictionary<string, Func<InstanceType, string>> Additional = new(StringComparer.Ordinal)
    {
        ["NetworkEncryptionSupport"] = t => Bool(t.Hardware.NetworkEncryptionSupport),
        ["JumboFrameSupport"] = t => Bool(t.Hardware.JumboFrameSupport),
        ["EniTrunkSupported"] = t => Bool(t.Hardware.EniTrunkSupported),
        ["NestedVirtualizationSupport"] = t => t.Hardware.NestedVirtualizationSupport ? "supported" : "unsupported",
        ["PtpSupport"] = t => t.Hardware.PtpSupport ? "supported" : "unsupported",
        ["SecureBootSupport"] = SecureBoot,
    };

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.Global("DescribeInstanceTypes", Bind, DescribeInstanceTypesAsync),
    ];

    private sealed record Request(InstanceTypeFilter Filter, IReadOnlyList<string> Attributes, ApiPaging Paging);

    private static Request Bind(ApiParameters p)
    {
        var architectures = OneOrMany(p, "CpuArchitecture", "CpuArchitectures");
        var nvme = p.Get("NvmeSupport");
        if (architectures.Any(x => x is not ("X86" or "ARM")))
        {
            p.Fail(CommonErrors.InvalidParameter("CpuArchitecture", "it must be X86 or ARM."));
        }

        if (nvme is not (null or "required" or "unsupported"))
        {
            p.Fail(CommonErrors.InvalidParameter("NvmeSupport", "it must be required or unsupported."));
        }

        var level = p.Get("InstanceFamilyLevel");
        if (level is not (null or InstanceTypeHardware.EntryLevel or InstanceTypeHardware.EnterpriseLevel or InstanceTypeHardware.CreditEntryLevel))
        {
            p.Fail(CommonErrors.InvalidParameter("InstanceFamilyLevel", "it must be EntryLevel, EnterpriseLevel or CreditEntryLevel."));
        }

        var filter = new InstanceTypeFilter
        {
            Types = p.List("InstanceTypes"),
            Families = OneOrMany(p, "InstanceTypeFamily", "InstanceTypeFamilies"),
            Architectures = architectures,
            NvmeSupport = nvme,
            Categories = OneOrMany(p, "InstanceCategory", "InstanceCategories"),
            FamilyLevel = level,
            ProcessorModels = OneOrMany(p, "PhysicalProcessorModel", "PhysicalProcessorModels"),
            GpuSpecs = OneOrMany(p, "GPUSpec", "GpuSpecs"),
            LocalStorageCategories = OneOrMany(p, "LocalStorageCategory", "LocalStorageCategories"),
            MinimumCpuCoreCount = p.Int("MinimumCpuCoreCount", 0),
            MaximumCpuCoreCount = p.Int("MaximumCpuCoreCount", 0),
            MinimumMemorySize = Number(p, "MinimumMemorySize"),
            MaximumMemorySize = Number(p, "MaximumMemorySize"),
            MinimumCpuSpeedFrequency = Number(p, "MinimumCpuSpeedFrequency"),
            MaximumCpuSpeedFrequency = Number(p, "MaximumCpuSpeedFrequency"),
            MinimumCpuTurboFrequency = Number(p, "MinimumCpuTurboFrequency"),
            MaximumCpuTurboFrequency = Number(p, "MaximumCpuTurboFrequency"),
            MinimumGpuAmount = p.Int("MinimumGPUAmount", 0),
            MaximumGpuAmount = p.Int("MaximumGPUAmount", 0),
            MinimumBaselineCredit = p.Int("MinimumBaselineCredit", 0),
            MinimumInitialCredit = p.Int("MinimumInitialCredit", 0),
            MinimumDiskQuantity = p.Int("MinimumDiskQuantity", 0),
            MinimumEniQuantity = p.Int("MinimumEniQuantity", 0),
            MinimumEniPrivateIpAddressQuantity = p.Int("MinimumEniPrivateIpAddressQuantity", 0),
            MinimumEniIpv6AddressQuantity = p.Int("MinimumEniIpv6AddressQuantity", 0),
            MinimumEriQuantity = p.Int("MinimumEriQuantity", 0),
            MinimumQueuePairNumber = p.Int("MinimumQueuePairNumber", 0),
            MinimumInstanceBandwidthRx = p.Int("MinimumInstanceBandwidthRx", 0),
            MinimumInstanceBandwidthTx = p.Int("MinimumInstanceBandwidthTx", 0),
            MinimumInstancePpsRx = p.Int("MinimumInstancePpsRx", 0),
            MinimumInstancePpsTx = p.Int("MinimumInstancePpsTx", 0),
            MinimumLocalStorageAmount = p.Int("MinimumLocalStorageAmount", 0),
            MinimumLocalStorageCapacity = p.Int("MinimumLocalStorageCapacity", 0),
            MinimumPrimaryEniQueueNumber = p.Int("MinimumPrimaryEniQueueNumber", 0),
            MinimumSecondaryEniQueueNumber = p.Int("MinimumSecondaryEniQueueNumber", 0),
        };
        return new Request(filter, p.List("AdditionalAttributes"), ApiPaging.Lenient(p, MaxInstanceTypes, MaxInstanceTypes));
    }

    private static async Task<ApiReply> DescribeInstanceTypesAsync(ApiCall call, Request request)
    {
        var types = (await call.Service<InstanceTypeQueryService>().ListAsync(call.Ct)).Where(request.Filter.Matches).ToList();
        var page = request.Paging.Of(types).Value;
        return ApiReply.Ok(new
        {
            call.RequestId,
            page.NextToken,
            InstanceTypes = new { InstanceType = page.Items.Select(t => Answer(t, request.Attributes)).ToList() },
        });
    }

    /// <summary>One type as DescribeInstanceTypes answers it: every field of the model, with the catalogue's facts.</summary>
    private static object Answer(InstanceType t, IReadOnlyList<string> attributes)
    {
        var h = t.Hardware;
        var queues = h.PrimaryEniQueueNumber + (h.SecondaryEniQueueNumber * Math.Max(0, h.EniQuantity - 1));
        return new
        {
            InstanceTypeId = t.Id,
            InstanceTypeFamily = t.Family,
            InstanceCategory = h.Category,
            InstanceFamilyLevel = h.FamilyLevel,
            CpuCoreCount = t.Vcpu,
            MemorySize = t.MemoryGiB,
            CpuArchitecture = InstanceTypeFilter.CpuArchitecture(t),
            NvmeSupport = t.NvmeOnly ? "required" : "unsupported",
            SupportedBootModes = new { SupportedBootMode = t.UefiOnly ? ["UEFI"] : t.BiosOnly ? ["BIOS"] : new[] { "BIOS", "UEFI" } },
            SecurityOptions = new { SecureBootSupport = SecureBoot(t) },
            PhysicalProcessorModel = h.ProcessorModel,
            CpuSpeedFrequency = h.CpuSpeedGHz,
            CpuTurboFrequency = h.CpuTurboGHz,
            CpuOptions = new
            {
                Core = Math.Max(1, t.Vcpu / h.ThreadsPerCore),
                CoreFactor = h.ThreadsPerCore,
                ThreadsPerCore = h.ThreadsPerCore,
                HyperThreadingAdjustable = h.ThreadsPerCore > 1 && h.FamilyLevel == InstanceTypeHardware.EnterpriseLevel,
                NestedVirtualizationSupport = h.NestedVirtualizationSupport ? "supported" : "unsupported",
                SupportedTopologyTypes = new
                {
                    SupportedTopologyType = h.ThreadsPerCore > 1 && h.FamilyLevel == InstanceTypeHardware.EnterpriseLevel
                        ? ["ContinuousCoreToHyperThreads", "DiscreteCoreToHyperThreads"]
                        : Array.Empty<string>(),
                },
            },
            Clock = new { PtpSupport = h.PtpSupport ? "supported" : "unsupported" },
            BaselineCredit = h.BaselineCredit,
            InitialCredit = h.InitialCredit,
            GPUAmount = h.GpuAmount,
            GPUSpec = h.GpuSpec,
            GPUMemorySize = h.GpuMemoryGiB,
            LocalStorageCategory = h.LocalStorageCategory,
            LocalStorageAmount = h.LocalStorageAmount,
            LocalStorageCapacity = h.LocalStorageCapacityGiB,
            DiskQuantity = h.DiskQuantity,
            EniQuantity = h.EniQuantity,
            EniTotalQuantity = h.EniQuantity,
            EniPrivateIpAddressQuantity = h.EniPrivateIpAddressQuantity,
            EniIpv6AddressQuantity = h.EniIpv6AddressQuantity,
            EniTrunkSupported = h.EniTrunkSupported,
            EriQuantity = h.EriQuantity,
            QueuePairNumber = h.QueuePairNumber,
            InstanceBandwidthRx = h.BandwidthRxKbps,
            InstanceBandwidthTx = h.BandwidthTxKbps,
            InstancePpsRx = h.PpsRx,
            InstancePpsTx = h.PpsTx,
            PrimaryEniQueueNumber = h.PrimaryEniQueueNumber,
            SecondaryEniQueueNumber = h.SecondaryEniQueueNumber,
            MaximumQueueNumberPerEni = h.MaximumQueueNumberPerEni,
            TotalEniQueueQuantity = queues,
            JumboFrameSupport = h.JumboFrameSupport,
            NetworkEncryptionSupport = h.NetworkEncryptionSupport,
            NetworkCardQuantity = 1,
            NetworkCards = new { NetworkCardInfo = new[] { new { NetworkCardIndex = 0 } } },
            EnhancedNetwork = new { SriovSupport = false, RssSupport = false, ExpressSupport = false, VfQueueNumberPerEni = 0 },
            NetworkInfo = new { BandwidthWeighting = new { WeightingInfos = new { WeightingInfo = Array.Empty<object>() } } },
            Attributes = new
            {
                Attribute = attributes.Where(Additional.ContainsKey).Distinct().Select(name => new { Name = name, Value = Additional[name](t) }).ToList(),
            },
        };
    }

    /// <summary>A single value (<c>Name</c>) and a list (<c>Names.N</c>) of the same filter, together.</summary>
    private static List<string> OneOrMany(ApiParameters p, string one, string many) =>
        [.. p.List(many), .. p.Get(one) is { } single ? [single] : Array.Empty<string>()];

    private static decimal? Number(ApiParameters p, string name)
    {
        if (p.Get(name) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        p.Fail(CommonErrors.InvalidParameter(name, "it must be a number."));
        return null;
    }

    private static string SecureBoot(InstanceType t) => t.BiosOnly ? "unsupported" : "supported";

    private static string Bool(bool value) => value ? "true" : "false";
}
