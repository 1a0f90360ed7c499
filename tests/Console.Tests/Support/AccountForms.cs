using System.Net;
using System.Text.RegularExpressions;

namespace EcsConsole.Tests.Support;

/// <summary>
/// Drives the static-SSR Identity forms over HTTP as a browser does: reads the page, keeps every hidden field the form
/// renders (antiforgery token, handler name, ReturnUrl) and posts it back with the inputs.
/// </summary>
public static partial class AccountForms
{
    /// <summary>
    /// Gets <paramref name="pageUrl"/>, finds the form posting to a path starting with <paramref name="actionPath"/> and
    /// posts it to its own action with <paramref name="inputs"/> added.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string actionPath, IReadOnlyDictionary<string, string> inputs)
    {
        var page = await client.GetStringAsync(pageUrl);
        var form = Forms().Matches(page).FirstOrDefault(f => WebUtility.HtmlDecode(f.Groups["action"].Value).TrimStart('/').StartsWith(actionPath.TrimStart('/'), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form posting to {actionPath} on {pageUrl}");
        var fields = HiddenFields(form.Value);
        foreach (var (name, value) in inputs)
        {
            fields[name] = value;
        }

        var action = WebUtility.HtmlDecode(form.Groups["action"].Value);
        return await client.PostAsync(action.StartsWith('/') ? action : "/" + action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in through the real login form, with <paramref name="returnUrl"/> in the page's query when given.</summary>
    public static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password, string? returnUrl = null) =>
        SubmitAsync(
            client,
            returnUrl is null ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Registers through the real sign-up form.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password) =>
        SubmitAsync(
            client,
            "/Account/Register",
            "/Account/Register",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });

    /// <summary>Clicks the shell's Logout button: posts the logout form of the overview page, token included.</summary>
    public static Task<HttpResponseMessage> LogOutAsync(HttpClient client) =>
        SubmitAsync(client, "/", "Account/Logout", new Dictionary<string, string>());

    /// <summary>The hidden inputs of a form, by name.</summary>
    public static Dictionary<string, string> HiddenFields(string form) =>
        HiddenInput().Matches(form).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<form[^>]*\\baction=\"(?<action>[^\"]*)\"[^>]*>[\\s\\S]*?</form>")]
    private static partial Regex Forms();

    // Blazor renders an empty value as a bare attribute: <input type="hidden" name="ReturnUrl" value>.
    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value(=\"(?<value>[^\"]*)\")?")]
    private static partial Regex HiddenInput();
}
