namespace EcsConsole.Domain.Instances;

/// <summary>A disk as the order asks for it: category and size.</summary>
public sealed record DiskSpec(string Category, int SizeGiB, string? SnapshotId = null);

/// <summary>
/// The price summary of an order (buy page): per hour for pay-as-you-go, for the whole period for a subscription;
/// every amount in USD, for all instances of the order.
/// </summary>
/// <param name="InstanceType">The instance type's share.</param>
/// <param name="Disks">System and data disks.</param>
/// <param name="ImageFee">The image's licence or Marketplace fee.</param>
/// <param name="Unit"><c>hour</c> or <c>N month(s)</c>.</param>
public sealed record PriceQuote(decimal InstanceType, decimal Disks, decimal ImageFee, string Unit)
{
    public decimal Total => InstanceType + Disks + ImageFee;
}

/// <summary>
/// Prices of the simulation: the instance type's hourly price, disks per GiB-month by category, the image fee per hour.
/// A subscription month is 730 hours at the pay-as-you-go rate (no discounts are simulated).
/// </summary>
public static class InstancePricing
{
    public const decimal HoursPerMonth = 730m;

    /// <summary>Disk categories a system disk may use, in the order the buy page offers them.</summary>
    public static IReadOnlyList<string> DiskCategories { get; } = ["cloud_essd", "cloud_ssd", "cloud_efficiency"];

    /// <summary>USD per GiB-month of a disk category.</summary>
    public static decimal PerGiBMonth(string category) => category switch
    {
        "cloud_essd" => 0.14m,
        "cloud_ssd" => 0.10m,
        "cloud_efficiency" => 0.05m,
        _ => 0.05m,
    };

    public static string CategoryName(string category) => category switch
    {
        "cloud_essd" => "Enterprise SSD (ESSD)",
        "cloud_ssd" => "Standard SSD",
        "cloud_efficiency" => "Ultra Disk",
        _ => category,
    };

    /// <summary>The quote for <paramref name="quantity"/> instances.</summary>
    public static PriceQuote Quote(decimal typePerHour, decimal imageFeePerHour, DiskSpec systemDisk, IReadOnlyList<DiskSpec> dataDisks,
        int quantity, InstanceChargeType chargeType, int periodMonths)
    {
        var diskPerHour = (PerGiBMonth(systemDisk.Category) * systemDisk.SizeGiB
            + dataDisks.Sum(d => PerGiBMonth(d.Category) * d.SizeGiB)) / HoursPerMonth;
        var n = Math.Max(quantity, 0);
        if (chargeType == InstanceChargeType.PostPaid)
        {
            return new(Round(typePerHour * n), Round(diskPerHour * n), Round(imageFeePerHour * n), "hour");
        }

        var hours = HoursPerMonth * periodMonths;
        return new(Round(typePerHour * hours * n), Round(diskPerHour * hours * n), Round(imageFeePerHour * hours * n),
            periodMonths == 1 ? "1 month" : $"{periodMonths} months");
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 4, MidpointRounding.AwayFromZero);
}
