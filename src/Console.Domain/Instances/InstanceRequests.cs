namespace EcsConsole.Domain.Instances;

/// <summary>An order of the buy page or RunInstances (domain-rules §11, BUY-01…05).</summary>
public sealed record RunInstancesRequest
{
    public required string RegionId { get; init; }

    /// <summary>Null: the first zone of the region that sells the type.</summary>
    public string? ZoneId { get; init; }

    public required string InstanceTypeId { get; init; }

    public required string ImageId { get; init; }

    public InstanceChargeType ChargeType { get; init; } = InstanceChargeType.PostPaid;

    /// <summary>Months, for a subscription.</summary>
    public int? PeriodMonths { get; init; }

    public string SystemDiskCategory { get; init; } = "cloud_essd";

    /// <summary>Null: the default for the image (CMP-10).</summary>
    public int? SystemDiskSizeGiB { get; init; }

    /// <summary>Null: one data disk per data-disk snapshot of the image, at the snapshot's size (CMP-14).</summary>
    public IReadOnlyList<DiskSpec>? DataDisks { get; init; }

    public int Amount { get; init; } = 1;

    /// <summary>Empty: the instance ID. With several instances a suffix 001, 002… is appended.</summary>
    public string? InstanceName { get; init; }

    public string? Password { get; init; }

    public string? KeyPairName { get; init; }

    /// <summary>The account's vSwitch of a zone (<see cref="DefaultNetwork"/>): it picks the zone when none is given.</summary>
    public string? VSwitchId { get; init; }

    /// <summary>Security groups (SecurityGroupId, SecurityGroupIds.N): only the account's default one exists.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>The resource group of the instances and their disks, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>
    /// False for CreateInstance (INS-10), the older single-instance create: the instance is made Stopped and not started, and the
    /// order is audited as CreateInstance.
    /// </summary>
    public bool Start { get; init; } = true;

    /// <summary>The description (2–256 characters; CreateInstance).</summary>
    public string? Description { get; init; }

    /// <summary>The host name (<see cref="InstanceValidation.HostName"/>; CreateInstance).</summary>
    public string? HostName { get; init; }

    /// <summary>Release protection from the start (CreateInstance).</summary>
    public bool DeletionProtection { get; init; }
}

/// <summary>ReplaceSystemDisk (INS-06/07).</summary>
public sealed record ReplaceSystemDiskRequest
{
    public required string RegionId { get; init; }

    public required string InstanceId { get; init; }

    public required string ImageId { get; init; }

    /// <summary>Null: the larger of the current size and the image's minimum.</summary>
    public int? SystemDiskSizeGiB { get; init; }

    public string? Password { get; init; }

    public string? KeyPairName { get; init; }
}

/// <summary>What ReplaceSystemDisk made: the new system disk.</summary>
public sealed record ReplacedSystemDisk(string InstanceId, string DiskId, string ImageId);
