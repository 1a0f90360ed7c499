using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.ImageBuilder;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.ImageUpdates;

/// <summary>OOS execution states (OOS-20).</summary>
public enum OosStatus
{
    Started,
    Queued,
    Running,
    Waiting,
    Success,
    Failed,
    Cancelled,
}

/// <summary>The state of one task of the template: not reached, running, done, failed, skipped.</summary>
public enum OosStepStatus
{
    Pending,
    Running,
    Success,
    Failed,
    Skipped,
}

/// <summary>One of the seven tasks of <c>ACS-ECS-UpdateImage</c>, with its result.</summary>
public sealed record OosStep(string Name, OosStepStatus Status, string? Result, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

/// <summary>
/// A run of the OOS public template <c>ACS-ECS-UpdateImage</c> (image-builder.md §3): a new custom image made by
/// running a command on a temporary instance launched from an existing image. It never changes the source image and
/// sets no image family (OOS-22, OOS-30).
/// </summary>
public sealed class ImageUpdateRun : AccountResource
{
    /// <summary>The seven tasks in order (OOS-10…17).</summary>
    public static IReadOnlyList<string> StepNames { get; } =
        ["checkNewImageName", "runInstances", "installCloudAssistant", "runCommand", "stopInstance", "createImage", "deleteInstance"];

    public required string SourceImageId { get; init; }

    public required string InstanceTypeId { get; init; }

    public required string TargetImageName { get; init; }

    /// <summary><c>RunShellScript</c>, <c>RunBatScript</c> or <c>RunPowerShellScript</c>.</summary>
    public required string CommandType { get; init; }

    public required string CommandContent { get; init; }

    public int TimeoutSeconds { get; init; } = 600;

    public List<BuilderTag> Tags { get; init; } = [];

    public OosStatus Status { get; set; } = OosStatus.Started;

    public List<OosStep> Steps { get; set; } = [.. StepNames.Select(n => new OosStep(n, OosStepStatus.Pending, null, null, null))];

    /// <summary>The temporary instance while it exists.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The output <c>imageId</c>.</summary>
    public string? ImageId { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorInfo { get; set; }

    public bool CancelRequested { get; set; }

    public int Ticks { get; set; }

    public DateTimeOffset ModifiedTime { get; set; }

    public string TaskId { get; set; } = "";

    public required string StartedByUserId { get; init; }

    public required string StartedByEmail { get; init; }

    public AccountRole StartedByRole { get; init; }

    public ActorSource StartedBySource { get; init; }

    public Actor Actor => new(StartedByUserId, StartedByEmail, AccountId, StartedByRole, false, StartedBySource);

    public static bool IsFinal(OosStatus status) => status is OosStatus.Success or OosStatus.Failed or OosStatus.Cancelled;

    /// <summary>The task running now (or the last one reached).</summary>
    public OosStep CurrentStep => Steps.LastOrDefault(s => s.Status != OosStepStatus.Pending) ?? Steps[0];

    public int IndexOf(string name) => Steps.FindIndex(s => s.Name == name);

    public void Mark(string name, OosStepStatus status, string? result, DateTimeOffset now)
    {
        var i = IndexOf(name);
        var step = Steps[i];
        var updated = step with
        {
            Status = status,
            Result = result ?? step.Result,
            StartedAt = step.StartedAt ?? now,
            EndedAt = status is OosStepStatus.Running or OosStepStatus.Pending ? null : now,
        };
        Steps = [.. Steps.Take(i), updated, .. Steps.Skip(i + 1)];
        ModifiedTime = now;
    }
}

internal sealed class ImageUpdateRunConfiguration : IEntityTypeConfiguration<ImageUpdateRun>
{
    public void Configure(EntityTypeBuilder<ImageUpdateRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasNoMaxLength(r => r.AccountId, r => r.RegionId);
        builder.Property(r => r.Steps).HasJsonConversion();
        builder.Property(r => r.Tags).HasJsonConversion();
        builder.Ignore(r => r.Actor);
        builder.Ignore(r => r.CurrentStep);
        builder.HasIndex(r => new { r.AccountId, r.RegionId, r.CreationTime });
    }
}
