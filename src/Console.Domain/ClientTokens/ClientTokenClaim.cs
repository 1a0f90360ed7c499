using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.ClientTokens;

/// <summary>
/// One <c>ClientToken</c> an account sent with an action (VAL-TOKEN-01, ADR-021): claimed when the first call starts,
/// holding that call's answer once it succeeded. The key (account, action, token) is unique, so exactly one call — on
/// any node — claims a token; the others find the claim and replay its answer, or are refused. Kept 24 hours from the
/// claim (simulated clock), then pruned.
/// </summary>
public sealed class ClientTokenClaim
{
    /// <summary>VAL-TOKEN-01: at most 64 ASCII characters.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>The length of <see cref="Fingerprint"/> and <see cref="ClaimId"/>: SHA-256, Base64Url.</summary>
    public const int HashLength = 43;

    public required string AccountId { get; init; }

    public required string Action { get; init; }

    public required string Token { get; init; }

    /// <summary>The SHA-256 of the call's parameters (every one but the protocol's and the token itself).</summary>
    public required string Fingerprint { get; set; }

    /// <summary>Which call holds the claim: only it completes or releases it.</summary>
    public required string ClaimId { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>The first call's HTTP status and JSON body once it succeeded; null while it is in flight.</summary>
    public int? HttpStatus { get; set; }

    public string? Answer { get; set; }
}

internal sealed class ClientTokenClaimConfiguration : IEntityTypeConfiguration<ClientTokenClaim>
{
    public void Configure(EntityTypeBuilder<ClientTokenClaim> builder)
    {
        // The key is the claim: an insert that meets it is a retry (or a race), on SQLite and PostgreSQL alike.
        builder.HasKey(c => new { c.AccountId, c.Action, c.Token });
        builder.Property(c => c.AccountId).HasMaxLength(ColumnLength.AccountId);
        builder.Property(c => c.Action).HasMaxLength(64);
        builder.Property(c => c.Token).HasMaxLength(ClientTokenClaim.MaxTokenLength);
        builder.Property(c => c.Fingerprint).HasMaxLength(ClientTokenClaim.HashLength);
        builder.Property(c => c.ClaimId).HasMaxLength(ClientTokenClaim.HashLength);
        builder.HasIndex(c => c.ClaimedAt);
    }
}
