using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Tasks;

/// <summary>Kinds of long-running work. Each kind gets one handler registered with the task runner.</summary>
public enum AsyncTaskType
{
    CreateImage,
    CreateSnapshot,
    CopyImage,
    ExportImage,
    ImportImage,
    StartInstance,
    StopInstance,

    /// <summary>Copies a Simple Application Server custom image to another region (SAS-09).</summary>
    SasCopyImage,

    /// <summary>An Image Builder build through its phases (image-builder.md §2.5).</summary>
    ImageBuild,

    /// <summary>The OOS <c>ACS-ECS-UpdateImage</c> run (image-builder.md §3).</summary>
    ImageUpdate,

    /// <summary>Fills a snapshot copied to another region by CopySnapshot (its task lives in the destination region).</summary>
    CopySnapshot,

    /// <summary>RebootInstance without <c>ForceStop</c>: Stopping, then Starting, then Running (IPAR-30).</summary>
    RebootInstance,

    /// <summary>DeleteInstance with <c>Force</c> and <c>ForceStop=false</c>: the instance stops normally, then is released (IPAR-31).</summary>
    ReleaseInstance,
}

/// <summary>Task status as the console shows it.</summary>
public enum AsyncTaskStatus
{
    Processing,
    Finished,
    Failed,
    Cancelled,
}

/// <summary>
/// A persisted unit of asynchronous work (architecture.md, mechanism 8): the runner picks due rows, leases them,
/// advances them one stage at a time and commits the row with the resources it touched, so a crash loses nothing.
/// </summary>
public sealed class AsyncTask
{
    public required string Id { get; init; }

    public required string RegionId { get; init; }

    public required string AccountId { get; init; }

    public required AsyncTaskType Type { get; init; }

    /// <summary>The resource the task makes or changes (an image, snapshot or instance ID).</summary>
    public required string ResourceId { get; init; }

    public AsyncTaskStatus Status { get; set; } = AsyncTaskStatus.Processing;

    public int Progress { get; set; }

    /// <summary>The stage the handler is in, e.g. <c>Snapshotting</c>, <c>Transferring</c>.</summary>
    public string Stage { get; set; } = "Queued";

    public bool Cancellable { get; init; }

    /// <summary>Handler-specific input, as JSON.</summary>
    public string? Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When the next stage is due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Which runner holds the row, and until when; lets several nodes share the queue.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }
}

internal sealed class AsyncTaskConfiguration : IEntityTypeConfiguration<AsyncTask>
{
    public void Configure(EntityTypeBuilder<AsyncTask> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(t => t.Type).HasMaxLength(32);
        builder.Property(t => t.Stage).HasMaxLength(64);
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => new { t.AccountId, t.RegionId });
    }
}
