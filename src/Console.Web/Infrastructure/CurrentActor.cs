using System.Security.Claims;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// The signed-in user as the domain's <see cref="Actor"/>: read once per circuit (or request) from the
/// authentication state and the user's account membership. Pages pass it to every service call.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authState, AccountService accounts)
{
    private Actor? _actor;

    /// <summary>The actor, or null when nobody is signed in (or the user no longer exists).</summary>
    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        if (_actor is not null)
        {
            return _actor;
        }

        var state = await authState.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        var result = await accounts.GetActorAsync(userId, ActorSource.Console, ct);
        _actor = result.IsSuccess ? result.Value : null;
        return _actor;
    }
}
