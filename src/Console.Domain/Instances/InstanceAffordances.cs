using EcsConsole.Domain.Permissions;

namespace EcsConsole.Domain.Instances;

/// <summary>What can be done to an instance from its row.</summary>
public enum InstanceAction
{
    Start,
    Stop,
    CreateImage,
    ReplaceSystemDisk,

    /// <summary>Release, forcibly if Running (the console's release dialog offers it).</summary>
    Release,
}

/// <summary>
/// The affordance query for instances (ADR-011): may this actor do this action on this instance now, and if not, the
/// <see cref="EcsError"/> the service would refuse with. Read-only: the same rule functions the services call
/// (<see cref="Access.CheckCanWrite"/>, <see cref="InstanceRules"/>).
/// </summary>
public static class InstanceAffordances
{
    public static EcsError? Check(Actor actor, InstanceListItem instance, InstanceAction action, DateTimeOffset now) =>
        Access.CheckCanWrite(actor) ?? action switch
        {
            InstanceAction.Start => InstanceRules.CannotMove(instance.Name, instance.Status, InstanceStatus.Stopped, "started"),
            InstanceAction.Stop => InstanceRules.CannotMove(instance.Name, instance.Status, InstanceStatus.Running, "stopped"),
            InstanceAction.CreateImage => InstanceRules.CannotCreateImage(instance.Status),
            InstanceAction.ReplaceSystemDisk => InstanceRules.CannotReplaceSystemDisk(instance.Name, instance.Status),
            InstanceAction.Release => InstanceRules.CannotReleaseByCharge(instance.ChargeType, instance.ExpiredTime, now)
                ?? InstanceRules.CannotReleaseInStatus(instance.Name, instance.Status, force: true),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
}
