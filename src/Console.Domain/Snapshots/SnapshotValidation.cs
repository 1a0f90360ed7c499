namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// The shape rules of snapshot names and descriptions (domain-rules §2), as pure functions: null when the value is
/// acceptable, else the ECS error. A null or empty value means "not given" and is acceptable; a value of spaces is
/// given, and checked like any other.
/// </summary>
public static class SnapshotValidation
{
    public const int MinLength = NameRule.MinLength;
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 256;

    /// <summary>Automatic snapshots are named <c>auto2.0_yyyyMMdd_N</c> (VAL-SNAPNAME-02), so no user name may start with it.</summary>
    public const string ReservedNamePrefix = "auto";

    private static readonly NameRule SnapshotName = new(MaxNameLength, ".:_-", NameRule.EcsCharactersReason, NameRule.NoLeadingUrl,
        name => name.StartsWith(ReservedNamePrefix, StringComparison.OrdinalIgnoreCase) ? "names starting with auto are reserved for automatic snapshots." : null);

    /// <summary>
    /// VAL-SNAPNAME-01: 2–128 characters; starts with an English letter or a Chinese character; then letters,
    /// digits, Chinese characters, <c>.</c> <c>:</c> <c>_</c> <c>-</c>; not starting with <c>http://</c> or
    /// <c>https://</c>; not starting with <c>auto</c> in any case. Returns <see cref="SnapshotErrors.NameMalformed"/> or null.
    /// </summary>
    public static EcsError? Name(string? name) => SnapshotName.Problem(name) is { } why ? SnapshotErrors.NameMalformed(why) : null;

    /// <summary>
    /// VAL-SNAPDESC-01: 2–256 characters, not starting with <c>http://</c> or <c>https://</c>. Returns
    /// <see cref="SnapshotErrors.DescriptionMalformed"/> (400; the CreateSnapshot page's 404 is taken for a doc error) or null.
    /// </summary>
    public static EcsError? Description(string? description) =>
        NameRule.DescriptionProblem(description, MaxDescriptionLength) is { } why ? SnapshotErrors.DescriptionMalformed(why) : null;

    /// <summary>
    /// SDP-02: the tags a snapshot or disk is made with follow the image tag rules (at most 20, keys unique, the key and
    /// value shapes): <see cref="Images.ImageValidation.Tags"/>'s codes, or null.
    /// </summary>
    public static EcsError? Tags(IReadOnlyList<(string Key, string Value)> tags) => tags.Count == 0 ? null : Images.ImageValidation.Tags(tags);
}
