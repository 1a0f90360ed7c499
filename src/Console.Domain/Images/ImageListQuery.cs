namespace EcsConsole.Domain.Images;

/// <summary>The console's image tabs (domain-rules §1.4), each a different set of images in one region.</summary>
public enum ImageTab
{
    /// <summary>The account's own custom images.</summary>
    Custom,

    /// <summary>The platform's images.</summary>
    Public,

    /// <summary>Other accounts' custom images shared with this account.</summary>
    Shared,

    /// <summary>Images other accounts published as community images (unvetted).</summary>
    Community,

    /// <summary>Marketplace products' images offered in the region.</summary>
    Marketplace,
}

/// <summary>What the search box searches.</summary>
public enum ImageSearchField
{
    /// <summary>Substring of the image name, case-insensitive (IMG-Q-06).</summary>
    Name,

    /// <summary>Substring of the image ID.</summary>
    ImageId,

    /// <summary>Images with a disk made from exactly this snapshot.</summary>
    SnapshotId,
}

/// <summary>The Free / Paid filter of the public and Marketplace tabs: images without or with a fee per hour.</summary>
public enum ImageFee
{
    Free,
    Paid,
}

/// <summary>List order.</summary>
public enum ImageSort
{
    CreatedDesc,
    CreatedAsc,
    NameAsc,
    NameDesc,
}

/// <summary>
/// One page of one tab of the image list, with its search, filters and order. Page sizes are 1..100
/// (<see cref="MaxPageSize"/>); the service refuses anything else with <c>InvalidParameter</c> — callers with a
/// looser input (a URL) normalise first.
/// </summary>
public sealed record ImageListQuery
{
    public const int MaxPageSize = 100;

    public required string RegionId { get; init; }

    public ImageTab Tab { get; init; } = ImageTab.Custom;

    public ImageSearchField SearchBy { get; init; } = ImageSearchField.Name;

    /// <summary>Literal text: <c>%</c>, <c>_</c> and quotes are plain characters.</summary>
    public string? Search { get; init; }

    /// <summary>Statuses to show; null means the tab's default (<see cref="DefaultStatuses"/>).</summary>
    public IReadOnlyCollection<ImageStatus>? Statuses { get; init; }

    public OsType? OsType { get; init; }

    public ImageArchitecture? Architecture { get; init; }

    /// <summary>Exact family name.</summary>
    public string? Family { get; init; }

    /// <summary>Tag key the image must carry.</summary>
    public string? TagKey { get; init; }

    /// <summary>With <see cref="TagKey"/>: the tag's exact value.</summary>
    public string? TagValue { get; init; }

    /// <summary>Null: free and paid images alike.</summary>
    public ImageFee? Fee { get; init; }

    /// <summary>
    /// The console's Resource Group filter: only the account's images in this group, as DescribeImages'
    /// <c>ResourceGroupId</c> keeps them (<see cref="ResourceGroupRules.FilterAsync"/>: null or the default group keeps
    /// everything, IB-09). Meant for the Custom tab, the only one listing the account's own images.
    /// </summary>
    public string? ResourceGroupId { get; init; }

    public ImageSort Sort { get; init; } = ImageSort.CreatedDesc;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    /// <summary>
    /// The statuses a tab shows unless asked otherwise: the account's own images in every state but Deprecated (a
    /// new image must show while Creating); other tabs only Available images, as DescribeImages does (IMG-ST-08).
    /// </summary>
    public static IReadOnlyCollection<ImageStatus> DefaultStatuses(ImageTab tab) => tab switch
    {
        ImageTab.Custom => [ImageStatus.Creating, ImageStatus.Waiting, ImageStatus.Available, ImageStatus.CreateFailed, ImageStatus.UnAvailable],
        ImageTab.Public or ImageTab.Shared or ImageTab.Community or ImageTab.Marketplace => [ImageStatus.Available],
    };
}

/// <summary>One row of the image list.</summary>
public sealed record ImageListItem(
    string Id,
    string RegionId,
    string Name,
    string? Description,
    string? Family,
    string OsName,
    string Platform,
    OsType OsType,
    ImageArchitecture Architecture,
    int SizeGiB,
    BootMode BootMode,
    ImageStatus Status,
    int Progress,
    DateTimeOffset CreationTime,
    string? OwnerAccountId,
    bool IsPublic,
    bool InUse,
    decimal FeePerHour,
    string? ProductCode,
    string? SupplierName,
    bool EndOfLife,
    bool IsCopied,
    bool NvmeSupport = false,
    string ImdsSupport = "v2")
{
    /// <summary>The image's tags by key (filled on the Custom Images tab, which shows them; empty elsewhere).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>The stored resource group; null reads as the owner's default (<see cref="ResourceGroupRules.Effective"/>).</summary>
    public string? ResourceGroupId { get; init; }
}

/// <summary>A page of images and the total number matching the query.</summary>
public sealed record ImagePage(IReadOnlyList<ImageListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>DescribeImages' filters (ecs-openapi §2.2); every field but <see cref="RegionId"/> is optional.</summary>
public sealed record ImageDescribeQuery
{
    public required string RegionId { get; init; }

    /// <summary>Exact IDs (ECS accepts a comma-separated list).</summary>
    public IReadOnlyList<string>? ImageIds { get; init; }

    /// <summary>Substring of the name, case-insensitive (ImageName is a fuzzy match).</summary>
    public string? NameContains { get; init; }

    public string? Family { get; init; }

    /// <summary>Images with a disk made from this snapshot.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>Null or empty: Available only, as DescribeImages does.</summary>
    public IReadOnlyCollection<ImageStatus>? Statuses { get; init; }

    /// <summary>Null or empty: system, self and others.</summary>
    public IReadOnlyCollection<ImageOwnerAlias>? OwnerAliases { get; init; }

    /// <summary>True: <c>others</c> means community images instead of images shared with the account.</summary>
    public bool? IsPublic { get; init; }

    public OsType? OsType { get; init; }

    public ImageArchitecture? Architecture { get; init; }

    /// <summary>Usage: true for <c>instance</c> (some instance runs from it), false for <c>none</c>.</summary>
    public bool? InUse { get; init; }

    /// <summary>Tags the image must carry; an empty value matches any value of the key.</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>ImageOwnerId: images of this account only.</summary>
    public string? OwnerAccountId { get; init; }

    /// <summary>Only the actor's images in this resource group (<see cref="ResourceGroupRules.FilterAsync"/>).</summary>
    public string? ResourceGroupId { get; init; }

    public bool? IsSupportCloudinit { get; init; }

    public bool? IsSupportIoOptimized { get; init; }

    /// <summary>InstanceType: only images that can run on this type (the rules of <see cref="Instances.ImageCompatibility.CheckType"/>).</summary>
    public string? RunsOnInstanceType { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>
    /// <c>ActionType=ChangeOS</c>: only images that can replace a system disk, so none holding data-disk snapshots
    /// (CMP-14, IMGP-01); <c>CreateEcs</c> (false) keeps every image.
    /// </summary>
    public bool ForSystemDiskReplacement { get; init; }

    /// <summary>
    /// <c>Usable</c>: true keeps the images the account can launch (no Marketplace product, or one it subscribed to in
    /// the region and still on sale, CMP-11); false keeps the others (IMGP-02).
    /// </summary>
    public bool? Usable { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}

/// <summary>
/// A page of DescribeImages: images with their disk mappings and tags, which of the actor's own are shared, which the
/// account cannot launch (a Marketplace product not subscribed in the region, or withdrawn: <c>Usable=false</c>) and
/// which are of a product it subscribed to (<c>IsSubscribed</c>).
/// </summary>
public sealed record ImageDescribePage(IReadOnlyList<Image> Items, int Total, int Page, int PageSize, IReadOnlySet<string> SharedByOwner)
{
    public IReadOnlySet<string> NotUsable { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Subscribed { get; init; } = new HashSet<string>();
}
