using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Tags;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Instances;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<Instance>, IEntityTypeConfiguration<Disk>
{
    public void Configure(EntityTypeBuilder<Instance> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ZoneId).HasMaxLength(ColumnLength.RegionId);
        builder.Property(i => i.ImageId).HasMaxLength(ColumnLength.ImageId);
        builder.Property(i => i.Description).HasMaxLength(ColumnLength.Description);
        builder.Property(i => i.HostName).HasMaxLength(InstanceValidation.MaxHostNameLength);
        builder.HasOne<InstanceType>().WithMany().HasForeignKey(i => i.InstanceTypeId);
        builder.HasIndex(i => new { i.AccountId, i.RegionId });
        builder.HasIndex(i => i.ImageId);
        builder.Property(i => i.InternetChargeType).HasMaxLength(16);
        builder.Property(i => i.SpotStrategy).HasMaxLength(24);
        builder.Property(i => i.SpotInterruptionBehavior).HasMaxLength(16);
        builder.Property(i => i.HttpEndpoint).HasMaxLength(16);
        builder.Property(i => i.HttpTokens).HasMaxLength(16);
        builder.Property(i => i.StoppedMode).HasMaxLength(16);
        builder.Property(i => i.Tags).HasJsonConversion();
        builder.Property(i => i.Settings).HasJsonConversion();
        builder.HasMany(i => i.Disks).WithOne().HasForeignKey(d => d.InstanceId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Disk> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasNoMaxLength(d => d.AccountId, d => d.RegionId);
        builder.Property(d => d.Type).HasMaxLength(8);
        builder.Property(d => d.Category).HasMaxLength(32);
        builder.Property(d => d.Device).HasMaxLength(32);
        builder.Property(d => d.Name).HasMaxLength(128);
        builder.Property(d => d.Description).HasMaxLength(256);
        builder.Property(d => d.PerformanceLevel).HasMaxLength(8);
        builder.HasIndex(d => new { d.AccountId, d.RegionId });
        builder.OwnsTags(d => d.Tags, "DiskTags", "DiskId");
    }
}
