using EcsConsole.Domain.Common;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// The shape rules of snapshot names and descriptions (domain-rules §2), as pure functions: null when the value is
/// acceptable, else the ECS error. A null or empty value means "not given" and is acceptable; a value of spaces is
/// given, and checked like any other.
/// </summary>
public static class SnapshotValidation
{
    public const int MinLength = 2;
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 256;

    /// <summary>Automatic snapshots are named <c>auto2.0_yyyyMMdd_N</c> (VAL-SNAPNAME-02), so no user name may start with it.</summary>
    public const string ReservedNamePrefix = "auto";

    private const string NamePunctuation = ".:_-";

    /// <summary>
    /// VAL-SNAPNAME-01: 2–128 characters; starts with an English letter or a Chinese character; then letters,
    /// digits, Chinese characters, <c>.</c> <c>:</c> <c>_</c> <c>-</c>; not starting with <c>http://</c> or
    /// <c>https://</c>; not starting with <c>auto</c> in any case. Returns <see cref="SnapshotErrors.NameMalformed"/> or null.
    /// </summary>
    public static EcsError? Name(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Length is < MinLength or > MaxNameLength)
        {
            return SnapshotErrors.NameMalformed($"it must be {MinLength} to {MaxNameLength} characters long.");
        }

        if (TextRules.StartsWithUrl(name))
        {
            return SnapshotErrors.NameMalformed("it must not start with http:// or https://.");
        }

        if (name.StartsWith(ReservedNamePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return SnapshotErrors.NameMalformed("names starting with auto are reserved for automatic snapshots.");
        }

        if (!TextRules.IsLetter(name[0]))
        {
            return SnapshotErrors.NameMalformed("it must start with a letter or a Chinese character.");
        }

        return TextRules.OnlyNameCharacters(name, NamePunctuation)
            ? null
            : SnapshotErrors.NameMalformed("it may contain only letters, digits, Chinese characters, periods (.), colons (:), underscores (_) and hyphens (-).");
    }

    /// <summary>
    /// VAL-SNAPDESC-01: 2–256 characters, not starting with <c>http://</c> or <c>https://</c>. Returns
    /// <see cref="SnapshotErrors.DescriptionMalformed"/> (400; the CreateSnapshot page's 404 is taken for a doc error) or null.
    /// </summary>
    public static EcsError? Description(string? description)
    {
        if (string.IsNullOrEmpty(description))
        {
            return null;
        }

        if (description.Length is < MinLength or > MaxDescriptionLength)
        {
            return SnapshotErrors.DescriptionMalformed($"it must be {MinLength} to {MaxDescriptionLength} characters long.");
        }

        return TextRules.StartsWithUrl(description)
            ? SnapshotErrors.DescriptionMalformed("it must not start with http:// or https://.")
            : null;
    }
}
