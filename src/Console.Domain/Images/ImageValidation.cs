namespace EcsConsole.Domain.Images;

/// <summary>
/// The shape rules of image names, descriptions, families and tags (domain-rules §2), as pure functions: null when
/// the value is acceptable, else the ECS error. Pages may call them for inline messages; services call them again,
/// because the API has no form. A null or empty value means "not given" and is acceptable (VAL-NAME-05: optional on
/// create, "keep the current value" on modify); a value of spaces is given, and checked like any other.
/// <para>
/// Reserved prefixes (<c>acs:</c>, <c>acs</c>, <c>aliyun</c>) are matched as written, case-sensitively (VAL-NAME-04);
/// <c>http://</c> and <c>https://</c> are matched in any case, as URL schemes are.
/// </para>
/// </summary>
public static class ImageValidation
{
    public const int MinLength = NameRule.MinLength;
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 256;
    public const int MaxFamilyLength = 128;
    public const int MaxTags = 20;
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 128;

    private static readonly NameRule ImageName = new(MaxNameLength, ".:_-", NameRule.EcsCharactersReason, NameRule.NoUrl,
        name => name.StartsWith("acs:", StringComparison.Ordinal) || name.StartsWith("aliyun", StringComparison.Ordinal) ? "it must not start with acs: or aliyun." : null);

    private static readonly NameRule FamilyName = new(MaxFamilyLength, ".:_-", NameRule.EcsCharactersReason, NameRule.NoUrl,
        family => family.StartsWith("acs", StringComparison.Ordinal) || family.StartsWith("aliyun", StringComparison.Ordinal) ? "it must not start with acs or aliyun." : null);

    /// <summary>
    /// VAL-NAME-01..04, 06: 2–128 characters; starts with an English letter or a Chinese character; then letters,
    /// digits, Chinese characters, <c>.</c> <c>:</c> <c>_</c> <c>-</c>; not starting with <c>acs:</c> or <c>aliyun</c>;
    /// no <c>http://</c> or <c>https://</c> anywhere. Returns <see cref="ImageErrors.NameMalformed"/> or null.
    /// </summary>
    public static EcsError? Name(string? name) => ImageName.Problem(name) is { } why ? ImageErrors.NameMalformed(why) : null;

    /// <summary>
    /// VAL-DESC-01: 2–256 characters, not starting with <c>http://</c> or <c>https://</c>.
    /// Returns <see cref="ImageErrors.DescriptionMalformed"/> or null.
    /// </summary>
    public static EcsError? Description(string? description) =>
        NameRule.DescriptionProblem(description, MaxDescriptionLength) is { } why ? ImageErrors.DescriptionMalformed(why) : null;

    /// <summary>
    /// VAL-FAM-01/02: 2–128 characters; starts with an English letter or a Chinese character; then letters, digits,
    /// Chinese characters, <c>.</c> <c>:</c> <c>_</c> <c>-</c>; not starting with <c>acs</c> (reserved for the
    /// <c>acs:&lt;owner&gt;:&lt;family&gt;</c> form other accounts see, and covering <c>acs:</c>) or <c>aliyun</c>;
    /// no <c>http://</c> or <c>https://</c>. Returns <see cref="ImageErrors.FamilyMalformed"/> or null.
    /// </summary>
    public static EcsError? Family(string? family) => FamilyName.Problem(family) is { } why ? ImageErrors.FamilyMalformed(why) : null;

    /// <summary>
    /// VAL-TAG-01..04, checked in this order: at most 20 tags (<see cref="ImageErrors.TagQuota"/>); then tag by tag,
    /// the key — non-blank, at most 128 characters, not starting with <c>aliyun</c> or <c>acs:</c>, no
    /// <c>http://</c>/<c>https://</c> (<see cref="ImageErrors.TagKeyMalformed"/>) — the value — may be empty, at most
    /// 128 characters, not starting with <c>acs:</c>, no <c>http://</c>/<c>https://</c>
    /// (<see cref="ImageErrors.TagValueMalformed"/>) — and a key already given, compared case-insensitively
    /// (<see cref="ImageErrors.TagKeyDuplicate"/>). Null when every tag is acceptable.
    /// </summary>
    public static EcsError? Tags(IReadOnlyList<(string Key, string Value)> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count > MaxTags)
        {
            return ImageErrors.TagQuota(MaxTags);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in tags)
        {
            if (TagKey(key) is { } keyError)
            {
                return keyError;
            }

            if (TagValue(value ?? "") is { } valueError)
            {
                return valueError;
            }

            if (!seen.Add(key))
            {
                return ImageErrors.TagKeyDuplicate(key);
            }
        }

        return null;
    }

    private static EcsError? TagKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return ImageErrors.TagKeyMalformed("it must not be empty.");
        }

        if (key.Length > MaxTagKeyLength)
        {
            return ImageErrors.TagKeyMalformed($"it must be at most {MaxTagKeyLength} characters long.");
        }

        if (key.StartsWith("aliyun", StringComparison.Ordinal) || key.StartsWith("acs:", StringComparison.Ordinal))
        {
            return ImageErrors.TagKeyMalformed("it must not start with aliyun or acs:.");
        }

        return TextRules.ContainsUrl(key) ? ImageErrors.TagKeyMalformed("it must not contain http:// or https://.") : null;
    }

    private static EcsError? TagValue(string value)
    {
        if (value.Length > MaxTagValueLength)
        {
            return ImageErrors.TagValueMalformed($"it must be at most {MaxTagValueLength} characters long.");
        }

        if (value.StartsWith("acs:", StringComparison.Ordinal))
        {
            return ImageErrors.TagValueMalformed("it must not start with acs:.");
        }

        return TextRules.ContainsUrl(value) ? ImageErrors.TagValueMalformed("it must not contain http:// or https://.") : null;
    }
}
