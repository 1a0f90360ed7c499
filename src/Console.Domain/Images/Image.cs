namespace EcsConsole.Domain.Images;

/// <summary>
/// An ECS image in one region, with every attribute DescribeImages reports (domain-rules §1.2).
/// <para>
/// Images are regional (IMG-ID-07): a public image exists once per region under the same file-like ID, so the
/// primary key is the surrogate <see cref="Key"/> and (<see cref="RegionId"/>, <see cref="Id"/>) is unique.
/// Custom, Marketplace and community images have globally unique <c>m-</c> IDs.
/// </para>
/// </summary>
public sealed class Image : IOsDescription
{
    /// <summary>Surrogate key; never shown.</summary>
    public int Key { get; private set; }

    /// <summary>ECS image ID: <c>m-…</c>, or a file-like name for public images.</summary>
    public required string Id { get; init; }

    public required string RegionId { get; init; }

    public required ImageKind Kind { get; init; }

    /// <summary>Owning account for custom images; null for public and Marketplace images.</summary>
    public string? OwnerAccountId { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string? Family { get; set; }

    public string? ImageVersion { get; init; }

    /// <summary>Display name, e.g. <c>Alibaba Cloud Linux 3.2104 LTS 64 bit</c>.</summary>
    public required string OsName { get; init; }

    public required OsType OsType { get; init; }

    /// <summary>Platform, e.g. <c>Aliyun</c>, <c>Ubuntu</c>, <c>Windows Server 2022</c>.</summary>
    public required string Platform { get; init; }

    public required ImageArchitecture Architecture { get; init; }

    /// <summary>GiB; for images with data disks only the system disk (IMG-ATTR-06).</summary>
    public required int SizeGiB { get; init; }

    public required BootMode BootMode { get; set; }

    /// <summary>
    /// <c>SecureBootOptions.SecureBootSupport</c>: the image was made to boot with UEFI Secure Boot (CreateImage,
    /// IMGP-06); never for a BIOS image.
    /// </summary>
    public bool SecureBootSupport { get; init; }

    /// <summary>
    /// <c>DetectionStrategy=Standard</c> was asked when the image was made or imported (IMGP-05): the image check runs
    /// while the image is made (<c>DetectionOptions.Status</c> <c>Processing</c>) and has finished, finding no risk, once
    /// it is Available (<c>Finished</c>).
    /// </summary>
    public bool ImageCheckRequested { get; init; }

    /// <summary>Features.NvmeSupport: <c>supported</c> when true.</summary>
    public bool NvmeSupport { get; set; }

    /// <summary>Features.ImdsSupport: <c>v1</c> or <c>v2</c>.</summary>
    public string ImdsSupport { get; set; } = "v2";

    public bool IsSupportCloudinit { get; init; } = true;

    public bool IsSupportIoOptimized { get; init; } = true;

    public ImageStatus Status { get; private set; } = ImageStatus.Available;

    /// <summary>0–100.</summary>
    public int Progress { get; private set; } = 100;

    /// <summary>A published community image (visible to every account, marked unvetted).</summary>
    public bool IsPublic { get; private set; }

    /// <summary>Made by CopyImage.</summary>
    public bool IsCopied { get; init; }

    /// <summary><c>instance</c> while some instance runs from it, else <c>none</c>.</summary>
    public bool InUse { get; set; }

    public DateTimeOffset CreationTime { get; init; }

    public ImageSource Source { get; init; }

    /// <summary>For images made from an instance.</summary>
    public string? SourceInstanceId { get; init; }

    /// <summary>For copies: the image and region copied from.</summary>
    public string? SourceImageId { get; init; }

    public string? SourceRegionId { get; init; }

    /// <summary><c>Auto</c>, <c>Aliyun</c> or <c>BYOL</c>.</summary>
    public string LicenseType { get; set; } = "Auto";

    /// <summary>Image fee per hour in USD (Windows Server, Red Hat, paid Marketplace products); 0 when free.</summary>
    public decimal FeePerHour { get; init; }

    /// <summary>Marketplace product code; set for Marketplace images and images derived from them.</summary>
    public string? ProductCode { get; init; }

    /// <summary>Publisher name shown for community and Marketplace images.</summary>
    public string? SupplierName { get; init; }

    public bool Encrypted { get; init; }

    /// <summary>Public image at end of life: still listed, flagged in the console.</summary>
    public bool EndOfLife { get; init; }

    public List<ImageDiskMapping> DiskMappings { get; init; } = [];

    public List<ImageTag> Tags { get; init; } = [];

    /// <summary>The resource group it is in (<see cref="ResourceGroups.ResourceGroupRules"/>); null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }

    /// <summary>ImageOwnerAlias as seen by the account <paramref name="viewerAccountId"/>.</summary>
    public ImageOwnerAlias OwnerAliasFor(string? viewerAccountId) => Kind switch
    {
        ImageKind.Public => ImageOwnerAlias.System,
        ImageKind.Marketplace => ImageOwnerAlias.Marketplace,
        ImageKind.Custom => OwnerAccountId == viewerAccountId ? ImageOwnerAlias.Self : ImageOwnerAlias.Others,
    };

    /// <summary>Progress of an image being created; moves it to Creating.</summary>
    public void ReportProgress(int percent)
    {
        Status = ImageStatus.Creating;
        Progress = Math.Clamp(percent, 0, 99);
    }

    public void MarkAvailable()
    {
        Status = ImageStatus.Available;
        Progress = 100;
    }

    public void MarkFailed() => Status = ImageStatus.CreateFailed;

    public void MarkWaiting()
    {
        Status = ImageStatus.Waiting;
        Progress = 0;
    }

    public void Deprecate() => Status = ImageStatus.Deprecated;

    public void Restore() => Status = ImageStatus.Available;

    public void MarkUnavailable() => Status = ImageStatus.UnAvailable;

    public void SetCommunity(bool published) => IsPublic = published;
}

/// <summary>One disk of an image: exactly one system mapping, 0..16 data mappings (IMG-ATTR-07/08).</summary>
public sealed class ImageDiskMapping
{
    public int Id { get; private set; }

    public int ImageKey { get; private set; }

    public required DiskMappingType Type { get; init; }

    /// <summary>Device name, e.g. <c>/dev/xvda</c> (deprecated by ECS but still reported).</summary>
    public required string Device { get; init; }

    /// <summary>The snapshot behind the disk; null for public images and for empty data disks.</summary>
    public string? SnapshotId { get; init; }

    public required int SizeGiB { get; init; }

    public string Format { get; init; } = "RAW";

    public bool Encrypted { get; init; }

    public string? ImportOssBucket { get; init; }

    public string? ImportOssObject { get; init; }
}

/// <summary>A tag on an image (≤ 20 per image).</summary>
public sealed class ImageTag : Tags.IResourceTag
{
    public int ImageKey { get; private set; }

    public required string TagKey { get; init; }

    public string TagValue { get; init; } = "";
}
