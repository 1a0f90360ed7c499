using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.InstanceTypes;

/// <summary>
/// DescribeInstanceTypes' filters (ecs-openapi §2.23): lists match any of their values (empty: no filter), a
/// <c>Minimum*</c> keeps types at or above it and a <c>Maximum*</c> types at or below it (null: no bound). The GPU and
/// processor names match fuzzily (the value contained in the type's, ignoring case), as ECS documents.
/// </summary>
public sealed record InstanceTypeFilter
{
    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string> Families { get; init; } = [];

    /// <summary><c>X86</c> or <c>ARM</c>.</summary>
    public IReadOnlyList<string> Architectures { get; init; } = [];

    /// <summary><c>required</c> or <c>unsupported</c>; null: either.</summary>
    public string? NvmeSupport { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? FamilyLevel { get; init; }

    public IReadOnlyList<string> ProcessorModels { get; init; } = [];

    public IReadOnlyList<string> GpuSpecs { get; init; } = [];

    public IReadOnlyList<string> LocalStorageCategories { get; init; } = [];

    public int? MinimumCpuCoreCount { get; init; }

    public int? MaximumCpuCoreCount { get; init; }

    public decimal? MinimumMemorySize { get; init; }

    public decimal? MaximumMemorySize { get; init; }

    public decimal? MinimumCpuSpeedFrequency { get; init; }

    public decimal? MaximumCpuSpeedFrequency { get; init; }

    public decimal? MinimumCpuTurboFrequency { get; init; }

    public decimal? MaximumCpuTurboFrequency { get; init; }

    public int? MinimumGpuAmount { get; init; }

    public int? MaximumGpuAmount { get; init; }

    public int? MinimumBaselineCredit { get; init; }

    public int? MinimumInitialCredit { get; init; }

    public int? MinimumDiskQuantity { get; init; }

    public int? MinimumEniQuantity { get; init; }

    public int? MinimumEniPrivateIpAddressQuantity { get; init; }

    public int? MinimumEniIpv6AddressQuantity { get; init; }

    public int? MinimumEriQuantity { get; init; }

    public int? MinimumQueuePairNumber { get; init; }

    public long? MinimumInstanceBandwidthRx { get; init; }

    public long? MinimumInstanceBandwidthTx { get; init; }

    public long? MinimumInstancePpsRx { get; init; }

    public long? MinimumInstancePpsTx { get; init; }

    public int? MinimumLocalStorageAmount { get; init; }

    public int? MinimumLocalStorageCapacity { get; init; }

    public int? MinimumPrimaryEniQueueNumber { get; init; }

    public int? MinimumSecondaryEniQueueNumber { get; init; }

    /// <summary>DescribeInstanceTypes' <c>CpuArchitecture</c> of a type.</summary>
    public static string CpuArchitecture(InstanceType type) => type.Architecture == ImageArchitecture.Arm64 ? "ARM" : "X86";

    /// <summary>Whether <paramref name="type"/> passes every filter.</summary>
    public bool Matches(InstanceType type)
    {
        var h = type.Hardware;
        return (Types.Count == 0 || Types.Contains(type.Id))
            && (Families.Count == 0 || Families.Contains(type.Family))
            && (Architectures.Count == 0 || Architectures.Contains(CpuArchitecture(type)))
            && (NvmeSupport is null || (NvmeSupport == "required") == type.NvmeOnly)
            && (Categories.Count == 0 || Categories.Contains(h.Category))
            && (FamilyLevel is null || FamilyLevel == h.FamilyLevel)
            && Fuzzy(ProcessorModels, h.ProcessorModel)
            && Fuzzy(GpuSpecs, h.GpuSpec)
            && (LocalStorageCategories.Count == 0 || LocalStorageCategories.Contains(h.LocalStorageCategory))
            && Within(type.Vcpu, MinimumCpuCoreCount, MaximumCpuCoreCount)
            && Within(type.MemoryGiB, MinimumMemorySize, MaximumMemorySize)
            && Within(h.CpuSpeedGHz, MinimumCpuSpeedFrequency, MaximumCpuSpeedFrequency)
            && Within(h.CpuTurboGHz, MinimumCpuTurboFrequency, MaximumCpuTurboFrequency)
            && Within(h.GpuAmount, MinimumGpuAmount, MaximumGpuAmount)
            && AtLeast(h.BaselineCredit, MinimumBaselineCredit)
            && AtLeast(h.InitialCredit, MinimumInitialCredit)
            && AtLeast(h.DiskQuantity, MinimumDiskQuantity)
            && AtLeast(h.EniQuantity, MinimumEniQuantity)
            && AtLeast(h.EniPrivateIpAddressQuantity, MinimumEniPrivateIpAddressQuantity)
            && AtLeast(h.EniIpv6AddressQuantity, MinimumEniIpv6AddressQuantity)
            && AtLeast(h.EriQuantity, MinimumEriQuantity)
            && AtLeast(h.QueuePairNumber, MinimumQueuePairNumber)
            && AtLeast(h.BandwidthRxKbps, MinimumInstanceBandwidthRx)
            && AtLeast(h.BandwidthTxKbps, MinimumInstanceBandwidthTx)
            && AtLeast(h.PpsRx, MinimumInstancePpsRx)
            && AtLeast(h.PpsTx, MinimumInstancePpsTx)
            && AtLeast(h.LocalStorageAmount, MinimumLocalStorageAmount)
            && AtLeast(h.LocalStorageCapacityGiB, MinimumLocalStorageCapacity)
            && AtLeast(h.PrimaryEniQueueNumber, MinimumPrimaryEniQueueNumber)
            && AtLeast(h.SecondaryEniQueueNumber, MinimumSecondaryEniQueueNumber);
    }

    private static bool Fuzzy(IReadOnlyList<string> wanted, string value) =>
        wanted.Count == 0 || wanted.Any(w => value.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static bool Within<T>(T value, T? minimum, T? maximum)
        where T : struct, IComparable<T> =>
        (minimum is not { } min || value.CompareTo(min) >= 0) && (maximum is not { } max || value.CompareTo(max) <= 0);

    private static bool AtLeast<T>(T value, T? minimum)
        where T : struct, IComparable<T> =>
        minimum is not { } min || value.CompareTo(min) >= 0;
}
