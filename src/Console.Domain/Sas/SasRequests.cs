namespace EcsConsole.Domain.Sas;

/// <summary>SAS CreateSnapshot: a snapshot of one disk of a server.</summary>
public sealed record CreateSasSnapshotRequest(string RegionId, string DiskId, string? SnapshotName);

/// <summary>
/// SAS CreateCustomImage: from the server's system-disk snapshot, optionally with its data-disk snapshot (SAS-01).
/// </summary>
public sealed record CreateSasImageRequest(
    string RegionId, string ServerId, string? ImageName, string? SystemSnapshotId, string? DataSnapshotId = null, string? Description = null);

/// <summary>Copies a custom image to another region within SAS (SAS-09); the name defaults to the source's.</summary>
public sealed record CopySasImageRequest(string RegionId, string ImageId, string DestinationRegionId, string? ImageName = null);

/// <summary>A copy being made, and the task that makes it.</summary>
public sealed record CopiedSasImage(string ImageId, string DestinationRegionId, string TaskId);

/// <summary>
/// The custom images of the account in a region, the account's quota (SAS-03), and the names of the servers they come
/// from (a copy's server lives in another region; a released server's images are gone with it).
/// </summary>
public sealed record SasImageList(IReadOnlyList<SasImage> Images, SasImageQuota Quota, IReadOnlyDictionary<string, string> ServerNames);

/// <summary>SAS-03: <see cref="Used"/> of <see cref="Limit"/> = min(3 × <see cref="Servers"/>, 15), over every region.</summary>
public sealed record SasImageQuota(int Used, int Limit, int Servers)
{
    public static int LimitFor(int servers) => Math.Min(SasErrors.ImagesPerServer * servers, SasErrors.MaxImagesPerAccount);

    public bool IsFull => Used >= Limit;

    public override string ToString() => $"{Used}/{Limit}";
}

/// <summary>A server with its disks, snapshots and how many custom images come from it.</summary>
public sealed record SasServerView(SasServer Server, IReadOnlyList<SasSnapshot> Snapshots, int ImageCount);

/// <summary>A released server and the custom images released with it (SAS-04).</summary>
public sealed record ReleasedSasServer(string ServerId, IReadOnlyList<string> ReleasedImageIds);

/// <summary>
/// SAS CreateInstances from a custom image of the account (SAS-13…16): <paramref name="Amount"/> servers of the plan in
/// the region, named <paramref name="Name"/> (with <c>-1</c>, <c>-2</c>, … when more than one; empty: the server ID).
/// </summary>
public sealed record CreateSasServersRequest(string RegionId, string ImageId, string PlanId, string? Name = null, int Amount = 1);
