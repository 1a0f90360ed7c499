using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using EcsConsole.Domain.Accounts;

namespace EcsConsole.Web.Components.Account;

/// <summary>
/// The base of the static SSR account pages: the Identity services they use, the request's <see cref="HttpContext"/>,
/// and the one way to load the signed-in user or send the browser to Account/InvalidUser.
/// </summary>
public abstract class AccountPage : ComponentBase
{
    [Inject] protected UserManager<ConsoleUser> UserManager { get; set; } = null!;

    [Inject] protected SignInManager<ConsoleUser> SignInManager { get; set; } = null!;

    [Inject] private protected IdentityRedirectManager RedirectManager { get; set; } = null!;

    [CascadingParameter] protected HttpContext HttpContext { get; set; } = null!;

    /// <summary>The signed-in user, or null (then <see cref="UserMissing"/> redirects).</summary>
    protected Task<ConsoleUser?> GetCurrentUserAsync() => UserManager.GetUserAsync(HttpContext.User);

    /// <summary>True, after redirecting to Account/InvalidUser, when <paramref name="user"/> could not be loaded.</summary>
    protected bool UserMissing([NotNullWhen(false)] ConsoleUser? user)
    {
        if (user is not null)
        {
            return false;
        }

        RedirectManager.RedirectToInvalidUser(UserManager, HttpContext);
        return true;
    }

    /// <summary>The status message of a failed Identity result: "Error: " and its error descriptions.</summary>
    protected static string ErrorMessage(IdentityResult result) =>
        $"Error: {string.Join(",", result.Errors.Select(error => error.Description))}";
}
