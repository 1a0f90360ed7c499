using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Instances;

/// <summary>An SSH key pair of an account in a region, by name (BUY-03: Linux instances may log on with one).</summary>
public sealed class KeyPair : IAccountScoped
{
    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string Name { get; init; }

    /// <summary>MD5 fingerprint of the public key, as ECS shows it.</summary>
    public required string FingerPrint { get; init; }

    public DateTimeOffset CreationTime { get; init; }
}

internal sealed class KeyPairConfiguration : IEntityTypeConfiguration<KeyPair>
{
    public void Configure(EntityTypeBuilder<KeyPair> builder)
    {
        builder.HasKey(k => new { k.AccountId, k.RegionId, k.Name });
        builder.Property(k => k.FingerPrint).HasMaxLength(64);
    }
}
