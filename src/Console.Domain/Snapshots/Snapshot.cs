using EcsConsole.Domain.Tags;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Snapshots;

/// <summary>Snapshot status as ECS spells it.</summary>
public enum SnapshotStatus
{
    Progressing,
    Accomplished,
    Failed,
}

/// <summary>The lower-case words ECS uses for snapshot status on the wire and in the console.</summary>
public static class SnapshotWords
{
    /// <summary><c>progressing</c>, <c>accomplished</c> or <c>failed</c>.</summary>
    public static string ToEcs(this SnapshotStatus status) => status switch
    {
        SnapshotStatus.Progressing => "progressing",
        SnapshotStatus.Accomplished => "accomplished",
        SnapshotStatus.Failed => "failed",
    };
}

/// <summary>A point-in-time copy of a disk (domain-rules §10). Custom images are made of snapshots.</summary>
public sealed class Snapshot : AccountResource
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The disk it was taken of (the disk may since have been released).</summary>
    public required string SourceDiskId { get; init; }

    /// <summary><c>system</c> or <c>data</c>: the source disk's role when the snapshot was taken.</summary>
    public required string SourceDiskType { get; init; }

    public required int SourceDiskSizeGiB { get; init; }

    public string? SourceInstanceId { get; init; }

    public SnapshotStatus Status { get; private set; } = SnapshotStatus.Accomplished;

    public int Progress { get; private set; } = 100;

    /// <summary><c>user</c> or <c>auto</c>.</summary>
    public string SnapshotType { get; init; } = "user";

    public bool Encrypted { get; init; }

    /// <summary>Architecture and platform of the OS on the source system disk, carried to images made from it.</summary>
    public string? SourceArchitecture { get; init; }

    public string? SourcePlatform { get; init; }

    public void ReportProgress(int percent)
    {
        Status = SnapshotStatus.Progressing;
        Progress = Math.Clamp(percent, 0, 99);
    }

    public void MarkAccomplished()
    {
        Status = SnapshotStatus.Accomplished;
        Progress = 100;
    }

    public void MarkFailed() => Status = SnapshotStatus.Failed;

    /// <summary>The resource group it is in (<see cref="ResourceGroups.ResourceGroupRules"/>); null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }

    /// <summary>The automatic snapshot policy that took it (an <c>auto</c> snapshot); null for a manual one.</summary>
    public string? AutoSnapshotPolicyId { get; init; }

    /// <summary>When an automatic snapshot is released (its policy's retention days after it was taken); null: kept until deleted.</summary>
    public DateTimeOffset? RetainUntil { get; set; }
    /// <summary>SNP-03: the days a manual snapshot is kept (1–65536); null keeps it until it is deleted.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>The snapshot this one was copied from by CopySnapshot, and its region; null for a snapshot taken of a disk.</summary>
    public string? SourceSnapshotId { get; init; }

    public string? SourceRegionId { get; init; }

    /// <summary>The snapshot-consistent group it was taken in (SNP-11), or null; deleting the group deletes it.</summary>
    public string? SnapshotGroupId { get; init; }

    /// <summary>SDP-02: the tags given with <c>Tag.N</c> when it was made (CreateSnapshot, CreateSnapshotGroup, CopySnapshot).</summary>
    public List<SnapshotTag> Tags { get; init; } = [];
}

/// <summary>A tag on a snapshot (the image tag rules, at most 20).</summary>
public sealed class SnapshotTag : IResourceTag
{
    public required string TagKey { get; init; }

    public string TagValue { get; init; } = "";
}

internal sealed class SnapshotConfiguration : IEntityTypeConfiguration<Snapshot>
{
    public void Configure(EntityTypeBuilder<Snapshot> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.SourceDiskType).HasMaxLength(8);
        builder.HasIndex(s => new { s.AccountId, s.RegionId });
        builder.HasIndex(s => s.SourceDiskId);
        builder.Property(s => s.AutoSnapshotPolicyId).HasMaxLength(64);
        builder.HasIndex(s => s.RetainUntil);
        builder.HasIndex(s => s.SnapshotGroupId);
        builder.OwnsTags(s => s.Tags, "SnapshotTags", "SnapshotId");
    }
}
