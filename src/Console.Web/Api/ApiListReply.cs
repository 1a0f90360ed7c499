using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;

namespace EcsConsole.Web.Api;

/// <summary>
/// The reply of a paged Describe action (ADR-009): ECS's paging fields in the order the SDK models list them, then the
/// page's items under their two-level list wrapper (<c>Instances.Instance[]</c>). ECS has two such envelopes:
/// <list type="bullet">
/// <item>page-number lists (<see cref="Pages{T}(ApiCall, ApiPage{T}, string, string, Func{T, object}, string?)"/>):
/// <c>RequestId</c>, <c>RegionId</c> (where the action reports it), <c>NextToken</c> (lists that also page with tokens),
/// <c>TotalCount</c>, <c>PageNumber</c>, <c>PageSize</c>;</item>
/// <item>Image Builder's token lists (<see cref="Tokens{T}"/>): <c>RequestId</c>, <c>TotalCount</c>, <c>MaxResults</c>,
/// <c>NextToken</c>.</item>
/// </list>
/// The item shapes stay with their actions: they are the wire shapes the SDK models pin, field by field. A field without
/// a value is left out, as <see cref="EcsApiMiddleware.Json"/> leaves out a null member.
/// </summary>
internal static class ApiListReply
{
    /// <summary>A page-number list's reply, or the paging error.</summary>
    public static ApiReply Pages<T>(this Result<ApiPage<T>> page, ApiCall call, string wrapper, string item, Func<T, object> json, string? regionId = null) =>
        page.Reply(p => Pages(call, p, wrapper, item, json, regionId));

    /// <summary>The body of a page-number list (<c>RequestId</c>, [<c>RegionId</c>], [<c>NextToken</c>], <c>TotalCount</c>, <c>PageNumber</c>, <c>PageSize</c>, list).</summary>
    public static object Pages<T>(ApiCall call, ApiPage<T> page, string wrapper, string item, Func<T, object> json, string? regionId = null) => Body(
        ("RequestId", call.RequestId),
        ("RegionId", regionId),
        ("NextToken", page.NextToken),
        ("TotalCount", page.Total),
        ("PageNumber", page.PageNumber),
        ("PageSize", page.PageSize),
        (wrapper, List(page.Items, item, json)));

    /// <summary>An Image Builder list's reply (<c>RequestId</c>, <c>TotalCount</c>, <c>MaxResults</c>, <c>NextToken</c>, list), or the domain's error.</summary>
    public static ApiReply Tokens<T>(this Result<TokenPage<T>> page, ApiCall call, string wrapper, string set, Func<T, object> json) =>
        page.Reply(p => Body(
            ("RequestId", call.RequestId),
            ("TotalCount", p.TotalCount),
            ("MaxResults", p.MaxResults),
            ("NextToken", p.NextToken),
            (wrapper, List(p.Items, set, json))));

    /// <summary>The list wrapper: <c>{ "<paramref name="item"/>": [ … ] }</c>.</summary>
    private static Dictionary<string, List<object>> List<T>(IEnumerable<T> items, string item, Func<T, object> json) =>
        new() { [item] = [.. items.Select(json)] };

    /// <summary>An object with these members in this order, those without a value left out.</summary>
    private static OrderedDictionary<string, object> Body(params (string Name, object? Value)[] members)
    {
        var body = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                body.Add(name, value);
            }
        }

        return body;
    }
}
