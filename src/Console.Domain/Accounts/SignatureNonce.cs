using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Accounts;

/// <summary>
/// A <c>SignatureNonce</c> an API call used, per AccessKey, kept until <see cref="ExpiresAt"/> (ADR-017: in the
/// database, so a replay is refused whichever node saw the nonce first). The nonce is kept as its SHA-256, so the row has
/// a fixed size whatever the caller sent.
/// </summary>
public sealed class SignatureNonce
{
    /// <summary>The length of <see cref="NonceHash"/>: SHA-256, Base64Url.</summary>
    public const int HashLength = 43;

    public required string AccessKeyId { get; init; }

    public required string NonceHash { get; init; }

    /// <summary>After this the nonce is refused by its timestamp anyway; the row may go.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
}

internal sealed class SignatureNonceConfiguration : IEntityTypeConfiguration<SignatureNonce>
{
    public void Configure(EntityTypeBuilder<SignatureNonce> builder)
    {
        // No foreign key to the AccessKey: the insert is the whole per-call cost (a deleted key's rows expire).
        builder.HasKey(n => new { n.AccessKeyId, n.NonceHash });
        builder.Property(n => n.AccessKeyId).HasMaxLength(64);
        builder.Property(n => n.NonceHash).HasMaxLength(SignatureNonce.HashLength);
        builder.HasIndex(n => n.ExpiresAt);
    }
}
