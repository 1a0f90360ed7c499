using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Audit;

/// <summary>
/// One line of the audit log: who did what to which resource, through which face, and how it ended. Written in the
/// same transaction as the change; a refused change is audited with its error code.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTimeOffset Time { get; init; }

    public required string UserId { get; init; }

    public required string UserEmail { get; init; }

    public string? AccountId { get; init; }

    public ActorSource Source { get; init; }

    /// <summary>The ECS action name, e.g. <c>CreateImage</c>.</summary>
    public required string Action { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceId { get; init; }

    public string? RegionId { get; init; }

    /// <summary>Null on success, else the ECS error code.</summary>
    public string? ErrorCode { get; init; }

    public static AuditEntry For(Actor actor, string action, ResourceKind resourceType, string? resourceId, string? regionId, DateTimeOffset time, EcsError? error = null) => new()
    {
        Time = time,
        UserId = actor.UserId,
        UserEmail = actor.Email,
        AccountId = actor.AccountId,
        Source = actor.Source,
        Action = action,
        ResourceType = resourceType.WireName(),
        ResourceId = resourceId,
        RegionId = regionId,
        ErrorCode = error?.Code,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.ResourceType).HasMaxLength(32);
        builder.HasIndex(a => new { a.AccountId, a.Time });
    }
}
