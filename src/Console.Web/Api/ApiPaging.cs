using System.Globalization;

namespace EcsConsole.Web.Api;

/// <summary>
/// ECS's two paging styles over a list the domain already filtered for the actor: <c>PageNumber</c>/<c>PageSize</c>
/// (1–100, default 10) and <c>NextToken</c>/<c>MaxResults</c> (the token is the offset of the next item; a token
/// overrides page fields).
/// </summary>
internal sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, string? NextToken)
{
    public static ApiPage<T> Read(ApiParameters p, IReadOnlyList<T> all, bool tokens)
    {
        var pageNumber = p.Int("PageNumber", 1, ApiParameters.MaxPageNumber) ?? 1;
        var pageSize = p.Int("PageSize", 1, 100) ?? 10;
        if (tokens && (p.Get("NextToken") is not null || p.Get("MaxResults") is not null))
        {
            var max = p.Int("MaxResults", 1, 100) ?? 10;
            var offset = 0;
            if (p.Get("NextToken") is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > all.Count))
            {
                p.Fail(ApiErrors.Invalid("InvalidParameter.NextToken", 400, "The specified NextToken is not valid."));
                offset = 0;
            }

            var items = all.Skip(offset).Take(max).ToList();
            var next = offset + items.Count < all.Count ? (offset + items.Count).ToString(CultureInfo.InvariantCulture) : "";
            return new ApiPage<T>(items, all.Count, 1, max, next);
        }

        return new ApiPage<T>([.. all.Skip((pageNumber - 1) * pageSize).Take(pageSize)], all.Count, pageNumber, pageSize, tokens ? "" : null);
    }
}
