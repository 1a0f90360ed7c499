using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Images;

internal sealed class ImageConfiguration :
    IEntityTypeConfiguration<Image>, IEntityTypeConfiguration<ImageDiskMapping>, IEntityTypeConfiguration<ImageTag>
{
    public void Configure(EntityTypeBuilder<Image> builder)
    {
        builder.HasKey(i => i.Key);
        builder.Property(i => i.Id).HasMaxLength(ColumnLength.ImageId);
        builder.Property(i => i.RegionId).HasMaxLength(ColumnLength.RegionId);
        builder.HasIndex(i => new { i.RegionId, i.Id }).IsUnique();
        builder.HasIndex(i => i.Id);
        builder.HasIndex(i => i.SourceImageId);

        // The catalogue's query shapes (bench/Console.Bench measures them; README, Performance). SQLite appends the
        // rowid (Key) to every index, so (…, CreationTime, Key, …) serves ORDER BY CreationTime, Key as stored and
        // the trailing columns let the filters run on the index without reading rows.
        builder.HasIndex(i => new { i.RegionId, i.Kind, i.Status, i.CreationTime }).HasDatabaseName("IX_Images_Catalogue_Platform");
        // Partial: a bare boolean term (WHERE "IsPublic") cannot bound an index column, but it selects a partial index
        // whose filter it repeats, so the community tab reads only published images (and not every custom one).
        builder.HasIndex(i => new { i.RegionId, i.Kind, i.Status, i.CreationTime }, "IX_Images_Catalogue_Community")
            .HasFilter("\"IsPublic\"");
        builder.HasIndex(i => new { i.OwnerAccountId, i.RegionId, i.Kind, i.Status, i.OsType, i.Architecture, i.Family })
            .HasDatabaseName("IX_Images_Catalogue_OwnerCount");
        builder.HasIndex(i => new { i.OwnerAccountId, i.RegionId, i.CreationTime, i.Key, i.Kind, i.Status, i.Name, i.Id })
            .HasDatabaseName("IX_Images_Catalogue_OwnerByTime");
        builder.HasIndex(i => new { i.OwnerAccountId, i.RegionId, i.Name, i.Key, i.Kind, i.Status })
            .HasDatabaseName("IX_Images_Catalogue_OwnerByName");
        // The family filter: the account's images of one family in time order (the count index above holds the family
        // last, so a family's count walked every image of the account in the region).
        builder.HasIndex(i => new { i.OwnerAccountId, i.RegionId, i.Family, i.CreationTime, i.Key, i.Kind, i.Status })
            .HasDatabaseName("IX_Images_Catalogue_OwnerFamily").HasFilter("\"Family\" IS NOT NULL");
        // The Marketplace's products find their images by code (MarketplaceService), not by reading every image.
        builder.HasIndex(i => new { i.ProductCode, i.RegionId, i.CreationTime })
            .HasDatabaseName("IX_Images_ProductCode").HasFilter("\"ProductCode\" IS NOT NULL");
        builder.Property(i => i.Name).HasMaxLength(ColumnLength.Name);
        builder.Property(i => i.Description).HasMaxLength(ColumnLength.Description);
        builder.Property(i => i.Family).HasMaxLength(ColumnLength.Name);
        builder.HasMany(i => i.DiskMappings).WithOne().HasForeignKey(m => m.ImageKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.ImageKey).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ImageDiskMapping> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Type).HasMaxLength(8);
        builder.Property(m => m.Device).HasMaxLength(32);
        builder.HasIndex(m => m.SnapshotId);
    }

    public void Configure(EntityTypeBuilder<ImageTag> builder)
    {
        builder.HasKey(t => new { t.ImageKey, t.TagKey });
        builder.Property(t => t.TagKey).HasMaxLength(128);
        builder.Property(t => t.TagValue).HasMaxLength(128);
    }
}
