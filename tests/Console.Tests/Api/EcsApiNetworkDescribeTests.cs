using System.Net;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// DescribeVpcs, DescribeVSwitches and DescribeSecurityGroups (the account's default network, as the instances show it)
/// and DescribeInstanceTypeFamilies and DescribeAvailableResource (what the buy page sells in each zone) over the ECS API.
/// </summary>
public sealed class EcsApiNetworkDescribeTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private static readonly (string, string) InRegion = ("RegionId", Region);

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task DescribeVpcs_AnswersTheDefaultVpc_ThatTheInstancesAreIn_WithAVSwitchPerZone(EcsSigning signing)
    {
        // Act
        var vpcs = await api.Alice(signing).CallAsync("DescribeVpcs", InRegion);
        var instance = await WebOneAsync();
        var zones = await api.Alice(signing).CallAsync("DescribeZones", InRegion);

        // Assert
        var vpc = Assert.Single(vpcs["Vpcs"].GetProperty("Vpc").EnumerateArray());
        Assert.Equal(instance.GetProperty("VpcAttributes").GetProperty("VpcId").GetString(), vpc.GetProperty("VpcId").GetString());
        Assert.True(vpc.GetProperty("IsDefault").GetBoolean());
        Assert.Equal(zones["Zones"].GetProperty("Zone").GetArrayLength(), vpc.GetProperty("VSwitchIds").GetProperty("VSwitchId").GetArrayLength());
        Assert.Contains(instance.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString(),
            vpc.GetProperty("VSwitchIds").GetProperty("VSwitchId").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task DescribeVpcs_FiltersByVpcIdAndIsDefault_AndPagesByFifty()
    {
        // Act
        var other = await api.Alice().CallAsync("DescribeVpcs", InRegion, ("VpcId", "vpc-nosuchvpc"));
        var notDefault = await api.Alice().CallAsync("DescribeVpcs", InRegion, ("IsDefault", "false"));
        var tooBig = await api.Alice().CallAsync("DescribeVpcs", InRegion, ("PageSize", "51"));
        var noRegion = await api.Alice().CallAsync("DescribeVpcs");

        // Assert
        Assert.Equal((0, 0), (other["TotalCount"].GetInt32(), notDefault["TotalCount"].GetInt32()));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (tooBig.Code, tooBig.Status));
        Assert.Equal(("MissingParameter", HttpStatusCode.BadRequest), (noRegion.Code, noRegion.Status));
    }

    [Fact]
    public async Task DescribeVSwitches_FiltersByZone_AndTheInstancesVSwitchIsItsZones()
    {
        // Arrange
        var instance = await WebOneAsync();
        var zoneId = instance.GetProperty("ZoneId").GetString()!;

        // Act
        var inZone = await api.Alice().CallAsync("DescribeVSwitches", InRegion, ("ZoneId", zoneId));
        var byId = await api.Alice().CallAsync("DescribeVSwitches", InRegion, ("VSwitchId", instance.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString()!));
        var otherVpc = await api.Alice().CallAsync("DescribeVSwitches", InRegion, ("VpcId", "vpc-nosuchvpc"));
        var unknownZone = await api.Alice().CallAsync("DescribeVSwitches", InRegion, ("ZoneId", "cn-hangzhou-zz"));

        // Assert
        var vSwitch = Assert.Single(inZone["VSwitches"].GetProperty("VSwitch").EnumerateArray());
        Assert.Equal(instance.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString(), vSwitch.GetProperty("VSwitchId").GetString());
        Assert.Equal(zoneId, Assert.Single(byId["VSwitches"].GetProperty("VSwitch").EnumerateArray()).GetProperty("ZoneId").GetString());
        Assert.Equal(0, otherVpc["TotalCount"].GetInt32());
        Assert.Equal(("InvalidZoneId.NotFound", HttpStatusCode.NotFound), (unknownZone.Code, unknownZone.Status));
    }

    [Fact]
    public async Task DescribeSecurityGroups_AnswersTheDefaultGroup_ByIdOrIdList_AndPagesWithTokens()
    {
        // Arrange
        var groupId = (await WebOneAsync()).GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")[0].GetString()!;

        // Act
        var all = await api.Alice().CallAsync("DescribeSecurityGroups", InRegion);
        var byList = await api.Alice().CallAsync("DescribeSecurityGroups", InRegion, ("SecurityGroupIds", $"[\"{groupId}\"]"));
        var other = await api.Alice().CallAsync("DescribeSecurityGroups", InRegion, ("SecurityGroupId", "sg-nosuchgroup"));
        var tokens = await api.Alice().CallAsync("DescribeSecurityGroups", InRegion, ("MaxResults", "10"));
        var badToken = await api.Alice().CallAsync("DescribeSecurityGroups", InRegion, ("NextToken", "not-a-token"));

        // Assert
        var group = Assert.Single(all["SecurityGroups"].GetProperty("SecurityGroup").EnumerateArray());
        Assert.Equal((groupId, "normal", Region), (group.GetProperty("SecurityGroupId").GetString(), group.GetProperty("SecurityGroupType").GetString(), all["RegionId"].GetString()));
        Assert.True(group.GetProperty("EcsCount").GetInt32() >= 1);
        Assert.Equal(1, byList["TotalCount"].GetInt32());
        Assert.Equal(0, other["TotalCount"].GetInt32());
        Assert.Equal("", tokens["NextToken"].GetString());
        Assert.Equal(("InvalidParameter.NextToken", HttpStatusCode.BadRequest), (badToken.Code, badToken.Status));
    }

    [Fact]
    public async Task AnotherAccount_SeesItsOwnDefaultNetwork()
    {
        // Act
        var acme = await api.Alice().CallAsync("DescribeVpcs", InRegion);
        var globex = await api.As(DemoWorld.Carol).CallAsync("DescribeVpcs", InRegion);

        // Assert
        Assert.NotEqual(acme["Vpcs"].GetProperty("Vpc")[0].GetProperty("VpcId").GetString(), globex["Vpcs"].GetProperty("Vpc")[0].GetProperty("VpcId").GetString());
    }

    [Fact]
    public async Task DescribeInstanceTypeFamilies_ListsTheFamiliesSoldInTheRegion_ByGeneration()
    {
        // Act
        var all = await api.Alice().CallAsync("DescribeInstanceTypeFamilies", InRegion);
        var seventh = await api.Alice().CallAsync("DescribeInstanceTypeFamilies", InRegion, ("Generation", "ecs-7"));

        // Assert
        var families = all["InstanceTypeFamilies"].GetProperty("InstanceTypeFamily").EnumerateArray()
            .ToDictionary(f => f.GetProperty("InstanceTypeFamilyId").GetString()!, f => f.GetProperty("Generation").GetString());
        Assert.Contains("ecs.g7", families.Keys);
        Assert.Equal("ecs-7", families["ecs.g8y"]);
        Assert.All(seventh["InstanceTypeFamilies"].GetProperty("InstanceTypeFamily").EnumerateArray(), f => Assert.Equal("ecs-7", f.GetProperty("Generation").GetString()));
        Assert.DoesNotContain("ecs.g7", seventh["InstanceTypeFamilies"].GetProperty("InstanceTypeFamily").EnumerateArray().Select(f => f.GetProperty("InstanceTypeFamilyId").GetString()));
    }

    [Fact]
    public async Task DescribeAvailableResource_ForAZonesInstanceTypes_AnswersWhatDescribeZonesSellsThere()
    {
        // Act
        var available = await api.Alice().CallAsync("DescribeAvailableResource", InRegion, ("DestinationResource", "InstanceType"), ("ZoneId", "cn-hangzhou-h"));
        var zones = await api.Alice().CallAsync("DescribeZones", InRegion);

        // Assert
        var zone = Assert.Single(available["AvailableZones"].GetProperty("AvailableZone").EnumerateArray());
        var resource = Assert.Single(zone.GetProperty("AvailableResources").GetProperty("AvailableResource").EnumerateArray());
        Assert.Equal(("cn-hangzhou-h", "Available", "InstanceType"), (zone.GetProperty("ZoneId").GetString(), zone.GetProperty("Status").GetString(), resource.GetProperty("Type").GetString()));
        var sold = zones["Zones"].GetProperty("Zone").EnumerateArray().Single(z => z.GetProperty("ZoneId").GetString() == "cn-hangzhou-h")
            .GetProperty("AvailableInstanceTypes").GetProperty("InstanceTypes").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(sold, resource.GetProperty("SupportedResources").GetProperty("SupportedResource").EnumerateArray().Select(r => r.GetProperty("Value").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DescribeAvailableResource_ForAnArmType_AnswersOnlyTheZonesThatSellIt()
    {
        // Act
        var zones = await api.Alice().CallAsync("DescribeAvailableResource", InRegion, ("DestinationResource", "Zone"), ("InstanceType", "ecs.g8y.large"));

        // Assert
        Assert.Equal(["cn-hangzhou-i", "cn-hangzhou-j"],
            zones["AvailableZones"].GetProperty("AvailableZone").EnumerateArray().Select(z => z.GetProperty("ZoneId").GetString()!).ToArray());
    }

    [Theory]
    [InlineData("ecs.g7.large", new[] { "cloud_essd", "cloud_ssd", "cloud_efficiency" })]
    [InlineData("ecs.g8i.large", new[] { "cloud_essd" })]
    public async Task DescribeAvailableResource_ForSystemDisks_AnswersTheCategoriesTheTypeTakes_WithTheirSizes(string instanceType, string[] categories)
    {
        // Act
        var disks = await api.Alice().CallAsync("DescribeAvailableResource", InRegion, ("DestinationResource", "SystemDisk"), ("InstanceType", instanceType),
            ("ZoneId", "cn-hangzhou-h"));

        // Assert
        var supported = disks["AvailableZones"].GetProperty("AvailableZone")[0].GetProperty("AvailableResources").GetProperty("AvailableResource")[0]
            .GetProperty("SupportedResources").GetProperty("SupportedResource").EnumerateArray().ToList();
        Assert.Equal(categories, supported.Select(s => s.GetProperty("Value").GetString()).ToArray());
        Assert.All(supported, s => Assert.Equal((20, 500, "GiB"), (s.GetProperty("Min").GetInt32(), s.GetProperty("Max").GetInt32(), s.GetProperty("Unit").GetString())));
    }

    [Fact]
    public async Task DescribeAvailableResource_ForDataDisks_FiltersByCategory()
    {
        // Act
        var disks = await api.Alice().CallAsync("DescribeAvailableResource", InRegion, ("DestinationResource", "DataDisk"), ("InstanceType", "ecs.g7.large"),
            ("SystemDiskCategory", "cloud_essd"), ("DataDiskCategory", "cloud_ssd"), ("ZoneId", "cn-hangzhou-h"));

        // Assert
        var supported = Assert.Single(disks["AvailableZones"].GetProperty("AvailableZone")[0].GetProperty("AvailableResources").GetProperty("AvailableResource")[0]
            .GetProperty("SupportedResources").GetProperty("SupportedResource").EnumerateArray());
        Assert.Equal(("cloud_ssd", 20, 32768), (supported.GetProperty("Value").GetString(), supported.GetProperty("Min").GetInt32(), supported.GetProperty("Max").GetInt32()));
    }

    [Fact]
    public async Task DescribeAvailableResource_SellsNothingThatIsNotIoOptimised_OrOutsideAVpc()
    {
        // Act
        var none = await api.Alice().CallAsync("DescribeAvailableResource", InRegion, ("DestinationResource", "InstanceType"), ("IoOptimized", "none"));
        var classic = await api.Alice().CallAsync("DescribeAvailableResource", InRegion, ("DestinationResource", "InstanceType"), ("NetworkCategory", "classic"));

        // Assert
        Assert.Equal((0, 0), (none["AvailableZones"].GetProperty("AvailableZone").GetArrayLength(), classic["AvailableZones"].GetProperty("AvailableZone").GetArrayLength()));
    }

    [Theory]
    [InlineData("DestinationResource", "", "MissingParameter", HttpStatusCode.BadRequest)]
    [InlineData("DestinationResource", "Everything", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("InstanceChargeType", "Monthly", "InvalidInstanceChargeType.NotFound", HttpStatusCode.NotFound)]
    [InlineData("SpotStrategy", "Cheap", "InvalidSpotStrategy", HttpStatusCode.BadRequest)]
    [InlineData("ZoneId", "cn-hangzhou-zz", "InvalidZoneId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("Memory", "lots", "InvalidParameter", HttpStatusCode.BadRequest)]
    public async Task DescribeAvailableResource_RefusesAParameterOutsideEcsValues(string name, string value, string code, HttpStatusCode status)
    {
        // Arrange
        var parameters = new Dictionary<string, string> { ["RegionId"] = Region, ["DestinationResource"] = "Zone" };
        parameters[name] = value;

        // Act
        var refused = await api.Alice().CallAsync("DescribeAvailableResource", parameters);

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    private async Task<System.Text.Json.JsonElement> WebOneAsync()
    {
        var listed = await api.Alice().CallAsync("DescribeInstances", InRegion, ("InstanceName", "web-1"));
        return listed["Instances"].GetProperty("Instance")[0];
    }
}
