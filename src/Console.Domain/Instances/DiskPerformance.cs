namespace EcsConsole.Domain.Instances;

/// <summary>
/// A cloud disk's baseline performance by category and size, as the ECS block-storage documentation gives it
/// (PL1 for ESSDs): what DescribeDisks reports as <c>IOPS</c> and <c>Throughput</c>.
/// </summary>
public static class DiskPerformance
{
    public static int Iops(string category, int sizeGiB) => category switch
    {
        "cloud_essd" => Math.Min(1800 + (50 * sizeGiB), 50000),
        "cloud_auto" => Math.Min(3000 + (50 * sizeGiB), 50000),
        "cloud_essd_entry" => Math.Min(1800 + (8 * sizeGiB), 6000),
        "cloud_ssd" => Math.Min(1800 + (30 * sizeGiB), 25000),
        "cloud_efficiency" => Math.Min(1800 + (8 * sizeGiB), 5000),
        _ => Math.Min(300 + sizeGiB, 500), // basic disks
    };

    /// <summary>Throughput in MB/s.</summary>
    public static int ThroughputMBps(string category, int sizeGiB) => category switch
    {
        "cloud_essd" => (int)Math.Min(120 + (0.5 * sizeGiB), 350),
        "cloud_auto" => (int)Math.Min(125 + (0.25 * sizeGiB), 4096),
        "cloud_essd_entry" => (int)Math.Min(100 + (0.5 * sizeGiB), 150),
        "cloud_ssd" => (int)Math.Min(120 + (0.5 * sizeGiB), 300),
        "cloud_efficiency" => (int)Math.Min(100 + (0.15 * sizeGiB), 140),
        _ => 30,
    };
}
