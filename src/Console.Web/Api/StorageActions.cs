using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Web.Api;

/// <summary>Snapshots and disks (ecs-openapi §2.15–2.17, DescribeDisks).</summary>
internal static class StorageActions
{
    public static void Register(IDictionary<string, ApiAction> actions)
    {
        actions["CreateSnapshot"] = CreateSnapshotAsync;
        actions["DescribeSnapshots"] = DescribeSnapshotsAsync;
        actions["DeleteSnapshot"] = DeleteSnapshotAsync;
        actions["DescribeDisks"] = DescribeDisksAsync;
    }

    private static async Task<ApiReply> CreateSnapshotAsync(ApiCall call)
    {
        var diskId = call.P.Required("DiskId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        // CreateSnapshot names no region: the disk's own.
        var disk = await call.Service<DiskQueryService>().FindAsync(call.Actor, diskId, call.Ct);
        if (disk is null)
        {
            return SnapshotErrors.DiskNotFound(diskId);
        }

        var created = await call.Service<SnapshotService>().CreateAsync(call.Actor,
            new CreateSnapshotRequest(disk.RegionId, diskId, call.P.Get("SnapshotName"), call.P.Get("Description")), call.Ct);
        return created.IsSuccess ? ApiReply.Ok(new { call.RequestId, created.Value.SnapshotId }) : created.Error;
    }

    private static async Task<ApiReply> DescribeSnapshotsAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var ids = p.JsonList("SnapshotIds");
        var status = p.Get("Status") ?? "all";
        var type = p.Get("SnapshotType") ?? "all";
        var sourceType = p.Get("SourceDiskType")?.ToLowerInvariant();
        var usage = p.Get("Usage");
        if (status is not ("progressing" or "accomplished" or "failed" or "all"))
        {
            p.Fail(ApiErrors.Invalid("InvalidStatus.NotFound", 404, "Status must be progressing, accomplished, failed or all."));
        }

        if (type is not ("auto" or "user" or "all"))
        {
            p.Fail(ApiErrors.Invalid("InvalidSnapshotType.NotFound", 404, "SnapshotType must be auto, user or all."));
        }

        if (sourceType is not (null or "system" or "data"))
        {
            p.Fail(ApiErrors.Invalid("InvalidSourceDiskType", 404, "SourceDiskType must be system or data."));
        }

        if (usage is not (null or "image" or "disk" or "image_disk" or "none"))
        {
            p.Fail(ApiErrors.Invalid("InvalidUsage", 404, "Usage must be image, disk, image_disk or none."));
        }

        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var diskId = p.Get("DiskId");
        var instanceId = p.Get("InstanceId");
        var name = p.Get("SnapshotName");
        var snapshots = (await call.Service<SnapshotQueryService>().ListAsync(call.Actor, region!.Id, call.Ct))
            .Where(s => ids.Count == 0 || ids.Contains(s.Id))
            .Where(s => diskId is null || s.SourceDiskId == diskId)
            .Where(s => instanceId is null || s.SourceInstanceId == instanceId)
            .Where(s => name is null || s.Name == name)
            .Where(s => status == "all" || s.Status.ToEcs() == status)
            .Where(s => type == "all" || s.SnapshotType == type)
            .Where(s => sourceType is null || s.SourceDiskType == sourceType)
            .Where(s => usage is null || (usage is "image" or "image_disk") == (s.UsedByImageIds.Count > 0))
            .ToList();
        var page = ApiPage<SnapshotListItem>.Read(p, snapshots, tokens: true);
        if (p.Error is { } badPage)
        {
            return badPage;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            page.NextToken,
            TotalCount = page.Total,
            page.PageNumber,
            page.PageSize,
            Snapshots = new
            {
                Snapshot = page.Items.Select(s => new
                {
                    SnapshotId = s.Id,
                    SnapshotName = s.Name,
                    Description = s.Description ?? "",
                    Status = s.Status.ToEcs(),
                    Progress = ImageActions.Percent(s.Progress),
                    CreationTime = ApiTime.Format(s.CreationTime),
                    LastModifiedTime = ApiTime.Format(s.CreationTime),
                    s.SourceDiskId,
                    SourceDiskSize = s.SourceDiskSizeGiB.ToString(CultureInfo.InvariantCulture),
                    s.SourceDiskType,
                    SourceStorageType = "disk",
                    Usage = s.UsedByImageIds.Count > 0 ? "image" : "none",
                    s.SnapshotType,
                    Category = "standard",
                    Available = s.Status == SnapshotStatus.Accomplished,
                    InstantAccess = false,
                    RemainTime = 0,
                    RegionId = region.Id,
                    ResourceGroupId = "",
                    Tags = new { Tag = Array.Empty<object>() },
                }).ToList(),
            },
        });
    }

    private static async Task<ApiReply> DeleteSnapshotAsync(ApiCall call)
    {
        var snapshotId = call.P.Required("SnapshotId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        // DeleteSnapshot names no region: the snapshot's own.
        var regionId = await call.Service<SnapshotQueryService>().FindRegionAsync(call.Actor, snapshotId, call.Ct);
        if (regionId is null)
        {
            return SnapshotErrors.NotFound(snapshotId);
        }

        var deleted = await call.Service<SnapshotService>().DeleteAsync(call.Actor, regionId, snapshotId, call.Ct);
        return deleted.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : deleted.Error;
    }

    private static async Task<ApiReply> DescribeDisksAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var ids = p.JsonList("DiskIds");
        var diskType = p.Get("DiskType") ?? "all";
        if (diskType is not ("all" or "system" or "data"))
        {
            p.Fail(CommonErrors.InvalidParameter("DiskType", "it must be all, system or data."));
        }

        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var instanceId = p.Get("InstanceId");
        var category = p.Get("Category");
        var zoneId = p.Get("ZoneId");
        var disks = (await call.Service<DiskQueryService>().ListAsync(call.Actor, region!.Id, call.Ct))
            .Where(d => ids.Count == 0 || ids.Contains(d.Id))
            .Where(d => instanceId is null || d.InstanceId == instanceId)
            .Where(d => diskType == "all" || d.Type == diskType)
            .Where(d => category is null || d.Category == category)
            .Where(d => zoneId is null || d.ZoneId == zoneId)
            .ToList();
        var page = ApiPage<Disk>.Read(p, disks, tokens: true);
        if (p.Error is { } badPage)
        {
            return badPage;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            page.NextToken,
            TotalCount = page.Total,
            page.PageNumber,
            page.PageSize,
            Disks = new
            {
                Disk = page.Items.Select(d => new
                {
                    DiskId = d.Id,
                    DiskName = "",
                    Description = "",
                    d.Type,
                    d.Category,
                    Size = d.SizeGiB,
                    Device = d.InstanceId is null ? "" : d.Device,
                    InstanceId = d.InstanceId ?? "",
                    ImageId = d.ImageId ?? "",
                    SourceSnapshotId = d.SourceSnapshotId ?? "",
                    d.Encrypted,
                    d.DeleteWithInstance,
                    Portable = d.Type == "data",
                    Status = d.InstanceId is null ? "Available" : "In_use",
                    DiskChargeType = "PostPaid",
                    RegionId = region.Id,
                    d.ZoneId,
                    CreationTime = ApiTime.Format(d.CreationTime),
                    Tags = new { Tag = Array.Empty<object>() },
                }).ToList(),
            },
        });
    }
}
