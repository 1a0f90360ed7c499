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
    bool Encrypted = false)
{
    /// <summary>The copy's own tags (CPY-12: chosen in the request, not inherited).</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>CPY-12: the resource group of the new resource, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>
    /// CPY-14: a customer master key to encrypt the copy with; needs <see cref="Encrypted"/>. The emulated account has no
    /// customer keys (the copy is encrypted with the default service key when none is named), so any key is not found.
    /// </summary>
    public string? KmsKeyId { get; init; }
}

/// <summary>The copy made (in the destination region) and the task that fills it.</summary>
public sealed record CopiedImage(string ImageId, string TaskId);
