using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Web.Api.Calls;

/// <summary>The ECS calls the <c>/snapshots/policies</c> page's changes make (ADR-014), as <see cref="AutoSnapshotPolicyActions"/> binds them back.</summary>
public static class AutoSnapshotPolicyCalls
{
    public static EcsCall Create(CreateAutoSnapshotPolicyRequest r) => new EcsCallBuilder("CreateAutoSnapshotPolicy")
        .Add("regionId", r.RegionId).Add("autoSnapshotPolicyName", r.Name).Add("timePoints", AutoSnapshotSchedule.Json(AutoSnapshotSchedule.Store(r.Hours)))
        .Add("repeatWeekdays", AutoSnapshotSchedule.Json(AutoSnapshotSchedule.Store(r.Weekdays))).Add("retentionDays", r.RetentionDays).Build();

    public static EcsCall Apply(string regionId, string policyId, IReadOnlyList<string> diskIds) => new EcsCallBuilder("ApplyAutoSnapshotPolicy")
        .Add("regionId", regionId).Add("autoSnapshotPolicyId", policyId).Add("diskIds", Json(diskIds)).Build();

    public static EcsCall Cancel(string regionId, string policyId, string diskId) => new EcsCallBuilder("CancelAutoSnapshotPolicy")
        .Add("regionId", regionId).Add("diskIds", Json([diskId])).Add("autoSnapshotPolicyId", policyId).Build();

    public static EcsCall Delete(string regionId, string policyId) => new EcsCallBuilder("DeleteAutoSnapshotPolicy")
        .Add("regionId", regionId).Add("autoSnapshotPolicyId", policyId).Build();

    private static string Json(IReadOnlyList<string> ids) => System.Text.Json.JsonSerializer.Serialize(ids);
}
