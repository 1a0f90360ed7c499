using EcsConsole.Domain.Permissions;

namespace EcsConsole.Domain.Images;

/// <summary>What can be done to an image from its row in the image list.</summary>
public enum ImageAction
{
    Edit,
    Restore,
    Deprecate,
    Delete,
    Share,
    Copy,
    Export,

    /// <summary>Make a new image by running a command on a temporary instance (OOS ACS-ECS-UpdateImage).</summary>
    Update,

    /// <summary>Open the buy page with the image (create an instance).</summary>
    Launch,
}

/// <summary>
/// The affordance query for images (ADR-011): null when the actor may do the action on the image now, else the
/// <see cref="EcsError"/> the service would refuse with, from the same rule functions (<see cref="Access.CheckCanWrite"/>,
/// <see cref="ImageRules"/>). Only what the row knows is checked; what needs a database read (shares, instances using
/// the image) is refused by the service when the action is taken.
/// </summary>
public static class ImageAffordances
{
    public static EcsError? Check(Actor actor, ImageListItem image, ImageAction action) =>
        Access.CheckCanWrite(actor) ?? action switch
        {
            ImageAction.Launch => ImageRules.CannotLaunch(image.Status),
            ImageAction.Edit or ImageAction.Restore or ImageAction.Delete => ImageRules.CannotModifyWhileCreating(image.Status),
            ImageAction.Deprecate => ImageRules.CannotDeprecate(image.Status),
            ImageAction.Share => ImageRules.CannotShare(image.Status),
            ImageAction.Copy => ImageRules.CannotCopy(image.Status),
            ImageAction.Export => ImageRules.CannotExport(image.Status),

            // The update run starts from an Available image, as an export does.
            ImageAction.Update => ImageRules.CannotExport(image.Status),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
}
