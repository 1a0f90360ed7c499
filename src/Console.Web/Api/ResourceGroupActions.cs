using EcsConsole.Domain.ResourceGroups;

namespace EcsConsole.Web.Api;

/// <summary>JoinResourceGroup: moves an instance, disk, snapshot, custom image or key pair into another of the account's resource groups (ADR-026).</summary>
internal static class ResourceGroupActions
{
    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("JoinResourceGroup", p => (Type: p.Get("ResourceType"), Id: p.Get("ResourceId"), Group: p.Get("ResourceGroupId")),
            async (call, region, a) => call.Done(await call.Service<ResourceGroupService>().JoinAsync(call.Actor, region.Id, a.Type, a.Id, a.Group, call.Ct)),
            changing: true),
    ];
}
