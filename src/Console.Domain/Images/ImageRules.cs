using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Sharing;

namespace EcsConsole.Domain.Images;

/// <summary>
/// The status rules of image actions, one function each: the services refuse with them and
/// <see cref="ImageAffordances"/> asks them for what the console shows as enabled (ADR-011). Null when allowed.
/// </summary>
public static class ImageRules
{
    /// <summary>An image still being made (Creating, Waiting) cannot be modified (FAM-07: <c>InvalidStatus.ImageIsCreating</c> / 403).</summary>
    public static EcsError? CannotModifyWhileCreating(ImageStatus status) =>
        status is ImageStatus.Creating or ImageStatus.Waiting ? ImageErrors.StatusIsCreating() : null;

    /// <summary>DeprecateImage: only an Available image (never one still being made).</summary>
    public static EcsError? CannotDeprecate(ImageStatus status) => status switch
    {
        ImageStatus.Creating or ImageStatus.Waiting => ImageErrors.StatusIsCreating(),
        ImageStatus.Available => null,
        _ => ImageErrors.NotAvailable(),
    };

    /// <summary>SHR-10: only an Available image is shared with more accounts.</summary>
    public static EcsError? CannotShare(ImageStatus status) =>
        status == ImageStatus.Available
            ? null
            : SharingErrors.InvalidImageStatus(status == ImageStatus.Deprecated ? "A deprecated image cannot be shared." : "Only an Available image can be shared.");

    /// <summary>CopyImage: only an Available source.</summary>
    public static EcsError? CannotCopy(ImageStatus status) => status == ImageStatus.Available ? null : CopyErrors.NotAvailable();

    /// <summary>ExportImage: only an Available image.</summary>
    public static EcsError? CannotExport(ImageStatus status) =>
        status == ImageStatus.Available ? null : ImageErrors.IncorrectStatus("Only an Available image can be exported.");

    /// <summary>CMP-13: an image launches instances when Available or deprecated (CMP-16).</summary>
    public static EcsError? CannotLaunch(ImageStatus status) =>
        status is ImageStatus.Available or ImageStatus.Deprecated
            ? null
            : ImageErrors.NotValidForLaunch(status);
}
