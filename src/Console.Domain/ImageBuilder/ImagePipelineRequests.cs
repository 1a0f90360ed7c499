namespace EcsConsole.Domain.ImageBuilder;

/// <summary>CreateImagePipeline (image-builder.md §5.4). Enumerations and numbers as given, so that bad ones get their codes.</summary>
public sealed record CreateImagePipelineRequest : NewBuilderResourceRequest
{
    /// <summary><c>IMAGE</c>, <c>IMAGE_FAMILY</c> or <c>OSS</c> (required).</summary>
    public string? BaseImageType { get; init; }

    public string? BaseImage { get; init; }

    public string? BuildContent { get; init; }

    public string? TestContent { get; init; }

    public string? InstanceType { get; init; }

    public int? SystemDiskSize { get; init; }

    public int? InternetMaxBandwidthOut { get; init; }

    public string? VSwitchId { get; init; }

    public bool? DeleteInstanceOnFailure { get; init; }

    public string? RepairMode { get; init; }

    public IReadOnlyList<string> RepairItems { get; init; } = [];

    /// <summary>The output image's name prefix (<c>ImageOptions.ImageName</c>, or the deprecated top-level <c>ImageName</c>).</summary>
    public string? ImageName { get; init; }

    public string? ImageFamily { get; init; }

    public string? ImageDescription { get; init; }

    public string? NvmeSupport { get; init; }

    public IReadOnlyList<BuilderTag> ImageTags { get; init; } = [];

    public bool? RetainCloudAssistant { get; init; }

    /// <summary><c>AdvancedOptions.ImageNameSuffix</c>: only <c>disable</c>.</summary>
    public string? ImageNameSuffix { get; init; }

    public IReadOnlyList<string> ToRegionIds { get; init; } = [];

    public IReadOnlyList<string> AddAccounts { get; init; } = [];

    /// <summary><c>ImportImageOptions</c> (read for an OSS base only, IB-38); null when none was given.</summary>
    public PipelineImportOptions? ImportOptions { get; init; }
}

/// <summary>DescribeImagePipelines filters (IB-44).</summary>
public sealed record ImagePipelineQuery : BuilderListQuery
{
    public IReadOnlyList<string> ImagePipelineIds { get; init; } = [];

    public string? Name { get; init; }
}

/// <summary>A template with its newest build, for the console's list.</summary>
public sealed record PipelineSummary(ImagePipeline Pipeline, ImagePipelineExecution? LatestExecution)
{
    public bool HasRunningExecution => LatestExecution is { } e && !BuildStatuses.IsFinal(e.Status);
}
