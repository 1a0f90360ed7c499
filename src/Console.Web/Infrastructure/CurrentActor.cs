using System.Security.Claims;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// The signed-in user as the domain's <see cref="Actor"/>, read from the database each time it is asked for (never kept
/// for the circuit): a page that opens after a role change, a removal or a lockout sees it. Services re-read the actor's
/// role at each change anyway (<see cref="EcsConsole.Domain.Permissions.Access.CurrentAsync"/>), so what a page holds
/// decides only what it shows as enabled.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authState, AccountService accounts)
{
    /// <summary>The actor, or null when nobody is signed in, or the user no longer exists or is locked out.</summary>
    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        var state = await authState.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        var result = await accounts.GetActorAsync(userId, ActorSource.Console, ct);
        return result.IsSuccess ? result.Value : null;
    }
}
