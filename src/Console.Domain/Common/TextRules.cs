namespace EcsConsole.Domain.Common;

/// <summary>
/// The character classes ECS's name rules are written in (domain-rules §2), shared by the image and snapshot
/// validators. "Letter" means an English letter or a Chinese character; "digit" means 0–9 only (not other scripts'
/// digits, which <see cref="char.IsDigit(char)"/> would accept).
/// </summary>
internal static class TextRules
{
    /// <summary>
    /// A Chinese character: CJK Unified Ideographs, Extension A and the compatibility ideographs. Characters outside
    /// the Basic Multilingual Plane (Extension B and later) are not accepted: ECS counts lengths in characters and
    /// a surrogate pair would count twice here.
    /// </summary>
    public static bool IsChinese(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    public static bool IsEnglishLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    /// <summary>What a name may start with: an English letter or a Chinese character.</summary>
    public static bool IsLetter(char c) => IsEnglishLetter(c) || IsChinese(c);

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Letters, digits and Chinese characters, plus the punctuation in <paramref name="punctuation"/>.</summary>
    public static bool OnlyNameCharacters(string text, string punctuation)
    {
        foreach (var c in text)
        {
            if (!IsLetter(c) && !IsAsciiDigit(c) && !punctuation.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>http://</c> or <c>https://</c> anywhere (a URL scheme is case-insensitive).</summary>
    public static bool ContainsUrl(string text) =>
        text.Contains("http://", StringComparison.OrdinalIgnoreCase) || text.Contains("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts with <c>http://</c> or <c>https://</c> (a URL scheme is case-insensitive).</summary>
    public static bool StartsWithUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
