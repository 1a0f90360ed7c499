using System.Text;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>The name, description and tag rules Image Builder resources share (IB-05, IB-06).</summary>
public static class BuilderRules
{
    private static readonly NameRule BuilderName = new(128, ":_.-",
        "it may contain only letters, Chinese characters, digits, colons, underscores, periods and hyphens.", NameRule.NoLeadingUrl);

    /// <summary>IB-05: 2–128 characters, a letter or Chinese character first, no http(s)://, letters, digits, <c>: _ . -</c>.</summary>
    public static EcsError? Name(string? name) => BuilderName.Problem(name) is { } why ? ImageBuilderErrors.NameMalformed(why) : null;

    /// <summary>
    /// The region a new component or template is made in, once its name, description and tags are well formed:
    /// <c>InvalidRegionId.NotFound</c> first, then the first malformed text.
    /// </summary>
    public static async Task<Result<Region>> NewResourceAsync(ConsoleDbContext db, NewBuilderResourceRequest request, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RegionId, ct);
        return region is null ? CommonErrors.RegionNotFound(request.RegionId)
            : (Name(request.Name) ?? Description(request.Description) ?? Tags(request.Tags)) is { } invalid ? invalid
            : region;
    }

    /// <summary>IB-05: 2–256 characters, not starting with http(s)://.</summary>
    public static EcsError? Description(string? description) =>
        NameRule.DescriptionProblem(description, 256) is null ? null : ImageBuilderErrors.DescriptionMalformed();

    /// <summary>
    /// An enumeration value written exactly as one of its names (<c>Linux</c>, <c>Build</c>, <c>SUCCESS</c>…).
    /// <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> alone also takes numbers (<c>"1"</c>), comma lists
    /// (<c>"Linux,Windows"</c>) and padding, which the API refuses with the value's code.
    /// </summary>
    public static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum
    {
        value = default;
        return Enum.GetNames<T>().Contains(text, StringComparer.Ordinal) && Enum.TryParse(text, false, out value);
    }

    /// <summary>IB-06: the image tag rules (≤ 20, key and value shapes, no duplicate keys).</summary>
    public static EcsError? Tags(IReadOnlyList<BuilderTag>? tags) =>
        tags is null ? null : ImageValidation.Tags([.. tags.Select(t => (t.Key, t.Value))]);
}

/// <summary>What every request that makes a component or a template has, checked by <see cref="BuilderRules.NewResourceAsync"/>.</summary>
public abstract record NewBuilderResourceRequest
{
    public required string RegionId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<BuilderTag> Tags { get; init; } = [];

    /// <summary>The resource group of the new resource, else the account's default (IB-40: <c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }
}

/// <summary>
/// What every Image Builder list query (components, templates, builds) has: the region, the tags a row must carry, and
/// <c>NextToken</c>/<c>MaxResults</c> paging (IB-08).
/// </summary>
public abstract record BuilderListQuery
{
    public required string RegionId { get; init; }

    /// <summary>Every tag a listed row must carry; one with an empty value matches any value of its key.</summary>
    public IReadOnlyList<BuilderTag> Tags { get; init; } = [];

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }

    /// <summary>The page this query asks for, of the <paramref name="rows"/> (in their order) that carry every tag of <see cref="Tags"/>.</summary>
    public Result<TokenPage<T>> Page<T>(IEnumerable<T> rows, Func<T, IEnumerable<BuilderTag>> tagsOf) =>
        TokenPaging.Page<T>(
            [.. rows.Where(r => Tags.All(t => tagsOf(r).Any(rt => rt.Key == t.Key && (string.IsNullOrEmpty(t.Value) || rt.Value == t.Value))))],
            MaxResults, NextToken);
}

/// <summary>One page of a list that pages with <c>NextToken</c>/<c>MaxResults</c> (IB-08).</summary>
public sealed record TokenPage<T>(IReadOnlyList<T> Items, int TotalCount, int MaxResults, string NextToken);

/// <summary>
/// <c>NextToken</c>/<c>MaxResults</c> paging (IB-08): <c>MaxResults</c> 1–500, default 50; the token is opaque (the
/// offset of the next item, encoded); an empty token on the last page; a token this service did not make is
/// <c>Invalid.NextToken</c> (403).
/// </summary>
public static class TokenPaging
{
    public const int DefaultMaxResults = 50;
    public const int MaxMaxResults = 500;
    private const string Prefix = "ib1:";

    public static Result<TokenPage<T>> Page<T>(IReadOnlyList<T> all, int? maxResults, string? nextToken)
    {
        var size = maxResults ?? DefaultMaxResults;
        if (size is < 1 or > MaxMaxResults)
        {
            return CommonErrors.InvalidParameter("MaxResults", $"it must be 1 to {MaxMaxResults}.");
        }

        var offset = 0;
        if (!string.IsNullOrEmpty(nextToken) && !TryDecode(nextToken, out offset))
        {
            return ImageBuilderErrors.NextToken();
        }

        var items = all.Skip(offset).Take(size).ToList();
        var next = offset + items.Count < all.Count ? Encode(offset + items.Count) : "";
        return new TokenPage<T>(items, all.Count, size, next);
    }

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + offset)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            return text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text[Prefix.Length..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
