using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Marketplace;

/// <summary>
/// A Marketplace product (e.g. a LAMP stack image). Its images are <c>Image</c> rows with the product's
/// <see cref="Code"/> in the regions where it is released; it is offered nowhere else (IMG-TYPE-03).
/// </summary>
public sealed class MarketplaceProduct
{
    /// <summary>Product code, e.g. <c>cmjj0000001</c>.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Category { get; init; }

    public required string Supplier { get; init; }

    public string? Description { get; init; }

    /// <summary>Software fee per hour in USD; 0 for free products.</summary>
    public decimal FeePerHour { get; init; }

    /// <summary>Whether the product can be bought as a subscription, pay-as-you-go, or both: <c>PrePaid</c>, <c>PostPaid</c>, <c>Both</c>.</summary>
    public string BillingMethods { get; init; } = "Both";

    public string Version { get; init; } = "1.0";
}

/// <summary>An account's acceptance of a Marketplace product's terms (IsSubscribed).</summary>
public sealed class MarketplaceSubscription
{
    public required string AccountId { get; init; }

    public required string ProductCode { get; init; }

    public DateTimeOffset SubscribedAt { get; init; }
}

internal sealed class MarketplaceConfiguration : IEntityTypeConfiguration<MarketplaceProduct>, IEntityTypeConfiguration<MarketplaceSubscription>
{
    public void Configure(EntityTypeBuilder<MarketplaceProduct> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.Name).HasMaxLength(128);
        builder.Property(p => p.Category).HasMaxLength(64);
        builder.Property(p => p.Supplier).HasMaxLength(128);
        builder.Property(p => p.FeePerHour).HasConversion<double>();
    }

    public void Configure(EntityTypeBuilder<MarketplaceSubscription> builder)
    {
        builder.HasKey(s => new { s.AccountId, s.ProductCode });
    }
}
