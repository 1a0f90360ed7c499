using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Quotas;

/// <summary>Where an increase request stands (Quota Center: Approved / Forbid).</summary>
public enum QuotaRequestStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// An account admin's request for a higher limit, with a reason; the platform admin approves (the limit changes) or
/// rejects it. One pending request per account and quota at a time (QTA-13).
/// </summary>
public sealed class QuotaRequest : IAccountScoped
{
    public int Id { get; private set; }

    public required string AccountId { get; init; }

    /// <summary>Null for account-wide quotas.</summary>
    public string? RegionId { get; init; }

    public required string QuotaName { get; init; }

    public int CurrentLimit { get; init; }

    public int RequestedLimit { get; init; }

    public required string Reason { get; init; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public QuotaRequestStatus Status { get; private set; } = QuotaRequestStatus.Pending;

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public void Decide(bool approve, string by, DateTimeOffset at)
    {
        Status = approve ? QuotaRequestStatus.Approved : QuotaRequestStatus.Rejected;
        DecidedBy = by;
        DecidedAt = at;
    }
}

internal sealed class QuotaRequestConfiguration : IEntityTypeConfiguration<QuotaRequest>
{
    public void Configure(EntityTypeBuilder<QuotaRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.QuotaName).HasMaxLength(64);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.HasIndex(r => new { r.AccountId, r.Status });
    }
}
