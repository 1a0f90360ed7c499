using System.Net;
using System.Text.Json;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>DescribePrice: the buy page's prices (type per hour, disks per GiB-month over 730 hours, image fee) over the API.</summary>
public sealed class EcsApiPriceTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    private static decimal Trade(EcsResponse price) => price["PriceInfo"].GetProperty("Price").GetProperty("TradePrice").GetDecimal();

    private static Dictionary<string, decimal> Details(EcsResponse price) =>
        price["PriceInfo"].GetProperty("Price").GetProperty("DetailInfos").GetProperty("DetailInfo").EnumerateArray()
            .ToDictionary(d => d.GetProperty("Resource").GetString()!, d => d.GetProperty("TradePrice").GetDecimal());

    [Fact]
    public async Task AnInstanceType_ByDefault_IsPricedPerHourWithA40GiBEnterpriseSsd()
    {
        // Act: ecs.g7.large is 0.126 USD an hour; an ESSD 0.14 USD per GiB-month of 730 hours
        var price = await api.Alice().CallAsync("DescribePrice", ("RegionId", Region), ("InstanceType", "ecs.g7.large"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, price.Status);
        Assert.Equal(Math.Round(0.126m + (0.14m * 40 / 730), 4), Trade(price));
        Assert.Equal(new Dictionary<string, decimal> { ["instanceType"] = 0.126m, ["systemDisk"] = Math.Round(0.14m * 40 / 730, 4) }, Details(price));
        Assert.Equal("USD", price["PriceInfo"].GetProperty("Price").GetProperty("Currency").GetString());
        Assert.Equal(JsonValueKind.Number, price["PriceInfo"].GetProperty("Price").GetProperty("DiscountPrice").ValueKind);
    }

    [Fact]
    public async Task AYearsSubscription_OfTwoInstancesWithADataDisk_IsTwelveMonthsOf730Hours()
    {
        // Act
        var price = await api.Alice().CallAsync("DescribePrice", ("RegionId", Region), ("InstanceType", "ecs.g7.large"), ("PriceUnit", "Year"), ("Period", "1"),
            ("Amount", "2"), ("SystemDisk.Category", "cloud_ssd"), ("SystemDisk.Size", "50"), ("DataDisk.1.Category", "cloud_efficiency"), ("DataDisk.1.Size", "100"));

        // Assert
        const decimal hours = 730m * 12;
        var details = Details(price);
        Assert.Equal(Math.Round(0.126m * hours * 2, 4), details["instanceType"]);
        Assert.Equal(Math.Round(0.10m * 50 * 12 * 2, 4), details["systemDisk"]);
        Assert.Equal(Math.Round(0.05m * 100 * 12 * 2, 4), details["dataDisk"]);
        Assert.Equal(details.Values.Sum(), Trade(price));
    }

    [Fact]
    public async Task APaidImage_AddsItsFeePerHour_AsTheImagePart()
    {
        // Act: Windows Server 2016 costs 0.092 USD an hour on top of the type
        var price = await api.Alice().CallAsync("DescribePrice", ("RegionId", Region), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "win2016_1607_x64_dtc_en-us_40G_alibase_20250101.vhd"));
        var unknown = await api.Alice().CallAsync("DescribePrice", ("RegionId", Region), ("InstanceType", "ecs.g7.large"), ("ImageId", "m-doesnotexist"));

        // Assert
        Assert.Equal(0.092m, Details(price)["image"]);
        Assert.Equal(0.092m, price["PriceInfo"].GetProperty("RelatedPrice").GetProperty("MarketplaceImagePrice").GetProperty("TradePrice").GetDecimal());
        Assert.Equal(Math.Round(0.126m + (0.14m * 40 / 730) + 0.092m, 4), Trade(price));
        Assert.Equal("InvalidImageId.NotFound", unknown.Code);
    }

    [Fact]
    public async Task ADataDisk_IsPricedPerHour()
    {
        // Act
        var price = await api.Alice().CallAsync("DescribePrice", ("RegionId", Region), ("ResourceType", "disk"), ("DataDisk.1.Category", "cloud_ssd"), ("DataDisk.1.Size", "100"));
        var monthly = await api.Alice().CallAsync("DescribePrice", ("RegionId", Region), ("ResourceType", "disk"), ("DataDisk.1.Category", "cloud_ssd"),
            ("DataDisk.1.Size", "100"), ("PriceUnit", "Month"));

        // Assert
        Assert.Equal(Math.Round(0.10m * 100 / 730, 4), Trade(price));
        Assert.Equal("InvalidParameter", monthly.Code);
    }

    [Theory]
    [InlineData("ecs.nope.large", "Hour", "1", "InvalidInstanceType.ValueNotSupported")]
    [InlineData("", "Hour", "1", "MissingParameter")]
    [InlineData("ecs.g7.large", "Week", "1", "InvalidParameter")]
    [InlineData("ecs.g7.large", "Month", "10", "InvalidPeriod")]
    public async Task WhatCannotBePriced_IsRefusedWithTheCodeOfRunInstances(string type, string unit, string period, string code)
    {
        // Act
        var price = await api.Alice().CallAsync("DescribePrice", ("RegionId", Region), ("InstanceType", type), ("PriceUnit", unit), ("Period", period));

        // Assert
        Assert.Equal(code, price.Code);
    }
}
