namespace EcsConsole.Domain.Common;

/// <summary>
/// A row that belongs to one cloud account and, unless it is account-wide, to one region. Its account and region IDs
/// are stored alike everywhere, and so are its string <c>Id</c>, <c>Name</c> and <c>Description</c> where it has them
/// (<see cref="Persistence.WellKnownColumnsConvention"/>).
/// </summary>
public interface IAccountScoped
{
    /// <summary>The owning account (16 digits).</summary>
    string AccountId { get; }

    /// <summary>The region; null for an account-wide row (a quota of the whole account).</summary>
    string? RegionId { get; }
}

/// <summary>
/// A resource of one account in one region, by its resource ID (ECS-shaped from <see cref="IdGenerator"/>, or the
/// product's own shape for Simple Application Server rows), with the time it was made.
/// </summary>
public abstract class AccountResource : IAccountScoped
{
    public required string Id { get; init; }

    public required string RegionId { get; init; }

    public required string AccountId { get; init; }

    public DateTimeOffset CreationTime { get; init; }
}
