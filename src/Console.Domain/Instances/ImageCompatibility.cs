using EcsConsole.Domain.Images;
using EcsConsole.Domain.InstanceTypes;

namespace EcsConsole.Domain.Instances;

/// <summary>One reason an image cannot (or should not) be used: the rule of domain-rules §9/§11 and the ECS error.</summary>
/// <param name="Rule">The rule ID, e.g. <c>CMP-05</c>; lets tests and people tell apart reasons that share a code.</param>
/// <param name="Error">The ECS code, its HTTP status and a sentence a person understands.</param>
public sealed record CompatibilityReason(string Rule, EcsError Error)
{
    public string Code => Error.Code;

    public string Message => Error.Message;
}

/// <summary>
/// The outcome of a compatibility check: allowed when <see cref="Refusals"/> is empty. <see cref="Warnings"/> never
/// refuse (a deprecated image chosen by ID, RHEL below 1.5 GiB, an image at end of life).
/// </summary>
public sealed record CompatibilityVerdict(IReadOnlyList<CompatibilityReason> Refusals, IReadOnlyList<CompatibilityReason> Warnings)
{
    public static CompatibilityVerdict Allowed { get; } = new([], []);

    public bool IsAllowed => Refusals.Count == 0;

    /// <summary>The first refusal, as a service returns it; null when allowed.</summary>
    public EcsError? FirstError => Refusals.Count == 0 ? null : Refusals[0].Error;
}

/// <summary>How the instance logs on (BUY-03): a password, an SSH key pair, or set later.</summary>
public enum LogonMethod
{
    SetLater,
    Password,
    KeyPair,
}

/// <summary>What the launch (or the system-disk replacement) asks for besides the image and the type.</summary>
/// <param name="ChargeType">Subscription (<c>PrePaid</c>) or pay-as-you-go.</param>
/// <param name="SystemDiskSizeGiB">The system disk size asked for; null for the default.</param>
/// <param name="Logon">The logon method.</param>
/// <param name="ReplacingSystemDisk">ReplaceSystemDisk rather than a new instance (CMP-14, INS-07).</param>
/// <param name="CurrentOsType">For a replacement: the OS type of the image the instance runs now.</param>
/// <param name="MainlandChinaRegion">Whether the region is in mainland China (cross-OS swaps are allowed only there).</param>
/// <param name="PeriodMonths">The subscription period of a <c>PrePaid</c> instance (CMP-12 matches it with the Marketplace plan).</param>
public sealed record LaunchPlan(
    InstanceChargeType ChargeType = InstanceChargeType.PostPaid,
    int? SystemDiskSizeGiB = null,
    LogonMethod Logon = LogonMethod.SetLater,
    bool ReplacingSystemDisk = false,
    OsType? CurrentOsType = null,
    bool MainlandChinaRegion = true,
    int? PeriodMonths = null);

/// <summary>What the Marketplace knows about an image's product (CMP-11/12); null for images without a product code.</summary>
/// <param name="ProductExists">The product is in the Marketplace catalogue.</param>
/// <param name="Withdrawn">The product was removed from the Marketplace.</param>
/// <param name="Subscribed">The account subscribed to it in the image's region.</param>
/// <param name="BillingMethods"><c>PrePaid</c>, <c>PostPaid</c> or <c>Both</c>.</param>
/// <param name="Plan">The plan of the subscription, when there is one.</param>
public sealed record MarketplaceFacts(bool ProductExists, bool Withdrawn, bool Subscribed, string BillingMethods,
    Marketplace.MarketplacePlan? Plan = null);

/// <summary>
/// The compatibility rules of domain-rules §9 (CMP-02…16) and the image rules of ReplaceSystemDisk (INS-07), as pure
/// functions over an image and an instance type. Region availability (CMP-01) is where the image is looked up:
/// <see cref="CompatibilityService"/>. The buy page, Replace System Disk, RunInstances and
/// DescribeImageSupportInstanceTypes all use these functions, so they refuse for the same reasons.
/// </summary>
public static class ImageCompatibility
{
    public const string NotSupportInstanceTypeCode = "ImageNotSupportInstanceType";
    public const string IoOptimizedNotSupportedCode = "IoOptimized.NotSupported";
    public const string ImageNotValidCode = "OperationDenied.ImageNotValid";
    public const string DiskLessThanImageSizeCode = "InvalidSystemDiskSize.LessThanImageSize";
    public const string DiskLessThanMinSizeCode = "InvalidSystemDiskSize.LessThanMinSize";
    public const string DiskMoreThanMaxSizeCode = "InvalidSystemDiskSize.MoreThanMaxSize";
    public const string NotSubscribedCode = "ImageNotSubscribed";
    public const string RemovedInMarketCode = "ImageRemovedInMarket";
    public const string MarketImageNotFoundCode = "InvalidMarketImage.NotFound";
    public const string MarketChargeTypeCode = "InvalidMarketImageChargeType.NotSupport";
    public const string OperationDeniedCode = "OperationDenied";
    public const string ConflictCode = "InvalidParameter.Conflict";
    public const string DeprecatedWarningCode = "ImageDeprecated";
    public const string EndOfLifeWarningCode = "ImageEndOfLife";
    public const string LowMemoryWarningCode = "InstanceTypeMemoryNotRecommended";

    /// <summary>The largest system disk a launch may ask for (CMP-10: 500 GiB as documented; configurable).</summary>
    public const int DefaultMaxSystemDiskGiB = 500;

    /// <summary>
    /// The rules that depend on the instance type (CMP-02…08): the reasons the buy page shows next to a disabled type.
    /// </summary>
    public static IReadOnlyList<CompatibilityReason> CheckType(Image image, InstanceType type)
    {
        var refusals = new List<CompatibilityReason>();
        var typeName = type.Id;

        if (image.Architecture == ImageArchitecture.Arm64 && type.Architecture != ImageArchitecture.Arm64)
        {
            refusals.Add(NotSupport("CMP-05", $"The image is built for arm64; {typeName} is an x86 instance type. Choose an Arm type such as ecs.g8y."));
        }
        else if (image.Architecture != ImageArchitecture.Arm64 && type.Architecture == ImageArchitecture.Arm64)
        {
            refusals.Add(NotSupport("CMP-05", $"The image is built for {ArchWord(image.Architecture)}; {typeName} is an Arm (arm64) instance type."));
        }

        if (image.Architecture == ImageArchitecture.I386 && type.MemoryGiB >= 4)
        {
            refusals.Add(NotSupport("CMP-02", $"A 32-bit image cannot address {Gib(type.MemoryGiB)} of memory: {typeName} has 4 GiB or more."));
        }

        if (image.Architecture == ImageArchitecture.I386 && image.OsType == OsType.Windows && type.Vcpu > 4)
        {
            refusals.Add(NotSupport("CMP-03", $"32-bit Windows supports at most 4 vCPUs; {typeName} has {type.Vcpu}."));
        }

        if (image.OsType == OsType.Windows)
        {
            if (type.MemoryGiB < 1)
            {
                refusals.Add(NotSupport("CMP-04", $"Windows images cannot run with {Gib(type.MemoryGiB)} of memory ({typeName})."));
            }
            else if (IsModernWindowsServer(image) && type.MemoryGiB < 2)
            {
                refusals.Add(NotSupport("CMP-04", $"{image.Platform} needs at least 2 GiB of memory; {typeName} has {Gib(type.MemoryGiB)}."));
            }
        }

        if (type.UefiOnly && image.BootMode == BootMode.Bios)
        {
            refusals.Add(NotSupport("CMP-06", $"{typeName} boots in UEFI mode only; the image boots in BIOS mode."));
        }

        if (type.BiosOnly && image.BootMode == BootMode.Uefi)
        {
            refusals.Add(NotSupport("CMP-06", $"{typeName} boots in BIOS mode only; the image boots in UEFI mode."));
        }

        if (type.NvmeOnly && !image.NvmeSupport)
        {
            refusals.Add(NotSupport("CMP-07", $"{typeName} attaches disks over NVMe; the image has no NVMe driver (NvmeSupport is unsupported)."));
        }

        if (type.IoOptimized && !image.IsSupportIoOptimized)
        {
            refusals.Add(new("CMP-08", new(IoOptimizedNotSupportedCode, 403, $"{typeName} is I/O optimized; the image does not support I/O-optimized instances.")));
        }

        return refusals;
    }

    /// <summary>
    /// <see cref="CheckType"/> as a query predicate (DescribeImages' <c>InstanceType</c>): an image passes exactly when
    /// <see cref="CheckType"/> finds no refusal for it on <paramref name="type"/>. The type is known when the query is built,
    /// so each rule is either dropped or one column comparison.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Image, bool>> RunsOn(InstanceType type)
    {
        var arm = type.Architecture == ImageArchitecture.Arm64;
        var noI386 = type.MemoryGiB >= 4;
        var noI386Windows = type.Vcpu > 4;
        var noWindows = type.MemoryGiB < 1;
        var noModernWindows = type.MemoryGiB < 2;
        bool uefiOnly = type.UefiOnly, biosOnly = type.BiosOnly, nvmeOnly = type.NvmeOnly, ioOptimized = type.IoOptimized;
        return i => (arm ? i.Architecture == ImageArchitecture.Arm64 : i.Architecture != ImageArchitecture.Arm64)
            && !(noI386 && i.Architecture == ImageArchitecture.I386)
            && !(noI386Windows && i.Architecture == ImageArchitecture.I386 && i.OsType == OsType.Windows)
            && !(noWindows && i.OsType == OsType.Windows)
            && !(noModernWindows && i.OsType == OsType.Windows && (i.Platform.Contains("2016") || i.Platform.Contains("2019")
                || i.Platform.Contains("2022") || i.Platform.Contains("2025")))
            && !(uefiOnly && i.BootMode == BootMode.Bios)
            && !(biosOnly && i.BootMode == BootMode.Uefi)
            && !(nvmeOnly && !i.NvmeSupport)
            && !(ioOptimized && !i.IsSupportIoOptimized);
    }

    /// <summary>Warnings that depend on the type (CMP-04: Red Hat below 1.5 GiB is not recommended).</summary>
    public static IReadOnlyList<CompatibilityReason> TypeWarnings(Image image, InstanceType type) =>
        image.Platform.Contains("RedHat", StringComparison.OrdinalIgnoreCase) && type.MemoryGiB < 1.5m
            ? [new("CMP-04", new(LowMemoryWarningCode, 200, $"Red Hat Enterprise Linux is not recommended below 1.5 GiB of memory; {type.Id} has {Gib(type.MemoryGiB)}."))]
            : [];

    /// <summary>
    /// The rules that depend on the image and the plan, not on the type: status (CMP-13/16), Marketplace (CMP-11/12),
    /// system disk size (CMP-10), data-disk images and cross-OS swaps on replacement (CMP-14, INS-07), key pairs (CMP-15).
    /// </summary>
    public static (IReadOnlyList<CompatibilityReason> Refusals, IReadOnlyList<CompatibilityReason> Warnings) CheckImage(
        Image image, LaunchPlan plan, MarketplaceFacts? market, int maxSystemDiskGiB = DefaultMaxSystemDiskGiB)
    {
        var refusals = new List<CompatibilityReason>();
        var warnings = new List<CompatibilityReason>();

        switch (image.Status)
        {
            case ImageStatus.Available:
                break;
            case ImageStatus.Deprecated:
                warnings.Add(new("CMP-16", new(DeprecatedWarningCode, 200,
                    "The image is deprecated: it still launches when chosen by ID, but image families no longer resolve to it.")));
                break;
            case ImageStatus.Creating or ImageStatus.Waiting or ImageStatus.UnAvailable or ImageStatus.CreateFailed:
                refusals.Add(new("CMP-13", ImageRules.CannotLaunch(image.Status)!));
                break;
        }

        if (image.EndOfLife)
        {
            warnings.Add(new("CMP-13", new(EndOfLifeWarningCode, 200, "The operating system of this image has reached end of life and gets no more updates.")));
        }

        if (image.ProductCode is not null && market is not null)
        {
            if (!market.ProductExists)
            {
                refusals.Add(new("CMP-11", new(MarketImageNotFoundCode, 404, $"The Marketplace product {image.ProductCode} of the image does not exist.")));
            }
            else if (market.Withdrawn)
            {
                refusals.Add(new("CMP-11", new(RemovedInMarketCode, 403, $"The Marketplace product {image.ProductCode} has been removed from the Marketplace; new instances cannot use it.")));
            }
            else
            {
                if (!market.Subscribed)
                {
                    refusals.Add(new("CMP-11", new(NotSubscribedCode, 403, $"Your account has not subscribed to the Marketplace product {image.ProductCode}. Subscribe to it first.")));
                }

                var wanted = plan.ChargeType == InstanceChargeType.PrePaid ? "PrePaid" : "PostPaid";
                if (market.BillingMethods != "Both" && market.BillingMethods != wanted)
                {
                    refusals.Add(new("CMP-12", new(MarketChargeTypeCode, 400, market.BillingMethods == "PrePaid"
                        ? "This Marketplace image is sold by subscription only: choose Subscription billing."
                        : "This Marketplace image is sold pay-as-you-go only: choose Pay-as-you-go billing.")));
                }
                else if (market.BillingMethods == "PrePaid" && plan.PeriodMonths is { } months
                    && ((market.Plan == Marketplace.MarketplacePlan.Yearly && months % 12 != 0)
                        || (market.Plan == Marketplace.MarketplacePlan.Monthly && months >= 12)))
                {
                    refusals.Add(new("CMP-12", new(MarketChargeTypeCode, 400, market.Plan == Marketplace.MarketplacePlan.Yearly
                        ? $"Your subscription to this image is yearly: the instance must be bought for whole years, not {months} months."
                        : $"Your subscription to this image is monthly: the instance must be bought for 1 to 9 months, not {months}.")));
                }
            }
        }

        if (plan.SystemDiskSizeGiB is { } size)
        {
            var floor = MinimumSystemDiskGiB(image);
            if (size < image.SizeGiB)
            {
                refusals.Add(new("CMP-10", new(DiskLessThanImageSizeCode, 404, $"The system disk ({size} GiB) is smaller than the image ({image.SizeGiB} GiB).")));
            }
            else if (size < floor)
            {
                refusals.Add(new("CMP-10", new(DiskLessThanMinSizeCode, 404, $"The system disk must be at least {floor} GiB for {image.Platform}; {size} GiB was asked for.")));
            }
            else if (size > maxSystemDiskGiB)
            {
                refusals.Add(new("CMP-10", new(DiskMoreThanMaxSizeCode, 404, $"The system disk can be at most {maxSystemDiskGiB} GiB; {size} GiB was asked for.")));
            }
        }

        if (plan.ReplacingSystemDisk)
        {
            if (image.DiskMappings.Any(m => m.Type == DiskMappingType.Data))
            {
                refusals.Add(new("CMP-14", new(OperationDeniedCode, 400,
                    "The image contains the snapshot of the data disk; it cannot replace a system disk. Use an image with a system disk only.")));
            }

            if (!plan.MainlandChinaRegion && plan.CurrentOsType is { } current && current != image.OsType)
            {
                refusals.Add(new("INS-07", new(OperationDeniedCode, 403,
                    $"Outside mainland China a system disk cannot be replaced across OS families ({current.ToEcs()} to {image.OsType.ToEcs()}).")));
            }
        }

        if (plan.Logon == LogonMethod.KeyPair && image.OsType == OsType.Windows)
        {
            refusals.Add(new("CMP-15", new(ConflictCode, 400, "Windows instances log on with a password; SSH key pairs are for Linux images only.")));
        }

        return (refusals, warnings);
    }

    /// <summary>Every rule at once: the image with the plan on one instance type.</summary>
    public static CompatibilityVerdict Check(Image image, InstanceType type, LaunchPlan plan, MarketplaceFacts? market,
        int maxSystemDiskGiB = DefaultMaxSystemDiskGiB)
    {
        var (refusals, warnings) = CheckImage(image, plan, market, maxSystemDiskGiB);
        var typeRefusals = CheckType(image, type);
        var all = new List<CompatibilityReason>(refusals.Count + typeRefusals.Count);
        all.AddRange(typeRefusals);
        all.AddRange(refusals);
        if (plan.Logon == LogonMethod.KeyPair && !type.IoOptimized)
        {
            all.Add(new("CMP-15", new(ConflictCode, 400, $"SSH key pairs need an I/O-optimized instance type; {type.Id} is not.")));
        }

        return new(all, [.. warnings, .. TypeWarnings(image, type)]);
    }

    /// <summary>The smallest system disk for the image's OS (CMP-10): 40 GiB Windows and Red Hat, 30 CoreOS/FreeBSD, else 20; never below the image.</summary>
    public static int MinimumSystemDiskGiB(Image image)
    {
        var floor = image.OsType == OsType.Windows || image.Platform.Contains("RedHat", StringComparison.OrdinalIgnoreCase)
            ? 40
            : image.Platform.Contains("FreeBSD", StringComparison.OrdinalIgnoreCase) || image.Platform.Contains("CoreOS", StringComparison.OrdinalIgnoreCase)
                ? 30
                : 20;
        return Math.Max(floor, image.SizeGiB);
    }

    /// <summary>The system disk size the buy page starts with: max(40, image size) (CMP-10).</summary>
    public static int DefaultSystemDiskGiB(Image image) => Math.Max(Math.Max(40, image.SizeGiB), MinimumSystemDiskGiB(image));

    /// <summary>Regions in mainland China (not Hong Kong).</summary>
    public static bool IsMainlandChina(string regionId) =>
        regionId.StartsWith("cn-", StringComparison.Ordinal) && regionId != "cn-hongkong";

    private static bool IsModernWindowsServer(Image image) =>
        image.Platform.Contains("2016", StringComparison.Ordinal) || image.Platform.Contains("2019", StringComparison.Ordinal)
        || image.Platform.Contains("2022", StringComparison.Ordinal) || image.Platform.Contains("2025", StringComparison.Ordinal);

    private static CompatibilityReason NotSupport(string rule, string sentence) =>
        new(rule, new(NotSupportInstanceTypeCode, 403, sentence));

    private static string ArchWord(ImageArchitecture architecture) => architecture.ToEcs();

    private static string Gib(decimal memory) => memory < 1 ? $"{memory * 1024:0} MiB" : $"{memory:0.##} GiB";
}
