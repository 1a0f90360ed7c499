using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Storage;

/// <summary>A simulated OSS bucket of one account in one region; images are exported to and imported from it.</summary>
public sealed class OssBucket : IAccountScoped
{
    /// <summary>Globally unique: 3–63 lower-case letters, digits and hyphens, not starting or ending with a hyphen.</summary>
    public required string Name { get; init; }

    public required string RegionId { get; init; }

    public required string AccountId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An object in a bucket: an uploaded image file or an exported disk. Only its size is simulated.</summary>
public sealed class OssObject
{
    public int Id { get; private set; }

    public required string BucketName { get; init; }

    public required string Key { get; init; }

    public long SizeBytes { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The image it was exported from, if any.</summary>
    public string? SourceImageId { get; init; }

    /// <summary>RAW, VHD, QCOW2, VMDK or VDI.</summary>
    public string? Format { get; init; }
}

internal sealed class StorageConfiguration : IEntityTypeConfiguration<OssBucket>, IEntityTypeConfiguration<OssObject>
{
    public void Configure(EntityTypeBuilder<OssBucket> builder)
    {
        builder.HasKey(b => b.Name);
        builder.Property(b => b.Name).HasMaxLength(63);
        builder.HasIndex(b => new { b.AccountId, b.RegionId });
    }

    public void Configure(EntityTypeBuilder<OssObject> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Key).HasMaxLength(1024);
        builder.Property(o => o.Format).HasMaxLength(8);
        builder.HasIndex(o => new { o.BucketName, o.Key }).IsUnique();
        builder.HasOne<OssBucket>().WithMany().HasForeignKey(o => o.BucketName).OnDelete(DeleteBehavior.Restrict);
    }
}
