using EcsConsole.Domain.Tags;

namespace EcsConsole.Web.Api;

/// <summary>TagResources, UntagResources and ListTagResources (ecs-openapi §2.25) for images.</summary>
internal static class TagActions
{
    public static void Register(IDictionary<string, ApiAction> actions)
    {
        actions["TagResources"] = TagResourcesAsync;
        actions["UntagResources"] = UntagResourcesAsync;
        actions["ListTagResources"] = ListTagResourcesAsync;
    }

    private static async Task<ApiReply> TagResourcesAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var type = call.P.Required("ResourceType");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var tagged = await call.Service<TagService>().TagAsync(call.Actor, region!.Id, type, call.P.List("ResourceId"), call.P.Tags(), call.Ct);
        return tagged.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : tagged.Error;
    }

    private static async Task<ApiReply> UntagResourcesAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var type = call.P.Required("ResourceType");
        var all = call.P.Bool("All") ?? false;
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var untagged = await call.Service<TagService>().UntagAsync(call.Actor, region!.Id, type, call.P.List("ResourceId"), call.P.List("TagKey"), all, call.Ct);
        return untagged.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : untagged.Error;
    }

    private static async Task<ApiReply> ListTagResourcesAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var type = call.P.Required("ResourceType");
        var filter = call.P.Tags("Tag", ImageActions.MaxTagFilters);
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var tags = await call.Service<TagService>().ListAsync(call.Actor, region!.Id, type, call.P.List("ResourceId"), filter, call.Ct);
        if (!tags.IsSuccess)
        {
            return tags.Error;
        }

        var offset = call.P.Get("NextToken") is { } token && int.TryParse(token, out var o) && o >= 0 ? o : 0;
        const int PageSize = 50;
        var page = tags.Value.Skip(offset).Take(PageSize).ToList();
        return ApiReply.Ok(new
        {
            call.RequestId,
            NextToken = offset + page.Count < tags.Value.Count ? (offset + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            TagResources = new { TagResource = page.Select(t => new { t.ResourceId, t.ResourceType, t.TagKey, t.TagValue }).ToList() },
        });
    }
}
