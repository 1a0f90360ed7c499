using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace EcsConsole.Web.Localization;

/// <summary>
/// The console's two languages (ui-contract §8): English, the default, and Simplified Chinese. The choice lives in
/// ASP.NET Core's standard culture cookie (<c>.AspNetCore.Culture</c>, <c>c=zh-CN|uic=zh-CN</c>), read by the request
/// localisation middleware on every request, the circuit's own included, so a page and its circuit agree. Only the
/// cookie decides: a browser's Accept-Language does not, so a suite always starts in English. The ECS API answers
/// before the middleware runs and never changes language (its messages stay in English, as ECS's do).
/// </summary>
public static class ConsoleCultures
{
    /// <summary>English, the default.</summary>
    public const string English = "en";

    /// <summary>Simplified Chinese.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>The languages of the shell's Language selector: culture name and the name shown, each in its own language.</summary>
    public static IReadOnlyList<(string Culture, string Name)> Supported { get; } = [(English, "English"), (Chinese, "简体中文")];

    /// <summary>True for a culture the console is translated into.</summary>
    public static bool IsSupported(string? culture) => Supported.Any(s => s.Culture == culture);

    /// <summary>True while the current request or circuit shows Chinese.</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name == Chinese;

    /// <summary>The request localisation options: the cookie only, English by default.</summary>
    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(English)
            .AddSupportedCultures([.. Supported.Select(s => s.Culture)])
            .AddSupportedUICultures([.. Supported.Select(s => s.Culture)]);
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>
    /// <c>GET /culture/set?culture=zh-CN&amp;redirectUri=/images</c>: writes the culture cookie (a year, for the whole
    /// site) and goes back to the page, which reloads in the new language. Only a local redirect is followed (no open
    /// redirect); an unknown culture is refused with 400.
    /// </summary>
    public static IResult Set(HttpContext context, string? culture, string? redirectUri)
    {
        if (!IsSupported(culture))
        {
            return Results.BadRequest($"Unknown culture: {culture}");
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = false,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
        var target = string.IsNullOrEmpty(redirectUri) || !IsLocal(redirectUri) ? "/" : redirectUri;
        return Results.LocalRedirect(target);
    }

    private static bool IsLocal(string uri) =>
        uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) && !uri.StartsWith("/\\", StringComparison.Ordinal);
}
