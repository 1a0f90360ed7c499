using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Sas;

/// <summary>Why a simple application server was released; both release its custom images too (SAS-04).</summary>
public enum SasReleaseReason
{
    /// <summary>The subscription ran out and was not renewed.</summary>
    Expired,

    /// <summary>The order was refunded.</summary>
    Refund,
}

/// <summary>A simple application server's state, as the SAS console words it.</summary>
public enum SasServerStatus
{
    Running,
    Stopped,
}

/// <summary>
/// A Simple Application Server (Alibaba's lightweight server product) of one account in one region: a plan, the OS it
/// runs, a system disk and at most one data disk. Its custom images are a list of their own (<see cref="SasImage"/>),
/// made from snapshots of its disks (<see cref="SasSnapshot"/>). A released server is removed with its disks,
/// snapshots and custom images (SAS-04); the audit log keeps the release. Its ID is 32 lower-case hexadecimal
/// characters, as SAS instance IDs are.
/// </summary>
public sealed class SasServer : SasOsResource
{
    public required string Name { get; set; }

    /// <summary>The plan, e.g. <c>2 vCPU · 2 GiB · 3 Mbps</c>.</summary>
    public required string Plan { get; init; }

    /// <summary>The application or OS image the server was made from, e.g. <c>WordPress 6.5</c>.</summary>
    public required string ImageName { get; init; }

    /// <summary>The custom image the server was created from (<see cref="SasImage"/>), null for one bought from an application or OS image.</summary>
    public string? SourceImageId { get; init; }

    public SasServerStatus Status { get; set; } = SasServerStatus.Running;

    /// <summary>Subscription end; SAS servers are always subscription.</summary>
    public DateTimeOffset ExpiredTime { get; init; }

    public List<SasDisk> Disks { get; init; } = [];
}

/// <summary>A disk of a simple application server: the system disk, or its one data disk.</summary>
public sealed class SasDisk
{
    public required string Id { get; init; }

    public required string ServerId { get; init; }

    /// <summary><c>system</c> or <c>data</c>, as ECS words disk types.</summary>
    public required string Type { get; init; }

    public required int SizeGiB { get; init; }

    public string Category { get; init; } = "ESSD";
}

internal sealed class SasServerConfiguration : IEntityTypeConfiguration<SasServer>, IEntityTypeConfiguration<SasDisk>
{
    public void Configure(EntityTypeBuilder<SasServer> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Plan).HasMaxLength(64);
        builder.Property(s => s.ImageName).HasMaxLength(ColumnLength.Name);
        builder.Property(s => s.SourceImageId).HasMaxLength(ColumnLength.ResourceId);
        builder.HasIndex(s => new { s.AccountId, s.RegionId });
        builder.HasMany(s => s.Disks).WithOne().HasForeignKey(d => d.ServerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SasDisk> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(ColumnLength.ResourceId);
        builder.Property(d => d.Type).HasMaxLength(8);
        builder.Property(d => d.Category).HasMaxLength(16);
    }
}
