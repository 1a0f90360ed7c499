using System.Net;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>DescribePrice's platform, public bandwidth and placement parameters (issue #21, part 1).</summary>
public sealed class EcsApiPriceParameterTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    private static Dictionary<string, decimal> Details(EcsResponse price) =>
        price["PriceInfo"].GetProperty("Price").GetProperty("DetailInfos").GetProperty("DetailInfo").EnumerateArray()
            .ToDictionary(d => d.GetProperty("Resource").GetString()!, d => d.GetProperty("TradePrice").GetDecimal());

    private static decimal Trade(EcsResponse price) => price["PriceInfo"].GetProperty("Price").GetProperty("TradePrice").GetDecimal();

    private Task<EcsResponse> PriceAsync(params (string Name, string Value)[] extra) =>
        api.Alice().CallAsync("DescribePrice", [("RegionId", Region), ("InstanceType", "ecs.g7.large"), .. extra]);

    [Fact]
    public async Task WindowsAsPlatform_AddsTheWindowsLicenceFee_WhenNoImageIsNamed()
    {
        // Act: the public Windows Server images cost 0.092 USD an hour
        var linux = await PriceAsync(("Platform", "Linux"));
        var windows = await PriceAsync(("Platform", "Windows"));

        // Assert
        Assert.False(Details(linux).ContainsKey("image"));
        Assert.Equal(0.092m, Details(windows)["image"]);
        Assert.Equal(Trade(linux) + 0.092m, Trade(windows));
    }

    [Fact]
    public async Task PayByBandwidth_PricesThePublicBandwidth_PerMbitPerHour()
    {
        // Act
        var traffic = await PriceAsync(("InternetMaxBandwidthOut", "5"));
        var bandwidth = await PriceAsync(("InternetChargeType", "PayByBandwidth"), ("InternetMaxBandwidthOut", "5"));
        var yearly = await PriceAsync(("InternetChargeType", "PayByBandwidth"), ("InternetMaxBandwidthOut", "5"), ("PriceUnit", "Year"));

        // Assert: traffic is billed per GB as used, so nothing per hour; bandwidth at 0.0086 USD per Mbit/s-hour
        Assert.False(Details(traffic).ContainsKey("bandwidth"));
        Assert.Equal(0.043m, Details(bandwidth)["bandwidth"]);
        Assert.Equal(Trade(traffic) + 0.043m, Trade(bandwidth));
        Assert.Equal(Math.Round(0.043m * 730 * 12, 4), Details(yearly)["bandwidth"]);
    }

    [Fact]
    public async Task AnEssdsPerformanceLevel_ScalesItsPrice_AndNeedsItsSmallestSize()
    {
        // Act: an ESSD costs 0.14 USD per GiB-month at PL1; PL0 half, PL2 twice, PL3 four times
        var pl1 = await PriceAsync(("SystemDisk.Category", "cloud_essd"), ("SystemDisk.Size", "500"));
        var pl0 = await PriceAsync(("SystemDisk.Category", "cloud_essd"), ("SystemDisk.Size", "500"), ("SystemDisk.PerformanceLevel", "PL0"));
        var pl2 = await PriceAsync(("SystemDisk.Category", "cloud_essd"), ("SystemDisk.Size", "500"), ("SystemDisk.PerformanceLevel", "PL2"),
            ("DataDisk.1.Category", "cloud_essd"), ("DataDisk.1.Size", "2000"), ("DataDisk.1.PerformanceLevel", "PL3"));
        var tooSmall = await PriceAsync(("SystemDisk.Category", "cloud_essd"), ("SystemDisk.Size", "100"), ("SystemDisk.PerformanceLevel", "PL2"));
        var unknown = await PriceAsync(("SystemDisk.Category", "cloud_essd"), ("SystemDisk.PerformanceLevel", "PL9"));
        var disk = await api.Alice().CallAsync("DescribePrice", ("RegionId", Region), ("ResourceType", "disk"), ("DataDisk.1.Category", "cloud_essd"),
            ("DataDisk.1.Size", "100"), ("DataDisk.1.PerformanceLevel", "PL0"));

        // Assert
        Assert.Equal(Math.Round(0.14m * 500 / 730, 4), Details(pl1)["systemDisk"]);
        Assert.Equal(Math.Round(Math.Round(0.14m * 500 / 730, 4) * 0.5m, 4), Details(pl0)["systemDisk"]);
        Assert.Equal(Math.Round(0.14m * 500 / 730, 4) * 2, Details(pl2)["systemDisk"]);
        Assert.Equal(Math.Round(0.14m * 2000 / 730, 4) * 4, Details(pl2)["dataDisk"]);
        Assert.Equal(Details(pl2).Values.Sum(), Trade(pl2));
        Assert.Equal(("InvalidParameter", HttpStatusCode.BadRequest), (tooSmall.Code, tooSmall.Status));
        Assert.Equal("InvalidParameter", unknown.Code);
        Assert.Equal(Math.Round(Math.Round(0.14m * 100 / 730, 4) * 0.5m, 4), Trade(disk));
    }

    [Theory]
    [InlineData("Availability")]
    [InlineData("AvailabilityGroup")]
    [InlineData("LowLatency")]
    public async Task AFreeDeploymentSetStrategy_AddsNothingToThePrice(string strategy)
    {
        // Act
        var plain = await PriceAsync();
        var placed = await PriceAsync(("SchedulerOptions.DeploymentSetStrategy", strategy));

        // Assert
        Assert.Equal(Details(plain), Details(placed));
    }

    [Theory]
    [InlineData("Platform", "Solaris", 400, "InvalidParameter")]
    [InlineData("InternetChargeType", "PayByWish", 400, "InvalidParameter")]
    [InlineData("InternetMaxBandwidthOut", "101", 400, "InvalidParameter")]
    [InlineData("InstanceNetworkType", "classic", 400, "InvalidParameter")]
    [InlineData("IoOptimized", "none", 400, "InvalidParameter")]
    [InlineData("SchedulerOptions.DedicatedHostId", "dh-bp67acfmxazb4p0000", 404, "InvalidDedicatedHostId.NotFound")]
    [InlineData("SystemDisk.StorageClusterId", "dbsc-j5e1sf2vaf5he8m20000", 404, "InvalidStorageClusterId.NotFound")]
    [InlineData("SchedulerOptions.DeploymentSetStrategy", "ProximityLooseDispersion", 400, "InvalidParameter")]
    [InlineData("SchedulerOptions.DeploymentSetStrategy", "Scattered", 400, "InvalidParameter")]
    public async Task WhatTheAccountCannotBuy_IsRefused(string parameter, string value, int status, string code)
    {
        // Act
        var price = await PriceAsync((parameter, value));
        var plain = await PriceAsync((parameter, parameter switch { "InstanceNetworkType" => "vpc", "IoOptimized" => "optimized", _ => "" }));

        // Assert
        Assert.Equal((HttpStatusCode)status, price.Status);
        Assert.Equal(code, price.Code);
        Assert.Equal(HttpStatusCode.OK, plain.Status);
    }
}
