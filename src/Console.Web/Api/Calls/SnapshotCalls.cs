using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Web.Api.Calls;

/// <summary>The ECS calls the <c>/snapshots</c> page's Edit and Copy make (ADR-014), as <see cref="SnapshotActions"/> binds them back.</summary>
public static class SnapshotCalls
{
    /// <summary>ModifySnapshotAttribute names no region: the snapshot's own.</summary>
    public static EcsCall ModifySnapshotAttribute(ModifySnapshotRequest r) => new EcsCallBuilder("ModifySnapshotAttribute")
        .Add("SnapshotId", r.SnapshotId).Add("SnapshotName", r.Name).Add("Description", r.Description).Add("RetentionDays", r.RetentionDays).Build();

    public static EcsCall CopySnapshot(CopySnapshotRequest r) => new EcsCallBuilder("CopySnapshot")
        .Add("RegionId", r.RegionId).Add("SnapshotId", r.SnapshotId).Add("DestinationRegionId", r.DestinationRegionId)
        .Add("DestinationSnapshotName", r.Name).Add("DestinationSnapshotDescription", r.Description).Add("RetentionDays", r.RetentionDays)
        .Add("Encrypted", r.Encrypted ? true : null).Build();
}
