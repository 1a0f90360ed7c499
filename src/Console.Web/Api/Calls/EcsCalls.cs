using EcsConsole.Domain.Copies;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Storage;

namespace EcsConsole.Web.Api.Calls;

/// <summary>
/// The one mapping from a console request to the ECS call that makes the same change (ADR-014): each method writes the
/// parameters the action's binding in <c>Api/*Actions.cs</c> reads back into the same request (<c>EcsCallsRoundTripTests</c>
/// hold them together). The "Equivalent API call" panel of every change dialog shows what these return.
/// </summary>
public static class EcsCalls
{
    public static EcsCall CopyImage(CopyImageRequest r) => new EcsCallBuilder("CopyImage")
        .Add("RegionId", r.RegionId).Add("ImageId", r.ImageId).Add("DestinationRegionId", r.DestinationRegionId)
        .Add("DestinationImageName", r.Name).Add("DestinationDescription", r.Description).Add("Encrypted", r.Encrypted ? true : null)
        .Build();

    public static EcsCall CancelCopyImage(string regionId, string imageId) =>
        new EcsCallBuilder("CancelCopyImage").Add("RegionId", regionId).Add("ImageId", imageId).Build();

    /// <summary>From an instance (<c>InstanceId</c>) or from snapshots (<c>DiskDeviceMapping.1</c> the system disk, then the data disks).</summary>
    public static EcsCall CreateImage(CreateImageRequest r)
    {
        var b = new EcsCallBuilder("CreateImage").Add("RegionId", r.RegionId).Add("InstanceId", r.InstanceId);
        if (r.InstanceId is null)
        {
            b.Add("DiskDeviceMapping.1.DiskType", r.SystemSnapshotId is null ? null : "system").Add("DiskDeviceMapping.1.SnapshotId", r.SystemSnapshotId);
            var n = 1;
            foreach (var disk in r.DataDisks)
            {
                var prefix = $"DiskDeviceMapping.{++n}.";
                b.Add(prefix + "DiskType", "data").Add(prefix + "SnapshotId", disk.SnapshotId).Add(prefix + "Size", disk.SizeGiB);
            }
        }

        return b.Add("ImageName", r.Name).Add("Description", r.Description).Add("ImageFamily", r.Family).Tags(r.Tags)
            .Add("BootMode", r.BootMode?.ToEcs()).Add("Features.ImdsSupport", r.ImdsSupport).Build();
    }

    /// <summary>Edit (the attributes that changed), Deprecate (<c>Status=Deprecated</c>) and Restore (<c>Status=Available</c>).</summary>
    public static EcsCall ModifyImageAttribute(string regionId, string imageId, ModifyImageRequest r, ImageStatus? status = null) =>
        new EcsCallBuilder("ModifyImageAttribute").Add("RegionId", regionId).Add("ImageId", imageId)
            .Add("ImageName", r.Name).Add("Description", r.Description).Add("ImageFamily", r.Family).Add("BootMode", r.BootMode?.ToEcs())
            .Add("Features.NvmeSupport", r.NvmeSupport is { } nvme ? (nvme ? "supported" : "unsupported") : null)
            .Add("Features.ImdsSupport", r.ImdsSupport).Add("LicenseType", r.LicenseType)
            .Add("Status", status?.ToString())
            .Build();

    /// <summary>One call per image: ECS deletes one image a call (associated snapshots are then deleted one DeleteSnapshot each).</summary>
    public static IReadOnlyList<EcsCall> DeleteImages(string regionId, DeleteImagesRequest r) =>
        [.. r.ImageIds.Select(id => new EcsCallBuilder("DeleteImage").Add("RegionId", regionId).Add("ImageId", id).Add("Force", r.Force ? true : null).Build())];

    public static EcsCall ModifyImageSharePermission(string regionId, string imageId, ModifySharePermissionRequest r) =>
        new EcsCallBuilder("ModifyImageSharePermission").Add("RegionId", regionId).Add("ImageId", imageId)
            .List("AddAccount", r.AddAccounts).List("RemoveAccount", r.RemoveAccounts).Add("IsPublic", r.IsPublic)
            .Build();

    public static EcsCall ExportImage(ExportImageRequest r) => new EcsCallBuilder("ExportImage")
        .Add("RegionId", r.RegionId).Add("ImageId", r.ImageId).Add("OSSBucket", r.OssBucket).Add("OSSPrefix", r.OssPrefix).Add("ImageFormat", r.ImageFormat)
        .Build();

    /// <summary><c>DiskDeviceMapping.1</c> is the system disk's object, the next ones the data disks'.</summary>
    public static EcsCall ImportImage(ImportImageRequest r)
    {
        var b = new EcsCallBuilder("ImportImage").Add("RegionId", r.RegionId)
            .Add("DiskDeviceMapping.1.OSSBucket", r.OssBucket).Add("DiskDeviceMapping.1.OSSObject", r.OssObject)
            .Add("DiskDeviceMapping.1.Format", r.Format).Add("DiskDeviceMapping.1.DiskImageSize", r.SystemDiskSizeGiB);
        var n = 1;
        foreach (var disk in r.DataDisks)
        {
            var prefix = $"DiskDeviceMapping.{++n}.";
            b.Add(prefix + "OSSBucket", disk.OssBucket).Add(prefix + "OSSObject", disk.OssObject).Add(prefix + "DiskImageSize", disk.SizeGiB);
        }

        return b.Add("ImageName", r.Name).Add("Description", r.Description).Add("OSType", r.OsType.ToEcs()).Add("Platform", r.Platform)
            .Add("Architecture", r.Architecture.ToEcs()).Add("BootMode", r.BootMode?.ToEcs()).Add("LicenseType", r.LicenseType)
            .Build();
    }

    /// <summary>CreateSnapshot names no region: the disk's own.</summary>
    public static EcsCall CreateSnapshot(CreateSnapshotRequest r) =>
        new EcsCallBuilder("CreateSnapshot").Add("DiskId", r.DiskId).Add("SnapshotName", r.Name).Add("Description", r.Description).Build();

    public static EcsCall DeleteSnapshot(string snapshotId) => new EcsCallBuilder("DeleteSnapshot").Add("SnapshotId", snapshotId).Build();

    public static EcsCall RunInstances(RunInstancesRequest r) => new EcsCallBuilder("RunInstances")
        .Add("RegionId", r.RegionId).Add("ZoneId", r.ZoneId).Add("InstanceType", r.InstanceTypeId).Add("ImageId", r.ImageId)
        .Add("InstanceChargeType", r.ChargeType.ToString()).Add("Period", r.PeriodMonths)
        .Add("SystemDisk.Category", r.SystemDiskCategory).Add("SystemDisk.Size", r.SystemDiskSizeGiB)
        .Objects("DataDisk", r.DataDisks, (b, prefix, disk) => b.Add(prefix + "Category", disk.Category).Add(prefix + "Size", disk.SizeGiB).Add(prefix + "SnapshotId", disk.SnapshotId))
        .Add("Amount", r.Amount).Add("InstanceName", r.InstanceName).Add("Password", r.Password, secret: true).Add("KeyPairName", r.KeyPairName)
        .Build();

    /// <summary>ReplaceSystemDisk names no region: the instance's own.</summary>
    public static EcsCall ReplaceSystemDisk(ReplaceSystemDiskRequest r) => new EcsCallBuilder("ReplaceSystemDisk")
        .Add("InstanceId", r.InstanceId).Add("ImageId", r.ImageId).Add("SystemDisk.Size", r.SystemDiskSizeGiB)
        .Add("Password", r.Password, secret: true).Add("KeyPairName", r.KeyPairName)
        .Build();

    public static EcsCall StartInstance(string instanceId) => new EcsCallBuilder("StartInstance").Add("InstanceId", instanceId).Build();

    public static EcsCall StopInstance(string instanceId) => new EcsCallBuilder("StopInstance").Add("InstanceId", instanceId).Build();

    /// <summary>Release: DeleteInstance, with <c>Force</c> when a running instance is stopped first.</summary>
    public static EcsCall DeleteInstance(string instanceId, bool force) =>
        new EcsCallBuilder("DeleteInstance").Add("InstanceId", instanceId).Add("Force", force ? true : null).Build();

    public static EcsCall CreateImageComponent(CreateImageComponentRequest r) => new EcsCallBuilder("CreateImageComponent")
        .Add("RegionId", r.RegionId).Add("Name", r.Name).Add("Description", r.Description).Add("SystemType", r.SystemType)
        .Add("ComponentType", r.ComponentType).Add("ComponentVersion", r.ComponentVersion).Add("Content", r.Content)
        .Tags(r.Tags.Select(t => (t.Key, t.Value)))
        .Build();

    /// <summary>The image's options under <c>ImageOptions.*</c> (the deprecated top-level names are not written); accounts are numbers to the SDK.</summary>
    public static EcsCall CreateImagePipeline(CreateImagePipelineRequest r) => new EcsCallBuilder("CreateImagePipeline")
        .Add("RegionId", r.RegionId).Add("Name", r.Name).Add("Description", r.Description)
        .Add("BaseImageType", r.BaseImageType).Add("BaseImage", r.BaseImage).Add("BuildContent", r.BuildContent).Add("TestContent", r.TestContent)
        .Add("InstanceType", r.InstanceType).Add("SystemDiskSize", r.SystemDiskSize).Add("InternetMaxBandwidthOut", r.InternetMaxBandwidthOut)
        .Add("VSwitchId", r.VSwitchId).Add("DeleteInstanceOnFailure", r.DeleteInstanceOnFailure).Add("RepairMode", r.RepairMode).List("RepairItem", r.RepairItems)
        .Add("ImageOptions.ImageName", r.ImageName).Add("ImageOptions.ImageFamily", r.ImageFamily).Add("ImageOptions.Description", r.ImageDescription)
        .Add("ImageOptions.ImageFeatures.NvmeSupport", r.NvmeSupport).Tags(r.ImageTags.Select(t => (t.Key, t.Value)), "ImageOptions.ImageTags")
        .Add("AdvancedOptions.RetainCloudAssistant", r.RetainCloudAssistant).Add("AdvancedOptions.ImageNameSuffix", r.ImageNameSuffix)
        .List("ToRegionId", r.ToRegionIds).List("AddAccount", r.AddAccounts, EcsValueKind.Number).Tags(r.Tags.Select(t => (t.Key, t.Value)))
        .Build();

    public static EcsCall DeleteImageComponent(string regionId, string componentId) =>
        new EcsCallBuilder("DeleteImageComponent").Add("RegionId", regionId).Add("ImageComponentId", componentId).Build();

    public static EcsCall DeleteImagePipeline(string regionId, string pipelineId) =>
        new EcsCallBuilder("DeleteImagePipeline").Add("RegionId", regionId).Add("ImagePipelineId", pipelineId).Build();

    public static EcsCall StartImagePipelineExecution(string regionId, string pipelineId) =>
        new EcsCallBuilder("StartImagePipelineExecution").Add("RegionId", regionId).Add("ImagePipelineId", pipelineId).Build();

    public static EcsCall CancelImagePipelineExecution(string regionId, string executionId) =>
        new EcsCallBuilder("CancelImagePipelineExecution").Add("RegionId", regionId).Add("ExecutionId", executionId).Build();

    /// <summary>CancelTask: the region is required, the task names its own.</summary>
    public static EcsCall CancelTask(string regionId, string taskId) =>
        new EcsCallBuilder("CancelTask").Add("RegionId", regionId).Add("TaskId", taskId).Build();

    public static EcsCall CreateKeyPair(CreateKeyPairRequest r) => new EcsCallBuilder("CreateKeyPair")
        .Add("RegionId", r.RegionId).Add("KeyPairName", r.Name).Add("ResourceGroupId", r.ResourceGroupId).Tags(r.Tags).Build();

    public static EcsCall ImportKeyPair(ImportKeyPairRequest r) => new EcsCallBuilder("ImportKeyPair")
        .Add("RegionId", r.RegionId).Add("KeyPairName", r.Name).Add("PublicKeyBody", r.PublicKeyBody).Add("ResourceGroupId", r.ResourceGroupId)
        .Tags(r.Tags).Build();

    /// <summary><c>KeyPairNames</c> is one JSON array of names.</summary>
    public static EcsCall DeleteKeyPairs(string regionId, IReadOnlyList<string> names) => new EcsCallBuilder("DeleteKeyPairs")
        .Add("RegionId", regionId).Add("KeyPairNames", System.Text.Json.JsonSerializer.Serialize(names)).Build();
}
