using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.ResourceGroups;

/// <summary>
/// A resource group of one account (Resource Manager's, account-wide: not in a region). Every account has a default
/// group that is never stored: its ID is derived from the account's (<see cref="ResourceGroupRules.DefaultIdFor"/>), so
/// every node knows it without a lookup and an account made anywhere has it at once (ADR-026). Rows hold the other
/// groups. A resource that carries <c>ResourceGroupId</c> stores the group it was put in; null (rows older than resource
/// groups, platform images) reads as its account's default group.
/// </summary>
public sealed class ResourceGroup : IAccountScoped
{
    /// <summary><c>rg-</c> and 15 lowercase letters and digits.</summary>
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    string? IAccountScoped.RegionId => null;

    /// <summary>The unique name within the account (Resource Manager's <c>Name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The name shown (Resource Manager's <c>DisplayName</c>).</summary>
    public required string DisplayName { get; set; }

    public DateTimeOffset CreationTime { get; init; }
}

/// <summary>A group as the console and the API show it: the default one or a stored one.</summary>
public sealed record ResourceGroupInfo(string Id, string Name, string DisplayName, bool IsDefault);

internal sealed class ResourceGroupConfiguration : IEntityTypeConfiguration<ResourceGroup>
{
    public void Configure(EntityTypeBuilder<ResourceGroup> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasMaxLength(ResourceGroupRules.IdLength);
        builder.Property(g => g.Name).HasMaxLength(50);
        builder.Property(g => g.DisplayName).HasMaxLength(50);
        builder.HasIndex(g => new { g.AccountId, g.Name }).IsUnique();
    }
}

/// <summary>
/// The rules every resource that carries <c>ResourceGroupId</c> shares: which group a new resource goes into
/// (CRT-GEN-05: the one named, which must be the account's, else the default; <c>InvalidResourceGroup.NotFound</c> / 404),
/// and what a Describe call's <c>ResourceGroupId</c> filter keeps (IB-09: a group's own resources; the default group's
/// filter keeps everything, as ECS's references say default-group resources are answered whatever the filter).
/// </summary>
public static class ResourceGroupRules
{
    public const int IdLength = 18;
    public const string DefaultName = "default";
    public const string DefaultDisplayName = "default resource group";

    /// <summary>The account's default group: <c>rg-acfm</c> and 11 characters derived from the account ID.</summary>
    public static string DefaultIdFor(string accountId) => "rg-acfm" + DerivedIds.Characters(accountId, 11);

    /// <summary>A stored group's ID derived from its account and name, so that a seeded world is the same on every reset.</summary>
    public static string IdFor(string accountId, string name) => "rg-" + DerivedIds.Characters(accountId + "/" + name, 15);

    /// <summary>The group a resource reads as: its own, or its account's default (null for a platform resource).</summary>
    public static string? Effective(string? stored, string? accountId) =>
        stored ?? (accountId is null ? null : DefaultIdFor(accountId));

    /// <summary>
    /// The group a new resource of <paramref name="accountId"/> goes into: <paramref name="requested"/> when it is the
    /// account's (its default or a stored one), the default when none is named; otherwise <c>InvalidResourceGroup.NotFound</c>.
    /// </summary>
    public static async Task<Result<string>> ResolveAsync(ConsoleDbContext db, string accountId, string? requested, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(requested) || requested == DefaultIdFor(accountId))
        {
            return DefaultIdFor(accountId);
        }

        return await db.ResourceGroups.AnyAsync(g => g.Id == requested && g.AccountId == accountId, ct)
            ? requested
            : ResourceGroupErrors.NotFound(requested);
    }

    /// <summary>
    /// The stored group values a Describe filter keeps, or null for no filter (none given, or the default group, IB-09).
    /// A group that is not the account's keeps nothing (an empty list).
    /// </summary>
    public static async Task<IReadOnlyList<string>?> FilterAsync(ConsoleDbContext db, string? accountId, string? filter, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(filter) || accountId is null || filter == DefaultIdFor(accountId))
        {
            return null;
        }

        return await db.ResourceGroups.AnyAsync(g => g.Id == filter && g.AccountId == accountId, ct) ? [filter] : [];
    }

    /// <summary>True when a resource whose stored group is <paramref name="stored"/> is kept by <paramref name="filter"/> (<see cref="FilterAsync"/>).</summary>
    public static bool Keeps(IReadOnlyList<string>? filter, string? stored) => filter is null || (stored is not null && filter.Contains(stored));
}
