using System.Globalization;
using EcsConsole.Domain.Common;

namespace EcsConsole.Web.Api;

/// <summary>How an action pages, as on ECS.</summary>
internal enum PagingStyle
{
    /// <summary><c>PageNumber</c> (1–1,000,000, default 1) and <c>PageSize</c> (1–100, default 10).</summary>
    Pages,

    /// <summary>
    /// <see cref="Pages"/>, or <c>NextToken</c>/<c>MaxResults</c> (1–100, default 10) when either is given: the token is the
    /// offset of the next item, and a token that is not one is <c>InvalidParameter.NextToken</c>. The reply always has a
    /// <c>NextToken</c> (empty on the last page).
    /// </summary>
    PagesOrTokens,

    /// <summary>Tokens only, read leniently (a token that is not an offset starts at the top), with a fixed or bounded page size.</summary>
    LenientTokens,

    /// <summary><c>MaxResults</c>/<c>NextToken</c> handed to the domain as they came, which checks and pages them (Image Builder).</summary>
    Domain,
}

/// <summary>
/// The paging parameters of one call, read in one place in one order (PageNumber, PageSize, then MaxResults): the first
/// malformed one is recorded on the <see cref="ApiParameters"/> like any other parameter. <see cref="Of{T}"/> pages a list the
/// domain already filtered for the actor; the catalogue (SQL) and Image Builder (domain) page themselves with these values.
/// </summary>
internal sealed record ApiPaging(PagingStyle Style, int PageNumber, int PageSize, int? MaxResults, string? NextToken, bool UsesTokens)
{
    public static ApiPaging Read(ApiParameters p, PagingStyle style)
    {
        if (style == PagingStyle.Domain)
        {
            return new ApiPaging(style, 1, 10, p.Int("MaxResults"), p.Get("NextToken"), UsesTokens: true);
        }

        var pageNumber = p.Int("PageNumber", 1, ApiParameters.MaxPageNumber) ?? 1;
        var pageSize = p.Int("PageSize", 1, 100) ?? 10;
        var usesTokens = style == PagingStyle.PagesOrTokens && (p.Get("NextToken") is not null || p.Get("MaxResults") is not null);
        return new ApiPaging(style, pageNumber, pageSize, usesTokens ? p.Int("MaxResults", 1, 100) ?? 10 : null, p.Get("NextToken"), usesTokens);
    }

    /// <summary>Tokens read leniently: at most <paramref name="pageSize"/> items, or <c>MaxResults</c> (1–<paramref name="maxResults"/>) when that is given.</summary>
    public static ApiPaging Lenient(ApiParameters p, int pageSize, int? maxResults = null) =>
        new(PagingStyle.LenientTokens, 1, pageSize, maxResults is { } limit ? p.Int("MaxResults", 1, limit) ?? pageSize : pageSize, p.Get("NextToken"), UsesTokens: true);

    /// <summary>The page of <paramref name="all"/> these parameters ask for, or <c>InvalidParameter.NextToken</c>.</summary>
    public Result<ApiPage<T>> Of<T>(IReadOnlyList<T> all)
    {
        if (!UsesTokens)
        {
            return new ApiPage<T>([.. all.Skip((PageNumber - 1) * PageSize).Take(PageSize)], all.Count, PageNumber, PageSize, Style == PagingStyle.PagesOrTokens ? "" : null);
        }

        var offset = 0;
        if (NextToken is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > all.Count))
        {
            if (Style != PagingStyle.LenientTokens)
            {
                return ApiErrors.Invalid("InvalidParameter.NextToken", 400, "The specified NextToken is not valid.");
            }

            offset = int.TryParse(token, out var o) && o >= 0 ? o : 0;
        }

        var max = MaxResults ?? PageSize;
        var items = all.Skip(offset).Take(max).ToList();
        var next = offset + items.Count < all.Count ? (offset + items.Count).ToString(CultureInfo.InvariantCulture) : "";
        return new ApiPage<T>(items, all.Count, 1, max, next);
    }
}

/// <summary>One page of a list: its items, the list's total, and the page fields and <c>NextToken</c> the reply carries.</summary>
internal sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, string? NextToken);
