using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Marketplace;

/// <summary>How a Marketplace product is paid for.</summary>
public enum MarketplaceBillingModel
{
    /// <summary>No software fee.</summary>
    Free,

    /// <summary>A software fee per hour, with pay-as-you-go or subscription instances.</summary>
    Hourly,

    /// <summary>Monthly or yearly: only on subscription instances of the same period (CMP-12).</summary>
    Subscription,

    /// <summary>Bring your own licence: no fee here, the licence is bought from the vendor.</summary>
    Byol,
}

/// <summary>
/// A Marketplace product (e.g. a LAMP stack image) by Alibaba Cloud or a licensed ISV. Its images are <c>Image</c> rows
/// with the product's <see cref="Code"/>, one per version in each region where it is published; it is offered nowhere
/// else (IMG-TYPE-03). A withdrawn product refuses new launches (<c>ImageRemovedInMarket</c>); instances run on.
/// </summary>
public sealed class MarketplaceProduct
{
    /// <summary>Product code, e.g. <c>cmjj00000001</c>.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>One of <see cref="MarketplaceCategories.All"/>.</summary>
    public required string Category { get; init; }

    /// <summary>The vendor's name.</summary>
    public required string Supplier { get; init; }

    /// <summary>Sold by Alibaba Cloud itself rather than an ISV.</summary>
    public bool ByAlibabaCloud { get; init; }

    public string? Description { get; init; }

    /// <summary>What to do after launch: ports, default credentials location, first steps.</summary>
    public string? UsageNotes { get; init; }

    public MarketplaceBillingModel BillingModel { get; init; } = MarketplaceBillingModel.Free;

    /// <summary>The smallest software fee per hour in USD (the "from" price); 0 for free and BYOL products.</summary>
    public decimal FeePerHour { get; init; }

    /// <summary>Whether the product can be used with subscription instances, pay-as-you-go, or both: <c>PrePaid</c>, <c>PostPaid</c>, <c>Both</c>.</summary>
    public string BillingMethods { get; init; } = "Both";

    /// <summary>The newest version.</summary>
    public string Version { get; init; } = "1.0";

    /// <summary>When the platform admin withdrew the product; null while it is on sale.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public List<MarketplacePrice> Prices { get; init; } = [];
}

/// <summary>The software fee of a product on instance types of at least <see cref="MinVcpu"/> vCPUs.</summary>
public sealed class MarketplacePrice
{
    public int Id { get; private set; }

    public required string ProductCode { get; init; }

    public required int MinVcpu { get; init; }

    public required decimal FeePerHour { get; init; }
}

/// <summary>The plans a subscription can be taken on.</summary>
public enum MarketplacePlan
{
    PayAsYouGo,
    Monthly,
    Yearly,
    Byol,
    Free,
}

/// <summary>An account's subscription to a product in one region (CMP-11): launches there are allowed.</summary>
public sealed class MarketplaceSubscription
{
    public required string AccountId { get; init; }

    public required string ProductCode { get; init; }

    public required string RegionId { get; init; }

    public MarketplacePlan Plan { get; set; }

    public DateTimeOffset SubscribedAt { get; set; }

    /// <summary>Who subscribed (user email), for the list.</summary>
    public string? SubscribedBy { get; set; }
}

/// <summary>The Marketplace categories.</summary>
public static class MarketplaceCategories
{
    public const string OperatingSystems = "Operating Systems";
    public const string WebStacks = "Web Stacks";
    public const string Databases = "Databases";
    public const string DeveloperTools = "Developer Tools";
    public const string Security = "Security";
    public const string Ai = "AI";

    public static IReadOnlyList<string> All { get; } = [OperatingSystems, WebStacks, Databases, DeveloperTools, Security, Ai];
}

internal sealed class MarketplaceConfiguration :
    IEntityTypeConfiguration<MarketplaceProduct>, IEntityTypeConfiguration<MarketplaceSubscription>, IEntityTypeConfiguration<MarketplacePrice>
{
    public void Configure(EntityTypeBuilder<MarketplaceProduct> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.Name).HasMaxLength(ColumnLength.Name);
        builder.Property(p => p.Category).HasMaxLength(64);
        builder.Property(p => p.Supplier).HasMaxLength(128);
        builder.HasMany(p => p.Prices).WithOne().HasForeignKey(p => p.ProductCode);
    }

    public void Configure(EntityTypeBuilder<MarketplacePrice> builder) => builder.HasKey(p => p.Id);

    public void Configure(EntityTypeBuilder<MarketplaceSubscription> builder)
    {
        builder.HasKey(s => new { s.AccountId, s.ProductCode, s.RegionId });
        builder.Property(s => s.RegionId).HasMaxLength(ColumnLength.RegionId);
    }
}
