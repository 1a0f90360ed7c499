namespace EcsConsole.Domain.Images;

/// <summary>
/// CreateImage: from an instance (a snapshot of every disk; data disks optional) or from snapshots (one system-disk
/// snapshot plus data disks). When several sources are given, <see cref="InstanceId"/> wins (CRT-SRC-01).
/// </summary>
public sealed record CreateImageRequest
{
    public required string RegionId { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>With an instance: whether its data disks go into the image too.</summary>
    public bool IncludeDataDisks { get; init; } = true;

    /// <summary>The system-disk snapshot, when creating from snapshots.</summary>
    public string? SystemSnapshotId { get; init; }

    /// <summary>Data disks, when creating from snapshots (≤ 16): a data-disk snapshot, or none for an empty disk.</summary>
    public IReadOnlyList<DataDiskSpec> DataDisks { get; init; } = [];

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Family { get; init; }

    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>CRT-GEN-05: the resource group of the new resource, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>CRT-GEN-03: the image's boot mode instead of the source's; it must suit the architecture.</summary>
    public BootMode? BootMode { get; init; }

    /// <summary>CRT-GEN-04: <c>v1</c> or <c>v2</c> instead of the source's (an instance's own; v1 from snapshots).</summary>
    public string? ImdsSupport { get; init; }

    /// <summary>IMGP-04: the new image's <c>ImageVersion</c>; from an instance running a Marketplace image, that image's own.</summary>
    public string? ImageVersion { get; init; }

    /// <summary>IMGP-05: <c>DetectionStrategy=Standard</c>, the image check runs while the image is made.</summary>
    public bool ImageCheck { get; init; }

    /// <summary>IMGP-06: <c>SecureBootOptions.SecureBootSupport</c>; null keeps the default (<c>unsupported</c>).</summary>
    public bool? SecureBootSupport { get; init; }
}

/// <summary>A data disk of an image made from snapshots: a snapshot and/or a size in GiB.</summary>
public sealed record DataDiskSpec(string? SnapshotId, int? SizeGiB = null);

/// <summary>One <c>DiskDeviceMapping.N</c> of CreateImage as sent (<see cref="CreateImageService.FromDiskMappings"/>).</summary>
public sealed record SnapshotDiskMapping(string? DiskType, string? Device, string? SnapshotId, int? SizeGiB);

/// <summary>What CreateImage returns at once: the new image (Creating) and the task that builds it.</summary>
public sealed record CreatedImage(string ImageId, string TaskId);
