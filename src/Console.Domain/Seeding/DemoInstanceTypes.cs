using EcsConsole.Domain.InstanceTypes;
using static EcsConsole.Domain.Images.ImageArchitecture;

namespace EcsConsole.Domain.Seeding;

/// <summary>
/// The instance types the demo world sells (ui-contract §2): size, architecture, boot and disk constraints, price, the
/// zones each is sold in, and the hardware facts DescribeInstanceTypes answers (ADR-025). This is the one list of the
/// catalogue; the values are those Alibaba Cloud documents for each family and size (bandwidths in kbit/s at 1,024 kbit
/// per Mbit, as DescribeInstanceTypes gives them).
/// </summary>
public static class DemoInstanceTypes
{
    private const string IceLake = "Intel Xeon(Ice Lake) Platinum 8369B";
    private const string SapphireRapids = "Intel Xeon(Sapphire Rapids) Platinum 8475B";
    private const string CascadeLake = "Intel Xeon(Cascade Lake) Platinum 8269CY";
    private const string Skylake = "Intel Xeon(Skylake) Platinum 8163";
    private const string Broadwell = "Intel Xeon(Broadwell) E5-2682 v4";
    private const string Yitian = "Yitian 710";

    /// <summary>7th-generation x86 (g7, c7, r7): Ice Lake at 2.7/3.5 GHz, jumbo frames, ENI trunking.</summary>
    private static readonly InstanceTypeHardware Gen7 = new()
    {
        ProcessorModel = IceLake, CpuSpeedGHz = 2.7m, CpuTurboGHz = 3.5m, JumboFrameSupport = true, EniTrunkSupported = true,
    };

    /// <summary>A 7th/8th-generation <c>large</c> (2 vCPUs): 2 Gbit/s, 900,000 pps, 3 ENIs of 6 addresses, 2 queues.</summary>
    private static readonly InstanceTypeHardware Large = Gen7 with
    {
        EniQuantity = 3, EniPrivateIpAddressQuantity = 6, EniIpv6AddressQuantity = 6, BandwidthRxKbps = 2_048_000, BandwidthTxKbps = 2_048_000,
        PpsRx = 900_000, PpsTx = 900_000, PrimaryEniQueueNumber = 2, SecondaryEniQueueNumber = 2, MaximumQueueNumberPerEni = 2,
    };

    /// <summary>A 7th-generation <c>xlarge</c> (4 vCPUs): 3 Gbit/s, 1,000,000 pps, 4 ENIs of 15 addresses, 4 queues.</summary>
    private static readonly InstanceTypeHardware XLarge = Large with
    {
        EniQuantity = 4, EniPrivateIpAddressQuantity = 15, EniIpv6AddressQuantity = 15, BandwidthRxKbps = 3_072_000, BandwidthTxKbps = 3_072_000,
        PpsRx = 1_000_000, PpsTx = 1_000_000, PrimaryEniQueueNumber = 4, SecondaryEniQueueNumber = 4, MaximumQueueNumberPerEni = 4,
    };

    /// <summary>Burstable families: shared category, credit-based level, no trunking or jumbo frames.</summary>
    private static readonly InstanceTypeHardware Burstable = new()
    {
        Category = "Shared", FamilyLevel = InstanceTypeHardware.CreditEntryLevel, Generation = "ecs-5", ProcessorModel = Skylake, CpuSpeedGHz = 2.5m, CpuTurboGHz = 3.1m,
        EniQuantity = 2, EniPrivateIpAddressQuantity = 2, EniIpv6AddressQuantity = 1, PrimaryEniQueueNumber = 1, SecondaryEniQueueNumber = 1,
        MaximumQueueNumberPerEni = 1,
    };

    public static void Add(WorldBuilder w)
    {
        var allZones = w.Regions.SelectMany(r => r.Zones).Select(z => z.Id).ToList();
        // Arm types are offered only in some zones, as on Alibaba Cloud.
        string[] armZones = ["cn-hangzhou-i", "cn-hangzhou-j", "cn-shanghai-e", "cn-beijing-h", "ap-southeast-1-c"];
        string[] newGenZones = [.. allZones.Where(z => !z.StartsWith("cn-hongkong", StringComparison.Ordinal) && !z.StartsWith("us-west-1", StringComparison.Ordinal))];
        var arm = Large with
        {
            Generation = "ecs-7", ProcessorModel = Yitian, CpuSpeedGHz = 2.75m, CpuTurboGHz = 2.75m, ThreadsPerCore = 1, EniPrivateIpAddressQuantity = 10, EniIpv6AddressQuantity = 10,
            PpsRx = 1_000_000, PpsTx = 1_000_000,
        };

        w.AddInstanceType("ecs.g7.large", 2, 8, X86_64, 0.126m, hardware: Large);
        w.AddInstanceType("ecs.g7.xlarge", 4, 16, X86_64, 0.252m, hardware: XLarge);
        w.AddInstanceType("ecs.c7.large", 2, 4, X86_64, 0.098m, hardware: Large with { Category = "Compute-optimized" });
        w.AddInstanceType("ecs.c7.xlarge", 4, 8, X86_64, 0.196m, hardware: XLarge with { Category = "Compute-optimized" });
        w.AddInstanceType("ecs.r7.large", 2, 16, X86_64, 0.161m, hardware: Large with { Category = "Memory-optimized" });
        w.AddInstanceType("ecs.t6-c1m1.large", 2, 2, X86_64, 0.032m, hardware: Burstable with
        {
            BaselineCredit = 20, BandwidthRxKbps = 102_400, BandwidthTxKbps = 102_400, PpsRx = 50_000, PpsTx = 50_000,
        });
        w.AddInstanceType("ecs.t6-c4m1.large", 2, 0.5m, X86_64, 0.012m, hardware: Burstable with
        {
            BaselineCredit = 10, BandwidthRxKbps = 81_920, BandwidthTxKbps = 81_920, PpsRx = 40_000, PpsTx = 40_000,
        });
        w.AddInstanceType("ecs.t5-lc1m1.small", 1, 1, X86_64, 0.011m, biosOnly: true, hardware: Burstable with
        {
            Generation = "ecs-3", ProcessorModel = Broadwell, CpuTurboGHz = 3.0m, ThreadsPerCore = 1, BaselineCredit = 10, InitialCredit = 30, EniQuantity = 1,
            EniPrivateIpAddressQuantity = 1, EniIpv6AddressQuantity = 0, BandwidthRxKbps = 204_800, BandwidthTxKbps = 204_800, PpsRx = 60_000, PpsTx = 60_000,
        });
        w.AddInstanceType("ecs.g8y.large", 2, 8, Arm64, 0.105m, nvmeOnly: true, zoneIds: armZones, hardware: arm);
        w.AddInstanceType("ecs.c8y.large", 2, 4, Arm64, 0.083m, nvmeOnly: true, zoneIds: armZones, hardware: arm with { Category = "Compute-optimized" });
        w.AddInstanceType("ecs.g7se.large", 2, 8, X86_64, 0.141m, nvmeOnly: true, zoneIds: newGenZones, hardware: Large with { Category = "Enhanced" });
        w.AddInstanceType("ecs.g7t.large", 2, 8, X86_64, 0.139m, uefiOnly: true, zoneIds: newGenZones, hardware: Large with
        {
            Category = "Enhanced", NetworkEncryptionSupport = true,
        });
        w.AddInstanceType("ecs.g8i.large", 2, 8, X86_64, 0.133m, nvmeOnly: true, zoneIds: newGenZones, hardware: Large with
        {
            Generation = "ecs-7", ProcessorModel = SapphireRapids, CpuTurboGHz = 3.2m, EniPrivateIpAddressQuantity = 15, EniIpv6AddressQuantity = 15,
            BandwidthRxKbps = 2_560_000, BandwidthTxKbps = 2_560_000, PpsRx = 1_000_000, PpsTx = 1_000_000, NetworkEncryptionSupport = true,
            NestedVirtualizationSupport = true, PtpSupport = true,
        });
        w.AddInstanceType("ecs.g6.large", 2, 8, X86_64, 0.115m, hardware: new InstanceTypeHardware
        {
            Generation = "ecs-5", ProcessorModel = CascadeLake, CpuSpeedGHz = 2.5m, CpuTurboGHz = 3.2m, EniQuantity = 2, EniPrivateIpAddressQuantity = 6, EniIpv6AddressQuantity = 1,
            BandwidthRxKbps = 1_024_000, BandwidthTxKbps = 1_024_000, PpsRx = 300_000, PpsTx = 300_000, PrimaryEniQueueNumber = 2,
            SecondaryEniQueueNumber = 2, MaximumQueueNumberPerEni = 2, EniTrunkSupported = true,
        });
    }
}
