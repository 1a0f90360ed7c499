namespace EcsConsole.Domain.Common;

/// <summary>
/// The shape ECS's name rules share (domain-rules §2: image, family and snapshot names; Image Builder's IB-05), checked
/// in this order: the length; what the name may not carry (<see cref="Forbidden"/>: URLs, reserved prefixes, each with
/// its reason); a letter or Chinese character first; then only letters, digits, Chinese characters and
/// <see cref="Punctuation"/>. A null or empty name is "not given" and acceptable.
/// </summary>
/// <param name="MaxLength">The longest name; the shortest is <see cref="MinLength"/>.</param>
/// <param name="Punctuation">The punctuation allowed besides letters and digits.</param>
/// <param name="CharactersReason">Why a name with another character is refused.</param>
/// <param name="Forbidden">What the name may not carry: each returns its reason, or null.</param>
internal sealed record NameRule(int MaxLength, string Punctuation, string CharactersReason, params Func<string, string?>[] Forbidden)
{
    public const int MinLength = 2;

    /// <summary>The reason shared by the image, family and snapshot rules for a character outside <c>. : _ -</c>.</summary>
    public const string EcsCharactersReason = "it may contain only letters, digits, Chinese characters, periods (.), colons (:), underscores (_) and hyphens (-).";

    /// <summary>Why <paramref name="name"/> is malformed, or null.</summary>
    public string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Length < MinLength || name.Length > MaxLength)
        {
            return $"it must be {MinLength} to {MaxLength} characters long.";
        }

        foreach (var forbidden in Forbidden)
        {
            if (forbidden(name) is { } why)
            {
                return why;
            }
        }

        if (!TextRules.IsLetter(name[0]))
        {
            return "it must start with a letter or a Chinese character.";
        }

        return TextRules.OnlyNameCharacters(name, Punctuation) ? null : CharactersReason;
    }

    /// <summary>No <c>http://</c> or <c>https://</c> anywhere.</summary>
    public static string? NoUrl(string name) => TextRules.ContainsUrl(name) ? "it must not contain http:// or https://." : null;

    /// <summary>Not starting with <c>http://</c> or <c>https://</c>.</summary>
    public static string? NoLeadingUrl(string name) => TextRules.StartsWithUrl(name) ? "it must not start with http:// or https://." : null;

    /// <summary>
    /// Why a description is malformed (VAL-DESC-01, VAL-SNAPDESC-01, IB-05): given, it is 2 to <paramref name="maxLength"/>
    /// characters long and does not start with <c>http://</c> or <c>https://</c>; null when it is, or is not given.
    /// </summary>
    public static string? DescriptionProblem(string? description, int maxLength) =>
        string.IsNullOrEmpty(description) ? null
        : description.Length < MinLength || description.Length > maxLength ? $"it must be {MinLength} to {maxLength} characters long."
        : NoLeadingUrl(description);
}
