namespace EcsConsole.Domain.Instances;

/// <summary>
/// A cloud disk's baseline performance by category and size, as the ECS block-storage documentation gives it
/// (an ESSD by its performance level, PL1 when none is named): what DescribeDisks reports as <c>IOPS</c> and <c>Throughput</c>.
/// </summary>
public static class DiskPerformance
{
    public static int Iops(string category, int sizeGiB, string? performanceLevel = null) => (category, performanceLevel) switch
    {
        ("cloud_essd", "PL0") => Math.Min(1800 + (12 * sizeGiB), 10000),
        ("cloud_essd", "PL2") => Math.Min(1800 + (50 * sizeGiB), 100000),
        ("cloud_essd", "PL3") => Math.Min(1800 + (50 * sizeGiB), 1000000),
        ("cloud_essd", _) => Math.Min(1800 + (50 * sizeGiB), 50000),
        ("cloud_auto", _) => Math.Min(3000 + (50 * sizeGiB), 50000),
        ("cloud_essd_entry", _) => Math.Min(1800 + (8 * sizeGiB), 6000),
        ("cloud_ssd", _) => Math.Min(1800 + (30 * sizeGiB), 25000),
        ("cloud_efficiency", _) => Math.Min(1800 + (8 * sizeGiB), 5000),
        _ => Math.Min(300 + sizeGiB, 500), // basic disks
    };

    /// <summary>Throughput in MB/s.</summary>
    public static int ThroughputMBps(string category, int sizeGiB, string? performanceLevel = null) => (category, performanceLevel) switch
    {
        ("cloud_essd", "PL0") => (int)Math.Min(100 + (0.25 * sizeGiB), 180),
        ("cloud_essd", "PL2") => (int)Math.Min(120 + (0.5 * sizeGiB), 750),
        ("cloud_essd", "PL3") => (int)Math.Min(120 + (0.5 * sizeGiB), 4000),
        ("cloud_essd", _) => (int)Math.Min(120 + (0.5 * sizeGiB), 350),
        ("cloud_auto", _) => (int)Math.Min(125 + (0.25 * sizeGiB), 4096),
        ("cloud_essd_entry", _) => (int)Math.Min(100 + (0.5 * sizeGiB), 150),
        ("cloud_ssd", _) => (int)Math.Min(120 + (0.5 * sizeGiB), 300),
        ("cloud_efficiency", _) => (int)Math.Min(100 + (0.15 * sizeGiB), 140),
        _ => 30,
    };
}
