namespace EcsConsole.Domain.Regions;

/// <summary>The refusals of DescribeRegions and DescribeZones (ecs-openapi §2.21–2.22), with ECS's codes and statuses.</summary>
public static class RegionErrors
{
    public const string AcceptLanguageNotFoundCode = "InvalidAcceptLanguage.NotFound";
    public const string InstanceChargeTypeNotFoundCode = "InvalidInstanceChargeType.NotFound";
    public const string ResourceTypeNotFoundCode = "InvalidResourceType.NotFound";
    public const string SpotStrategyCode = "InvalidSpotStrategy";

    public static EcsError AcceptLanguageNotFound(string language) =>
        new(AcceptLanguageNotFoundCode, 404, $"The specified AcceptLanguage \"{language}\" is not found: use zh-CN, zh-TW, en-US, ja, fr, de or ko.");

    public static EcsError InstanceChargeTypeNotFound(string chargeType) =>
        new(InstanceChargeTypeNotFoundCode, 404, $"The specified InstanceChargeType \"{chargeType}\" is not found.");

    public static EcsError ResourceTypeNotFound(string resourceType) =>
        new(ResourceTypeNotFoundCode, 404, $"The specified ResourceType \"{resourceType}\" is not found: use instance, disk, reservedinstance or scu.");

    public static EcsError SpotStrategy(string why) =>
        new(SpotStrategyCode, 400, $"The specified SpotStrategy is not valid: {why}");
}
