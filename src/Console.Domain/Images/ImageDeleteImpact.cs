using EcsConsole.Domain.Instances;

namespace EcsConsole.Domain.Images;

/// <summary>
/// What deleting one image would do and whether it would be refused, for the Delete Image dialog (UI-DEL-01).
/// For an image the caller cannot delete at all (<see cref="ImageErrors.NotFoundCode"/>, <c>Forbidden</c>) every
/// list is empty: nothing about it is disclosed.
/// </summary>
/// <param name="ImageId">The image asked about.</param>
/// <param name="ImageName">Its name; null when the caller may not change it.</param>
/// <param name="OwnInstances">The caller's account's instances that run from it; they keep running (DEL-03).</param>
/// <param name="OtherAccountsInstances">How many instances of other accounts (recipients of an earlier share) run from it;
/// counted, not listed, as they are not the caller's to see.</param>
/// <param name="SharedWithAccounts">Accounts it is shared with; a shared image cannot be deleted (DEL-04).</param>
/// <param name="Snapshots">The snapshots behind its disks.</param>
/// <param name="Blocker">The refusal that <see cref="DeleteImagesRequest.Force"/> does not lift, if any.</param>
public sealed record ImageDeleteImpact(
    string ImageId,
    string? ImageName,
    IReadOnlyList<ImageInstanceRef> OwnInstances,
    int OtherAccountsInstances,
    IReadOnlyList<string> SharedWithAccounts,
    IReadOnlyList<ImageSnapshotImpact> Snapshots,
    EcsError? Blocker)
{
    /// <summary>Every instance that runs from the image, whoever owns it.</summary>
    public int InstanceCount => OwnInstances.Count + OtherAccountsInstances;

    /// <summary>Deleting needs <see cref="DeleteImagesRequest.Force"/> (DEL-02).</summary>
    public bool NeedsForce => InstanceCount > 0;

    /// <summary>The refusal a delete without Force would get, if any.</summary>
    public EcsError? Refusal => RefusalFor(force: false);

    /// <summary>
    /// The refusal a delete with or without Force would get: instances first (DEL-02), then <see cref="Blocker"/>;
    /// null when the image can be deleted.
    /// </summary>
    public EcsError? RefusalFor(bool force) => !force && NeedsForce ? ImageErrors.UsingByInstance() : Blocker;
}

/// <summary>An instance running from an image.</summary>
public sealed record ImageInstanceRef(string InstanceId, string Name, InstanceStatus Status);

/// <summary>
/// A snapshot behind an image's disk. It is always kept when another image also uses it (DEL-09) or a disk was
/// created from it (SNP-07: deleting it would stop those disks from being re-initialised); otherwise it is deleted
/// with the image when <see cref="DeleteImagesRequest.DeleteAssociatedSnapshots"/> is set.
/// </summary>
/// <param name="SnapshotId">The snapshot.</param>
/// <param name="Name">Its name.</param>
/// <param name="AlsoUsedByImages">Images outside the deletion that use it too.</param>
/// <param name="UsedByDisks">A disk was created from it.</param>
public sealed record ImageSnapshotImpact(string SnapshotId, string Name, IReadOnlyList<string> AlsoUsedByImages, bool UsedByDisks)
{
    public bool AlwaysKept => AlsoUsedByImages.Count > 0 || UsedByDisks;
}

/// <summary>What a delete removed.</summary>
/// <param name="ImageIds">The deleted images, in the order asked.</param>
/// <param name="SnapshotIds">The snapshots deleted with them (empty unless asked for).</param>
public sealed record DeletedImages(IReadOnlyList<string> ImageIds, IReadOnlyList<string> SnapshotIds);
