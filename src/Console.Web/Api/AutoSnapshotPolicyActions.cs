using System.Globalization;
using System.Text.Json;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Web.Api;

/// <summary>
/// Automatic snapshot policies (docs/rules/auto-snapshot-policies.md): CreateAutoSnapshotPolicy, DescribeAutoSnapshotPolicyEx,
/// ApplyAutoSnapshotPolicy, CancelAutoSnapshotPolicy and DeleteAutoSnapshotPolicy on <see cref="AutoSnapshotPolicyService"/>.
/// ECS spells the parameters of all but DescribeAutoSnapshotPolicyEx in lowerCamelCase (<c>regionId</c>, <c>diskIds</c>, …),
/// as the SDK sends them; <c>RegionId</c> is taken too.
/// </summary>
internal static class AutoSnapshotPolicyActions
{
    /// <summary>DescribeAutoSnapshotPolicyEx answers at most 100 policies a page.</summary>
    private const int MaxPageSize = 100;

    public static IEnumerable<EcsAction> All =>
    [
        InLowerRegion("CreateAutoSnapshotPolicy", BindCreate, async (call, region, request) =>
            (await call.Service<AutoSnapshotPolicyService>().CreateAsync(call.Actor, request with { RegionId = region.Id }, call.Ct))
                .Reply(id => new { call.RequestId, AutoSnapshotPolicyId = id })),
        EcsAction.InRegion("DescribeAutoSnapshotPolicyEx", BindDescribe, DescribeAsync),
        InLowerRegion("ApplyAutoSnapshotPolicy", p => (PolicyId: p.Required("autoSnapshotPolicyId"), DiskIds: DiskIds(p)), async (call, region, a) =>
            call.Done(await call.Service<AutoSnapshotPolicyService>().ApplyAsync(call.Actor, region.Id, a.PolicyId, a.DiskIds, call.Ct))),
        InLowerRegion("CancelAutoSnapshotPolicy", p => (DiskIds: DiskIds(p), PolicyId: p.Get("autoSnapshotPolicyId")), async (call, region, a) =>
            call.Done(await call.Service<AutoSnapshotPolicyService>().CancelAsync(call.Actor, region.Id, a.DiskIds, a.PolicyId, call.Ct))),
        InLowerRegion("DeleteAutoSnapshotPolicy", p => p.Required("autoSnapshotPolicyId"), async (call, region, policyId) =>
            call.Done(await call.Service<AutoSnapshotPolicyService>().DeleteAsync(call.Actor, region.Id, policyId, call.Ct))),
    ];

    /// <summary>A changing action whose region is <c>regionId</c> (ECS's spelling for these actions), or <c>RegionId</c>.</summary>
    private static EcsAction InLowerRegion<T>(string name, Func<ApiParameters, T> bind, Func<ApiCall, Region, T, Task<ApiReply>> run) =>
        new(name, true, async call =>
        {
            var region = await call.RegionAsync(call.P.Get("regionId") is null && call.P.Get("RegionId") is not null ? "RegionId" : "regionId");
            var args = bind(call.P);
            return call.P.Error is { } invalid ? invalid : await run(call, region!, args);
        });

    internal static CreateAutoSnapshotPolicyRequest BindCreate(ApiParameters p)
    {
        var name = p.Get("autoSnapshotPolicyName");
        var hours = Numbers(p, "timePoints");
        var weekdays = Numbers(p, "repeatWeekdays");
        var retention = p.Int("retentionDays");
        if (retention is null && p.Get("retentionDays") is null)
        {
            p.Fail(EcsConsole.Domain.Common.CommonErrors.MissingParameter("retentionDays"));
        }

        return new CreateAutoSnapshotPolicyRequest("", name, hours, weekdays, retention ?? -1)
        {
            Tags = p.Tags(),
            ResourceGroupId = p.Get("ResourceGroupId"),
            Copy = BindCopy(p),
            AssociationType = p.Get("AssociationType") is { Length: > 0 } association ? association : null,
            TargetTags = [.. p.Objects("TargetTags").Select(o => (o.GetValueOrDefault("Key") ?? "", o.GetValueOrDefault("Value") ?? ""))],
        };
    }

    /// <summary>
    /// ASP-04: the cross-region copy settings. <c>TargetCopyRegions</c> is a JSON array of one region (<c>["cn-shanghai"]</c>);
    /// <c>CopiedSnapshotsRetentionDays</c> and the <c>CopyEncryptionConfiguration</c> are checked by the service.
    /// </summary>
    private static CrossRegionCopy? BindCopy(ApiParameters p)
    {
        var enabled = p.Bool("EnableCrossRegionCopy");
        var regions = p.JsonList("TargetCopyRegions", 1,
            EcsConsole.Domain.Common.CommonErrors.InvalidParameter("TargetCopyRegions", "give a JSON array of one region ID, such as [\"cn-shanghai\"]."));
        var days = p.Int("CopiedSnapshotsRetentionDays");
        var encrypted = p.Bool("CopyEncryptionConfiguration.Encrypted");
        var keyId = p.Get("CopyEncryptionConfiguration.KMSKeyId");
        return enabled is null && regions.Count == 0 && days is null && encrypted is null && keyId is null
            ? null
            : new CrossRegionCopy(enabled ?? false, regions.FirstOrDefault(), days, encrypted ?? false, keyId);
    }

    /// <summary>A required JSON array of whole numbers, given as strings or numbers (<c>["2","14"]</c> or <c>[2,14]</c>).</summary>
    private static IReadOnlyList<int> Numbers(ApiParameters p, string name)
    {
        var text = p.Required(name);
        if (text.Length == 0)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Array)
            {
                var values = new List<int>();
                foreach (var item in json.RootElement.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var number))
                    {
                        values.Add(number);
                    }
                    else if (item.ValueKind == JsonValueKind.String && int.TryParse(item.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                    {
                        values.Add(parsed);
                    }
                    else
                    {
                        return p.Invalid<IReadOnlyList<int>>(Malformed(name)) ?? [];
                    }
                }

                return values;
            }
        }
        catch (JsonException)
        {
        }

        return p.Invalid<IReadOnlyList<int>>(Malformed(name)) ?? [];
    }

    private static EcsConsole.Domain.Common.EcsError Malformed(string name) =>
        EcsConsole.Domain.Common.CommonErrors.InvalidParameter(name, "it must be a JSON array of whole numbers, such as [\"1\",\"3\"].");

    /// <summary><c>diskIds</c>: a required JSON array of disk IDs; anything else is ECS's <c>ParameterInvalid</c> (404).</summary>
    private static IReadOnlyList<string> DiskIds(ApiParameters p)
    {
        var text = p.Required("diskIds");
        if (text.Length == 0)
        {
            return [];
        }

        return p.JsonList("diskIds", AutoSnapshotPolicyService.MaxDisksPerCall,
            AutoSnapshotPolicyErrors.DisksInvalid($"give a JSON array of 1 to {AutoSnapshotPolicyService.MaxDisksPerCall} disk IDs, such as [\"d-…\"]."));
    }

    private sealed record DescribeFilter(AutoSnapshotPolicyQuery Query, ApiPaging Paging);

    private static DescribeFilter BindDescribe(ApiParameters p) => new(
        new AutoSnapshotPolicyQuery
        {
            PolicyId = p.Get("AutoSnapshotPolicyId"),
            Name = p.Get("AutoSnapshotPolicyName"),
            ResourceGroupId = p.Get("ResourceGroupId"),
            Tags = p.Tags("Tag", ImageActions.MaxTagFilters),
        },
        new ApiPaging(PagingStyle.Pages, p.Int("PageNumber", 1, ApiParameters.MaxPageNumber) ?? 1, p.Int("PageSize", 1, MaxPageSize) ?? 10, null, null, UsesTokens: false));

    private static async Task<ApiReply> DescribeAsync(ApiCall call, Region region, DescribeFilter f)
    {
        var policies = await call.Service<AutoSnapshotPolicyService>().ListAsync(call.Actor, region.Id, f.Query, call.Ct);
        return f.Paging.Of(policies).Pages(call, "AutoSnapshotPolicies", "AutoSnapshotPolicy", Json);
    }

    /// <summary>A policy as DescribeAutoSnapshotPolicyEx answers it, with its cross-region copy settings (ASP-04) and its association by instance tag (SDP-15).</summary>
    internal static object Json(AutoSnapshotPolicyView p) => new
    {
        AutoSnapshotPolicyId = p.Id,
        AutoSnapshotPolicyName = p.Name,
        p.RegionId,
        TimePoints = AutoSnapshotSchedule.Json(AutoSnapshotSchedule.Store(p.Hours)),
        RepeatWeekdays = AutoSnapshotSchedule.Json(AutoSnapshotSchedule.Store(p.Weekdays)),
        p.RetentionDays,
        DiskNums = p.DiskIds.Count,
        VolumeNums = 0,
        CreationTime = ApiTime.Format(p.CreationTime),
        Status = "Normal",
        Type = "Custom",
        p.AssociationType,
        p.ResourceGroupId,
        Tags = new { Tag = p.Tags.Select(t => new { TagKey = t.Key, TagValue = t.Value }).ToList() },
        EnableCrossRegionCopy = p.Copy.Enabled,
        TargetCopyRegions = p.Copy.TargetRegionId is { } target ? JsonSerializer.Serialize(new[] { target }) : "",
        CopiedSnapshotsRetentionDays = p.Copy.RetentionDays ?? -1,
        CopyEncryptionConfiguration = new { p.Copy.Encrypted, KMSKeyId = "" },
        TargetTags = new { TargetTag = p.TargetTags.Select(t => new { TagKey = t.Key, TagValue = t.Value }).ToList() },
    };
}
