namespace EcsConsole.Web.Api.Calls;

/// <summary>The ECS call the console's "Change Resource Group" makes (ADR-014), as <see cref="ResourceGroupActions"/> binds it back.</summary>
public static class ResourceGroupCalls
{
    public static EcsCall JoinResourceGroup(string regionId, string resourceType, string resourceId, string resourceGroupId) =>
        new EcsCallBuilder("JoinResourceGroup").Add("RegionId", regionId).Add("ResourceType", resourceType).Add("ResourceId", resourceId)
            .Add("ResourceGroupId", resourceGroupId).Build();
}
