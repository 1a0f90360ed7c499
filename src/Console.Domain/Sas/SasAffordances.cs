using EcsConsole.Domain.Permissions;

namespace EcsConsole.Domain.Sas;

/// <summary>What can be done to a SAS custom image from its row.</summary>
public enum SasImageAction
{
    /// <summary>Share it to ECS (ModifyImageShareStatus <c>Share</c>).</summary>
    Share,

    /// <summary>Copy it to another region.</summary>
    Copy,

    /// <summary>Create servers from it (SAS CreateInstances, SAS-13).</summary>
    CreateServer,
}

/// <summary>
/// The affordance query for SAS custom images and servers (ADR-011): null when the actor may do the action now, else
/// the <see cref="EcsError"/> <see cref="SasImageService"/> would refuse with, from the same rules
/// (<see cref="Access.CheckCanWrite"/>, <see cref="SasRules"/>). Only what the page holds is checked (the row, the
/// account's quota); the rest is refused by the service when the action is taken.
/// </summary>
public static class SasAffordances
{
    public static EcsError? Check(Actor actor, SasImage image, SasImageAction action, SasImageQuota quota) =>
        Access.CheckCanWrite(actor) ?? action switch
        {
            SasImageAction.Share => SasRules.CannotShareOrCopy(image.Id, image.Status),
            SasImageAction.Copy => SasRules.CannotShareOrCopy(image.Id, image.Status) ?? SasRules.QuotaFull(quota),
            SasImageAction.CreateServer => SasRules.CannotCreateServerFrom(image.Id, image.Status),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };

    /// <summary>Create Custom Image, before a server is chosen: the account's quota.</summary>
    public static EcsError? CheckCreateImage(Actor actor, SasImageQuota quota) => Access.CheckCanWrite(actor) ?? SasRules.QuotaFull(quota);

    /// <summary>Create Custom Image from a server: it needs a system-disk snapshot, which the create dialog starts with.</summary>
    public static EcsError? CheckCreateImage(Actor actor, SasServerView server) =>
        Access.CheckCanWrite(actor) ?? SasRules.NoSystemSnapshot(server.Snapshots.FirstOrDefault(s => s.DiskType == SasRules.SystemDisk)?.Id);
}
