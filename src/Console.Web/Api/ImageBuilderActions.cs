using EcsConsole.Domain.ImageBuilder;

namespace EcsConsole.Web.Api;

/// <summary>
/// Image Builder (image-builder.md §5): components, templates (API: pipelines) and builds (API: executions), each mapped
/// onto the domain's <see cref="ImageComponentService"/>, <see cref="ImagePipelineService"/> and <see cref="ImageBuildService"/>.
/// Lists page with <c>MaxResults</c>/<c>NextToken</c> in the domain; the list wrappers have one level
/// (<c>ImagePipeline.ImagePipelineSet[]</c>). <c>ClientToken</c> and <c>ResourceGroupId</c> are accepted and ignored
/// (the console has no idempotency store and no resource groups), as is the deprecated <c>TemplateTag.N</c>.
/// </summary>
internal static class ImageBuilderActions
{
    public static void Register(IDictionary<string, ApiAction> actions)
    {
        actions["CreateImageComponent"] = CreateImageComponentAsync;
        actions["DescribeImageComponents"] = DescribeImageComponentsAsync;
        actions["DeleteImageComponent"] = DeleteImageComponentAsync;
        actions["CreateImagePipeline"] = CreateImagePipelineAsync;
        actions["DescribeImagePipelines"] = DescribeImagePipelinesAsync;
        actions["DeleteImagePipeline"] = DeleteImagePipelineAsync;
        actions["StartImagePipelineExecution"] = StartImagePipelineExecutionAsync;
        actions["DescribeImagePipelineExecutions"] = DescribeImagePipelineExecutionsAsync;
        actions["CancelImagePipelineExecution"] = CancelImagePipelineExecutionAsync;
    }

    private static async Task<ApiReply> CreateImageComponentAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var created = await call.Service<ImageComponentService>().CreateAsync(call.Actor, new CreateImageComponentRequest
        {
            RegionId = region!.Id,
            Name = p.Get("Name"),
            Description = p.Get("Description"),
            SystemType = p.Get("SystemType"),
            ComponentType = p.Get("ComponentType"),
            ComponentVersion = p.Get("ComponentVersion"),
            Content = p.Get("Content"),
            Tags = Tags(p, "Tag"),
        }, call.Ct);
        return created.IsSuccess ? ApiReply.Ok(new { call.RequestId, ImageComponentId = created.Value }) : created.Error;
    }

    private static async Task<ApiReply> DescribeImageComponentsAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var maxResults = p.Int("MaxResults");
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var page = await call.Service<ImageComponentService>().ListAsync(call.Actor, new ImageComponentQuery
        {
            RegionId = region!.Id,
            ImageComponentIds = p.List("ImageComponentId"),
            Name = p.Get("Name"),
            ComponentVersion = p.Get("ComponentVersion"),
            ComponentType = p.Get("ComponentType"),
            SystemType = p.Get("SystemType"),
            Owner = p.Get("Owner"),
            Tags = Tags(p, "Tag"),
            MaxResults = maxResults,
            NextToken = p.Get("NextToken"),
        }, call.Ct);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            page.Value.TotalCount,
            page.Value.MaxResults,
            page.Value.NextToken,
            ImageComponent = new
            {
                ImageComponentSet = page.Value.Items.Select(c => new
                {
                    ImageComponentId = c.Id,
                    c.Name,
                    ComponentVersion = c.Version,
                    ComponentType = c.ComponentType.ToString(),
                    SystemType = c.SystemType.ToString(),
                    c.Owner,
                    c.Description,
                    c.Content,
                    CreationTime = ApiTime.Format(c.CreationTime),
                    Parameters = new { Parameter = c.Parameters.Select(a => new { a.Name, a.Type, a.DefaultValue }).ToList() },
                    Tags = TagsJson(c.Tags),
                }).ToList(),
            },
        });
    }

    private static async Task<ApiReply> DeleteImageComponentAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var componentId = call.P.Required("ImageComponentId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var deleted = await call.Service<ImageComponentService>().DeleteAsync(call.Actor, region!.Id, componentId, call.Ct);
        return deleted.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : deleted.Error;
    }

    private static async Task<ApiReply> CreateImagePipelineAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var systemDiskSize = p.Int("SystemDiskSize");
        var bandwidth = p.Int("InternetMaxBandwidthOut");
        var deleteOnFailure = p.Bool("DeleteInstanceOnFailure");
        var retainCloudAssistant = p.Bool("AdvancedOptions.RetainCloudAssistant");
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        // ImageOptions.* win; the deprecated top-level ImageName, ImageFamily and NvmeSupport stand in when they are absent.
        var created = await call.Service<ImagePipelineService>().CreateAsync(call.Actor, new CreateImagePipelineRequest
        {
            RegionId = region!.Id,
            Name = p.Get("Name"),
            Description = p.Get("Description"),
            BaseImageType = p.Get("BaseImageType"),
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
        }, call.Ct);
        return created.IsSuccess ? ApiReply.Ok(new { call.RequestId, ImagePipelineId = created.Value }) : created.Error;
    }

    private static async Task<ApiReply> DescribeImagePipelinesAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var maxResults = p.Int("MaxResults");
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var page = await call.Service<ImagePipelineService>().ListAsync(call.Actor, new ImagePipelineQuery
        {
            RegionId = region!.Id,
            ImagePipelineIds = p.List("ImagePipelineId"),
            Name = p.Get("Name"),
            Tags = Tags(p, "Tag"),
            MaxResults = maxResults,
            NextToken = p.Get("NextToken"),
        }, call.Ct);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            page.Value.TotalCount,
            page.Value.MaxResults,
            page.Value.NextToken,
            ImagePipeline = new { ImagePipelineSet = page.Value.Items.Select(PipelineJson).ToList() },
        });
    }

    private static async Task<ApiReply> DeleteImagePipelineAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var pipelineId = call.P.Required("ImagePipelineId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var deleted = await call.Service<ImagePipelineService>().DeleteAsync(call.Actor, region!.Id, pipelineId, call.Ct);
        return deleted.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : deleted.Error;
    }

    private static async Task<ApiReply> StartImagePipelineExecutionAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var pipelineId = call.P.Required("ImagePipelineId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var started = await call.Service<ImageBuildService>().StartAsync(call.Actor, region!.Id, pipelineId, Tags(call.P, "Tag"), call.Ct);
        return started.IsSuccess ? ApiReply.Ok(new { call.RequestId, ExecutionId = started.Value }) : started.Error;
    }

    private static async Task<ApiReply> DescribeImagePipelineExecutionsAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var maxResults = p.Int("MaxResults");
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var page = await call.Service<ImageBuildService>().ListAsync(call.Actor, new ImageBuildQuery
        {
            RegionId = region!.Id,
            ImagePipelineId = p.Get("ImagePipelineId"),
            ExecutionId = p.Get("ExecutionId"),
            Status = p.Get("Status"),
            Tags = Tags(p, "Tag"),
            MaxResults = maxResults,
            NextToken = p.Get("NextToken"),
        }, call.Ct);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            page.Value.TotalCount,
            page.Value.MaxResults,
            page.Value.NextToken,
            ImagePipelineExecution = new
            {
                ImagePipelineExecutionSet = page.Value.Items.Select(e => new
                {
                    ExecutionId = e.Id,
                    ImagePipelineId = e.PipelineId,
                    Status = e.Status.ToString(),
                    e.ImageId,
                    e.Message,
                    e.ErrorCode,
                    e.ErrorInfo,
                    CreationTime = ApiTime.Format(e.CreationTime),
                    ModifiedTime = ApiTime.Format(e.ModifiedTime),
                    Tags = TagsJson(e.Tags),
                }).ToList(),
            },
        });
    }

    private static async Task<ApiReply> CancelImagePipelineExecutionAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var executionId = call.P.Required("ExecutionId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var cancelled = await call.Service<ImageBuildService>().CancelAsync(call.Actor, region!.Id, executionId, call.Ct);
        return cancelled.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : cancelled.Error;
    }

    /// <summary>A template as DescribeImagePipelines reports it (§5.5): the deprecated top-level fields mirror ImageOptions.</summary>
    private static object PipelineJson(ImagePipeline t) => new
    {
        ImagePipelineId = t.Id,
        t.Name,
        t.Description,
        CreationTime = ApiTime.Format(t.CreationTime),
        BaseImageType = t.BaseImageType.ToString(),
        t.BaseImage,
        t.BuildContent,
        t.TestContent,
        t.InstanceType,
        t.SystemDiskSize,
        t.InternetMaxBandwidthOut,
        t.VSwitchId,
        t.DeleteInstanceOnFailure,
        t.RepairMode,
        RepairItems = new { RepairItem = t.RepairItems },
        t.ImageName,
        t.ImageFamily,
        t.NvmeSupport,
        ToRegionIds = new { ToRegionId = t.ToRegionIds },
        AddAccounts = new { AddAccount = t.AddAccounts },
        Tags = TagsJson(t.Tags),
        AdvancedOptions = new
        {
            ImageNameSuffix = t.ImageNameSuffixDisabled ? "disable" : null,
            t.RetainCloudAssistant,
        },
        ImageOptions = new
        {
            t.ImageName,
            t.ImageFamily,
            Description = t.ImageDescription,
            ImageFeatures = t.NvmeSupport is null ? null : new { t.NvmeSupport },
            ImageTags = new { ImageTag = t.ImageTags.Select(g => new { TagKey = g.Key, TagValue = g.Value }).ToList() },
        },
    };

    private static object TagsJson(IEnumerable<BuilderTag> tags) => new { Tag = tags.Select(g => new { TagKey = g.Key, TagValue = g.Value }).ToList() };

    private static List<BuilderTag> Tags(ApiParameters p, string name) => [.. p.Tags(name).Select(t => new BuilderTag(t.Key, t.Value))];
}
