using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>
/// Disks on their own: CreateDisk, AttachDisk, DetachDisk, DeleteDisk, ResetDisk and ReInitDisk (ADR "disks"). Every rule
/// is <see cref="DiskService"/>'s; only CreateDisk names a region, the others act in their disk's own.
/// </summary>
internal static class DiskActions
{
    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("CreateDisk", BindCreateDisk, CreateDiskAsync, changing: true).WithClientToken(),
        EcsAction.Global("AttachDisk", BindAttachDisk,
            async (call, request) => call.Done(await call.Service<DiskService>().AttachAsync(call.Actor, request, call.Ct)), changing: true),
        EcsAction.Global("DetachDisk", p => (DiskId: p.Required("DiskId"), InstanceId: p.Required("InstanceId"), DeleteWithInstance: p.Bool("DeleteWithInstance")),
            async (call, a) => call.Done(await call.Service<DiskService>().DetachAsync(call.Actor, a.DiskId, a.InstanceId, a.DeleteWithInstance, call.Ct)), changing: true),
        EcsAction.Global("DeleteDisk", p => p.Required("DiskId"),
            async (call, diskId) => call.Done(await call.Service<DiskService>().DeleteAsync(call.Actor, diskId, call.Ct)), changing: true),
        EcsAction.Global("ResetDisk", p => (DiskId: p.Required("DiskId"), SnapshotId: p.Required("SnapshotId")),
            async (call, a) => call.Done(await call.Service<DiskService>().ResetAsync(call.Actor, a.DiskId, a.SnapshotId, call.Ct)), changing: true),
        EcsAction.Global("ReInitDisk", BindReInitDisk,
            async (call, request) => call.Done(await call.Service<DiskService>().ReInitAsync(call.Actor, request, call.Ct)), changing: true),
    ];

    internal static CreateDiskRequest BindCreateDisk(ApiParameters p) => new()
    {
        RegionId = "", // the region resolved by InRegion
        ZoneId = p.Get("ZoneId"),
        InstanceId = p.Get("InstanceId"),
        Category = p.Get("DiskCategory"),
        SizeGiB = p.Int("Size", 1),
        SnapshotId = p.Get("SnapshotId") is { Length: > 0 } snapshot ? snapshot : null,
        Name = p.Get("DiskName"),
        Description = p.Get("Description"),
        Encrypted = p.Bool("Encrypted") ?? false,
        KmsKeyId = p.Get("KMSKeyId"),
        PerformanceLevel = p.Get("PerformanceLevel"),
        ResourceGroupId = p.Get("ResourceGroupId"),
        Tags = p.Tags(),
        MultiAttach = p.Get("MultiAttach"),
        ProvisionedIops = p.Get("ProvisionedIops") is null ? null : p.Int("ProvisionedIops", 0),
        BurstingEnabled = p.Bool("BurstingEnabled"),
        StorageSetId = p.Get("StorageSetId"),
        StorageClusterId = p.Get("StorageClusterId"),
    };

    private static async Task<ApiReply> CreateDiskAsync(ApiCall call, Region region, CreateDiskRequest request) =>
        (await call.Service<DiskService>().CreateAsync(call.Actor, request with { RegionId = region.Id }, call.Ct))
            .Reply(diskId => new { call.RequestId, DiskId = diskId, OrderId = "" }); // pay-as-you-go: no order

    internal static AttachDiskRequest BindAttachDisk(ApiParameters p)
    {
        var request = new AttachDiskRequest(p.Required("DiskId"), p.Required("InstanceId"))
        {
            DeleteWithInstance = p.Bool("DeleteWithInstance"),
            Device = p.Get("Device") is { Length: > 0 } device ? device : null,
            Bootable = p.Bool("Bootable") ?? false,
        };
        if (p.Bool("Force") == true)
        {
            // A forced attach takes a disk from an instance of another zone; no region here offers it.
            p.Fail(ApiErrors.Invalid("InvalidParameterForce.RegionNotSupported", 400, "The specified region does not support force attach operation."));
        }

        return request;
    }

    private static ReInitDiskRequest BindReInitDisk(ApiParameters p) => new(p.Required("DiskId"))
    {
        Password = p.Get("Password"),
        KeyPairName = p.Get("KeyPairName"),
        AutoStartInstance = p.Bool("AutoStartInstance") ?? false,
        SecurityEnhancementStrategy = InstanceLaunchParameters.SecurityEnhancementStrategy(p),
    };
}
