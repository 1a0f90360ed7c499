using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Instances;

/// <summary>The lookup errors of the compatibility checks (an image, instance type or zone a buy names), with ECS's codes.</summary>
public static class CompatibilityErrors
{
    public const string ResourceTypeNotSupportedCode = "InvalidResourceType.NotSupported";
    public const string InstanceTypeNotSupportedCode = "InvalidInstanceType.ValueNotSupported";
    public const string ZoneNotFoundCode = "InvalidZoneId.NotFound";

    /// <summary>CMP-01: the image is not in the region, but the actor sees it in <paramref name="elsewhere"/>.</summary>
    public static EcsError ImageInOtherRegion(string imageId, string regionId, string elsewhere) =>
        new(ImageErrors.NotFoundCode, 404,
            $"The image \"{imageId}\" is not available in {regionId}: it exists in {elsewhere}. Copy it to {regionId} first.");

    public static EcsError InstanceTypeNotSupported(string typeId) =>
        new(InstanceTypeNotSupportedCode, 400, $"The instance type \"{typeId}\" does not exist.");

    /// <summary>RunInstances answers an unknown zone with 404 (ecs-openapi §2.19).</summary>
    public static EcsError ZoneNotFound(string zoneId, string regionId) =>
        new(ZoneNotFoundCode, 404, $"The zone \"{zoneId}\" is not a zone of {regionId}.");

    public static EcsError TypeNotSold(string typeId, string regionId, string? zoneId) =>
        new(ResourceTypeNotSupportedCode, 403, zoneId is null
            ? $"The instance type {typeId} is not sold in {regionId}."
            : $"The instance type {typeId} is not sold in {zoneId}. Choose another zone or type.");
}
