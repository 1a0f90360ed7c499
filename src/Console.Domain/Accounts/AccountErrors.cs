using EcsConsole.Domain.Common;

namespace EcsConsole.Domain.Accounts;

/// <summary>Account and membership errors.</summary>
public static class AccountErrors
{
    public const string UserNotFoundCode = "InvalidUser.NotFound";
    public const string NoAccountCode = "InvalidAliUid.IsNull";

    public static EcsError UserNotFound() => new(UserNotFoundCode, 404, "The specified user does not exist.");

    /// <summary>The user belongs to no cloud account (only the platform admin may be so).</summary>
    public static EcsError NoAccount() => new(NoAccountCode, 401, "The caller belongs to no cloud account.");
}
