using EcsConsole.Domain.Tags;

namespace EcsConsole.Web.Api;

/// <summary>TagResources, UntagResources and ListTagResources (ecs-openapi §2.25) for images.</summary>
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
        EcsAction.InRegion("ListTagResources", p => (Type: p.Required("ResourceType"), Filter: p.Tags("Tag", ImageActions.MaxTagFilters), Paging: ApiPaging.Lenient(p, PageSize)),
            async (call, region, a) =>
                (await call.Service<TagService>().ListAsync(call.Actor, region.Id, a.Type, call.P.List("ResourceId"), a.Filter, call.Ct)).Reply(tags =>
                {
                    var page = a.Paging.Of(tags).Value;
                    return new
                    {
                        call.RequestId,
                        page.NextToken,
                        TagResources = new { TagResource = page.Items.Select(t => new { t.ResourceId, t.ResourceType, t.TagKey, t.TagValue }).ToList() },
                    };
                })),
    ];
}
