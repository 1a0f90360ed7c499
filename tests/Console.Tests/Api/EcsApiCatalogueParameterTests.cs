using System.Net;
using System.Text.Json;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The request parameters of DescribeRegions, DescribeZones, DescribeAccountAttributes and
/// DescribeImageSupportInstanceTypes (issue #21, part 1): each changes the answer as on ECS, or is refused with ECS's code.
/// </summary>
public sealed class EcsApiCatalogueParameterTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string AlibabaLinux = "aliyun_3_x64_20G_alibase_20250101.vhd";

    private static List<JsonElement> Items(EcsResponse answer, string wrapper, string item) =>
        [.. answer[wrapper].GetProperty(item).EnumerateArray()];

    [Theory]
    [InlineData("zh-CN", "华东1（杭州）")]
    [InlineData("zh-TW", "華東1（杭州）")]
    [InlineData("ja", "中国 (杭州)")]
    [InlineData("en-US", "China (Hangzhou)")]
    [InlineData("fr", "China (Hangzhou)")]
    public async Task DescribeRegions_NamesTheRegions_InTheLanguageAskedFor(string language, string hangzhou)
    {
        // Act
        var regions = await api.Alice().CallAsync("DescribeRegions", ("AcceptLanguage", language));

        // Assert
        var region = Items(regions, "Regions", "Region").Single(r => r.GetProperty("RegionId").GetString() == Region);
        Assert.Equal(hangzhou, region.GetProperty("LocalName").GetString());
    }

    [Fact]
    public async Task DescribeRegions_ListsWhereTheResourceTypeIsSold()
    {
        // Act
        var instances = await api.Alice().CallAsync("DescribeRegions");
        var disks = await api.Alice().CallAsync("DescribeRegions", ("ResourceType", "disk"), ("InstanceChargeType", "PrePaid"));
        var reserved = await api.Alice().CallAsync("DescribeRegions", ("ResourceType", "reservedinstance"));
        var units = await api.Alice().CallAsync("DescribeRegions", ("ResourceType", "scu"));

        // Assert: instances and disks in all seven regions; EcsConsole sells no reserved instances or storage capacity units
        Assert.Equal(7, Items(instances, "Regions", "Region").Count);
        Assert.Equal(7, Items(disks, "Regions", "Region").Count);
        Assert.Empty(Items(reserved, "Regions", "Region"));
        Assert.Empty(Items(units, "Regions", "Region"));
    }

    [Theory]
    [InlineData("DescribeRegions", "AcceptLanguage", "klingon", 404, "InvalidAcceptLanguage.NotFound")]
    [InlineData("DescribeRegions", "ResourceType", "satellite", 404, "InvalidResourceType.NotFound")]
    [InlineData("DescribeRegions", "InstanceChargeType", "Barter", 404, "InvalidInstanceChargeType.NotFound")]
    [InlineData("DescribeZones", "AcceptLanguage", "klingon", 404, "InvalidAcceptLanguage.NotFound")]
    [InlineData("DescribeZones", "InstanceChargeType", "SpotAsPriceGo", 404, "InvalidInstanceChargeType.NotFound")]
    [InlineData("DescribeZones", "SpotStrategy", "Cheapest", 400, "InvalidSpotStrategy")]
    [InlineData("DescribeZones", "Verbose", "maybe", 400, "InvalidParameter")]
    [InlineData("DescribeAccountAttributes", "ZoneId", "cn-beijing-g", 404, "InvalidZoneId.NotFound")]
    public async Task AnUnknownValue_IsRefused_WithEcsCode(string action, string parameter, string value, int status, string code)
    {
        // Act
        var answer = await api.Alice().CallAsync(action, ("RegionId", Region), (parameter, value));

        // Assert
        Assert.Equal((HttpStatusCode)status, answer.Status);
        Assert.Equal(code, answer.Code);
    }

    [Fact]
    public async Task DescribeZones_RefusesASpotStrategy_ForSubscriptions()
    {
        // Act
        var spot = await api.Alice().CallAsync("DescribeZones", ("RegionId", Region), ("InstanceChargeType", "PostPaid"), ("SpotStrategy", "SpotAsPriceGo"));
        var prepaidSpot = await api.Alice().CallAsync("DescribeZones", ("RegionId", Region), ("InstanceChargeType", "PrePaid"), ("SpotStrategy", "SpotWithPriceLimit"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, spot.Status);
        Assert.Equal(4, Items(spot, "Zones", "Zone").Count);
        Assert.Equal("InvalidSpotStrategy", prepaidSpot.Code);
    }

    [Fact]
    public async Task DescribeZones_WithoutVerbose_AnswersOnlyTheZonesNames_InTheLanguageAskedFor()
    {
        // Act
        var brief = await api.Alice().CallAsync("DescribeZones", ("RegionId", Region), ("Verbose", "false"), ("AcceptLanguage", "zh-CN"));
        var full = await api.Alice().CallAsync("DescribeZones", ("RegionId", Region));

        // Assert
        var zone = Items(brief, "Zones", "Zone").Single(z => z.GetProperty("ZoneId").GetString() == "cn-hangzhou-h");
        Assert.Equal(["LocalName", "ZoneId", "ZoneType"], zone.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("华东 1 可用区 H", zone.GetProperty("LocalName").GetString());
        var detailed = Items(full, "Zones", "Zone").Single(z => z.GetProperty("ZoneId").GetString() == "cn-hangzhou-h");
        Assert.Equal("Hangzhou Zone H", detailed.GetProperty("LocalName").GetString());
        Assert.True(detailed.TryGetProperty("AvailableResources", out _));
    }

    [Fact]
    public async Task DescribeZones_NamesTheGenerationsSold_AndNoDedicatedHosts()
    {
        // Act: cn-hangzhou-h sells no Arm types; cn-hangzhou-i does
        var zones = Items(await api.Alice().CallAsync("DescribeZones", ("RegionId", Region)), "Zones", "Zone")
            .ToDictionary(z => z.GetProperty("ZoneId").GetString()!);

        // Assert
        static string[] Generations(JsonElement zone) => [.. zone.GetProperty("AvailableResources").GetProperty("ResourcesInfo")[0]
            .GetProperty("InstanceGenerations").GetProperty("supportedInstanceGeneration").EnumerateArray().Select(g => g.GetString()!)];
        Assert.Equal(["ecs-3", "ecs-5", "ecs-6", "ecs-7"], Generations(zones["cn-hangzhou-h"]));
        Assert.Empty(zones["cn-hangzhou-h"].GetProperty("AvailableDedicatedHostTypes").GetProperty("DedicatedHostType").EnumerateArray());
        Assert.Empty(zones["cn-hangzhou-h"].GetProperty("DedicatedHostGenerations").GetProperty("DedicatedHostGeneration").EnumerateArray());
    }

    [Fact]
    public async Task DescribeAccountAttributes_WithAZone_ListsOnlyThatZonesInstanceTypes()
    {
        // Act
        var region = await api.Alice().CallAsync("DescribeAccountAttributes", ("RegionId", Region), ("AttributeName.1", "supported-postpaid-instance-types"));
        var zone = await api.Alice().CallAsync("DescribeAccountAttributes", ("RegionId", Region), ("AttributeName.1", "supported-postpaid-instance-types"),
            ("ZoneId", "cn-hangzhou-i"));

        // Assert
        static List<JsonElement> Values(EcsResponse answer) =>
            [.. Items(answer, "AccountAttributeItems", "AccountAttributeItem").Single().GetProperty("AttributeValues").GetProperty("ValueItem").EnumerateArray()];
        Assert.Equal(["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"], Values(region).Select(v => v.GetProperty("ZoneId").GetString()).Distinct().Order(StringComparer.Ordinal));
        var inZone = Values(zone);
        Assert.All(inZone, v => Assert.Equal("cn-hangzhou-i", v.GetProperty("ZoneId").GetString()));
        Assert.Contains(inZone, v => v.GetProperty("InstanceType").GetString() == "ecs.g8y.large");
        Assert.All(inZone, v => Assert.Equal("PostPaid", v.GetProperty("InstanceChargeType").GetString()));
        Assert.Equal(14, inZone.Count);
    }

    [Fact]
    public async Task DescribeAccountAttributes_AnswersTheVcpuQuota_AsAPayAsYouGoValue()
    {
        // Act
        var answer = await api.Alice().CallAsync("DescribeAccountAttributes", ("RegionId", Region), ("AttributeName.1", "max-postpaid-instance-vcpu-count"));

        // Assert
        var value = Items(answer, "AccountAttributeItems", "AccountAttributeItem").Single().GetProperty("AttributeValues").GetProperty("ValueItem")[0];
        Assert.Equal("PostPaid", value.GetProperty("InstanceChargeType").GetString());
        Assert.Equal("", value.GetProperty("ZoneId").GetString());
        Assert.Equal("", value.GetProperty("ExpiredTime").GetString());
    }

    private async Task<string> AcmeBaseAsync()
    {
        var images = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageName", "acme-base-v1"));
        return images["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;
    }

    [Fact]
    public async Task DescribeImageSupportInstanceTypes_ForChangeOS_ListsNoTypeForAnImageWithDataDisks()
    {
        // Arrange: acme-base-v1 holds the snapshot of web-1's data disk (CMP-14)
        var acmeBase = await AcmeBaseAsync();

        // Act
        var create = await api.Alice().CallAsync("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", acmeBase));
        var changeOs = await api.Alice().CallAsync("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", acmeBase), ("ActionType", "ChangeOS"));
        var systemOnly = await api.Alice().CallAsync("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", AlibabaLinux), ("ActionType", "ChangeOS"));

        // Assert
        Assert.NotEmpty(Items(create, "InstanceTypes", "InstanceType"));
        Assert.Empty(Items(changeOs, "InstanceTypes", "InstanceType"));
        Assert.NotEmpty(Items(systemOnly, "InstanceTypes", "InstanceType"));
    }

    [Fact]
    public async Task DescribeImageSupportInstanceTypes_TakesTheImageFromAnImageIdFilter()
    {
        // Act
        var filtered = await api.Alice().CallAsync("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("Filter.1.Key", "imageId"), ("Filter.1.Value", AlibabaLinux));
        var otherKey = await api.Alice().CallAsync("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", AlibabaLinux), ("Filter.1.Key", "osType"),
            ("Filter.1.Value", "linux"));
        var badAction = await api.Alice().CallAsync("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", AlibabaLinux), ("ActionType", "Resize"));

        // Assert
        Assert.Equal(AlibabaLinux, filtered["ImageId"].GetString());
        Assert.Contains(Items(filtered, "InstanceTypes", "InstanceType"), t => t.GetProperty("InstanceTypeId").GetString() == "ecs.g7.large");
        Assert.Equal(("InvalidParamter", HttpStatusCode.BadRequest), (otherKey.Code, otherKey.Status));
        Assert.Equal(("InvalidParamter", HttpStatusCode.BadRequest), (badAction.Code, badAction.Status));
    }
}
