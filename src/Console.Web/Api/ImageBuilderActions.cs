using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.ResourceGroups;

namespace EcsConsole.Web.Api;

/// <summary>
/// Image Builder (image-builder.md §5): components, templates (API: pipelines) and builds (API: executions), each mapped
/// onto the domain's <see cref="ImageComponentService"/>, <see cref="ImagePipelineService"/> and <see cref="ImageBuildService"/>.
/// Lists page with <c>MaxResults</c>/<c>NextToken</c> in the domain; the list wrappers have one level
/// (<c>ImagePipeline.ImagePipelineSet[]</c>). <c>ResourceGroupId</c> puts a new component or template in a resource group
/// and filters the lists (ADR-026); <c>ClientToken</c> makes a create idempotent (ADR-021).
/// </summary>
internal static class ImageBuilderActions
{
    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("CreateImageComponent", (call, region) => CreateImageComponentAsync(call, region), changing: true).WithClientToken(),
        EcsAction.InRegion("DescribeImageComponents", p => ApiPaging.Read(p, PagingStyle.Domain), DescribeImageComponentsAsync),
        EcsAction.InRegion("DeleteImageComponent", p => p.Required("ImageComponentId"), async (call, region, componentId) =>
            call.Done(await call.Service<ImageComponentService>().DeleteAsync(call.Actor, region.Id, componentId, call.Ct)), changing: true),
        EcsAction.InRegion("CreateImagePipeline", BindCreateImagePipeline, async (call, region, request) =>
            (await call.Service<ImagePipelineService>().CreateAsync(call.Actor, request with { RegionId = region.Id }, call.Ct))
                .Reply(id => new { call.RequestId, ImagePipelineId = id }), changing: true).WithClientToken(),
        EcsAction.InRegion("DescribeImagePipelines", p => ApiPaging.Read(p, PagingStyle.Domain), async (call, region, paging) =>
            (await call.Service<ImagePipelineService>().ListAsync(call.Actor, new ImagePipelineQuery
            {
                RegionId = region.Id,
                ImagePipelineIds = call.P.List("ImagePipelineId"),
                Name = call.P.Get("Name"),
                Tags = Tags(call.P, "Tag"),
                ResourceGroupId = call.P.Get("ResourceGroupId"),
                MaxResults = paging.MaxResults,
                NextToken = paging.NextToken,
            }, call.Ct)).Tokens(call, "ImagePipeline", "ImagePipelineSet", PipelineJson)),
        EcsAction.InRegion("DeleteImagePipeline", p => p.Required("ImagePipelineId"), async (call, region, pipelineId) =>
            call.Done(await call.Service<ImagePipelineService>().DeleteAsync(call.Actor, region.Id, pipelineId, call.Ct)), changing: true),
        EcsAction.InRegion("StartImagePipelineExecution", p => p.Required("ImagePipelineId"), async (call, region, pipelineId) =>
            (await call.Service<ImageBuildService>().StartAsync(call.Actor, region.Id, pipelineId, Tags(call.P, "Tag"), call.Ct))
                .Reply(id => new { call.RequestId, ExecutionId = id }), changing: true).WithClientToken(),
        EcsAction.InRegion("DescribeImagePipelineExecutions", p => ApiPaging.Read(p, PagingStyle.Domain), DescribeImagePipelineExecutionsAsync),
        EcsAction.InRegion("CancelImagePipelineExecution", p => p.Required("ExecutionId"), async (call, region, executionId) =>
            call.Done(await call.Service<ImageBuildService>().CancelAsync(call.Actor, region.Id, executionId, call.Ct)), changing: true),
    ];

    private static async Task<ApiReply> CreateImageComponentAsync(ApiCall call, Region region)
    {
        var p = call.P;
        return (await call.Service<ImageComponentService>().CreateAsync(call.Actor, new CreateImageComponentRequest
        {
            RegionId = region.Id,
            Name = p.Get("Name"),
            Description = p.Get("Description"),
            SystemType = p.Get("SystemType"),
            ComponentType = p.Get("ComponentType"),
            ComponentVersion = p.Get("ComponentVersion"),
            Content = p.Get("Content"),
            Tags = Tags(p, "Tag"),
            ResourceGroupId = p.Get("ResourceGroupId"),
        }, call.Ct)).Reply(id => new { call.RequestId, ImageComponentId = id });
    }

    private static async Task<ApiReply> DescribeImageComponentsAsync(ApiCall call, Region region, ApiPaging paging)
    {
        var p = call.P;
        return (await call.Service<ImageComponentService>().ListAsync(call.Actor, new ImageComponentQuery
        {
            RegionId = region.Id,
            ImageComponentIds = p.List("ImageComponentId"),
            Name = p.Get("Name"),
            ComponentVersion = p.Get("ComponentVersion"),
            ComponentType = p.Get("ComponentType"),
            SystemType = p.Get("SystemType"),
            Owner = p.Get("Owner"),
            Tags = Tags(p, "Tag"),
            ResourceGroupId = p.Get("ResourceGroupId"),
            MaxResults = paging.MaxResults,
            NextToken = paging.NextToken,
        }, call.Ct)).Tokens(call, "ImageComponent", "ImageComponentSet", c => new
        {
            ImageComponentId = c.Id,
            c.Name,
            ComponentVersion = c.Version,
            ComponentType = c.ComponentType.ToString(),
            SystemType = c.SystemType.ToString(),
            c.Owner,
            Description = c.Description ?? "",
            c.Content,
            ResourceGroupId = ResourceGroupRules.Effective(c.ResourceGroupId, c.AccountId) ?? "",
            CreationTime = ApiTime.Format(c.CreationTime),
            Parameters = new { Parameter = c.Parameters.Select(a => new { a.Name, a.Type, a.DefaultValue }).ToList() },
            Tags = TagsJson(c.Tags),
        });
    }

    /// <summary>ImageOptions.* win; the deprecated top-level ImageName, ImageFamily and NvmeSupport stand in when they are absent.</summary>
    internal static CreateImagePipelineRequest BindCreateImagePipeline(ApiParameters p)
    {
        var systemDiskSize = p.Int("SystemDiskSize");
        var bandwidth = p.Int("InternetMaxBandwidthOut");
        var deleteOnFailure = p.Bool("DeleteInstanceOnFailure");
        var retainCloudAssistant = p.Bool("AdvancedOptions.RetainCloudAssistant");

        // IMGP-13: ImageOptions.ImageFeatures is an object (IB-34 reads its NvmeSupport); one value sent for it is malformed.
        if (p.Get("ImageOptions.ImageFeatures") is not null)
        {
            p.Fail(ApiErrors.Invalid("InvalidParameter.NvmeSupport", 400, "ImageOptions.ImageFeatures is an object: send ImageOptions.ImageFeatures.NvmeSupport."));
        }
        // IB-38: ImportImageOptions describe an OSS base; with another base they are not read (and so named ignored).
        var baseImageType = p.Get("BaseImageType");
        var import = baseImageType == "OSS" ? BindImportOptions(p) : null;
        return new CreateImagePipelineRequest
        {
            RegionId = "",
            ImportOptions = import,
            Name = p.Get("Name"),
            Description = p.Get("Description"),
            BaseImageType = baseImageType,
            BaseImage = p.Get("BaseImage"),
            BuildContent = p.Get("BuildContent"),
            TestContent = p.Get("TestContent"),
            InstanceType = p.Get("InstanceType"),
            SystemDiskSize = systemDiskSize,
            InternetMaxBandwidthOut = bandwidth,
            VSwitchId = p.Get("VSwitchId"),
            DeleteInstanceOnFailure = deleteOnFailure,
            RepairMode = p.Get("RepairMode"),
            RepairItems = p.List("RepairItem"),
            ImageName = p.Get("ImageOptions.ImageName") ?? p.Get("ImageName"),
            ImageFamily = p.Get("ImageOptions.ImageFamily") ?? p.Get("ImageFamily"),
            ImageDescription = p.Get("ImageOptions.Description"),
            NvmeSupport = p.Get("ImageOptions.ImageFeatures.NvmeSupport") ?? p.Get("NvmeSupport"),
            ImageTags = Tags(p, "ImageOptions.ImageTags"),
            RetainCloudAssistant = retainCloudAssistant,
            ImageNameSuffix = p.Get("AdvancedOptions.ImageNameSuffix"),
            ToRegionIds = p.List("ToRegionId"),
            AddAccounts = p.List("AddAccount"),
            Tags = Tags(p, "Tag"),
            ResourceGroupId = p.Get("ResourceGroupId"),
        };
    }

    /// <summary>
    /// <c>ImportImageOptions.*</c> as written, or null when none was sent (<c>MissingParameter.ImportImageOptions</c>).
    /// <c>Features</c> is an object: one value sent for it is malformed (as IMGP-13 for ImageOptions.ImageFeatures).
    /// </summary>
    private static PipelineImportOptions? BindImportOptions(ApiParameters p)
    {
        const string prefix = "ImportImageOptions.";
        if (p.Get(prefix + "Features") is not null)
        {
            p.Fail(ApiErrors.Invalid("InvalidParameter.ImportImageOptionsFeaturesNvmeSupport", 400,
                "ImportImageOptions.Features is an object: send ImportImageOptions.Features.NvmeSupport and ImportImageOptions.Features.ImdsSupport."));
        }

        var disks = p.Objects(prefix + "DiskDeviceMappings").Select(d => new PipelineImportDisk(
            d.GetValueOrDefault("OSSBucket") ?? "",
            d.GetValueOrDefault("OSSObject") ?? "",
            NullIfEmpty(d.GetValueOrDefault("Format")),
            DiskImageSize(p, d.GetValueOrDefault("DiskImageSize")))).ToList();
        var retain = p.Bool(prefix + "RetainImportedImage");
        var options = new PipelineImportOptions
        {
            Architecture = NullIfEmpty(p.Get(prefix + "Architecture")),
            OsType = NullIfEmpty(p.Get(prefix + "OSType")),
            Platform = NullIfEmpty(p.Get(prefix + "Platform")),
            BootMode = NullIfEmpty(p.Get(prefix + "BootMode")),
            LicenseType = NullIfEmpty(p.Get(prefix + "LicenseType")),
            ImageName = NullIfEmpty(p.Get(prefix + "ImageName")),
            Description = NullIfEmpty(p.Get(prefix + "Description")),
            RoleName = NullIfEmpty(p.Get(prefix + "RoleName")),
            RetainImportedImage = retain ?? false,
            RetentionStrategy = NullIfEmpty(p.Get(prefix + "RetentionStrategy")),
            NvmeSupport = NullIfEmpty(p.Get(prefix + "Features.NvmeSupport")),
            ImdsSupport = NullIfEmpty(p.Get(prefix + "Features.ImdsSupport")),
            Disks = disks,
            Tags = Tags(p, prefix + "ImportImageTags"),
        };
        string?[] words = [options.Architecture, options.OsType, options.Platform, options.BootMode, options.LicenseType, options.ImageName,
            options.Description, options.RoleName, options.RetentionStrategy, options.NvmeSupport, options.ImdsSupport];
        return disks.Count > 0 || options.Tags.Count > 0 || retain is not null || words.Any(w => w is not null) ? options : null;
    }

    private static int? DiskImageSize(ApiParameters p, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var gib))
        {
            return gib;
        }

        p.Fail(ApiErrors.Invalid(PipelineImportRules.DiskImageSizeCode, 400, "ImportImageOptions.DiskDeviceMappings.DiskImageSize must be a number of GiB from 1 to 2048."));
        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task<ApiReply> DescribeImagePipelineExecutionsAsync(ApiCall call, Region region, ApiPaging paging)
    {
        var p = call.P;
        return (await call.Service<ImageBuildService>().ListAsync(call.Actor, new ImageBuildQuery
        {
            RegionId = region.Id,
            ImagePipelineId = p.Get("ImagePipelineId"),
            ExecutionId = p.Get("ExecutionId"),
            Status = p.Get("Status"),
            Tags = Tags(p, "Tag"),
            MaxResults = paging.MaxResults,
            NextToken = paging.NextToken,
        }, call.Ct)).Tokens(call, "ImagePipelineExecution", "ImagePipelineExecutionSet", e => new
        {
            ExecutionId = e.Id,
            ImagePipelineId = e.PipelineId,
            Status = e.Status.ToString(),
            ImageId = e.ImageId ?? "",
            e.Message,
            ErrorCode = e.ErrorCode ?? "",
            ErrorInfo = e.ErrorInfo ?? "",
            ResourceGroupId = ResourceGroupRules.Effective(null, e.AccountId) ?? "",
            CreationTime = ApiTime.Format(e.CreationTime),
            ModifiedTime = ApiTime.Format(e.ModifiedTime),
            Tags = TagsJson(e.Tags),
        });
    }

    /// <summary>A template as DescribeImagePipelines reports it (§5.5): the deprecated top-level fields mirror ImageOptions.</summary>
    private static object PipelineJson(ImagePipeline t) => new
    {
        ImagePipelineId = t.Id,
        t.Name,
        Description = t.Description ?? "",
        CreationTime = ApiTime.Format(t.CreationTime),
        BaseImageType = t.BaseImageType.ToString(),
        t.BaseImage,
        t.BuildContent,
        TestContent = t.TestContent ?? "",
        InstanceType = t.InstanceType ?? "",
        t.SystemDiskSize,
        t.InternetMaxBandwidthOut,
        VSwitchId = t.VSwitchId ?? "",
        t.DeleteInstanceOnFailure,
        RepairMode = t.RepairMode ?? "",
        RepairItems = new { RepairItem = t.RepairItems },
        ImageName = t.ImageName ?? "",
        ImageFamily = t.ImageFamily ?? "",
        NvmeSupport = t.NvmeSupport ?? "",
        ToRegionIds = new { ToRegionId = t.ToRegionIds },
        AddAccounts = new { AddAccount = t.AddAccounts },
        Tags = TagsJson(t.Tags),
        ResourceGroupId = ResourceGroupRules.Effective(t.ResourceGroupId, t.AccountId),
        AdvancedOptions = new
        {
            ImageNameSuffix = t.ImageNameSuffixDisabled ? "disable" : "",
            t.RetainCloudAssistant,
        },
        ImageOptions = new
        {
            ImageName = t.ImageName ?? "",
            ImageFamily = t.ImageFamily ?? "",
            Description = t.ImageDescription ?? "",
            ImageFeatures = new { NvmeSupport = t.NvmeSupport ?? "" },
            ImageTags = new { ImageTag = t.ImageTags.Select(g => new { TagKey = g.Key, TagValue = g.Value }).ToList() },
        },

        // IB-44: the options of an OSS base as written (empty for another base).
        ImportImageOptions = ImportOptionsJson(t.ImportOptions),
    };

    private static object ImportOptionsJson(PipelineImportOptions o) => new
    {
        Architecture = o.Architecture ?? "",
        BootMode = o.BootMode ?? "",
        Description = o.Description ?? "",
        ImageName = o.ImageName ?? "",
        LicenseType = o.LicenseType ?? "",
        OSType = o.OsType ?? "",
        Platform = o.Platform ?? "",
        o.RetainImportedImage,
        RetentionStrategy = o.RetentionStrategy ?? "",
        RoleName = o.RoleName ?? "",
        DiskDeviceMappings = new
        {
            DiskDeviceMapping = o.Disks.Select(d => new { OSSBucket = d.OssBucket, OSSObject = d.OssObject, Format = d.Format ?? "", DiskImageSize = d.DiskImageSize ?? 0 }).ToList(),
        },
        Features = new { ImdsSupport = o.ImdsSupport ?? "", NvmeSupport = o.NvmeSupport ?? "" },
        ImportImageTags = new { ImportImageTag = o.Tags.Select(g => new { g.Key, g.Value }).ToList() },
    };

    private static object TagsJson(IEnumerable<BuilderTag> tags) => new { Tag = tags.Select(g => new { TagKey = g.Key, TagValue = g.Value }).ToList() };

    private static List<BuilderTag> Tags(ApiParameters p, string name) => [.. p.Tags(name).Select(t => new BuilderTag(t.Key, t.Value))];
}
