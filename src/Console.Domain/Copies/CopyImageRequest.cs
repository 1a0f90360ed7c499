namespace EcsConsole.Domain.Copies;

/// <summary>
/// CopyImage: copy <paramref name="ImageId"/> of <paramref name="RegionId"/> (the source region) to
/// <paramref name="DestinationRegionId"/>. <paramref name="Name"/> defaults to the source's name; <paramref name="Encrypted"/>
/// is the copy's encryption (an encrypted source requires it, CPY-15).
/// </summary>
public sealed record CopyImageRequest(
    string RegionId,
    string ImageId,
    string DestinationRegionId,
    string? Name,
    string? Description,
    bool Encrypted = false);

/// <summary>The copy made (in the destination region) and the task that fills it.</summary>
public sealed record CopiedImage(string ImageId, string TaskId);
