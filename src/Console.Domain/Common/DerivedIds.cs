using System.Security.Cryptography;
using System.Text;

namespace EcsConsole.Domain.Common;

/// <summary>
/// IDs derived from what they name instead of stored (ADR-026): the same seed gives the same lowercase letters and digits
/// on every node and after every reset, and two seeds practically never share them.
/// </summary>
public static class DerivedIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary><paramref name="length"/> (at most 32) lowercase letters and digits derived from <paramref name="seed"/>.</summary>
    public static string Characters(string seed, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[hash[i] % Alphabet.Length]);
        }

        return text.ToString();
    }
}
