using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.ResourceGroups;

namespace EcsConsole.Web.Api;

/// <summary>
/// DescribeVpcs, DescribeVSwitches and DescribeSecurityGroups (issue #22): the network every instance is in — the
/// account's default VPC and security group in the region and its vSwitch in each zone (<see cref="DefaultNetworkLayout"/>).
/// The product models no other network, so the lists hold these and nothing else.
/// </summary>
internal static class NetworkActions
{
    /// <summary>The three lists answer at most 50 items a page.</summary>
    private const int MaxPageSize = 50;

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("DescribeVpcs", Paging, DescribeVpcsAsync),
        EcsAction.InRegion("DescribeVSwitches", Paging, DescribeVSwitchesAsync),
        EcsAction.InRegion("DescribeSecurityGroups", p => ApiPaging.Read(p, PagingStyle.PagesOrTokens) is var paging && paging.UsesTokens
            ? paging
            : paging with { PageSize = p.Int("PageSize", 1, MaxPageSize) ?? 10 }, DescribeSecurityGroupsAsync),
    ];

    private static ApiPaging Paging(ApiParameters p) =>
        new(PagingStyle.Pages, p.Int("PageNumber", 1, ApiParameters.MaxPageNumber) ?? 1, p.Int("PageSize", 1, MaxPageSize) ?? 10, null, null, UsesTokens: false);

    private static Task<ApiReply> DescribeVpcsAsync(ApiCall call, Region region, ApiPaging paging)
    {
        var account = call.Actor.AccountId ?? "";
        var vpcs = (call.Actor.AccountId is null ? [] : new[] { DefaultNetworkLayout.Vpc(account, region) })
            .WhereParameter(call.P, "VpcId", v => v.VpcId)
            .WhereBool(call.P, "IsDefault", _ => true)
            .ToList();
        return Task.FromResult(paging.Of(vpcs).Pages(call, "Vpcs", "Vpc", v => new
        {
            v.VpcId,
            VpcName = "",
            Description = "System created default VPC.",
            v.RegionId,
            Status = "Available",
            IsDefault = true,
            v.CidrBlock,
            CreationTime = ApiTime.Format(DefaultNetworkLayout.CreationTime),
            v.VRouterId,
            VSwitchIds = new { VSwitchId = v.VSwitchIds },
            UserCidrs = new { UserCidr = Array.Empty<string>() },
        }));
    }

    private static async Task<ApiReply> DescribeVSwitchesAsync(ApiCall call, Region region, ApiPaging paging)
    {
        if (call.P.Get("ZoneId") is { } zoneId && region.Zones.All(z => z.Id != zoneId))
        {
            return CompatibilityErrors.ZoneNotFound(zoneId, region.Id);
        }

        var account = call.Actor.AccountId ?? "";
        var used = (await call.Service<InstanceQueryService>().ListAsync(call.Actor, region.Id, call.Ct)).CountBy(i => i.ZoneId).ToDictionary();
        var vSwitches = (call.Actor.AccountId is null ? [] : DefaultNetworkLayout.VSwitches(account, region))
            .WhereParameter(call.P, "VpcId", v => v.VpcId)
            .WhereParameter(call.P, "VSwitchId", v => v.VSwitchId)
            .WhereParameter(call.P, "ZoneId", v => v.ZoneId)
            .WhereBool(call.P, "IsDefault", _ => true)
            .ToList();
        return paging.Of(vSwitches).Pages(call, "VSwitches", "VSwitch", v => new
        {
            v.VSwitchId,
            VSwitchName = "",
            Description = "System created default virtual switch.",
            v.VpcId,
            v.ZoneId,
            Status = "Available",
            IsDefault = true,
            v.CidrBlock,
            AvailableIpAddressCount = v.AddressCount - used.GetValueOrDefault(v.ZoneId),
            CreationTime = ApiTime.Format(DefaultNetworkLayout.CreationTime),
            ResourceGroupId = ResourceGroupRules.Effective(null, account) ?? "",
        });
    }

    /// <summary>
    /// The account's security group, filtered as asked: <c>SecurityGroupId</c>, <c>SecurityGroupIds</c> (a JSON array of
    /// up to 100), <c>VpcId</c>, <c>SecurityGroupName</c> (a prefix with <c>FuzzyQuery</c>), <c>SecurityGroupType</c>
    /// (<c>normal</c>), <c>NetworkType</c> (<c>vpc</c>), <c>ServiceManaged</c> (false), <c>ResourceGroupId</c> and tags
    /// (the group has none). <c>EcsCount</c> counts the account's instances in the region, which are all in it.
    /// </summary>
    private static async Task<ApiReply> DescribeSecurityGroupsAsync(ApiCall call, Region region, ApiPaging paging)
    {
        var account = call.Actor.AccountId ?? "";
        var groups = await call.Service<ResourceGroupService>().FilterAsync(call.Actor, call.P.Get("ResourceGroupId"), call.Ct);
        var ids = call.P.JsonList("SecurityGroupIds");
        var fuzzy = call.P.Bool("FuzzyQuery") ?? false;
        var countInstances = call.P.Bool("IsQueryEcsCount") ?? true;
        var instances = (await call.Service<InstanceQueryService>().ListAsync(call.Actor, region.Id, call.Ct)).Count;
        var name = call.P.Get("SecurityGroupName");
        var list = (call.Actor.AccountId is null ? [] : new[] { DefaultNetworkLayout.SecurityGroup(account, region) })
            .Where(_ => ResourceGroupRules.Keeps(groups, null))
            .WhereParameter(call.P, "SecurityGroupId", g => g.SecurityGroupId)
            .Where(g => ids.Count == 0 || ids.Contains(g.SecurityGroupId))
            .WhereParameter(call.P, "VpcId", g => g.VpcId)
            .Where(g => name is null || (fuzzy ? g.Name.StartsWith(name, StringComparison.Ordinal) : g.Name == name))
            .WhereAnswered(call.P, "SecurityGroupType", "normal")
            .WhereAnswered(call.P, "NetworkType", "vpc")
            .WhereBool(call.P, "ServiceManaged", _ => false)
            .WhereUntagged(call.P)
            .ToList();
        return paging.Of(list).Pages(call, "SecurityGroups", "SecurityGroup", g => new
        {
            g.SecurityGroupId,
            SecurityGroupName = g.Name,
            g.Description,
            SecurityGroupType = "normal",
            g.VpcId,
            CreationTime = ApiTime.Format(DefaultNetworkLayout.CreationTime),
            ResourceGroupId = ResourceGroupRules.Effective(null, account) ?? "",
            // ECS's default group allows SSH, RDP and ICMP in: three inbound rules; no rule names another group.
            RuleCount = 3,
            GroupToGroupRuleCount = 0,
            EcsCount = countInstances ? instances : 0,
            AvailableInstanceAmount = countInstances ? Math.Max(0, 2000 - instances) : 0,
            ServiceManaged = false,
            ServiceID = 0L,
            Tags = new { Tag = Array.Empty<object>() },
        }, region.Id);
    }
}
