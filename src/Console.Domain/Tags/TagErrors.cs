namespace EcsConsole.Domain.Tags;

/// <summary>Tag errors, with the codes of the ECS tag APIs (ecs-openapi §2.25).</summary>
public static class TagErrors
{
    public const string ResourceTypeNotFoundCode = "InvalidResourceType.NotFound";
    public const string ResourceIdNotFoundCode = "InvalidResourceId.NotFound";
    public const string TooManyResourcesCode = "NumberExceed.ResourceIds";
    public const string TooManyTagsCode = "NumberExceed.Tags";

    public static EcsError ResourceTypeNotFound(string type) =>
        new(ResourceTypeNotFoundCode, 404, $"The resource type \"{type}\" is not supported.");

    public static EcsError ResourceIdNotFound(string id) => new(ResourceIdNotFoundCode, 404, $"The specified resource \"{id}\" does not exist.");

    /// <summary>SDP-17: one TagResources names at most <paramref name="limit"/> tags.</summary>
    public static EcsError TooManyTags(int limit) => new(TooManyTagsCode, 400, $"At most {limit} tags can be given.");

    public static EcsError TooManyResources(int limit) => new(TooManyResourcesCode, 400, $"At most {limit} resource IDs can be given.");
}
