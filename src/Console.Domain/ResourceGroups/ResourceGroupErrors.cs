namespace EcsConsole.Domain.ResourceGroups;

/// <summary>Resource group errors, with the codes of ECS's references (CreateImage, CreateImagePipeline, JoinResourceGroup).</summary>
public static class ResourceGroupErrors
{
    public const string NotFoundCode = "InvalidResourceGroup.NotFound";
    public const string ResourceTypeNotSupportedCode = "InvalidResourceType.NotSupported";
    public const string ResourceNotFoundCode = "InvalidResourceId.NotFound";

    public static EcsError NotFound(string id) => new(NotFoundCode, 404, $"The ResourceGroup provided does not exist in our records: \"{id}\".");

    public static EcsError ResourceTypeNotSupported(string type) => new(ResourceTypeNotSupportedCode, 400,
        $"The specified ResourceType \"{type}\" is not supported: instance, disk, snapshot, image or keypair.");

    public static EcsError ResourceNotFound(string id) => new(ResourceNotFoundCode, 404, $"The specified resource \"{id}\" does not exist.");
}
