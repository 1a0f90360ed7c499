using EcsConsole.Domain.Common;

namespace EcsConsole.Domain.Instances;

/// <summary>Instance errors, with ECS's codes.</summary>
public static class InstanceErrors
{
    public const string NotFoundCode = "InvalidInstanceId.NotFound";
    public const string IncorrectStatusCode = "IncorrectInstanceStatus";
    public const string NoSystemDiskCode = "InvalidInstance.NotFoundSystemDisk";

    public static EcsError NotFound(string instanceId) => new(NotFoundCode, 404, $"The specified instance \"{instanceId}\" does not exist.");

    public static EcsError IncorrectStatus(string why) => new(IncorrectStatusCode, 400, why);

    public static EcsError NoSystemDisk() => new(NoSystemDiskCode, 400, "The instance has no system disk.");
}
