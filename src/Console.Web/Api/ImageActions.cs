using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Storage;

namespace EcsConsole.Web.Api;

/// <summary>The image operations (ecs-openapi §2.2–2.13), each mapped onto the console's own domain service.</summary>
internal static class ImageActions
{
    public static void Register(IDictionary<string, ApiAction> actions)
    {
        actions["DescribeImages"] = DescribeImagesAsync;
        actions["DescribeImageFromFamily"] = DescribeImageFromFamilyAsync;
        actions["DescribeImageSharePermission"] = DescribeImageSharePermissionAsync;
        actions["DescribeImageSupportInstanceTypes"] = DescribeImageSupportInstanceTypesAsync;
        actions["CreateImage"] = CreateImageAsync;
        actions["CopyImage"] = CopyImageAsync;
        actions["CancelCopyImage"] = CancelCopyImageAsync;
        actions["DeleteImage"] = DeleteImageAsync;
        actions["ModifyImageAttribute"] = ModifyImageAttributeAsync;
        actions["ModifyImageSharePermission"] = ModifyImageSharePermissionAsync;
        actions["ExportImage"] = ExportImageAsync;
        actions["ImportImage"] = ImportImageAsync;
    }

    /// <summary>DescribeImages takes at most 100 image IDs (comma list) and 20 tag filters, as ECS does.</summary>
    public const int MaxImageIds = 100;

    public const int MaxTagFilters = 20;

    private static async Task<ApiReply> DescribeImagesAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var statuses = ParseStatuses(p);
        var aliases = ParseAliases(p);
        var isPublic = p.Bool("IsPublic");
        if (isPublic == true && aliases.Count > 0 && !aliases.Contains(ImageOwnerAlias.Others))
        {
            p.Fail(ApiErrors.Invalid("InvalidImageOwnerAlias.PublicImageUnsupported", 400, "IsPublic=true needs ImageOwnerAlias=others."));
        }

        var query = new ImageDescribeQuery
        {
            RegionId = region?.Id ?? "",
            ImageIds = p.CommaList("ImageId", MaxImageIds, ApiErrors.Invalid("InvalidParamter", 400, $"ImageId holds at most {MaxImageIds} image IDs.")),
            NameContains = p.Get("ImageName"),
            Family = p.Get("ImageFamily"),
            SnapshotId = p.Get("SnapshotId"),
            Statuses = statuses,
            OwnerAliases = aliases,
            IsPublic = isPublic,
            OsType = ParseEnum(p, "OSType", ImageWords.ParseOsType, "InvalidOSType"),
            Architecture = ParseEnum(p, "Architecture", ImageWords.ParseArchitecture, "InvalidArchitecture"),
            InUse = p.Get("Usage") switch
            {
                null => null,
                "instance" => true,
                "none" => false,
                _ => Fail<bool?>(p, ApiErrors.Invalid("InvalidUsage", 404, "Usage must be instance or none.")),
            },
            Tags = p.Tags("Tag", MaxTagFilters),
            Page = p.Int("PageNumber", 1, ApiParameters.MaxPageNumber) ?? 1,
            PageSize = p.Int("PageSize", 1, 100) ?? 10,
        };
        foreach (var filter in p.Objects("Filter"))
        {
            var value = filter.GetValueOrDefault("Value");
            switch (filter.GetValueOrDefault("Key"))
            {
                case "CreationStartTime":
                    query = query with { CreatedFrom = p.Time("Filter.N.Value", value) };
                    break;
                case "CreationEndTime":
                    query = query with { CreatedTo = p.Time("Filter.N.Value", value) };
                    break;
                case "NetworkType":
                    if (value is not ("vpc" or "classic"))
                    {
                        p.Fail(ApiErrors.Invalid("InvalidFilterValue.NetworkType", 400, "NetworkType must be vpc or classic."));
                    }

                    break;
                default:
                    p.Fail(ApiErrors.Invalid("InvalidFilterKey.NotFound", 404, "The filter key must be CreationStartTime, CreationEndTime or NetworkType."));
                    break;
            }
        }

        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var page = await call.Service<ImageCatalogService>().DescribeAsync(call.Actor, query, call.Ct);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            RegionId = query.RegionId,
            TotalCount = page.Value.Total,
            PageNumber = page.Value.Page,
            PageSize = page.Value.PageSize,
            Images = new { Image = page.Value.Items.Select(i => ImageJson(i, call.Actor.AccountId, page.Value.SharedByOwner.Contains(i.Id))).ToList() },
        });
    }

    private static async Task<ApiReply> DescribeImageFromFamilyAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var family = call.P.Required("ImageFamily");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var image = await call.Service<ImageQueryService>().ResolveFamilyAsync(call.Actor, region!.Id, family, call.Ct);
        return ApiReply.Ok(image is null
            ? new { call.RequestId, Image = (object)new { } }
            : new { call.RequestId, Image = (object)ImageJson(image, call.Actor.AccountId, shared: false) });
    }

    private static async Task<ApiReply> DescribeImageSharePermissionAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var imageId = call.P.Required("ImageId");
        var pageNumber = call.P.Int("PageNumber", 1, ApiParameters.MaxPageNumber) ?? 1;
        var pageSize = call.P.Int("PageSize", 1, 100) ?? 10;
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var permission = await call.Service<SharingService>().GetAsync(call.Actor, region!.Id, imageId, call.Ct);
        if (!permission.IsSuccess)
        {
            return permission.Error;
        }

        var accounts = permission.Value.Accounts;
        return ApiReply.Ok(new
        {
            call.RequestId,
            RegionId = region.Id,
            ImageId = imageId,
            TotalCount = accounts.Count,
            PageNumber = pageNumber,
            PageSize = pageSize,
            Accounts = new { Account = accounts.Skip((pageNumber - 1) * pageSize).Take(pageSize).Select(a => new { AliyunId = a }).ToList() },
            ShareGroups = new { ShareGroup = permission.Value.IsPublic ? [new { Group = "all" }] : Array.Empty<object>() },
        });
    }

    private static async Task<ApiReply> DescribeImageSupportInstanceTypesAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var imageId = call.P.Get("ImageId")
            ?? call.P.Objects("Filter").FirstOrDefault(f => string.Equals(f.GetValueOrDefault("Key"), "imageId", StringComparison.OrdinalIgnoreCase))?.GetValueOrDefault("Value");
        if (string.IsNullOrEmpty(imageId))
        {
            call.P.Fail(CommonErrors.MissingParameter("ImageId"));
        }

        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var types = await call.Service<CompatibilityService>().SupportedInstanceTypesAsync(call.Actor, region!.Id, imageId!, call.Ct);
        if (!types.IsSuccess)
        {
            return types.Error;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            RegionId = region.Id,
            ImageId = imageId,
            InstanceTypes = new
            {
                InstanceType = types.Value.Select(t => new
                {
                    InstanceTypeId = t.Id,
                    InstanceTypeFamily = t.Family,
                    CpuCoreCount = t.Vcpu,
                    MemorySize = t.MemoryGiB,
                }).ToList(),
            },
        });
    }

    private static async Task<ApiReply> CreateImageAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
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
        string? systemSnapshot = null;
        List<DataDiskSpec> dataDisks = [];
        if (instanceId is null && mappings.Count > 0)
        {
            var system = mappings.FirstOrDefault(m => m.GetValueOrDefault("DiskType") == "system")
                ?? mappings.FirstOrDefault(m => m.GetValueOrDefault("DiskType") is null or "" && m.GetValueOrDefault("Device") == "/dev/xvda")
                ?? mappings.FirstOrDefault(m => m.GetValueOrDefault("DiskType") is null or "");
            systemSnapshot = system?.GetValueOrDefault("SnapshotId");
            dataDisks = [.. mappings.Where(m => !ReferenceEquals(m, system)).Select(m => new DataDiskSpec(
                m.GetValueOrDefault("SnapshotId") is { Length: > 0 } s ? s : null,
                int.TryParse(m.GetValueOrDefault("Size"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var gib) ? gib : null))];
        }
        else if (instanceId is null)
        {
            systemSnapshot = p.Get("SnapshotId");
        }

        var tags = p.Tags();
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var created = await call.Service<CreateImageService>().CreateAsync(call.Actor, new CreateImageRequest
        {
            RegionId = region!.Id,
            InstanceId = instanceId,
            SystemSnapshotId = systemSnapshot,
            DataDisks = dataDisks,
            Name = p.Get("ImageName"),
            Description = p.Get("Description"),
            Family = p.Get("ImageFamily"),
            Tags = tags,
        }, call.Ct);
        return created.IsSuccess ? ApiReply.Ok(new { call.RequestId, created.Value.ImageId }) : created.Error;
    }

    private static async Task<ApiReply> CopyImageAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var imageId = p.Required("ImageId");
        var destination = p.Required("DestinationRegionId");
        var encrypted = p.Bool("Encrypted") ?? false;
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var copied = await call.Service<CopyImageService>().CopyAsync(call.Actor,
            new CopyImageRequest(region!.Id, imageId, destination, p.Get("DestinationImageName"), p.Get("DestinationDescription"), encrypted), call.Ct);
        return copied.IsSuccess ? ApiReply.Ok(new { call.RequestId, copied.Value.ImageId }) : copied.Error;
    }

    private static async Task<ApiReply> CancelCopyImageAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var imageId = call.P.Required("ImageId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var cancelled = await call.Service<CopyImageService>().CancelCopyAsync(call.Actor, region!.Id, imageId, call.Ct);
        return cancelled.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : cancelled.Error;
    }

    private static async Task<ApiReply> DeleteImageAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var imageId = call.P.Required("ImageId");
        var force = call.P.Bool("Force") ?? false;
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var deleted = await call.Service<ImageLifecycleService>().DeleteAsync(call.Actor, region!.Id, new DeleteImagesRequest([imageId], force), call.Ct);
        return deleted.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : deleted.Error;
    }

    private static async Task<ApiReply> ModifyImageAttributeAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var imageId = p.Required("ImageId");
        var bootMode = ParseEnum(p, "BootMode", ImageWords.ParseBootMode, "InvalidBootMode.Malformed", 400);
        var status = p.Get("Status");
        if (status is not (null or "Deprecated" or "Available"))
        {
            p.Fail(CommonErrors.InvalidParameter("Status", "it must be Deprecated or Available."));
        }

        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var lifecycle = call.Service<ImageLifecycleService>();
        var request = new ModifyImageRequest(p.Get("ImageName"), p.Get("Description"), p.Get("ImageFamily"), bootMode);
        if (request != new ModifyImageRequest() || status is null)
        {
            var modified = await lifecycle.ModifyAsync(call.Actor, region!.Id, imageId, request, call.Ct);
            if (!modified.IsSuccess)
            {
                return modified.Error;
            }
        }

        if (status is not null)
        {
            var changed = status == "Deprecated"
                ? await lifecycle.DeprecateAsync(call.Actor, region!.Id, imageId, call.Ct)
                : await lifecycle.RestoreAsync(call.Actor, region!.Id, imageId, call.Ct);
            if (!changed.IsSuccess)
            {
                return changed.Error;
            }
        }

        return ApiReply.Ok(new { call.RequestId });
    }

    private static async Task<ApiReply> ModifyImageSharePermissionAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var imageId = p.Required("ImageId");
        var isPublic = p.Bool("IsPublic");
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var changed = await call.Service<SharingService>().ModifyAsync(call.Actor, region!.Id, imageId,
            new ModifySharePermissionRequest(p.List("AddAccount"), p.List("RemoveAccount"), isPublic), call.Ct);
        return changed.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : changed.Error;
    }

    private static async Task<ApiReply> ExportImageAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var imageId = p.Required("ImageId");
        var bucket = p.Required("OSSBucket");
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var exported = await call.Service<ExportImageService>().ExportAsync(call.Actor,
            new ExportImageRequest(region!.Id, imageId, bucket, p.Get("OSSPrefix"), p.Get("ImageFormat") ?? "raw"), call.Ct);
        return exported.IsSuccess ? ApiReply.Ok(new { call.RequestId, RegionId = region.Id, exported.Value.TaskId }) : exported.Error;
    }

    private static async Task<ApiReply> ImportImageAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var disks = p.Objects("DiskDeviceMapping");
        var system = disks.Count > 0 ? disks[0] : new Dictionary<string, string>();
        var bucket = system.GetValueOrDefault("OSSBucket");
        var file = system.GetValueOrDefault("OSSObject");
        if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(file))
        {
            p.Fail(CommonErrors.MissingParameter(string.IsNullOrEmpty(bucket) ? "DiskDeviceMapping.1.OSSBucket" : "DiskDeviceMapping.1.OSSObject"));
        }

        var architecture = ParseEnum(p, "Architecture", ImageWords.ParseArchitecture, "InvalidArchitecture.Malformed", 400);
        var osType = ParseEnum(p, "OSType", ImageWords.ParseOsType, "InvalidOSType.Malformed", 400);
        var bootMode = ParseEnum(p, "BootMode", ImageWords.ParseBootMode, "InvalidBootMode.Malformed", 400);
        var systemSize = DiskSize(p, system);
        var dataDisks = disks.Skip(1).Select(d => new ImportDataDisk(d.GetValueOrDefault("OSSObject") ?? "", DiskSize(p, d), d.GetValueOrDefault("OSSBucket"))).ToList();
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var request = new ImportImageRequest
        {
            RegionId = region!.Id,
            OssBucket = bucket!,
            OssObject = file!,
            Name = p.Get("ImageName"),
            Description = p.Get("Description"),
            Platform = p.Get("Platform") ?? "Others Linux",
            LicenseType = p.Get("LicenseType") ?? "Auto",
            Format = system.GetValueOrDefault("Format") is { Length: > 0 } format ? format : null,
            SystemDiskSizeGiB = systemSize,
            DataDisks = dataDisks,
        };
        request = request with
        {
            Architecture = architecture ?? request.Architecture,
            OsType = osType ?? request.OsType,
            BootMode = bootMode ?? (architecture == ImageArchitecture.Arm64 ? BootMode.Uefi : request.BootMode),
        };
        var imported = await call.Service<ImportImageService>().ImportAsync(call.Actor, request, call.Ct);
        return imported.IsSuccess
            ? ApiReply.Ok(new { call.RequestId, RegionId = region.Id, imported.Value.ImageId, imported.Value.TaskId })
            : imported.Error;
    }

    /// <summary>An image as DescribeImages reports it, with each field's JSON type from ecs-model-trees.txt.</summary>
    internal static object ImageJson(Image i, string? viewerAccountId, bool shared) => new
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
        ImageOwnerId = long.TryParse(i.OwnerAccountId, NumberStyles.None, CultureInfo.InvariantCulture, out var owner) ? owner : (long?)null,
        i.IsPublic,
        i.IsCopied,
        IsSelfShared = shared ? "True" : "False",
        IsSubscribed = false,
        i.IsSupportCloudinit,
        i.IsSupportIoOptimized,
        LoginAsNonRootSupported = false,
        Usage = i.InUse ? "instance" : "none",
        ProductCode = i.ProductCode ?? "",
        SupplierName = i.SupplierName ?? "",
        ResourceGroupId = "",
        i.LicenseType,
        Usable = true,
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
                RemainTime = 0,
                m.Encrypted,
            }).ToList(),
        },
        Tags = new { Tag = i.Tags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => new { t.TagKey, t.TagValue }).ToList() },
        Features = new { NvmeSupport = i.NvmeSupport ? "supported" : "unsupported", i.ImdsSupport },
    };

    internal static string Percent(int progress) => progress.ToString(CultureInfo.InvariantCulture) + "%";

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

    private static T? ParseEnum<T>(ApiParameters p, string name, Func<string?, T?> parse, string code, int status = 404)
        where T : struct
    {
        if (p.Get(name) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            p.Fail(ApiErrors.Invalid(code, status, $"The specified {name} \"{text}\" is not valid."));
        }

        return value;
    }

    private static int? DiskSize(ApiParameters p, IReadOnlyDictionary<string, string> disk)
    {
        var text = disk.GetValueOrDefault("DiskImageSize") ?? disk.GetValueOrDefault("DiskImSize");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var gib))
        {
            return gib;
        }

        p.Fail(ApiErrors.Invalid("InvalidImageSize", 400, "DiskImageSize must be a number of GiB."));
        return null;
    }

    private static T? Fail<T>(ApiParameters p, EcsError error)
    {
        p.Fail(error);
        return default;
    }
}
