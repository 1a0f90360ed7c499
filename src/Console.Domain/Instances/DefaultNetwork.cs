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

/// <summary>The default VPC of an account in a region, as DescribeVpcs shows it.</summary>
public sealed record DefaultVpc(string VpcId, string RegionId, string VRouterId, string CidrBlock, IReadOnlyList<string> VSwitchIds);

/// <summary>The default vSwitch of an account in a zone, as DescribeVSwitches shows it.</summary>
public sealed record DefaultVSwitch(string VSwitchId, string VpcId, string ZoneId, string CidrBlock, int AddressCount);

/// <summary>The default security group of an account in a region, as DescribeSecurityGroups shows it.</summary>
public sealed record DefaultSecurityGroup(string SecurityGroupId, string VpcId, string Name, string Description);

/// <summary>
/// The derived network of an account in a region (INS-14) (<see cref="DefaultNetwork"/>), laid out as ECS lays out a default VPC:
/// 172.16.0.0/12, with one /20 vSwitch per zone in zone order.
/// </summary>
public static class DefaultNetworkLayout
{
    /// <summary>The product does not record when an account's default network was made: a fixed time before any seeded resource.</summary>
    public static readonly DateTimeOffset CreationTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Addresses a /20 vSwitch offers: 4,096 less the 4 ECS keeps (network, gateway, two reserved) and the broadcast.</summary>
    public const int VSwitchAddresses = 4096 - 5;

    public static DefaultVpc Vpc(string accountId, Regions.Region region) => new(
        DefaultNetwork.VpcId(accountId, region.Id, region.Infix), region.Id, DefaultNetwork.Id("vrt-", region.Infix, accountId + "|" + region.Id), "172.16.0.0/12",
        [.. VSwitches(accountId, region).Select(v => v.VSwitchId)]);

    public static IReadOnlyList<DefaultVSwitch> VSwitches(string accountId, Regions.Region region) =>
    [
        .. region.Zones.OrderBy(z => z.Id, StringComparer.Ordinal).Select((z, n) => new DefaultVSwitch(
            DefaultNetwork.VSwitchId(accountId, z.Id, region.Infix), DefaultNetwork.VpcId(accountId, region.Id, region.Infix), z.Id,
            $"172.{16 + (n / 16)}.{n % 16 * 16}.0/20", VSwitchAddresses)),
    ];

    public static DefaultSecurityGroup SecurityGroup(string accountId, Regions.Region region) => new(
        DefaultNetwork.SecurityGroupId(accountId, region.Id, region.Infix), DefaultNetwork.VpcId(accountId, region.Id, region.Infix),
        "default", "System created security group.");
}
