namespace EcsConsole.Domain.Instances;

/// <summary>
/// The network every instance is in (issue #21 part 1's minimum): one default VPC and one security group per account and
/// region, one vSwitch per zone. Nothing is stored: the IDs are derived from the account and the region or zone, so every
/// node answers the same IDs, and a RunInstances naming another vSwitch or group is refused as ECS refuses an unknown one
/// (<see cref="InstanceErrors.VSwitchNotFound"/>, <see cref="InstanceErrors.SecurityGroupNotFound"/>).
/// </summary>
public static class DefaultNetwork
{
    public static string VpcId(string accountId, string regionId, string infix) => Id("vpc-", infix, accountId + "|" + regionId);

    public static string VSwitchId(string accountId, string zoneId, string infix) => Id("vsw-", infix, accountId + "|" + zoneId);

    public static string SecurityGroupId(string accountId, string regionId, string infix) => Id("sg-", infix, accountId + "|" + regionId);

    /// <summary>An ECS-like ID: the prefix, the region infix and 18 characters derived from <paramref name="seed"/>.</summary>
    public static string Id(string prefix, string infix, string seed) => prefix + infix + DerivedIds.Characters(prefix + "|" + seed, 18);
}
