using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace EcsConsole.Web.Components.Account;

/// <summary>The Base64Url-encoded tokens of the Identity links (confirm email, change email, reset password).</summary>
internal static class IdentityCodes
{
    /// <summary>
    /// Decodes a code from a link; false for one that is not Base64Url (a mangled or hand-made link), which the pages
    /// answer like a wrong code instead of failing the request.
    /// </summary>
    public static bool TryDecode(string encoded, out string code)
    {
        try
        {
            code = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
            return true;
        }
        catch (FormatException)
        {
            code = "";
            return false;
        }
    }
}
