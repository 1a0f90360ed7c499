using System.Net;
using System.Text.Json;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Marketplace;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Issue #21 part 1 for the image, price and availability actions (docs/rules/image-parameters.md): DescribeImages'
/// <c>ActionType</c>, <c>Usable</c> and <c>ShowExpired</c>, CreateImage's <c>ImageVersion</c>, <c>DetectionStrategy</c> and
/// <c>SecureBootOptions</c>, ImportImage's <c>DetectionStrategy</c>, DescribePrice's spot options, <c>Capacity</c> and
/// <c>Isp</c>, and DescribeAvailableResource's <c>DedicatedHostId</c> and <c>SpotDuration</c> are honoured or refused
/// with ECS's codes.
/// </summary>
public sealed class EcsApiImageParameterTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string PublicImage = "aliyun_3_x64_20G_alibase_20250101.vhd";
    private const string WordPress = "cmjj00000002"; // hourly, sold in cn-hangzhou, version 6.5.0
    private static readonly (string, string) InRegion = ("RegionId", Region);

    [Theory]
    [InlineData("DescribeImages", "ActionType=Rebuild", "InvalidParamter", HttpStatusCode.BadRequest)]
    [InlineData("DescribeImages", "Usable=perhaps", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("DescribeImages", "ShowExpired=perhaps", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("DescribePrice", "InstanceType=ecs.g7.large&SpotStrategy=Cheapest", "InvalidSpotStrategy", HttpStatusCode.BadRequest)]
    [InlineData("DescribePrice", "InstanceType=ecs.g7.large&SpotStrategy=SpotAsPriceGo&PriceUnit=Month", "InvalidSpotPrepaid", HttpStatusCode.BadRequest)]
    [InlineData("DescribePrice", "InstanceType=ecs.g7.large&SpotStrategy=SpotAsPriceGo&SpotDuration=7", "InvalidSpotDuration", HttpStatusCode.BadRequest)]
    [InlineData("DescribePrice", "InstanceType=ecs.g7.large&Isp=CMCC", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("DescribePrice", "InstanceType=ecs.g7.large&Capacity=100", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("DescribePrice", "ResourceType=disk&DataDisk.1.Category=cloud_ssd&Capacity=0", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("DescribeAvailableResource", "DestinationResource=InstanceType&DedicatedHostId=dh-nosuchhost", "InvalidDedicatedHostId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("DescribeAvailableResource", "DestinationResource=InstanceType&SpotStrategy=SpotAsPriceGo&SpotDuration=7", "InvalidSpotDuration", HttpStatusCode.BadRequest)]
    [InlineData("CreateImagePipeline", "BaseImageType=IMAGE&BaseImage=" + PublicImage + "&BuildContent=RUN echo hi&ImageOptions.ImageFeatures=supported", "InvalidParameter.NvmeSupport", HttpStatusCode.BadRequest)]
    public async Task AParameterOutsideItsRules_IsRefused_WithEcsCode(string action, string parameters, string code, HttpStatusCode status)
    {
        // Act
        var refused = await api.Alice().CallAsync(action, [InRegion, .. Parse(parameters)]);

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Theory]
    [InlineData("DetectionStrategy=Deep", "InvalidParameter.DetectionStrategy", HttpStatusCode.BadRequest)]
    [InlineData("SecureBootOptions.SecureBootSupport=maybe", "InvalidParameter.SecureBootSupport", HttpStatusCode.BadRequest)]
    [InlineData("SecureBootOptions.SecureBootSupport=supported&BootMode=BIOS", "InvalidBootMode.NotSupport", HttpStatusCode.BadRequest)]
    [InlineData("ImageVersion=v12345678901234567890123456789012345678901", "InvalidImageVersion.Malformed", HttpStatusCode.BadRequest)]
    public async Task CreateImage_RefusesAnOptionOutsideItsRules_WithEcsCode(string parameters, string code, HttpStatusCode status)
    {
        // Arrange
        var instanceId = await RunningInstanceAsync(PublicImage);

        // Act
        var refused = await api.Alice().CallAsync("CreateImage", [InRegion, ("InstanceId", instanceId), .. Parse(parameters)]);

        // Assert
        Assert.Equal((code, status), (refused.Code, refused.Status));
    }

    [Fact]
    public async Task CreateImage_HonoursImageVersionDetectionStrategyAndSecureBoot_AsDescribeImagesShowsThem()
    {
        // Arrange
        var instanceId = await RunningInstanceAsync(PublicImage);

        // Act
        var created = await api.Alice().CallAsync("CreateImage", InRegion, ("InstanceId", instanceId), ("ImageName", "checked-" + Unique()),
            ("ImageVersion", "2.1.0"), ("DetectionStrategy", "Standard"), ("BootMode", "UEFI"), ("SecureBootOptions.SecureBootSupport", "supported"));
        var imageId = created["ImageId"].GetString()!;
        var creating = await ImageAsync(imageId);
        await CompleteTasksAsync();
        var available = await ImageAsync(imageId);
        var toBios = await api.Alice().CallAsync("ModifyImageAttribute", InRegion, ("ImageId", imageId), ("BootMode", "BIOS"));
        var plain = await api.Alice().CallAsync("CreateImage", InRegion, ("InstanceId", instanceId), ("ImageName", "plain-" + Unique()));
        var unchecked_ = await ImageAsync(plain["ImageId"].GetString()!);

        // Assert
        Assert.Equal("Processing", creating.GetProperty("DetectionOptions").GetProperty("Status").GetString());
        Assert.Equal(("2.1.0", "Finished", "supported"), (available.GetProperty("ImageVersion").GetString(),
            available.GetProperty("DetectionOptions").GetProperty("Status").GetString(),
            available.GetProperty("SecureBootOptions").GetProperty("SecureBootSupport").GetString()));
        Assert.Equal(0, available.GetProperty("DetectionOptions").GetProperty("Items").GetProperty("Item").GetArrayLength());
        Assert.Equal(("InvalidBootMode.NotSupport", HttpStatusCode.BadRequest), (toBios.Code, toBios.Status));
        Assert.Equal(("", "unsupported"), (unchecked_.GetProperty("DetectionOptions").GetProperty("Status").GetString(),
            unchecked_.GetProperty("SecureBootOptions").GetProperty("SecureBootSupport").GetString()));
    }

    [Fact]
    public async Task CreateImage_FromAMarketplaceInstance_KeepsItsImageVersion_AndRefusesAnother()
    {
        // Arrange
        await SubscribeAsync(WordPress);
        var wordPressImage = await MarketplaceImageAsync(WordPress);
        var instanceId = await RunningInstanceAsync(wordPressImage.GetProperty("ImageId").GetString()!);

        // Act
        var other = await api.Alice().CallAsync("CreateImage", InRegion, ("InstanceId", instanceId), ("ImageVersion", "9.9"));
        var same = await api.Alice().CallAsync("CreateImage", InRegion, ("InstanceId", instanceId), ("ImageName", "wp-" + Unique()));

        // Assert
        Assert.Equal(("InvalidImageVersion.Malformed", HttpStatusCode.BadRequest), (other.Code, other.Status));
        Assert.True(same.Status == HttpStatusCode.OK, same.ToString());
        Assert.Equal(wordPressImage.GetProperty("ImageVersion").GetString(), (await ImageAsync(same["ImageId"].GetString()!)).GetProperty("ImageVersion").GetString());
    }

    [Fact]
    public async Task ImportImage_RunsTheImageCheck_WithDetectionStrategy_ButNotOnWindows()
    {
        // Act
        var imported = await api.Alice().CallAsync("ImportImage", [.. ImportParameters("Aliyun"), ("DetectionStrategy", "Standard")]);
        var windows = await api.Alice().CallAsync("ImportImage", [.. ImportParameters("Windows Server 2022"), ("DetectionStrategy", "Standard"),
            ("OSType", "windows"), ("LicenseType", "BYOL")]);
        var malformed = await api.Alice().CallAsync("ImportImage", [.. ImportParameters("Aliyun"), ("DetectionStrategy", "Deep")]);

        // Assert
        Assert.True(imported.Status == HttpStatusCode.OK, imported.ToString());
        Assert.Equal("Processing", (await ImageAsync(imported["ImageId"].GetString()!)).GetProperty("DetectionOptions").GetProperty("Status").GetString());
        Assert.Equal(("ImageCheckUnsupported.WindowsImage", HttpStatusCode.Forbidden), (windows.Code, windows.Status));
        Assert.Equal(("InvalidParameter.DetectionStrategy", HttpStatusCode.BadRequest), (malformed.Code, malformed.Status));
    }

    [Fact]
    public async Task DescribeImages_WithActionTypeChangeOS_LeavesOutImagesWithDataDisks()
    {
        // Act: acme-base-v1 holds a data-disk snapshot (CMP-14)
        var forLaunch = await api.Alice().CallAsync("DescribeImages", InRegion, ("ImageName", "acme-base-v1"), ("ActionType", "CreateEcs"));
        var forChangeOs = await api.Alice().CallAsync("DescribeImages", InRegion, ("ImageName", "acme-base-v1"), ("ActionType", "ChangeOS"));
        var publicForChangeOs = await api.Alice().CallAsync("DescribeImages", InRegion, ("ImageId", PublicImage), ("ActionType", "ChangeOS"));

        // Assert
        Assert.Equal(1, forLaunch["TotalCount"].GetInt32());
        Assert.Equal(0, forChangeOs["TotalCount"].GetInt32());
        Assert.Equal(1, publicForChangeOs["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task DescribeImages_WithUsable_KeepsTheMarketplaceImagesTheAccountSubscribedTo()
    {
        // Arrange
        await SubscribeAsync(WordPress);

        // Act
        var usable = Images(await api.Alice().CallAsync("DescribeImages", InRegion, ("ImageOwnerAlias", "marketplace"), ("Usable", "true"), ("PageSize", "100")));
        var notUsable = Images(await api.Alice().CallAsync("DescribeImages", InRegion, ("ImageOwnerAlias", "marketplace"), ("Usable", "false"), ("PageSize", "100")));
        var all = Images(await api.Alice().CallAsync("DescribeImages", InRegion, ("ImageOwnerAlias", "marketplace"), ("PageSize", "100"), ("ShowExpired", "true")));

        // Assert
        Assert.NotEmpty(usable);
        Assert.All(usable, i => Assert.Equal((WordPress, true, true), (i.GetProperty("ProductCode").GetString(), i.GetProperty("Usable").GetBoolean(),
            i.GetProperty("IsSubscribed").GetBoolean())));
        Assert.NotEmpty(notUsable);
        Assert.All(notUsable, i => Assert.Equal((false, false), (i.GetProperty("ProductCode").GetString() == WordPress, i.GetProperty("Usable").GetBoolean())));
        Assert.Equal(all.Count, usable.Count + notUsable.Count);
    }

    [Fact]
    public async Task DescribePrice_PricesASpotInstance_AsPayAsYouGo_AndTheBgpLineAsBefore()
    {
        // Act
        var payAsYouGo = await api.Alice().CallAsync("DescribePrice", InRegion, ("InstanceType", "ecs.g7.large"));
        var spot = await api.Alice().CallAsync("DescribePrice", InRegion, ("InstanceType", "ecs.g7.large"), ("SpotStrategy", "SpotAsPriceGo"), ("SpotDuration", "1"));
        var bgp = await api.Alice().CallAsync("DescribePrice", InRegion, ("InstanceType", "ecs.g7.large"), ("Isp", "BGP"));

        // Assert
        Assert.True(spot.Status == HttpStatusCode.OK, spot.ToString());
        Assert.Equal(Trade(payAsYouGo), Trade(spot));
        Assert.Equal(Trade(payAsYouGo), Trade(bgp));
    }

    [Fact]
    public async Task DescribePrice_PricesADiskOfTheCapacity_WhenItsSizeIsNotGiven()
    {
        // Act
        var bySize = await api.Alice().CallAsync("DescribePrice", InRegion, ("ResourceType", "disk"), ("DataDisk.1.Category", "cloud_ssd"), ("DataDisk.1.Size", "100"));
        var byCapacity = await api.Alice().CallAsync("DescribePrice", InRegion, ("ResourceType", "disk"), ("DataDisk.1.Category", "cloud_ssd"), ("Capacity", "100"));
        var smaller = await api.Alice().CallAsync("DescribePrice", InRegion, ("ResourceType", "disk"), ("DataDisk.1.Category", "cloud_ssd"), ("Capacity", "50"));

        // Assert
        Assert.True(byCapacity.Status == HttpStatusCode.OK, byCapacity.ToString());
        Assert.Equal(Trade(bySize), Trade(byCapacity));
        Assert.True(Trade(smaller) < Trade(byCapacity));
    }

    [Fact]
    public async Task DescribeAvailableResource_TakesASpotProtectionPeriod()
    {
        // Act
        var answer = await api.Alice().CallAsync("DescribeAvailableResource", InRegion, ("DestinationResource", "InstanceType"),
            ("SpotStrategy", "SpotAsPriceGo"), ("SpotDuration", "1"));

        // Assert
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.NotEqual(0, answer["AvailableZones"].GetProperty("AvailableZone").GetArrayLength());
    }

    private static (string, string)[] Parse(string parameters) =>
        [.. parameters.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => (kv[0], kv[1]))];

    private static (string, string)[] ImportParameters(string platform) =>
    [
        InRegion, ("ImageName", "import-" + Unique()), ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"),
        ("DiskDeviceMapping.1.OSSObject", "imports/web-base.qcow2"), ("Platform", platform),
    ];

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static List<JsonElement> Images(EcsResponse answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return [.. answer["Images"].GetProperty("Image").EnumerateArray()];
    }

    private static decimal Trade(EcsResponse price)
    {
        Assert.True(price.Status == HttpStatusCode.OK, price.ToString());
        return price["PriceInfo"].GetProperty("Price").GetProperty("TradePrice").GetDecimal();
    }

    private async Task<JsonElement> ImageAsync(string imageId) =>
        Images(await api.Alice().CallAsync("DescribeImages", InRegion, ("ImageId", imageId), ("Status", "ALL")))[0];

    private async Task<JsonElement> MarketplaceImageAsync(string productCode) =>
        Images(await api.Alice().CallAsync("DescribeImages", InRegion, ("ImageOwnerAlias", "marketplace"), ("PageSize", "100")))
            .First(i => i.GetProperty("ProductCode").GetString() == productCode);

    private async Task<string> RunningInstanceAsync(string imageId)
    {
        await new SeededWorldCalls(api).RaiseQuotasAsync();
        var run = await api.Alice().CallAsync("RunInstances", InRegion, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", imageId),
            ("SystemDisk.Category", "cloud_essd"));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        await CompleteTasksAsync();
        return run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
    }

    private async Task SubscribeAsync(string productCode)
    {
        await using var scope = api.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>().FindByEmailAsync(DemoWorld.Alice);
        Actor actor = (await api.App.Services.GetRequiredService<AccountService>().GetActorAsync(user!.Id)).Value;
        var subscribed = await api.App.Services.GetRequiredService<MarketplaceService>().SubscribeAsync(actor, productCode, Region, MarketplacePlan.PayAsYouGo);
        Assert.True(subscribed.IsSuccess);
    }

    private Task CompleteTasksAsync() => api.App.Services.GetRequiredService<SimulationClockService>().CompleteTasksAsync();
}
