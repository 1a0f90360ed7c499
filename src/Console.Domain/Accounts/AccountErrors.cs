namespace EcsConsole.Domain.Accounts;

/// <summary>Account and membership errors.</summary>
public static class AccountErrors
{
    public const string UserNotFoundCode = "InvalidUser.NotFound";
    public const string NoAccountCode = "InvalidAliUid.IsNull";
    public const string EmailMalformedCode = "InvalidUser.EmailMalformed";
    public const string AlreadyMemberCode = "InvalidUser.AlreadyMember";
    public const string LastAdminCode = "OperationDenied.LastAdmin";
    public const string AccountNotFoundCode = "InvalidAccount.NotFound";

    public static EcsError UserNotFound() => new(UserNotFoundCode, 404, "The specified user does not exist.");

    /// <summary>The user belongs to no cloud account (only the platform admin may be so).</summary>
    public static EcsError NoAccount() => new(NoAccountCode, 401, "The caller belongs to no cloud account.");

    /// <summary>The email of a member to add is not a well-formed address.</summary>
    public static EcsError EmailMalformed() => new(EmailMalformedCode, 400, "The specified email address is malformed.");

    /// <summary>A user with this email already exists; a user belongs to one account at most.</summary>
    public static EcsError AlreadyMember(string email) =>
        new(AlreadyMemberCode, 409, $"A user with the email \"{email}\" already exists and belongs to an account.");

    /// <summary>The user is locked out after failed sign-ins: refused whatever it tries, in the console and the API.</summary>
    public static EcsError LockedOut() => CommonErrors.Forbidden("Your user is locked out.");

    /// <summary>No cloud account has this ID.</summary>
    public static EcsError AccountNotFound(string accountId) => new(AccountNotFoundCode, 404, $"The account \"{accountId}\" does not exist.");

    /// <summary>The account's last Admin can be neither demoted nor removed.</summary>
    public static EcsError LastAdmin() =>
        new(LastAdminCode, 403, "The account must keep at least one Admin: promote another member first.");
}
