using System.Globalization;
using EcsConsole.Domain.Images;

namespace EcsConsole.Web.Api;

/// <summary>Shapes the API writes in more than one action, with each field's JSON type from ecs-model-trees.txt.</summary>
internal static class ApiJson
{
    /// <summary>
    /// An image as DescribeImages reports it, with each field's JSON type from ecs-model-trees.txt; <paramref name="remainTime"/>
    /// is the seconds a copy in progress still needs (<c>DiskDeviceMapping.RemainTime</c>, IMG-ATTR-07); <paramref name="usable"/>
    /// is false for a Marketplace image the viewer cannot launch (not subscribed, or withdrawn: IMGP-02), <paramref name="subscribed"/>
    /// true when the viewer subscribed to the image's product in its region.
    /// </summary>
    public static object Image(Image i, string? viewerAccountId, bool shared, int remainTime = 0, bool usable = true, bool subscribed = false) => new
    {
        ImageId = i.Id,
        ImageName = i.Name,
        ImageFamily = i.Family ?? "",
        ImageVersion = i.ImageVersion ?? "",
        Description = i.Description ?? "",
        Status = i.Status.ToString(),
        Progress = Percent(i.Progress),
        CreationTime = ApiTime.Format(i.CreationTime),
        Size = i.SizeGiB,
        Architecture = i.Architecture.ToEcs(),
        BootMode = i.BootMode.ToEcs(),
        OSType = i.OsType.ToEcs(),
        OSName = i.OsName,
        OSNameEn = i.OsName,
        i.Platform,
        ImageOwnerAlias = i.OwnerAliasFor(viewerAccountId).ToEcs(),
        ImageOwnerId = OwnerId(i.OwnerAccountId),
        i.IsPublic,
        i.IsCopied,
        IsSelfShared = shared ? "True" : "False",
        IsSubscribed = subscribed,
        i.IsSupportCloudinit,
        i.IsSupportIoOptimized,
        LoginAsNonRootSupported = false,
        Usage = i.InUse ? "instance" : "none",
        ProductCode = i.ProductCode ?? "",
        SupplierName = i.SupplierName ?? "",
        ResourceGroupId = EcsConsole.Domain.ResourceGroups.ResourceGroupRules.Effective(i.ResourceGroupId, i.OwnerAccountId) ?? "",
        i.LicenseType,
        Usable = usable,
        DiskDeviceMappings = new
        {
            DiskDeviceMapping = i.DiskMappings.Select(m => new
            {
                m.Device,
                Type = m.Type.ToEcs(),
                SnapshotId = m.SnapshotId ?? "",
                Size = m.SizeGiB.ToString(CultureInfo.InvariantCulture),
                m.Format,
                ImportOSSBucket = m.ImportOssBucket ?? "",
                ImportOSSObject = m.ImportOssObject ?? "",
                Progress = Percent(i.Progress),
                RemainTime = remainTime,
                m.Encrypted,
            }).ToList(),
        },
        Tags = new { Tag = i.Tags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => new { t.TagKey, t.TagValue }).ToList() },
        Features = new
        {
            NvmeSupport = i.NvmeSupport ? "supported" : "unsupported",
            i.ImdsSupport,
            // Online CPU/memory resizing: no image of the product supports it (ECS answers "unsupported" for most).
            CpuOnlineUpgrade = "unsupported",
            CpuOnlineDowngrade = "unsupported",
            MemoryOnlineUpgrade = "unsupported",
            MemoryOnlineDowngrade = "unsupported",
        },
        // The image check (DetectionStrategy=Standard, IMGP-05) runs while the image is made and finds no risk; an image
        // made without it has no status.
        DetectionOptions = new
        {
            Status = !i.ImageCheckRequested ? "" : i.Status is ImageStatus.Creating or ImageStatus.Waiting ? "Processing" : "Finished",
            Items = new { Item = Array.Empty<object>() },
        },
        SecureBootOptions = new { SecureBootSupport = i.SecureBootSupport ? "supported" : "unsupported" },
    };

    /// <summary>
    /// The owner's account ID as a number (<c>ImageOwnerId: number</c>); 0 for images no account owns (public and
    /// Marketplace images), where the key used to be left out.
    /// </summary>
    public static long OwnerId(string? accountId) =>
        long.TryParse(accountId, NumberStyles.None, CultureInfo.InvariantCulture, out var owner) ? owner : 0;

    public static string Percent(int progress) => progress.ToString(CultureInfo.InvariantCulture) + "%";
}
