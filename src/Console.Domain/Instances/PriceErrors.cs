namespace EcsConsole.Domain.Instances;

/// <summary>
/// DescribePrice's refusals of what the emulated account cannot have: it owns no dedicated hosts and no dedicated block
/// storage clusters, so any ID of one is not found, as ECS answers for an ID it does not know.
/// </summary>
public static class PriceErrors
{
    public const string DedicatedHostNotFoundCode = "InvalidDedicatedHostId.NotFound";
    public const string StorageClusterNotFoundCode = "InvalidStorageClusterId.NotFound";

    public static EcsError DedicatedHostNotFound(string id) =>
        new(DedicatedHostNotFoundCode, 404, $"The specified dedicated host \"{id}\" does not exist.");

    public static EcsError StorageClusterNotFound(string id) =>
        new(StorageClusterNotFoundCode, 404, $"The specified dedicated block storage cluster \"{id}\" does not exist.");
}
