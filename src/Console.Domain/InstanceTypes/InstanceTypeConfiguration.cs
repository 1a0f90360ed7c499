using EcsConsole.Domain.Regions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.InstanceTypes;

internal sealed class InstanceTypeConfiguration : IEntityTypeConfiguration<InstanceType>, IEntityTypeConfiguration<InstanceTypeZone>
{
    public void Configure(EntityTypeBuilder<InstanceType> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Family).HasMaxLength(32);
        builder.ComplexProperty(t => t.Hardware, hardware =>
        {
            hardware.Property(h => h.Category).HasMaxLength(64);
            hardware.Property(h => h.FamilyLevel).HasMaxLength(32);
            hardware.Property(h => h.Generation).HasMaxLength(16);
            hardware.Property(h => h.ProcessorModel).HasMaxLength(128);
            hardware.Property(h => h.GpuSpec).HasMaxLength(64);
            hardware.Property(h => h.LocalStorageCategory).HasMaxLength(32);
        });
        builder.HasMany(t => t.Zones).WithOne().HasForeignKey(z => z.InstanceTypeId);
    }

    public void Configure(EntityTypeBuilder<InstanceTypeZone> builder)
    {
        builder.HasKey(z => new { z.InstanceTypeId, z.ZoneId });
        builder.HasOne<Zone>().WithMany().HasForeignKey(z => z.ZoneId);
    }
}
