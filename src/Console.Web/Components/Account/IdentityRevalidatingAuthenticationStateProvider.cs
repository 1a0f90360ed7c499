using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using EcsConsole.Web.Infrastructure;

namespace EcsConsole.Web.Components.Account;

// This is a server-side AuthenticationStateProvider that revalidates the connected user every 30 seconds while an
// interactive circuit is connected: its sign-in session must still exist in the database (a logout in another tab, or
// on another node, deletes it), the user must still exist and not be locked out, and its security stamp must be unchanged.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        DatabaseTicketStore sessions,
        IHostApplicationLifetime lifetime)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            return await IsStillValidAsync(authenticationState.User, cancellationToken);
        }
        catch (ObjectDisposedException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The host is stopping and has disposed the services a check needs before this circuit's loop ended: the
            // circuit goes with the process, so there is nothing to revalidate (the base class would log an error).
            return true;
        }
    }

    /// <summary>The check each revalidation runs: the user's session still exists, the user is not locked out, and its security stamp is unchanged.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // Every application-cookie principal names its session (see DatabaseTicketStore); one that does not has none.
        var sessionId = user.FindFirstValue(DatabaseTicketStore.SessionIdClaimType);
        if (sessionId is null || !await sessions.IsActiveAsync(sessionId, cancellationToken))
        {
            return false;
        }

        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        return await ValidateSecurityStampAsync(userManager, user);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ConsoleUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            // Removed, or locked out after failed sign-ins: its open tabs end too (security issue, item 1).
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
