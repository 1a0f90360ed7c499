using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// A snapshot of a simple application server's disk (SAS CreateSnapshot). SAS snapshots are a list of their own, apart
/// from ECS snapshots; a SAS custom image is made of them (SAS-01). Taken at once in this emulator (no task).
/// </summary>
public sealed class SasSnapshot : AccountResource
{
    public required string ServerId { get; init; }

    public required string DiskId { get; init; }

    /// <summary><c>system</c> or <c>data</c>.</summary>
    public required string DiskType { get; init; }

    public required int SizeGiB { get; init; }

    public required string Name { get; init; }
}

internal sealed class SasSnapshotConfiguration : IEntityTypeConfiguration<SasSnapshot>
{
    public void Configure(EntityTypeBuilder<SasSnapshot> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ServerId).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(s => s.DiskId).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(s => s.DiskType).HasMaxLength(8);
        builder.HasIndex(s => s.ServerId);
    }
}
