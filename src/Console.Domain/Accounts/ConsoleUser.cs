using Microsoft.AspNetCore.Identity;

namespace EcsConsole.Domain.Accounts;

/// <summary>An Identity user. Which cloud account it acts in, and with which role, is its <see cref="AccountMembership"/>.</summary>
public class ConsoleUser : IdentityUser
{
    /// <summary>The platform admin (<c>root@ecsconsole.local</c>) manages every account's quotas and belongs to no account.</summary>
    public bool IsPlatformAdmin { get; set; }
}
