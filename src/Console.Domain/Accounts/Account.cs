namespace EcsConsole.Domain.Accounts;

/// <summary>A cloud account (Alibaba Cloud UID): 16 digits, owns every resource made in it.</summary>
public sealed class Account
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<AccountMembership> Members { get; init; } = [];

    /// <summary>True for a well-formed account ID: exactly 16 digits.</summary>
    public static bool IsWellFormedId(string? id) => id is { Length: 16 } && id.All(char.IsAsciiDigit);
}

/// <summary>What a member may do in its account (RAM-like, domain-rules §12.1).</summary>
public enum AccountRole
{
    /// <summary>Views only.</summary>
    ReadOnly = 0,

    /// <summary>Creates, modifies, shares, copies and deletes images and snapshots; launches and manages instances.</summary>
    Operator = 1,

    /// <summary>Everything in the account, including members and quota requests.</summary>
    Admin = 2,
}

/// <summary>An Identity user's membership of a cloud account, with its role.</summary>
public sealed class AccountMembership
{
    public required string AccountId { get; init; }

    public required string UserId { get; init; }

    public AccountRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; init; }
}

/// <summary>
/// An AccessKey pair for the ECS-compatible API. The secret is stored protected (ASP.NET Core Data Protection,
/// through <see cref="ISecretProtector"/>) and shown to its user only when created.
/// </summary>
public sealed class AccessKey
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string ProtectedSecret { get; init; }

    public AccessKeyStatus Status { get; set; } = AccessKeyStatus.Active;

    public DateTimeOffset CreatedAt { get; init; }
}

public enum AccessKeyStatus
{
    Active,
    Inactive,
}

/// <summary>Protects AccessKey secrets at rest. The web host implements it with ASP.NET Core Data Protection.</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
