namespace EcsConsole.Domain.Accounts;

/// <summary>
/// The rules of member management, one function each: <see cref="MemberService"/> refuses with them and
/// <see cref="MemberAffordances"/> asks them for what the console shows as enabled (ADR-011). Null when allowed.
/// </summary>
public static class MemberRules
{
    private const string NotAdmin = "Only an Admin of the account may manage its members.";
    private const string PlatformAdminHasNoMembers = "The platform administrator belongs to no account and manages no members.";

    /// <summary>Why <paramref name="actor"/> may not manage members when it is not an Admin of its account.</summary>
    public static string WhyNotAdmin(Actor actor) => actor.AccountId is null ? PlatformAdminHasNoMembers : NotAdmin;

    /// <summary>Only an Admin of the account manages its members; the platform admin belongs to no account.</summary>
    public static EcsError? CannotManage(Actor actor) => actor.IsAccountAdmin ? null : CommonErrors.Forbidden(WhyNotAdmin(actor));

    /// <summary>An account keeps one Admin: the last one is neither removed nor demoted.</summary>
    public static EcsError? CannotLoseAdmin(AccountRole role, int admins) =>
        role == AccountRole.Admin && admins <= 1 ? AccountErrors.LastAdmin() : null;
}

/// <summary>What can be done to a member from its row.</summary>
public enum MemberAction
{
    Remove,
}

/// <summary>
/// The affordance query for members (ADR-011): null when the actor may do the action on the member now, else the
/// <see cref="EcsError"/> <see cref="MemberService"/> would refuse with, from <see cref="MemberRules"/> over the list
/// the page holds. The service re-reads the actor's role and the Admins when the action is taken.
/// </summary>
public static class MemberAffordances
{
    public static EcsError? Check(Actor actor, Member member, IReadOnlyCollection<Member> members, MemberAction action) =>
        MemberRules.CannotManage(actor) ?? action switch
        {
            MemberAction.Remove => MemberRules.CannotLoseAdmin(member.Role, members.Count(m => m.Role == AccountRole.Admin)),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
}
