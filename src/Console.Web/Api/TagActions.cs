using EcsConsole.Domain.Tags;

namespace EcsConsole.Web.Api;

/// <summary>TagResources, UntagResources and ListTagResources (ecs-openapi §2.25) for every resource type that carries tags (SDP-17).</summary>
internal static class TagActions
{
    /// <summary>ListTagResources answers at most 50 tags a page.</summary>
    private const int PageSize = 50;

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("TagResources", p => p.Required("ResourceType"), async (call, region, type) =>
            call.Done(await call.Service<TagService>().TagAsync(call.Actor, region.Id, type, call.P.List("ResourceId"), call.P.Tags(), call.Ct)),
            changing: true),
        EcsAction.InRegion("UntagResources", p => (Type: p.Required("ResourceType"), All: p.Bool("All") ?? false), async (call, region, a) =>
            call.Done(await call.Service<TagService>().UntagAsync(call.Actor, region.Id, a.Type, call.P.List("ResourceId"), call.P.List("TagKey"), a.All, call.Ct)),
            changing: true),
        EcsAction.InRegion("ListTagResources",
            p => (Type: p.Required("ResourceType"), Filter: p.Tags("Tag", ImageActions.MaxTagFilters), Fuzzy: FuzzyFilters(p), Paging: ApiPaging.Lenient(p, PageSize)),
            async (call, region, a) =>
                (await call.Service<TagService>().ListAsync(call.Actor, region.Id, a.Type, call.P.List("ResourceId"), a.Filter, call.Ct)).Reply(tags =>
                {
                    var page = a.Paging.Of(KeepFuzzyMatches(tags, a.Fuzzy)).Value;
                    return new
                    {
                        call.RequestId,
                        page.NextToken,
                        TagResources = new { TagResource = page.Items.Select(t => new { t.ResourceId, t.ResourceType, t.TagKey, t.TagValue }).ToList() },
                    };
                })),
    ];

    /// <summary>SDP-14: <c>TagFilter.N</c> takes at most 5 keys, each with at most 5 values.</summary>
    private const int MaxFuzzyFilters = 5;

    /// <summary>
    /// SDP-14: <c>TagFilter.N.TagKey</c> with <c>TagFilter.N.TagValues.M</c>, the fuzzy filters (at most 5 keys of at most
    /// 5 values; a key is required; not with <c>Tag.N</c>): else <c>InvalidParameter</c>.
    /// </summary>
    private static IReadOnlyList<(string Key, IReadOnlyList<string> Values)> FuzzyFilters(ApiParameters p)
    {
        var filters = p.Objects("TagFilter")
            .Select(o => (Key: o.GetValueOrDefault("TagKey") ?? "",
                Values: (IReadOnlyList<string>)[.. o.Where(f => f.Key.StartsWith("TagValues.", StringComparison.OrdinalIgnoreCase) && f.Value.Length > 0).Select(f => f.Value)]))
            .ToList();
        if (filters.Count == 0)
        {
            return [];
        }

        if (filters.Count > MaxFuzzyFilters || filters.Any(f => f.Values.Count > MaxFuzzyFilters))
        {
            return p.Invalid<IReadOnlyList<(string, IReadOnlyList<string>)>>(EcsConsole.Domain.Common.CommonErrors.InvalidParameter("TagFilter",
                $"give at most {MaxFuzzyFilters} keys, each with at most {MaxFuzzyFilters} values.")) ?? [];
        }

        if (filters.Any(f => f.Key.Length == 0))
        {
            return p.Invalid<IReadOnlyList<(string, IReadOnlyList<string>)>>(EcsConsole.Domain.Common.CommonErrors.MissingParameter("TagFilter.N.TagKey")) ?? [];
        }

        if (p.Tags("Tag").Count > 0)
        {
            return p.Invalid<IReadOnlyList<(string, IReadOnlyList<string>)>>(EcsConsole.Domain.Common.CommonErrors.InvalidParameter("TagFilter",
                "Tag.N and TagFilter.N cannot be given together.")) ?? [];
        }

        return filters;
    }

    /// <summary>
    /// SDP-14: the tags of the resources that carry, for each fuzzy filter, a tag with its key and (when it names values)
    /// a value matching one of them: a value ending in <c>*</c> matches by prefix, another one exactly.
    /// </summary>
    private static IReadOnlyList<TagResource> KeepFuzzyMatches(IReadOnlyList<TagResource> tags, IReadOnlyList<(string Key, IReadOnlyList<string> Values)> filters)
    {
        if (filters.Count == 0)
        {
            return tags;
        }

        static bool Matches(string value, string pattern) =>
            pattern.EndsWith('*') ? value.StartsWith(pattern[..^1], StringComparison.Ordinal) : value == pattern;

        var kept = tags.GroupBy(t => t.ResourceId)
            .Where(r => filters.All(f => r.Any(t => t.TagKey == f.Key && (f.Values.Count == 0 || f.Values.Any(v => Matches(t.TagValue, v))))))
            .Select(r => r.Key)
            .ToHashSet(StringComparer.Ordinal);
        return [.. tags.Where(t => kept.Contains(t.ResourceId))];
    }
}
