using EcsConsole.Domain.Instances;

namespace EcsConsole.Web.Api.Calls;

/// <summary>The ECS calls the <c>/disks</c> page's changes make (ADR-014), as <see cref="DiskActions"/> binds them back.</summary>
public static class DiskCalls
{
    public static EcsCall CreateDisk(CreateDiskRequest r) => new EcsCallBuilder("CreateDisk")
        .Add("RegionId", r.RegionId).Add("ZoneId", r.ZoneId).Add("InstanceId", r.InstanceId).Add("DiskCategory", r.Category).Add("Size", r.SizeGiB)
        .Add("SnapshotId", r.SnapshotId).Add("DiskName", r.Name).Add("Description", r.Description).Add("Encrypted", r.Encrypted ? true : null)
        .Add("KMSKeyId", r.KmsKeyId).Add("PerformanceLevel", r.PerformanceLevel).Add("ResourceGroupId", r.ResourceGroupId).Build();

    public static EcsCall AttachDisk(AttachDiskRequest r) => new EcsCallBuilder("AttachDisk")
        .Add("DiskId", r.DiskId).Add("InstanceId", r.InstanceId).Add("DeleteWithInstance", r.DeleteWithInstance).Add("Device", r.Device)
        .Add("Bootable", r.Bootable ? true : null).Build();

    public static EcsCall DetachDisk(string diskId, string instanceId) =>
        new EcsCallBuilder("DetachDisk").Add("DiskId", diskId).Add("InstanceId", instanceId).Build();

    public static EcsCall DeleteDisk(string diskId) => new EcsCallBuilder("DeleteDisk").Add("DiskId", diskId).Build();

    public static EcsCall ResetDisk(string diskId, string snapshotId) =>
        new EcsCallBuilder("ResetDisk").Add("DiskId", diskId).Add("SnapshotId", snapshotId).Build();
}
