using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Quotas;

/// <summary>Whether a quota counts per region or across the account.</summary>
public enum QuotaScope
{
    PerRegion,
    PerAccount,
}

/// <summary>A quota the console knows: its ECS quota name, what it counts, and the default limit (domain-rules §12).</summary>
public sealed record QuotaDefinition(string Name, string Description, QuotaScope Scope, int DefaultLimit);

/// <summary>Every quota of domain-rules §12, by its quota name. The default applies until an admin sets a limit.</summary>
public static class QuotaCatalogue
{
    public const string ImageCount = "q_user-image-count";
    public const string SharedUsersPerImage = "q_user-per-image-shared-user-count";
    public const string ConcurrentCopies = "q_image-copy-concurrency";
    public const string ImageFamiliesPerRegion = "q_image-family-count";
    public const string ImagesPerFamily = "q_image-per-family-count";
    public const string SnapshotsPerDisk = "q_snapshot-per-disk-count";
    public const string InstanceCount = "q_instance-count";
    public const string VcpuCount = "q_postpaid-vcpu-count";
    public const string SasImageCap = "q_sas-image-count";

    /// <summary>Image Builder templates per region (IB-90: Alibaba publishes neither the name nor the value).</summary>
    public const string ImagePipelineCount = "q_image-pipeline-count";

    /// <summary>Image Builder components per region (IB-90: Alibaba publishes neither the name nor the value).</summary>
    public const string ImageComponentCount = "q_image-component-count";

    public static IReadOnlyList<QuotaDefinition> All { get; } =
    [
        new(ImageCount, "Custom images per region", QuotaScope.PerRegion, 100),
        new(SharedUsersPerImage, "Accounts one image may be shared with", QuotaScope.PerAccount, 50),
        new(ConcurrentCopies, "Image copies in progress per destination region", QuotaScope.PerRegion, 5),
        new(ImageFamiliesPerRegion, "Image families per region", QuotaScope.PerRegion, 100),
        new(ImagesPerFamily, "Images per image family", QuotaScope.PerRegion, 100),
        new(SnapshotsPerDisk, "Manual snapshots per disk", QuotaScope.PerAccount, 256),
        new(InstanceCount, "Instances per region", QuotaScope.PerRegion, 100),
        new(VcpuCount, "Pay-as-you-go vCPUs per region", QuotaScope.PerRegion, 500),
        new(SasImageCap, "Simple Application Server custom images (upper cap)", QuotaScope.PerAccount, 15),
        new(ImagePipelineCount, "Image Builder templates per region (value not published by Alibaba Cloud)", QuotaScope.PerRegion, 100),
        new(ImageComponentCount, "Image Builder components per region (value not published by Alibaba Cloud)", QuotaScope.PerRegion, 100),
    ];

    public static QuotaDefinition? Find(string name) => All.FirstOrDefault(q => q.Name == name);
}

/// <summary>
/// A limit an admin set for one account (and region, for per-region quotas), overriding the catalogue's default.
/// Lowering a limit below usage blocks new creates and removes nothing.
/// </summary>
public sealed class Quota : IAccountScoped
{
    public int Id { get; private set; }

    public required string AccountId { get; init; }

    /// <summary>Null for account-wide quotas.</summary>
    public string? RegionId { get; init; }

    public required string Name { get; init; }

    public int Limit { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Name).HasMaxLength(64);
        builder.HasIndex(q => new { q.AccountId, q.RegionId, q.Name }).IsUnique();
    }
}
