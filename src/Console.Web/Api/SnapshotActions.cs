using EcsConsole.Domain.Common;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.ResourceGroups;
using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Web.Api;

/// <summary>
/// CopySnapshot, ModifySnapshotAttribute, DescribeSnapshotsUsage and the snapshot-consistent groups (CreateSnapshotGroup,
/// DescribeSnapshotGroups, DeleteSnapshotGroup) on <see cref="SnapshotService"/> and <see cref="SnapshotGroupService"/>
/// (domain-rules §10, SNP-03, SNP-10, SNP-11). CreateSnapshot, DescribeSnapshots and DeleteSnapshot are <see cref="StorageActions"/>'.
/// </summary>
internal static class SnapshotActions
{
    /// <summary>DescribeSnapshotGroups: at most 10 <c>SnapshotGroupId.N</c> and 3 <c>Status.N</c>.</summary>
    private const int MaxGroupIds = 10;

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("CopySnapshot", BindCopy, async (call, region, request) =>
                (await call.Service<SnapshotService>().CopyAsync(call.Actor, request with { RegionId = region.Id }, call.Ct))
                    .Reply(copied => new { call.RequestId, copied.SnapshotId }),
            changing: true).WithClientToken(),
        EcsAction.Global("ModifySnapshotAttribute", BindModify, ModifyAsync, changing: true),
        EcsAction.InRegion("DescribeSnapshotsUsage", async (call, region) =>
        {
            var usage = await call.Service<SnapshotQueryService>().UsageAsync(call.Actor, region.Id, call.Ct);
            return ApiReply.Ok(new { call.RequestId, usage.SnapshotCount, SnapshotSize = usage.SnapshotSizeBytes });
        }),
        EcsAction.InRegion("CreateSnapshotGroup", BindCreateGroup, async (call, region, request) =>
                (await call.Service<SnapshotGroupService>().CreateAsync(call.Actor, request with { RegionId = region.Id }, call.Ct))
                    .Reply(groupId => new { call.RequestId, SnapshotGroupId = groupId }),
            changing: true).WithClientToken(),
        EcsAction.InRegion("DescribeSnapshotGroups", BindDescribeGroups, DescribeGroupsAsync),
        EcsAction.InRegion("DeleteSnapshotGroup", p => p.Required("SnapshotGroupId"), async (call, region, groupId) =>
                (await call.Service<SnapshotGroupService>().DeleteAsync(call.Actor, region.Id, groupId, call.Ct)).Reply(deleted => new
                {
                    call.RequestId,
                    OperationProgressSet = new
                    {
                        OperationProgress = deleted.Select(id => new
                        {
                            ErrorCode = "",
                            ErrorMsg = "",
                            OperationStatus = "Success",
                            RelatedItemSet = new { RelatedItem = new[] { new { Name = "SnapshotId", Value = id } } },
                        }).ToList(),
                    },
                }),
            changing: true),
    ];

    internal static CopySnapshotRequest BindCopy(ApiParameters p) =>
        new("", p.Required("SnapshotId"), p.Required("DestinationRegionId"), p.Get("DestinationSnapshotName"), p.Get("DestinationSnapshotDescription"),
            p.Bool("Encrypted") ?? false)
        {
            RetentionDays = p.Int("RetentionDays", 1, SnapshotErrors.MaxRetentionDays),
            KmsKeyId = p.Get("KMSKeyId"),
            ResourceGroupId = p.Get("ResourceGroupId"),
            Tags = p.Tags(),
        };

    internal static ModifySnapshotRequest BindModify(ApiParameters p)
    {
        var request = new ModifySnapshotRequest("", p.Required("SnapshotId"), p.Get("SnapshotName"), p.Get("Description"))
        {
            RetentionDays = p.Int("RetentionDays", 1, SnapshotErrors.MaxRetentionDays),
        };

        // Instant access is never on for a snapshot here (DescribeSnapshots answers InstantAccess=false): disabling it is already done.
        _ = p.Bool("DisableInstantAccess");
        return request;
    }

    /// <summary>ModifySnapshotAttribute names no region: the snapshot's own.</summary>
    private static async Task<ApiReply> ModifyAsync(ApiCall call, ModifySnapshotRequest request)
    {
        var regionId = await call.Service<SnapshotQueryService>().FindRegionAsync(call.Actor, request.SnapshotId, call.Ct);
        if (regionId is null)
        {
            return SnapshotErrors.NotFound(request.SnapshotId);
        }

        return call.Done(await call.Service<SnapshotService>().ModifyAttributeAsync(call.Actor, request with { RegionId = regionId }, call.Ct));
    }

    private static CreateSnapshotGroupRequest BindCreateGroup(ApiParameters p) => new("")
    {
        InstanceId = p.Get("InstanceId"),
        DiskIds = p.List("DiskId"),
        ExcludeDiskIds = p.List("ExcludeDiskId"),
        Name = p.Get("Name"),
        Description = p.Get("Description"),
        ResourceGroupId = p.Get("ResourceGroupId"),
        Tags = p.Tags(),
    };

    private sealed record GroupFilter(IReadOnlyList<string> Ids, IReadOnlyList<string> Statuses, ApiPaging Paging);

    private static GroupFilter BindDescribeGroups(ApiParameters p)
    {
        var ids = p.List("SnapshotGroupId");
        var statuses = p.List("Status");
        if (ids.Count > MaxGroupIds)
        {
            p.Fail(CommonErrors.InvalidParameter("SnapshotGroupId", $"a call names at most {MaxGroupIds} snapshot-consistent groups."));
        }

        if (statuses.FirstOrDefault(s => s is not ("progressing" or "accomplished" or "failed")) is { } status)
        {
            p.Fail(CommonErrors.InvalidParameter("Status", $"\"{status}\" is not progressing, accomplished or failed."));
        }

        return new GroupFilter(ids, statuses, new ApiPaging(PagingStyle.PagesOrTokens, 1, 10, p.Int("MaxResults", 1, 100) ?? 10, p.Get("NextToken"), UsesTokens: true));
    }

    private static async Task<ApiReply> DescribeGroupsAsync(ApiCall call, Region region, GroupFilter f)
    {
        var resourceGroups = await call.Service<ResourceGroupService>().FilterAsync(call.Actor, call.P.Get("ResourceGroupId"), call.Ct);
        var groups = (await call.Service<SnapshotGroupService>().ListAsync(call.Actor, region.Id, call.Ct))
            .Where(g => ResourceGroupRules.Keeps(resourceGroups, g.ResourceGroupId))
            .Where(g => f.Ids.Count == 0 || f.Ids.Contains(g.Id))
            .Where(g => f.Statuses.Count == 0 || f.Statuses.Contains(g.Status))
            .WhereParameter(call.P, "InstanceId", g => g.InstanceId)
            .WhereParameter(call.P, "Name", g => g.Name)
            .WhereTagged(call.P, GroupTags)
            .ToList();
        return f.Paging.Of(groups).Reply(page => new
        {
            call.RequestId,
            page.NextToken,
            SnapshotGroups = new
            {
                SnapshotGroup = page.Items.Select(g => new
                {
                    SnapshotGroupId = g.Id,
                    Name = g.Name ?? "",
                    Description = g.Description ?? "",
                    InstanceId = g.InstanceId ?? "",
                    g.Status,
                    ProgressStatus = g.Status,
                    CreationTime = ApiTime.Format(g.CreationTime),
                    ResourceGroupId = ResourceGroupRules.Effective(g.ResourceGroupId, call.Actor.AccountId) ?? "",
                    Tags = new { Tag = GroupTags(g).Select(t => new { t.Key, t.Value }).ToList() },
                    Snapshots = new
                    {
                        Snapshot = g.Snapshots.Select(s => new
                        {
                            s.SnapshotId,
                            s.SourceDiskId,
                            s.SourceDiskType,
                            Progress = ApiJson.Percent(s.Progress),
                            Available = s.Status == SnapshotStatus.Accomplished,
                            InstantAccess = false,
                            InstantAccessRetentionDays = 0,
                            Tags = new { Tag = s.Tags.Select(t => new { t.Key, t.Value }).ToList() },
                        }).ToList(),
                    },
                }).ToList(),
            },
        });
    }

    /// <summary>SDP-02: a group's tags are those CreateSnapshotGroup put on each of its snapshots (its first one's).</summary>
    private static IReadOnlyList<(string Key, string Value)> GroupTags(SnapshotGroupItem g) => g.Snapshots.FirstOrDefault()?.Tags ?? [];
}
