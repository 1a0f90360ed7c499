using EcsConsole.Domain.Images;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// A Simple Application Server custom image (domain-rules §13): made from a server's system-disk snapshot, optionally
/// with its data-disk snapshot, in the server's region (SAS-01/02); free (SAS-05); at most min(3 × servers, 15) per
/// account (SAS-03). Shared to ECS it also exists as an ECS <see cref="Image"/> row under the same ID, shown in the
/// account's Shared Images tab until unshared (SAS-06/07, <see cref="SasEcsShare"/>). A copy in another region has a
/// new ID and keeps <see cref="SourceServerId"/>, so releasing the server releases the copies too (SAS-04). Its ID is
/// <c>m-…</c> with the region's infix, as ECS image IDs.
/// </summary>
public sealed class SasImage : SasOsResource
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The server the snapshots were taken of (it may live in another region for a copy).</summary>
    public required string SourceServerId { get; init; }

    public required string SystemSnapshotId { get; init; }

    public string? DataSnapshotId { get; init; }

    /// <summary>System disk size, GiB.</summary>
    public required int SizeGiB { get; init; }

    /// <summary>Data disk size, GiB, when the image holds the data disk.</summary>
    public int? DataDiskSizeGiB { get; init; }

    public ImageStatus Status { get; private set; } = ImageStatus.Available;

    /// <summary>0–100; below 100 while a copy is being made.</summary>
    public int Progress { get; private set; } = 100;

    /// <summary>Shared to ECS (ModifyImageShareStatus <c>Share</c>).</summary>
    public bool SharedToEcs { get; private set; }

    /// <summary>For copies: the image and region copied from.</summary>
    public string? SourceImageId { get; init; }

    public string? SourceRegionId { get; init; }

    public void ReportProgress(int percent)
    {
        Status = ImageStatus.Creating;
        Progress = Math.Clamp(percent, 0, 99);
    }

    public void MarkAvailable()
    {
        Status = ImageStatus.Available;
        Progress = 100;
    }

    public void MarkFailed() => Status = ImageStatus.CreateFailed;

    public void SetSharedToEcs(bool shared) => SharedToEcs = shared;
}

internal sealed class SasImageConfiguration : IEntityTypeConfiguration<SasImage>
{
    public void Configure(EntityTypeBuilder<SasImage> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.SourceServerId).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(i => i.SystemSnapshotId).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(i => i.DataSnapshotId).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(i => i.SourceImageId).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(i => i.SourceRegionId).HasMaxLength(ColumnLength.RegionId);
        builder.HasIndex(i => new { i.AccountId, i.RegionId });
        builder.HasIndex(i => i.SourceServerId);
    }
}
