using EcsConsole.Domain.Accounts;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>Where a component's commands may be used (IB-12).</summary>
public enum ComponentType
{
    Build,
    Test,
}

/// <summary>The OS a component or a build targets.</summary>
public enum BuildSystemType
{
    Linux,
    Windows,
}

/// <summary>What a template's base image names (IB-30).</summary>
public enum BaseImageType
{
    IMAGE,
    IMAGE_FAMILY,
    OSS,
}

/// <summary>The phases and ends of a build (image-builder.md §1.2; all 12 states).</summary>
public enum BuildStatus
{
    PREPARING,
    REPAIRING,
    BUILDING,
    TESTING,
    DISTRIBUTING,
    RELEASING,
    SUCCESS,
    PARTITION_SUCCESS,
    FAILED,
    TEST_FAILED,
    CANCELLING,
    CANCELLED,
}

/// <summary>Final states and the cancel window of §2.5.</summary>
public static class BuildStatuses
{
    /// <summary>The states a build ends in; a list, so queries can use it too.</summary>
    public static IReadOnlyList<BuildStatus> Final { get; } =
        [BuildStatus.SUCCESS, BuildStatus.PARTITION_SUCCESS, BuildStatus.FAILED, BuildStatus.TEST_FAILED, BuildStatus.CANCELLED];

    public static bool IsFinal(BuildStatus status) => Final.Contains(status);

    /// <summary>IB-57: only the early phases can be cancelled (the current page, 2024-12).</summary>
    public static bool IsCancellable(BuildStatus status) =>
        status is BuildStatus.PREPARING or BuildStatus.REPAIRING or BuildStatus.BUILDING;
}

/// <summary>A key/value tag of an Image Builder resource or of the image a template makes.</summary>
public sealed record BuilderTag(string Key, string Value);

/// <summary>A parameter a YAML component declares (IB-17/18).</summary>
public sealed record ComponentParameter(string Name, string Type, string? DefaultValue);

/// <summary>
/// An image component (<c>ic-…</c>): build or test commands, one immutable version of a named component (IB-10).
/// System components (<c>Owner=ALIYUN</c>) are not rows: <see cref="SystemComponents"/> holds them.
/// </summary>
public sealed class ImageComponent
{
    public required string Id { get; init; }

    public required string RegionId { get; init; }

    /// <summary>The owning account; null for a system component.</summary>
    public string? AccountId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>major.minor.patch</c>.</summary>
    public required string Version { get; init; }

    public int Major { get; init; }

    public int Minor { get; init; }

    public int Patch { get; init; }

    public ComponentType ComponentType { get; init; }

    public BuildSystemType SystemType { get; init; }

    public required string Content { get; init; }

    public string? Description { get; init; }

    public List<ComponentParameter> Parameters { get; init; } = [];

    public List<BuilderTag> Tags { get; init; } = [];

    public DateTimeOffset CreationTime { get; init; }

    /// <summary><c>SELF</c> or <c>ALIYUN</c>.</summary>
    public string Owner => AccountId is null ? "ALIYUN" : "SELF";

    /// <summary>The resource group it is in (<see cref="ResourceGroups.ResourceGroupRules"/>); null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }
}

/// <summary>An image template (API: pipeline, <c>ip-…</c>): the immutable recipe of a build (IB-39).</summary>
public sealed class ImagePipeline : AccountResource
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public BaseImageType BaseImageType { get; init; }

    /// <summary>An image ID (IMAGE) or a family name (IMAGE_FAMILY); as given for OSS, where it is not used (IB-30).</summary>
    public string? BaseImage { get; init; }

    /// <summary>What the template builds from, for people: the image or family, or an OSS base's system-disk file (<c>oss://bucket/object</c>).</summary>
    public string SourceText => BaseImageType == BaseImageType.OSS && ImportOptions.Disks.Count > 0
        ? $"oss://{ImportOptions.Disks[0].OssBucket}/{ImportOptions.Disks[0].OssObject}"
        : BaseImage ?? "";

    /// <summary>How an OSS base is imported (<c>ImportImageOptions</c>, IB-38); empty unless <see cref="BaseImageType"/> is OSS.</summary>
    public PipelineImportOptions ImportOptions { get; init; } = new();

    public string? BuildContent { get; init; }

    public string? TestContent { get; init; }

    /// <summary>Null: the smallest type the base image runs on, chosen when a build starts (IB-35).</summary>
    public string? InstanceType { get; init; }

    public int SystemDiskSize { get; init; } = 40;

    public int InternetMaxBandwidthOut { get; init; }

    public string? VSwitchId { get; init; }

    public bool DeleteInstanceOnFailure { get; init; } = true;

    /// <summary><c>Standard</c>, <c>All</c>, <c>Customized</c>, or null (no REPAIRING phase).</summary>
    public string? RepairMode { get; init; }

    public List<string> RepairItems { get; init; } = [];

    /// <summary>The output image's name prefix (<c>ImageOptions.ImageName</c>).</summary>
    public string? ImageName { get; init; }

    public string? ImageFamily { get; init; }

    public string? ImageDescription { get; init; }

    /// <summary><c>supported</c>, <c>unsupported</c>, <c>auto</c> or null.</summary>
    public string? NvmeSupport { get; init; }

    public List<BuilderTag> ImageTags { get; init; } = [];

    public bool RetainCloudAssistant { get; init; }

    /// <summary><c>AdvancedOptions.ImageNameSuffix=disable</c>: the image is named by the prefix alone (IB-32).</summary>
    public bool ImageNameSuffixDisabled { get; init; }

    public List<string> ToRegionIds { get; init; } = [];

    public List<string> AddAccounts { get; init; } = [];

    public List<BuilderTag> Tags { get; init; } = [];

    /// <summary>The <c>COMPONENT</c> references of the build and test content, as written (for the in-use check, IB-16).</summary>
    public List<string> ComponentReferences { get; init; } = [];

    /// <summary>The resource group it is in (<see cref="ResourceGroups.ResourceGroupRules"/>); null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }
}

/// <summary>One line of a build's log: what a phase did.</summary>
public sealed record BuildLogLine(DateTimeOffset Time, string Phase, string Text);

/// <summary>A region the build copies its image to, and how that went (IB-70/72).</summary>
public sealed record BuildCopy(string RegionId, string? ImageId, string? ErrorCode, bool Shared = false);

/// <summary>
/// A build task (API: execution, <c>exec-…</c>): one run of a template through the phases of §2.5, on the task engine
/// (<see cref="ImageBuildHandler"/>). The row is the state machine's truth; its <see cref="TaskId"/> only schedules it.
/// </summary>
public sealed class ImagePipelineExecution : AccountResource
{
    public required string PipelineId { get; init; }

    public BuildStatus Status { get; set; } = BuildStatus.PREPARING;

    /// <summary>The built image in the template's region, once BUILDING has created it.</summary>
    public string? ImageId { get; set; }

    public string Message { get; set; } = "";

    public string? ErrorCode { get; set; }

    public string? ErrorInfo { get; set; }

    public DateTimeOffset ModifiedTime { get; set; }

    public List<BuilderTag> Tags { get; init; } = [];

    /// <summary>The task row that schedules the steps.</summary>
    public string TaskId { get; set; } = "";

    /// <summary>Who started it: the build acts as this user (quotas, permissions, audit).</summary>
    public required string StartedByUserId { get; init; }

    public required string StartedByEmail { get; init; }

    public AccountRole StartedByRole { get; init; }

    public ActorSource StartedBySource { get; init; }

    /// <summary>
    /// The base image resolved at start (a family resolves to its newest Available image, IB-30); for an OSS base empty
    /// until PREPARING has imported it (IB-38).
    /// </summary>
    public required string BaseImageId { get; set; }

    /// <summary>The intermediate instance's type resolved at start (IB-35); for an OSS base without one, once the import is Available.</summary>
    public required string InstanceTypeId { get; set; }

    /// <summary>The image an OSS base was imported as (IB-38): kept or deleted at the end by the template's retention strategy.</summary>
    public string? ImportedImageId { get; set; }

    /// <summary>The build commands with components expanded, resolved at start (IB-21, IB-52).</summary>
    public List<BuildStep> BuildSteps { get; init; } = [];

    public List<BuildStep> TestSteps { get; init; } = [];

    /// <summary>The name the image gets (IB-32).</summary>
    public required string ImageName { get; init; }

    public string? TransitInstanceId { get; set; }

    public string? TestInstanceId { get; set; }

    /// <summary>Build or test steps run so far in the current phase.</summary>
    public int StepsDone { get; set; }

    /// <summary>Ticks spent in the current phase's simulated work (repair, Cloud Assistant).</summary>
    public int PhaseTicks { get; set; }

    public List<BuildCopy> Copies { get; set; } = [];

    /// <summary>Whether the source-region image was shared with every account of the template.</summary>
    public bool SourceShared { get; set; }

    /// <summary>The state a build ends in after RELEASING (or CANCELLING).</summary>
    public BuildStatus? Outcome { get; set; }

    public List<BuildLogLine> Log { get; set; } = [];

    public Actor Actor => new(StartedByUserId, StartedByEmail, AccountId, StartedByRole, false, StartedBySource);

    public void Enter(BuildStatus status, string message, DateTimeOffset now)
    {
        Status = status;
        StepsDone = 0;
        PhaseTicks = 0;
        Write(message, now);
    }

    /// <summary>The latest progress line; a line repeating the previous one (a phase waiting) is not logged twice.</summary>
    public void Write(string message, DateTimeOffset now)
    {
        if (Message == message)
        {
            return;
        }

        Message = message;
        ModifiedTime = now;
        Log = [.. Log, new BuildLogLine(now, Status.ToString(), message)];
    }
}

/// <summary>
/// <c>ImportImageOptions</c> of a template with an OSS base (IB-38), stored as written (null: not given); the import applies
/// ImportImage's defaults (IMP-*) to what is missing.
/// </summary>
public sealed record PipelineImportOptions
{
    public string? Architecture { get; init; }

    public string? OsType { get; init; }

    public string? Platform { get; init; }

    public string? BootMode { get; init; }

    public string? LicenseType { get; init; }

    public string? ImageName { get; init; }

    public string? Description { get; init; }

    public string? RoleName { get; init; }

    /// <summary>Deprecated: <c>true</c> reads as <c>RetainAlways</c> when no <see cref="RetentionStrategy"/> is given.</summary>
    public bool RetainImportedImage { get; init; }

    public string? RetentionStrategy { get; init; }

    public string? NvmeSupport { get; init; }

    public string? ImdsSupport { get; init; }

    public List<PipelineImportDisk> Disks { get; init; } = [];

    public List<BuilderTag> Tags { get; init; } = [];

    /// <summary>Whether an import is described at all (a template with another base has none).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Disks.Count == 0;

    /// <summary>The strategy in force: the given one, else <c>RetainAlways</c> for the deprecated flag, else <c>RetainNever</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EffectiveRetention => RetentionStrategy ?? (RetainImportedImage ? "RetainAlways" : "RetainNever");

    /// <summary>Whether the imported image stays after a build that ended <paramref name="succeeded"/> (IB-38).</summary>
    public bool Keeps(bool succeeded) => EffectiveRetention switch
    {
        "RetainAlways" => true,
        "RetainOnlySuccessful" => succeeded,
        "RetainOnlyFailed" => !succeeded,
        _ => false,
    };
}

/// <summary>One file of an OSS base (<c>ImportImageOptions.DiskDeviceMappings.N</c>; the first is the system disk).</summary>
public sealed record PipelineImportDisk(string OssBucket, string OssObject, string? Format, int? DiskImageSize);

/// <summary>One command a build runs: its source (a content line or a component), keyword and text.</summary>
public sealed record BuildStep(string Source, string Keyword, string Text, int? ExitCode);

internal sealed class ImageBuilderConfiguration :
    IEntityTypeConfiguration<ImageComponent>, IEntityTypeConfiguration<ImagePipeline>, IEntityTypeConfiguration<ImagePipelineExecution>
{
    public void Configure(EntityTypeBuilder<ImageComponent> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(c => c.Name).HasMaxLength(ColumnLength.Name);
        builder.Property(c => c.Version).HasMaxLength(40);
        builder.Property(c => c.ComponentType).HasMaxLength(8);
        builder.Property(c => c.SystemType).HasMaxLength(8);
        builder.Property(c => c.Parameters).HasJsonConversion();
        builder.Property(c => c.Tags).HasJsonConversion();
        builder.Ignore(c => c.Owner);
        builder.HasIndex(c => new { c.AccountId, c.RegionId, c.Name, c.Major, c.Minor, c.Patch }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ImagePipeline> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasNoMaxLength(p => p.AccountId, p => p.RegionId, p => p.Description);
        builder.Property(p => p.RepairItems).HasJsonConversion();
        builder.Property(p => p.ImageTags).HasJsonConversion();
        builder.Property(p => p.ToRegionIds).HasJsonConversion();
        builder.Property(p => p.AddAccounts).HasJsonConversion();
        builder.Property(p => p.Tags).HasJsonConversion();
        builder.Property(p => p.ComponentReferences).HasJsonConversion();
        builder.Property(p => p.ImportOptions).HasJsonConversion();
        builder.HasIndex(p => new { p.AccountId, p.RegionId, p.CreationTime });
    }

    public void Configure(EntityTypeBuilder<ImagePipelineExecution> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasNoMaxLength(e => e.AccountId, e => e.RegionId);
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.Outcome).HasMaxLength(20);
        builder.Property(e => e.Tags).HasJsonConversion();
        builder.Property(e => e.BuildSteps).HasJsonConversion();
        builder.Property(e => e.TestSteps).HasJsonConversion();
        builder.Property(e => e.Copies).HasJsonConversion();
        builder.Property(e => e.Log).HasJsonConversion();
        builder.Ignore(e => e.Actor);
        builder.HasIndex(e => new { e.AccountId, e.RegionId, e.PipelineId, e.CreationTime });
    }
}
