namespace EcsConsole.Web.Components.Account;

/// <summary>
/// The open-redirect guard of the Identity pages and endpoints: which return URLs stay inside the console. A return URL
/// that fails it is not an error (the sign-in or sign-out still happens); the browser just lands on the console's home.
/// </summary>
internal static class LocalUrl
{
    /// <summary>
    /// True for a path of this site: <c>/x</c> or <c>~/x</c> (but not <c>//host</c>), or a relative path such as
    /// <c>Account/Lockout</c> or the empty string. False for anything with a scheme (<c>https:</c>, <c>javascript:</c>),
    /// a backslash anywhere (browsers read <c>/\host</c> as <c>//host</c>) or a control character.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (url is null || url.Any(c => c == '\\' || char.IsControl(c)))
        {
            return false;
        }

        if (url.StartsWith("~/", StringComparison.Ordinal))
        {
            url = url[1..];
        }

        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal);
        }

        // Relative: no scheme, that is no ':' before the first '/', '?' or '#'.
        var end = url.IndexOfAny(['/', '?', '#']);
        return !(end < 0 ? url : url[..end]).Contains(':', StringComparison.Ordinal);
    }
}
