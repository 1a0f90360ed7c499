using EcsConsole.Domain.Accounts;

namespace EcsConsole.Domain.Common;

/// <summary>Which face of the product a call came through; written into the audit log.</summary>
public enum ActorSource
{
    Console,
    Api,
    System,
}

/// <summary>
/// Who acts: passed explicitly to every service call (architecture.md, mechanism 1). Pages build it from the
/// signed-in user, the API from the AccessKey. Services never read ambient state.
/// </summary>
/// <param name="UserId">Identity user ID.</param>
/// <param name="Email">The user's email, for the audit log.</param>
/// <param name="AccountId">The cloud account the user acts in; null for a platform admin without an account.</param>
/// <param name="Role">The user's role in <paramref name="AccountId"/>.</param>
/// <param name="IsPlatformAdmin">Manages every account's quotas.</param>
/// <param name="Source">Console or API.</param>
public sealed record Actor(
    string UserId,
    string Email,
    string? AccountId,
    AccountRole Role,
    bool IsPlatformAdmin,
    ActorSource Source = ActorSource.Console)
{
    public bool IsAccountAdmin => AccountId is not null && Role == AccountRole.Admin;

    /// <summary>
    /// A dry run (API <c>DryRun=true</c>, ADR-016): every write of this actor runs all its checks — parameters, the
    /// right, quota, state — and then undoes everything, answering <see cref="CommonErrors.DryRunOperation"/> where the
    /// real call would have succeeded. Nothing stays: no resource, task, quota use or audit entry.
    /// </summary>
    public bool DryRun { get; init; }

    /// <summary>The runner and seeder act as the system; never shown to a user.</summary>
    public static Actor System { get; } = new("system", "system", null, AccountRole.ReadOnly, true, ActorSource.System);
}
