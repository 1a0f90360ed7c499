using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Web.Api;

/// <summary>The image operations (ecs-openapi §2.2–2.9, §2.13), each mapped onto the console's own domain service.</summary>
internal static class ImageActions
{
    /// <summary>DescribeImages takes at most 100 image IDs (comma list) and 20 tag filters, as ECS does.</summary>
    public const int MaxImageIds = 100;

    public const int MaxTagFilters = 20;

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("DescribeImages", BindDescribeImages, async (call, region, query) =>
        {
            query = query with { RegionId = region.Id };
            var described = await call.Service<ImageCatalogService>().DescribeAsync(call.Actor, query, call.Ct);
            // RemainTime is a copy's (IMG-ATTR-07): only an image still being made has one, so a page of finished
            // images (the system images a suite lists most) costs no task query.
            var inProgress = described.IsSuccess
                ? described.Value.Items.Where(i => i.Status is ImageStatus.Creating or ImageStatus.Waiting).Select(i => i.Id).ToList()
                : [];
            IReadOnlyDictionary<string, int> remaining = new Dictionary<string, int>();
            if (inProgress.Count > 0)
            {
                remaining = await call.Service<TaskQueryService>().RemainingSecondsAsync(call.Actor, region.Id, inProgress, call.Ct);
                call.ReadTheClock(); // the remaining time goes down as the clock goes on
            }

            return described.Reply(page => ApiListReply.Pages(
                call, new ApiPage<Image>(page.Items, page.Total, page.Page, page.PageSize, NextToken: null), "Images", "Image",
                i => ApiJson.Image(i, call.Actor.AccountId, page.SharedByOwner.Contains(i.Id), remaining.GetValueOrDefault(i.Id),
                    usable: !page.NotUsable.Contains(i.Id), subscribed: page.Subscribed.Contains(i.Id)), regionId: query.RegionId));
        }).WithCachedAnswers(),
        EcsAction.InRegion("DescribeImageFromFamily", p => p.Required("ImageFamily"), async (call, region, family) =>
        {
            var image = await call.Service<ImageQueryService>().ResolveFamilyAsync(call.Actor, region.Id, family, call.Ct);
            return ApiReply.Ok(image is null
                ? new { call.RequestId, Image = (object)new { } }
                : new { call.RequestId, Image = (object)ApiJson.Image(image, call.Actor.AccountId, shared: false) });
        }),
        EcsAction.InRegion("DescribeImageSupportInstanceTypes", BindSupport, async (call, region, a) =>
            (await call.Service<CompatibilityService>().SupportedInstanceTypesAsync(call.Actor, region.Id, a.ImageId, call.Ct, a.ChangeOs)).Reply(types => new
            {
                call.RequestId,
                RegionId = region.Id,
                a.ImageId,
                InstanceTypes = new
                {
                    InstanceType = types.Select(t => new { InstanceTypeId = t.Id, InstanceTypeFamily = t.Family, CpuCoreCount = t.Vcpu, MemorySize = t.MemoryGiB }).ToList(),
                },
            })),
        EcsAction.InRegion("CreateImage", BindCreateImage, async (call, region, request) =>
            (await call.Service<CreateImageService>().CreateAsync(call.Actor, request with { RegionId = region.Id }, call.Ct))
                .Reply(created => new { call.RequestId, created.ImageId }), changing: true).WithClientToken(),
        EcsAction.InRegion("DeleteImage", p => (ImageId: p.Required("ImageId"), Force: p.Bool("Force") ?? false), async (call, region, a) =>
            call.Done(await call.Service<ImageLifecycleService>().DeleteAsync(call.Actor, region.Id, new DeleteImagesRequest([a.ImageId], a.Force), call.Ct)),
            changing: true),
        EcsAction.InRegion("ModifyImageAttribute", BindModifyImageAttribute, async (call, region, a) =>
            call.Done(await call.Service<ImageLifecycleService>().ModifyAttributeAsync(call.Actor, region.Id, a.ImageId, a.Request, a.Status, call.Ct)),
            changing: true),
    ];

    private static ImageDescribeQuery BindDescribeImages(ApiParameters p)
    {
        var statuses = ParseStatuses(p);
        var aliases = ParseAliases(p);
        var isPublic = p.Bool("IsPublic");
        if (isPublic == true && aliases.Count > 0 && !aliases.Contains(ImageOwnerAlias.Others))
        {
            p.Fail(ApiErrors.Invalid("InvalidImageOwnerAlias.PublicImageUnsupported", 400, "IsPublic=true needs ImageOwnerAlias=others."));
        }

        var query = new ImageDescribeQuery
        {
            RegionId = "",
            ImageIds = p.CommaList("ImageId", MaxImageIds, ApiErrors.Invalid("InvalidParamter", 400, $"ImageId holds at most {MaxImageIds} image IDs.")),
            NameContains = p.Get("ImageName"),
            Family = p.Get("ImageFamily"),
            SnapshotId = p.Get("SnapshotId"),
            Statuses = statuses,
            OwnerAliases = aliases,
            IsPublic = isPublic,
            OsType = p.Word("OSType", ImageWords.ParseOsType, "InvalidOSType", 404),
            Architecture = p.Word("Architecture", ImageWords.ParseArchitecture, "InvalidArchitecture", 404),
            InUse = p.Get("Usage") switch
            {
                null => null,
                "instance" => true,
                "none" => false,
                _ => p.Invalid<bool?>(ApiErrors.Invalid("InvalidUsage", 404, "Usage must be instance or none.")),
            },
            Tags = p.Tags("Tag", MaxTagFilters),
            OwnerAccountId = p.Get("ImageOwnerId") is { } owner
                ? owner.All(char.IsAsciiDigit) ? owner : p.Invalid<string>(CommonErrors.InvalidParameter("ImageOwnerId", "it must be an account ID (digits)."))
                : null,
            IsSupportCloudinit = p.Bool("IsSupportCloudinit"),
            IsSupportIoOptimized = p.Bool("IsSupportIoOptimized"),
            RunsOnInstanceType = p.Get("InstanceType"),
            ResourceGroupId = p.Get("ResourceGroupId"),
            ForSystemDiskReplacement = p.Get("ActionType") switch
            {
                null or "CreateEcs" => false,
                "ChangeOS" => true,
                _ => p.Invalid<bool>(ApiErrors.Invalid("InvalidParamter", 400, "ActionType must be CreateEcs or ChangeOS.")),
            },
            Usable = p.Bool("Usable"),
        };

        // IMGP-03: no subscription of EcsConsole expires (a Marketplace subscription lasts until it is ended), so there is
        // no expired subscription image to show or hide; the value must still be a boolean.
        _ = p.Bool("ShowExpired");
        var paging = ApiPaging.Read(p, PagingStyle.Pages); // the catalogue pages in SQL
        query = query with { Page = paging.PageNumber, PageSize = paging.PageSize };
        var (from, to) = ApiFilters.CreationWindow(p, "CreationStartTime, CreationEndTime or NetworkType", (key, value) =>
        {
            if (key != "NetworkType")
            {
                return false;
            }

            if (value is not ("vpc" or "classic"))
            {
                p.Fail(ApiErrors.Invalid("InvalidFilterValue.NetworkType", 400, "NetworkType must be vpc or classic."));
            }

            return true;
        });
        return query with { CreatedFrom = from, CreatedTo = to };
    }

    /// <summary><c>ImageId</c>, or the legacy <c>Filter.N</c> with key <c>imageId</c>.</summary>
    /// <summary>
    /// The image: <c>ImageId</c>, or a <c>Filter.N</c> whose key is <c>imageId</c> (or <c>filter</c>, ECS's other name for
    /// it); <c>ImageId</c> wins when both are given, and a filter on any other key is refused. <c>ActionType</c>:
    /// <c>CreateEcs</c> (the default) or <c>ChangeOS</c> (a system disk replacement, CMP-14).
    /// </summary>
    private static (string ImageId, bool ChangeOs) BindSupport(ApiParameters p)
    {
        var filters = p.Objects("Filter");
        if (filters.FirstOrDefault(f => !IsImageFilter(f)) is { } other)
        {
            p.Fail(ApiErrors.Invalid("InvalidParamter", 400, $"Filter.N.Key \"{other.GetValueOrDefault("Key")}\" is not supported: use imageId."));
        }

        var imageId = p.Get("ImageId") ?? filters.FirstOrDefault(IsImageFilter)?.GetValueOrDefault("Value");
        var changeOs = p.Get("ActionType") switch
        {
            null or "CreateEcs" => false,
            "ChangeOS" => true,
            _ => p.Invalid<bool>(ApiErrors.Invalid("InvalidParamter", 400, "ActionType must be CreateEcs or ChangeOS.")),
        };
        return (string.IsNullOrEmpty(imageId) ? p.Invalid<string>(CommonErrors.MissingParameter("ImageId")) ?? "" : imageId, changeOs);
    }

    private static bool IsImageFilter(IReadOnlyDictionary<string, string> filter) =>
        filter.GetValueOrDefault("Key") is { } key && (key.Equals("imageId", StringComparison.OrdinalIgnoreCase) || key.Equals("filter", StringComparison.OrdinalIgnoreCase));

    /// <summary>From an instance, or from snapshots (<c>DiskDeviceMapping.N</c>, or the legacy <c>SnapshotId</c>).</summary>
    internal static CreateImageRequest BindCreateImage(ApiParameters p)
    {
        var mappings = p.Objects("DiskDeviceMapping");
        foreach (var m in mappings)
        {
            if (m.GetValueOrDefault("DiskType") is { Length: > 0 } type && type is not ("system" or "data"))
            {
                p.Fail(ApiErrors.Invalid("InvalidDiskType.ValueNotSupported", 400, "DiskType must be system or data."));
            }

            if (m.GetValueOrDefault("Size") is { Length: > 0 } size && !int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                p.Fail(ApiErrors.Invalid("InvalidSize.ValueNotSupported", 400, "DiskDeviceMapping.N.Size must be a number of GiB."));
            }
        }

        var instanceId = p.Get("InstanceId");
        var (systemSnapshot, dataDisks) = instanceId is not null ? (null, [])
            : mappings.Count > 0 ? CreateImageService.FromDiskMappings([.. mappings.Select(m => new SnapshotDiskMapping(m.GetValueOrDefault("DiskType"),
                m.GetValueOrDefault("Device"), m.GetValueOrDefault("SnapshotId"),
                int.TryParse(m.GetValueOrDefault("Size"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var gib) ? gib : null))])
            : (p.Get("SnapshotId"), Array.Empty<DataDiskSpec>());
        var tags = p.Tags();
        return new CreateImageRequest
        {
            RegionId = "",
            InstanceId = instanceId,
            SystemSnapshotId = systemSnapshot,
            DataDisks = dataDisks,
            Name = p.Get("ImageName"),
            Description = p.Get("Description"),
            Family = p.Get("ImageFamily"),
            Tags = tags,
            ResourceGroupId = p.Get("ResourceGroupId"),
            BootMode = p.Word("BootMode", ImageWords.ParseBootMode, "InvalidBootMode.Malformed", 400),
            ImdsSupport = p.Get("Features.ImdsSupport"),
            ImageVersion = p.Get("ImageVersion"),
            ImageCheck = ImageCheck(p),
            SecureBootSupport = p.Get("SecureBootOptions.SecureBootSupport") switch
            {
                null => null,
                "supported" => true,
                "unsupported" => false,
                var other => p.Invalid<bool?>(ImageErrors.SecureBootSupportMalformed(other)),
            },
        };
    }

    /// <summary>IMGP-05: <c>DetectionStrategy</c> is <c>Standard</c> (the image check runs) or absent.</summary>
    internal static bool ImageCheck(ApiParameters p) => p.Get("DetectionStrategy") switch
    {
        null => false,
        "Standard" => true,
        var other => p.Invalid<bool>(ImageErrors.DetectionStrategyMalformed(other)),
    };

    internal static (string ImageId, ModifyImageRequest Request, ImageStatus? Status) BindModifyImageAttribute(ApiParameters p)
    {
        var imageId = p.Required("ImageId");
        var bootMode = p.Word("BootMode", ImageWords.ParseBootMode, "InvalidBootMode.Malformed", 400);
        ImageStatus? status = p.Get("Status") switch
        {
            null => null,
            "Deprecated" => ImageStatus.Deprecated,
            "Available" => ImageStatus.Available,
            _ => p.Invalid<ImageStatus?>(CommonErrors.InvalidParameter("Status", "it must be Deprecated or Available.")),
        };
        bool? nvme = p.Get("Features.NvmeSupport") switch
        {
            null => null,
            "supported" => true,
            "unsupported" => false,
            var other => p.Invalid<bool?>(CommonErrors.InvalidParameter("Features.NvmeSupport", $"\"{other}\" must be supported or unsupported.")),
        };
        return (imageId, new ModifyImageRequest(p.Get("ImageName"), p.Get("Description"), p.Get("ImageFamily"), bootMode, nvme,
            p.Get("Features.ImdsSupport"), p.Get("LicenseType")), status);
    }

    private static List<ImageStatus> ParseStatuses(ApiParameters p)
    {
        var words = p.CommaList("Status");
        if (words.Any(w => w.Equals("ALL", StringComparison.OrdinalIgnoreCase)))
        {
            return [.. Enum.GetValues<ImageStatus>()];
        }

        List<ImageStatus> statuses = [];
        foreach (var word in words)
        {
            if (Enum.TryParse<ImageStatus>(word, ignoreCase: false, out var status) && Enum.IsDefined(status))
            {
                statuses.Add(status);
            }
            else
            {
                p.Fail(CommonErrors.InvalidParameter("Status", "it must list Creating, Waiting, Available, UnAvailable, CreateFailed, Deprecated, or be ALL."));
            }
        }

        return statuses;
    }

    private static List<ImageOwnerAlias> ParseAliases(ApiParameters p)
    {
        List<ImageOwnerAlias> aliases = [];
        foreach (var word in p.CommaList("ImageOwnerAlias"))
        {
            ImageOwnerAlias? alias = word switch
            {
                "system" => ImageOwnerAlias.System,
                "self" => ImageOwnerAlias.Self,
                "others" => ImageOwnerAlias.Others,
                "marketplace" => ImageOwnerAlias.Marketplace,
                _ => null,
            };
            if (alias is { } a)
            {
                aliases.Add(a);
            }
            else
            {
                p.Fail(ApiErrors.Invalid("InvalidImageOwnerAlias.ValueNotSupported", 400, "ImageOwnerAlias must be system, self, others or marketplace."));
            }
        }

        return aliases;
    }
}
