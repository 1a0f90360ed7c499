namespace EcsConsole.Domain.InstanceTypes;

/// <summary>
/// The hardware facts of an instance type that DescribeInstanceTypes answers and filters on (ADR-025): category and
/// level, processor, network (ENIs, bandwidth, packet rate, queues), disks, burstable credits, GPUs and local disks.
/// Stored with the type (columns <c>Hardware_*</c>), seeded from the one catalogue of types sold
/// (<c>Seeding/DemoInstanceTypes</c>). Bandwidths are in kbit/s and packet rates in packets per second, as ECS gives them.
/// </summary>
public sealed record InstanceTypeHardware
{
    /// <summary><c>General-purpose</c>, <c>Compute-optimized</c>, <c>Memory-optimized</c>, <c>Enhanced</c>, <c>Shared</c>, …</summary>
    public string Category { get; init; } = "General-purpose";

    /// <summary><c>EntryLevel</c>, <c>EnterpriseLevel</c> or <c>CreditEntryLevel</c> (burstable).</summary>
    public string FamilyLevel { get; init; } = EnterpriseLevel;

    /// <summary>The family's generation as DescribeZones' <c>InstanceGenerations</c> names it, e.g. <c>ecs-6</c>.</summary>
    public string Generation { get; init; } = "ecs-6";

    /// <summary>e.g. <c>Intel Xeon(Ice Lake) Platinum 8369B</c>.</summary>
    public string ProcessorModel { get; init; } = "";

    /// <summary>Base clock speed, GHz.</summary>
    public decimal CpuSpeedGHz { get; init; }

    /// <summary>Turbo (highest) clock speed, GHz.</summary>
    public decimal CpuTurboGHz { get; init; }

    /// <summary>Threads per physical core: 2 with Hyper-Threading, 1 on Arm and the smallest burstable types.</summary>
    public int ThreadsPerCore { get; init; } = 2;

    /// <summary>Elastic network interfaces the type can attach (the primary one included).</summary>
    public int EniQuantity { get; init; }

    public int EniPrivateIpAddressQuantity { get; init; }

    public int EniIpv6AddressQuantity { get; init; }

    public long BandwidthRxKbps { get; init; }

    public long BandwidthTxKbps { get; init; }

    public long PpsRx { get; init; }

    public long PpsTx { get; init; }

    public int PrimaryEniQueueNumber { get; init; }

    public int SecondaryEniQueueNumber { get; init; }

    public int MaximumQueueNumberPerEni { get; init; }

    /// <summary>Disks (system disk included) the type can attach.</summary>
    public int DiskQuantity { get; init; } = 17;

    /// <summary>Burstable types: the baseline performance of all vCPUs together, in percent of one vCPU.</summary>
    public int BaselineCredit { get; init; }

    /// <summary>Burstable types: the CPU credits a new instance starts with.</summary>
    public int InitialCredit { get; init; }

    public int GpuAmount { get; init; }

    public string GpuSpec { get; init; } = "";

    public decimal GpuMemoryGiB { get; init; }

    /// <summary><c>local_ssd_pro</c>, <c>local_hdd_pro</c>, … or empty: no local disks.</summary>
    public string LocalStorageCategory { get; init; } = "";

    public int LocalStorageAmount { get; init; }

    /// <summary>Capacity of one local disk, GiB.</summary>
    public int LocalStorageCapacityGiB { get; init; }

    /// <summary>Elastic RDMA interfaces.</summary>
    public int EriQuantity { get; init; }

    /// <summary>QueuePair queues per elastic RDMA interface.</summary>
    public int QueuePairNumber { get; init; }

    public bool JumboFrameSupport { get; init; }

    public bool NetworkEncryptionSupport { get; init; }

    public bool EniTrunkSupported { get; init; }

    public bool NestedVirtualizationSupport { get; init; }

    public bool PtpSupport { get; init; }

    public const string EnterpriseLevel = "EnterpriseLevel";
    public const string CreditEntryLevel = "CreditEntryLevel";
    public const string EntryLevel = "EntryLevel";
}
