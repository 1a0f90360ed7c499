using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Regions;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>, IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(ColumnLength.RegionId);
        builder.Property(r => r.Name).HasMaxLength(64);
        builder.Property(r => r.Infix).HasMaxLength(8);
        builder.HasIndex(r => r.Infix).IsUnique();
        builder.HasMany(r => r.Zones).WithOne().HasForeignKey(z => z.RegionId);
    }

    public void Configure(EntityTypeBuilder<Zone> builder)
    {
        builder.HasKey(z => z.Id);
        builder.Property(z => z.Id).HasMaxLength(ColumnLength.RegionId);
        builder.Property(z => z.RegionId).HasMaxLength(ColumnLength.RegionId);
        builder.Property(z => z.Name).HasMaxLength(64);
    }
}
