using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.ResourceGroups;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Web.Api;

/// <summary>Snapshots and disks (ecs-openapi §2.15–2.17, DescribeDisks).</summary>
internal static class StorageActions
{
    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.Global("CreateSnapshot", BindCreateSnapshot, CreateSnapshotAsync, changing: true).WithClientToken(),
        EcsAction.InRegion("DescribeSnapshots", BindDescribeSnapshots, DescribeSnapshotsAsync),
        EcsAction.Global("DeleteSnapshot", p => (SnapshotId: p.Required("SnapshotId"), Force: p.Bool("Force") ?? false), DeleteSnapshotAsync, changing: true),
        EcsAction.InRegion("DescribeDisks", BindDescribeDisks, DescribeDisksAsync),
    ];

    /// <summary>
    /// CreateSnapshot's parameters (SNP-03, SDP-02, SDP-03): <c>RetentionDays</c> 1–65536, <c>Tag.N</c>, and <c>Category</c>
    /// <c>standard</c> (what every snapshot here is); <c>flash</c>, the local snapshots ECS retired in 2020, is refused,
    /// as is any other word (<c>InvalidSnapshotCategory.Malformed</c> / 403).
    /// </summary>
    private static CreateSnapshotRequest BindCreateSnapshot(ApiParameters p)
    {
        var request = new CreateSnapshotRequest("", p.Required("DiskId"), p.Get("SnapshotName"), p.Get("Description"))
        {
            ResourceGroupId = p.Get("ResourceGroupId"),
            RetentionDays = p.Int("RetentionDays", 1, SnapshotErrors.MaxRetentionDays),
            Tags = p.Tags(),
        };
        if (p.Get("Category") is { } category && !category.Equals("standard", StringComparison.OrdinalIgnoreCase))
        {
            p.Fail(ApiErrors.Invalid("InvalidSnapshotCategory.Malformed", 403, category.Equals("flash", StringComparison.OrdinalIgnoreCase)
                ? "Local snapshots (flash) were replaced by instant access on 2020-12-14 and cannot be created: use Category=standard or leave it out."
                : $"The specified Category \"{category}\" is not valid: use standard."));
        }

        return request;
    }

    /// <summary>CreateSnapshot names no region: the disk's own.</summary>
    private static async Task<ApiReply> CreateSnapshotAsync(ApiCall call, CreateSnapshotRequest request)
    {
        var disk = await call.Service<DiskQueryService>().FindAsync(call.Actor, request.DiskId, call.Ct);
        if (disk is null)
        {
            return SnapshotErrors.DiskNotFound(request.DiskId);
        }

        return (await call.Service<SnapshotService>().CreateAsync(call.Actor, request with { RegionId = disk.RegionId }, call.Ct))
            .Reply(created => new { call.RequestId, created.SnapshotId });
    }

    private sealed record SnapshotFilter(IReadOnlyList<string> Ids, string Status, string Type, string? SourceType, string? Usage, ApiPaging Paging)
    {
        /// <summary>SDP-05: <c>Filter.N</c> <c>CreationStartTime</c> / <c>CreationEndTime</c>.</summary>
        public DateTimeOffset? CreatedFrom { get; init; }

        public DateTimeOffset? CreatedTo { get; init; }
    }

    private static SnapshotFilter BindDescribeSnapshots(ApiParameters p)
    {
        var ids = p.JsonList("SnapshotIds", malformed: ApiErrors.Invalid("InvalidSnapshotIds.Malformed", 403, "SnapshotIds is a JSON array of at most 100 IDs.")); // SNP-14
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

        var (from, to) = ApiFilters.CreationWindow(p, "CreationStartTime or CreationEndTime"); // SDP-05
        return new SnapshotFilter(ids, status, type, sourceType, usage, ApiPaging.Read(p, PagingStyle.PagesOrTokens)) { CreatedFrom = from, CreatedTo = to };
    }

    private static async Task<ApiReply> DescribeSnapshotsAsync(ApiCall call, Region region, SnapshotFilter f)
    {
        var groups = await call.Service<ResourceGroupService>().FilterAsync(call.Actor, call.P.Get("ResourceGroupId"), call.Ct);
        var snapshots = (await call.Service<SnapshotQueryService>().ListAsync(call.Actor, region.Id, call.Ct))
            .Where(s => ResourceGroupRules.Keeps(groups, s.ResourceGroupId))
            .Where(s => f.Ids.Count == 0 || f.Ids.Contains(s.Id))
            .WhereParameter(call.P, "DiskId", s => s.SourceDiskId)
            .WhereParameter(call.P, "InstanceId", s => s.SourceInstanceId)
            .WhereParameter(call.P, "SnapshotName", s => s.Name)
            .Where(s => f.Status == "all" || s.Status.ToEcs() == f.Status)
            .Where(s => f.Type == "all" || s.SnapshotType == f.Type)
            .Where(s => f.SourceType is null || s.SourceDiskType == f.SourceType)
            .Where(s => f.Usage is null || (f.Usage is "image" or "image_disk") == (s.UsedByImageIds.Count > 0))
            .WhereBool(call.P, "Encrypted", s => s.Encrypted)
            .WhereAnswered(call.P, "Category", "standard")
            .WhereAnswered(call.P, "KMSKeyId", "")
            .WhereParameter(call.P, "SnapshotLinkId", s => ApiDefaults.Id("sl-", region.Infix, s.SourceDiskId))
            .Where(s => (f.CreatedFrom is null || s.CreationTime >= f.CreatedFrom) && (f.CreatedTo is null || s.CreationTime <= f.CreatedTo))
            .WhereTagged(call.P, s => s.Tags)
            .ToList();
        var remaining = await call.Service<TaskQueryService>().RemainingSecondsAsync(call.Actor, region.Id, [.. snapshots.Select(s => s.Id)], call.Ct);
        return f.Paging.Of(snapshots).Pages(call, "Snapshots", "Snapshot", s => new
        {
            SnapshotId = s.Id,
            SnapshotName = s.Name,
            Description = s.Description ?? "",
            Status = s.Status.ToEcs(),
            Progress = ApiJson.Percent(s.Progress),
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
            RemainTime = remaining.GetValueOrDefault(s.Id),
            RegionId = region.Id,
            ResourceGroupId = ResourceGroupRules.Effective(s.ResourceGroupId, call.Actor.AccountId) ?? "",
            Tags = new { Tag = s.Tags.Select(t => new { TagKey = t.Key, TagValue = t.Value }).ToList() },
            s.Encrypted,
            KMSKeyId = "",
            // The full size the snapshot holds (the product keeps no sparse data: the source disk's size).
            FullSnapshotSizeInBytes = (long)s.SourceDiskSizeGiB << 30,
            InstantAccessRetentionDays = 0,
            // A manual snapshot's own retention (SNP-03), else an automatic one's, from its policy; 0: kept until deleted.
            RetentionDays = s.RetentionDays ?? (s.RetainUntil is { } until ? (int)Math.Round((until - s.CreationTime).TotalDays) : 0),
            ProductCode = "",
            SnapshotLinkId = ApiDefaults.Id("sl-", region.Infix, s.SourceDiskId),
            SnapshotSN = ApiDefaults.Digits(s.Id, 20),
            SourceRegionId = s.SourceRegionId ?? "", // set by CopySnapshot
            SourceSnapshotId = s.SourceSnapshotId ?? "",
        });
    }

    /// <summary>The instance a disk is attached to, as <c>Attachments</c> and <c>MountInstances</c> list it.</summary>
    private static object[] Attachment(Disk d) =>
        d.InstanceId is null ? [] : [new { d.InstanceId, d.Device, AttachedTime = ApiTime.Format(d.AttachedTime ?? d.CreationTime) }];

    /// <summary>DeleteSnapshot names no region: the snapshot's own.</summary>
    private static async Task<ApiReply> DeleteSnapshotAsync(ApiCall call, (string SnapshotId, bool Force) a)
    {
        var snapshotId = a.SnapshotId;
        var regionId = await call.Service<SnapshotQueryService>().FindRegionAsync(call.Actor, snapshotId, call.Ct);
        if (regionId is null)
        {
            return SnapshotErrors.NotFound(snapshotId);
        }

        return call.Done(await call.Service<SnapshotService>().DeleteAsync(call.Actor, regionId, snapshotId, call.Ct, a.Force));
    }

    private sealed record DiskFilter(IReadOnlyList<string> Ids, string DiskType, ApiPaging Paging, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo, bool Performance);

    /// <summary>SDP-12: <c>AdditionalAttributes.N</c> takes <c>Performance</c> only.</summary>
    private const string PerformanceAttribute = "Performance";

    private static DiskFilter BindDescribeDisks(ApiParameters p)
    {
        var ids = p.JsonList("DiskIds");
        var diskType = p.Get("DiskType") ?? "all";
        if (diskType is not ("all" or "system" or "data"))
        {
            p.Fail(CommonErrors.InvalidParameter("DiskType", "it must be all, system or data."));
        }

        var attributes = p.List("AdditionalAttributes");
        if (attributes.FirstOrDefault(a => a != PerformanceAttribute) is { } unknown)
        {
            p.Fail(CommonErrors.InvalidParameter("AdditionalAttributes", $"\"{unknown}\" is not an attribute: use {PerformanceAttribute}."));
        }

        var (from, to) = ApiFilters.CreationWindow(p, "CreationStartTime or CreationEndTime"); // SDP-11
        return new DiskFilter(ids, diskType, ApiPaging.Read(p, PagingStyle.PagesOrTokens), from, to, attributes.Contains(PerformanceAttribute));
    }

    private static async Task<ApiReply> DescribeDisksAsync(ApiCall call, Region region, DiskFilter f)
    {
        var groups = await call.Service<ResourceGroupService>().FilterAsync(call.Actor, call.P.Get("ResourceGroupId"), call.Ct);
        var lockReason = call.P.Get("LockReason");
        var policies = await call.Service<AutoSnapshotPolicyService>().PoliciesOfDisksAsync(call.Actor, region.Id, call.Ct);
        string PolicyOf(Disk d) => policies.TryGetValue(d.Id, out var applied) ? applied[0] : "";
        var policyFilter = call.P.Get("AutoSnapshotPolicyId");
        var disks = (await call.Service<DiskQueryService>().ListAsync(call.Actor, region.Id, call.Ct))
            .Where(d => ResourceGroupRules.Keeps(groups, d.ResourceGroupId))
            .Where(d => f.Ids.Count == 0 || f.Ids.Contains(d.Id))
            .WhereParameter(call.P, "InstanceId", d => d.InstanceId)
            .Where(d => f.DiskType == "all" || d.Type == f.DiskType)
            .WhereParameter(call.P, "Category", d => d.Category)
            .WhereParameter(call.P, "ZoneId", d => d.ZoneId)
            .WhereParameter(call.P, "Status", DiskStatus)
            .WhereParameter(call.P, "SnapshotId", d => d.SourceSnapshotId)
            .WhereBool(call.P, "Encrypted", d => d.Encrypted)
            .WhereBool(call.P, "DeleteWithInstance", d => d.DeleteWithInstance)
            .WhereBool(call.P, "Portable", d => d.Type == "data")
            .WhereParameter(call.P, "DiskName", d => d.Name ?? "")
            .WhereAnswered(call.P, "DiskChargeType", "PostPaid")
            .WhereAnswered(call.P, "MultiAttach", "Disabled")
            .WhereAnswered(call.P, "KMSKeyId", "")
            .Where(d => policyFilter is null || (policies.TryGetValue(d.Id, out var applied) && applied.Contains(policyFilter)))
            .WhereBool(call.P, "EnableShared", _ => false)
            .WhereBool(call.P, "EnableAutoSnapshot", _ => true)
            .WhereBool(call.P, "EnableAutomatedSnapshotPolicy", d => policies.ContainsKey(d.Id))
            .WhereBool(call.P, "DeleteAutoSnapshot", _ => true)
            .Where(_ => lockReason is null) // no disk is locked
            .Where(d => (f.CreatedFrom is null || d.CreationTime >= f.CreatedFrom) && (f.CreatedTo is null || d.CreationTime <= f.CreatedTo))
            .WhereTagged(call.P, d => d.Tags.Select(t => (t.TagKey, t.TagValue)))
            .ToList();
        return f.Paging.Of(disks).Pages(call, "Disks", "Disk", d => new
        {
            DiskId = d.Id,
            DiskName = d.Name ?? "",
            Description = d.Description ?? "",
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
            Status = DiskStatus(d),
            DiskChargeType = "PostPaid",
            RegionId = region.Id,
            d.ZoneId,
            CreationTime = ApiTime.Format(d.CreationTime),
            ResourceGroupId = ResourceGroupRules.Effective(d.ResourceGroupId, d.AccountId),
            Tags = new { Tag = d.Tags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => new { t.TagKey, t.TagValue }).ToList() },
            AttachedTime = d.InstanceId is null ? "" : ApiTime.Format(d.AttachedTime ?? d.CreationTime),
            DetachedTime = d.DetachedTime is { } detached ? ApiTime.Format(detached) : "",
            Attachments = new { Attachment = Attachment(d) },
            MountInstanceNum = d.InstanceId is null ? 0 : 1,
            MountInstances = new { MountInstance = Attachment(d) },
            MultiAttach = "Disabled",
            ExpiredTime = "",
            KMSKeyId = "",
            ProductCode = "",
            SerialNumber = d.Id.StartsWith("d-", StringComparison.Ordinal) ? d.Id[2..] : d.Id,
            SourceDiskId = "",
            DataSource = new { Type = "", Id = "" },
            Placement = new { ZoneIds = "" },
            // The first automatic snapshot policy applied to the disk (a disk may carry up to 10, SNP-12).
            AutoSnapshotPolicyId = PolicyOf(d),
            EnableAutoSnapshot = true,
            EnableAutomatedSnapshotPolicy = policies.ContainsKey(d.Id),

            // Bursting, storage sets and clusters: concepts the product lacks.
            DeleteAutoSnapshot = true,
            BurstingEnabled = false,
            StorageClusterId = "",
            StorageSetId = "",
            StorageSetPartitionNumber = 0,
            BdfId = "",
            OperationLocks = new { OperationLock = Array.Empty<object>() },
            PerformanceLevel = d.Category == "cloud_essd" ? d.PerformanceLevel ?? "PL1" : "",
            IOPS = DiskPerformance.Iops(d.Category, d.SizeGiB, d.PerformanceLevel),
            // SDP-12: the read and write ceilings are the disk's IOPS and throughput, asked for with AdditionalAttributes=Performance.
            IOPSRead = f.Performance ? DiskPerformance.Iops(d.Category, d.SizeGiB, d.PerformanceLevel) : 0,
            IOPSWrite = f.Performance ? DiskPerformance.Iops(d.Category, d.SizeGiB, d.PerformanceLevel) : 0,
            ProvisionedIops = 0,
            Throughput = DiskPerformance.ThroughputMBps(d.Category, d.SizeGiB, d.PerformanceLevel),
            ThroughputRead = f.Performance ? DiskPerformance.ThroughputMBps(d.Category, d.SizeGiB, d.PerformanceLevel) : 0,
            ThroughputWrite = f.Performance ? DiskPerformance.ThroughputMBps(d.Category, d.SizeGiB, d.PerformanceLevel) : 0,
        });
    }

    private static string DiskStatus(Disk d) => d.InstanceId is null ? "Available" : "In_use";
}
