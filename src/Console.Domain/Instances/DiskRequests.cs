namespace EcsConsole.Domain.Instances;

/// <summary>
/// CreateDisk: a data disk in <see cref="ZoneId"/>, or attached at once to <see cref="InstanceId"/> (in its zone; one of
/// the two, not both). Its size is <see cref="SizeGiB"/>, or its snapshot's when only <see cref="SnapshotId"/> is given.
/// </summary>
public sealed record CreateDiskRequest
{
    public required string RegionId { get; init; }

    public string? ZoneId { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>Null: <c>cloud_efficiency</c> (ECS's default, the basic disk, is not sold here).</summary>
    public string? Category { get; init; }

    public int? SizeGiB { get; init; }

    public string? SnapshotId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public bool Encrypted { get; init; }

    public string? KmsKeyId { get; init; }

    /// <summary><c>PL0</c>–<c>PL3</c>, for an ESSD; null: <c>PL1</c>.</summary>
    public string? PerformanceLevel { get; init; }

    public string? ResourceGroupId { get; init; }

    /// <summary>SDP-06: the disk's tags (the image tag rules).</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>SDP-07: <c>Enabled</c> or <c>Disabled</c> (null: <c>Disabled</c>).</summary>
    public string? MultiAttach { get; init; }

    /// <summary>SDP-08: ESSD AutoPL (<c>cloud_auto</c>) only, which is not sold here.</summary>
    public long? ProvisionedIops { get; init; }

    /// <summary>SDP-08: ESSD AutoPL (<c>cloud_auto</c>) only, which is not sold here.</summary>
    public bool? BurstingEnabled { get; init; }

    /// <summary>SDP-09: a storage set (there are none here).</summary>
    public string? StorageSetId { get; init; }

    /// <summary>SDP-09: a dedicated block storage cluster (there are none here).</summary>
    public string? StorageClusterId { get; init; }
}

/// <summary>AttachDisk: the disk goes on the instance, at <see cref="Device"/> or the first free one.</summary>
public sealed record AttachDiskRequest(string DiskId, string InstanceId)
{
    public bool? DeleteWithInstance { get; init; }

    public string? Device { get; init; }

    /// <summary>Attach as the system disk (only the instance it came from could take it back).</summary>
    public bool Bootable { get; init; }
}

/// <summary>ReInitDisk: the disk back to its state at creation; a system disk may get a new password or key pair.</summary>
public sealed record ReInitDiskRequest(string DiskId)
{
    public string? Password { get; init; }

    public string? KeyPairName { get; init; }

    public bool AutoStartInstance { get; init; }

    /// <summary>IPAR-38: the re-installed OS's <c>SecurityEnhancementStrategy</c> (<c>Active</c> or <c>Deactive</c>); a data disk has no OS.</summary>
    public string? SecurityEnhancementStrategy { get; init; }
}
