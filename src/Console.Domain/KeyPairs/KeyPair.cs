using EcsConsole.Domain.Tags;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.KeyPairs;

/// <summary>
/// An SSH key pair of an account in a region, by name (BUY-03: Linux instances may log on with one). ECS keeps only the
/// public key: a pair made by CreateKeyPair showed its private key once, an imported pair never had one here.
/// </summary>
public sealed class KeyPair : IAccountScoped
{
    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string Name { get; init; }

    /// <summary>The ID CreateKeyPair answers (<c>kp-…</c>); null for an imported pair (ImportKeyPair answers none).</summary>
    public string? KeyPairId { get; init; }

    /// <summary>The RFC 4716 MD5 fingerprint of the public key, as ECS shows it (<c>89:f0:…</c>).</summary>
    public required string FingerPrint { get; init; }

    /// <summary>The public key in OpenSSH form (<c>ssh-rsa AAAA…</c>), as DescribeKeyPairs answers with <c>IncludePublicKey</c>.</summary>
    public required string PublicKey { get; init; }

    public DateTimeOffset CreationTime { get; init; }

    public List<KeyPairTag> Tags { get; init; } = [];

    /// <summary>The resource group it is in (<see cref="ResourceGroups.ResourceGroupRules"/>); null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }
}

/// <summary>A tag on a key pair (<c>Tag.N</c> of CreateKeyPair and ImportKeyPair; ≤ 20, the image tag rules).</summary>
public sealed class KeyPairTag : IResourceTag
{
    public required string TagKey { get; init; }

    public string TagValue { get; init; } = "";
}

internal sealed class KeyPairConfiguration : IEntityTypeConfiguration<KeyPair>
{
    public void Configure(EntityTypeBuilder<KeyPair> builder)
    {
        builder.HasKey(k => new { k.AccountId, k.RegionId, k.Name });
        builder.Property(k => k.Name).HasMaxLength(KeyPairValidation.MaxNameLength);
        builder.Property(k => k.KeyPairId).HasMaxLength(32);
        builder.Property(k => k.FingerPrint).HasMaxLength(64);
        builder.Property(k => k.PublicKey).HasMaxLength(SshPublicKey.MaxLength);
        builder.OwnsTags(k => k.Tags, "KeyPairTags", "AccountId", "RegionId", "KeyPairName");
    }
}
