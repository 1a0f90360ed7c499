using System.Net;
using System.Text.Json;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The network minimum of #21 part 1: a default VPC and security group per account and region, a vSwitch per zone,
/// answered by DescribeInstances, filtered on, and checked by RunInstances (VSwitchId, SecurityGroupId).
/// </summary>
public sealed class EcsApiNetworkTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string PublicImage = "aliyun_3_x64_20G_alibase_20250101.vhd";

    private async Task<List<JsonElement>> InstancesAsync(params (string, string)[] filter)
    {
        var answer = await api.Alice().CallAsync("DescribeInstances", [("RegionId", Region), ("PageSize", "100"), .. filter]);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return [.. answer["Instances"].GetProperty("Instance").EnumerateArray()];
    }

    private Task<EcsResponse> RunAsync(params (string, string)[] extra) =>
        api.Alice().CallAsync("RunInstances", [("RegionId", Region), ("InstanceType", "ecs.g7.large"), ("ImageId", PublicImage), ("SystemDisk.Category", "cloud_essd"), .. extra]);

    [Fact]
    public async Task EveryInstance_IsInTheDefaultVpc_WithItsZonesVSwitch_AndTheDefaultSecurityGroup()
    {
        // Act
        var instances = await InstancesAsync();

        // Assert: one VPC and one group for the account's region; one vSwitch per zone
        var vpcs = instances.Select(i => i.GetProperty("VpcAttributes").GetProperty("VpcId").GetString()).Distinct().ToList();
        var groups = instances.Select(i => i.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")[0].GetString()).Distinct().ToList();
        Assert.Matches("^vpc-[a-z0-9]+$", Assert.Single(vpcs));
        Assert.Matches("^sg-[a-z0-9]+$", Assert.Single(groups));
        foreach (var zone in instances.GroupBy(i => i.GetProperty("ZoneId").GetString()))
        {
            Assert.Single(zone.Select(i => i.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString()).Distinct());
        }
    }

    [Fact]
    public async Task RunInstances_OnAVSwitchWithoutAZone_RunsInTheVSwitchsZone_AndTheVSwitchFilterFindsIt()
    {
        // Arrange: the vSwitch of zone H, read from a seeded instance there
        var seeded = (await InstancesAsync(("ZoneId", "cn-hangzhou-h")))[0];
        var vSwitch = seeded.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString()!;
        var group = seeded.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")[0].GetString()!;

        // Act
        var run = await RunAsync(("VSwitchId", vSwitch), ("SecurityGroupId", group));

        // Assert
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        var instanceId = run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString();
        var found = Assert.Single(await InstancesAsync(("VSwitchId", vSwitch), ("InstanceIds", $"[\"{instanceId}\"]")));
        Assert.Equal("cn-hangzhou-h", found.GetProperty("ZoneId").GetString());
        Assert.Empty(await InstancesAsync(("VpcId", "vpc-bp1nosuchvpc0000000000")));
    }

    [Fact]
    public async Task RunInstances_OnAnUnknownVSwitchOrSecurityGroup_OrAVSwitchOfAnotherZone_IsRefusedWithEcsCodes()
    {
        // Arrange
        var seeded = (await InstancesAsync(("ZoneId", "cn-hangzhou-h")))[0];
        var vSwitchOfH = seeded.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString()!;

        // Act
        var unknownVSwitch = await RunAsync(("VSwitchId", "vsw-bp1nosuchvswitch000000"));
        var unknownGroup = await RunAsync(("ZoneId", "cn-hangzhou-h"), ("SecurityGroupId", "sg-bp1nosuchgroup000000000"));
        var otherZone = await RunAsync(("ZoneId", "cn-hangzhou-i"), ("VSwitchId", vSwitchOfH));

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, "InvalidVSwitchId.NotFound"), (unknownVSwitch.Status, unknownVSwitch.Code));
        Assert.Equal((HttpStatusCode.NotFound, "InvalidSecurityGroupId.NotFound"), (unknownGroup.Status, unknownGroup.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter.Mismatch"), (otherZone.Status, otherZone.Code));
    }

    [Fact]
    public async Task DescribeInstances_ByKeyPairOrPrivateAddress_KeepsOnlyThoseInstances()
    {
        // Arrange
        var all = await InstancesAsync();
        var first = all[0];
        var ip = first.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString();

        // Act
        var byIp = await InstancesAsync(("PrivateIpAddresses", $"[\"{ip}\"]"));
        var byKeyPair = await InstancesAsync(("KeyPairName", "no-such-pair"));

        // Assert
        Assert.Contains(byIp, i => i.GetProperty("InstanceId").GetString() == first.GetProperty("InstanceId").GetString());
        Assert.All(byIp, i => Assert.Equal(ip, i.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()));
        Assert.Empty(byKeyPair);
    }

    [Theory]
    [InlineData("EipAddresses", "[\"47.0.0.1\"]")]
    [InlineData("PublicIpAddresses", "[\"47.0.0.1\"]")]
    [InlineData("LockReason", "security")]
    [InlineData("HttpTokens", "required")]
    [InlineData("DeviceAvailable", "false")]
    public async Task DescribeInstances_AskingForWhatNoInstanceHasHere_KeepsNone(string name, string value)
    {
        // Act
        var instances = await InstancesAsync((name, value));

        // Assert
        Assert.Empty(instances);
    }

    [Fact]
    public async Task DescribeInstances_ByCreationWindow_KeepsTheInstancesMadeInIt_AndRefusesAnUnknownFilterKey()
    {
        // Arrange
        var all = await InstancesAsync();
        var newest = all.Max(i => DateTimeOffset.Parse(i.GetProperty("CreationTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var from = newest.ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var recent = await InstancesAsync(("Filter.1.Key", "CreationStartTime"), ("Filter.1.Value", from));
        var unknown = await api.Alice().CallAsync("DescribeInstances", ("RegionId", Region), ("Filter.1.Key", "Colour"), ("Filter.1.Value", "blue"));

        // Assert
        Assert.NotEmpty(recent);
        Assert.True(recent.Count < all.Count || all.All(i => i.GetProperty("CreationTime").GetString()!.StartsWith(from[..16], StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.NotFound, "InvalidFilterKey.NotFound"), (unknown.Status, unknown.Code));
    }
}
