using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.InstanceTypes;

/// <summary>
/// An ECS instance type such as <c>ecs.g7.large</c>: size, architecture and the hardware constraints the
/// compatibility check needs (NVMe-only, UEFI-only), the zones it is offered in and its pay-as-you-go price.
/// </summary>
public sealed class InstanceType
{
    /// <summary>The type ID, e.g. <c>ecs.g7.large</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The family, e.g. <c>ecs.g7</c>.</summary>
    public required string Family { get; init; }

    public required int Vcpu { get; init; }

    public required decimal MemoryGiB { get; init; }

    public required ImageArchitecture Architecture { get; init; }

    /// <summary>Only NVMe system disks: an image without NVMe support cannot boot on it.</summary>
    public bool NvmeOnly { get; init; }

    /// <summary>Boots in UEFI mode only (security-enhanced families such as g7t).</summary>
    public bool UefiOnly { get; init; }

    /// <summary>Boots in BIOS mode only (older families).</summary>
    public bool BiosOnly { get; init; }

    public bool IoOptimized { get; init; } = true;

    /// <summary>Pay-as-you-go price per hour, USD.</summary>
    public required decimal PricePerHour { get; init; }

    /// <summary>What DescribeInstanceTypes reports and filters on besides size and architecture.</summary>
    public InstanceTypeHardware Hardware { get; init; } = new();

    /// <summary>Zone IDs where the type can be bought.</summary>
    public List<InstanceTypeZone> Zones { get; init; } = [];
}

/// <summary>A zone where an instance type is offered.</summary>
public sealed class InstanceTypeZone
{
    public required string InstanceTypeId { get; init; }

    public required string ZoneId { get; init; }
}
