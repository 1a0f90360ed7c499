using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Sharing;

/// <summary>
/// A custom image shared by its owner with another account (ModifyImageSharePermission). The recipient sees the
/// image under the same ID, read-only (IMG-ID-03, IMG-TYPE-05).
/// </summary>
public sealed class ImageShare : IAccountScoped
{
    public int Id { get; private set; }

    public required string ImageId { get; init; }

    public required string RegionId { get; init; }

    /// <summary>The recipient account.</summary>
    public required string AccountId { get; init; }

    public DateTimeOffset SharedAt { get; init; }
}

internal sealed class ImageShareConfiguration : IEntityTypeConfiguration<ImageShare>
{
    public void Configure(EntityTypeBuilder<ImageShare> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ImageId).HasMaxLength(ColumnLength.ImageId);
        builder.HasIndex(s => new { s.RegionId, s.ImageId, s.AccountId }).IsUnique();
        builder.HasIndex(s => new { s.AccountId, s.RegionId });
    }
}
