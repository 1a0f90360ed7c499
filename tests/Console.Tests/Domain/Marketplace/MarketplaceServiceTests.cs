using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Marketplace;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcsConsole.Tests.Domain.Marketplace;

/// <summary>The Marketplace (issue 12): the catalogue, subscriptions per region, withdrawal, and the rules carried into launches.</summary>
public sealed class MarketplaceServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string WordPress = "cmjj00000002"; // hourly, cn-hangzhou / ap-southeast-1 / us-west-1
    private const string GitLabEe = "cmjj00000017"; // subscription only
    private readonly TestDatabase _db = new();
    private MarketplaceService _service = null!;
    private InstanceService _instances = null!;
    private AsyncTaskEngine _engine = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new MarketplaceService(_db.Factory, _db.Time, new ChangeNotifier());
        _engine = EngineFactory.Create(_db.Factory, _db.Time);
        var ids = new IdGenerator();
        _instances = new InstanceService(_db.Factory, ids, _db.Time, new TaskService(_db.Factory, _engine, ids, _db.Time), new ChangeNotifier(),
            new CompatibilityService(_db.Factory, Options.Create(new InstanceOptions())));
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private Task<Actor> Alice() => _db.ActorAsync(DemoWorld.Alice);

    private async Task<string> LatestImageAsync(string code, string region)
    {
        var detail = await _service.GetAsync(await Alice(), code);
        return detail.Value.LatestImageIn(region)!;
    }

    private async Task<Result<IReadOnlyList<string>>> LaunchAsync(string imageId, InstanceChargeType charge = InstanceChargeType.PostPaid, int? period = null,
        string type = "ecs.g7.large") =>
        await _instances.RunAsync(await Alice(), new RunInstancesRequest
        {
            RegionId = Hangzhou, ZoneId = "cn-hangzhou-h", ImageId = imageId, InstanceTypeId = type, ChargeType = charge, PeriodMonths = period,
        });

    [Fact]
    public async Task Search_ByCategory_ListsOnlyThatCategory_WithFromPricesAndRegionAvailability()
    {
        var page = await _service.SearchAsync(await Alice(), new MarketplaceQuery { RegionId = Hangzhou, Category = MarketplaceCategories.Databases, PageSize = 60 });

        Assert.True(page.IsSuccess);
        Assert.True(page.Value.Total >= 4);
        Assert.All(page.Value.Items, c => Assert.Equal(MarketplaceCategories.Databases, c.Category));
        var sql = Assert.Single(page.Value.Items, c => c.Code == "cmjj00000007");
        Assert.Equal(0.48m, sql.FromPricePerHour);
        Assert.True(sql.AvailableInRegion);
        Assert.False(Assert.Single(page.Value.Items, c => c.Code == "cmjj00000015").AvailableInRegion);
    }

    [Fact]
    public async Task Search_FiltersCombine_AndPagingCounts()
    {
        var alice = await Alice();
        var arm = await _service.SearchAsync(alice, new MarketplaceQuery { RegionId = Hangzhou, Architecture = ImageArchitecture.Arm64, PageSize = 60 });
        var byol = await _service.SearchAsync(alice, new MarketplaceQuery { RegionId = Hangzhou, Billing = MarketplaceBillingModel.Byol, PageSize = 60 });
        var here = await _service.SearchAsync(alice, new MarketplaceQuery { RegionId = "eu-central-1", AvailableInRegionOnly = true, PageSize = 60 });
        var vendor = await _service.SearchAsync(alice, new MarketplaceQuery { RegionId = Hangzhou, Vendor = "Websoft9", Search = "community", PageSize = 60 });
        var paged = await _service.SearchAsync(alice, new MarketplaceQuery { RegionId = Hangzhou, Page = 2, PageSize = 10 });

        Assert.All(arm.Value.Items, c => Assert.Equal(ImageArchitecture.Arm64, c.Architecture));
        Assert.True(arm.Value.Total >= 3);
        Assert.All(byol.Value.Items, c => Assert.Equal(MarketplaceBillingModel.Byol, c.BillingModel));
        Assert.All(here.Value.Items, c => Assert.True(c.AvailableInRegion));
        Assert.DoesNotContain(here.Value.Items, c => c.Code == WordPress);
        Assert.Equal(["cmjj00000012"], vendor.Value.Items.Select(c => c.Code));
        Assert.Equal(10, paged.Value.Items.Count);
        Assert.True(paged.Value.Total >= 25);
    }

    [Fact]
    public async Task Search_BadPaging_IsInvalidParameter()
    {
        var result = await _service.SearchAsync(await Alice(), new MarketplaceQuery { RegionId = Hangzhou, PageSize = 0 });

        Assert.Equal(CommonErrors.InvalidParameterCode, result.Error?.Code);
    }

    [Fact]
    public async Task Get_ShowsVersionsPerRegionPricesAndRegions()
    {
        var detail = await _service.GetAsync(await Alice(), "cmjj00000019");

        Assert.True(detail.IsSuccess);
        Assert.Equal(["1.30.2", "1.29.6", "1.28.11"], detail.Value.Versions.Select(v => v.Version).Distinct());
        Assert.Equal(7, detail.Value.Regions.Count);
        Assert.Equal(21, detail.Value.Versions.Count);
        Assert.All(detail.Value.Versions, v => Assert.StartsWith("m-", v.ImageId));
        Assert.Equal(3, (await _service.GetAsync(await Alice(), "cmjj00000007")).Value.Prices.Count);
    }

    [Fact]
    public async Task Get_UnknownProduct_IsNotFound()
    {
        var result = await _service.GetAsync(await Alice(), "cmjj99999999");

        Assert.Equal(MarketplaceErrors.NotFoundCode, result.Error?.Code);
    }

    [Fact]
    public async Task Launch_WithoutASubscription_IsImageNotSubscribed_AfterSubscribingInTheRegion_ItLaunches()
    {
        var image = await LatestImageAsync(WordPress, Hangzhou);

        var refused = await LaunchAsync(image);
        var subscribed = await _service.SubscribeAsync(await Alice(), WordPress, Hangzhou, MarketplacePlan.PayAsYouGo);
        var launched = await LaunchAsync(image);

        Assert.Equal((MarketplaceErrors.NotSubscribedCode, 403), (refused.Error?.Code, refused.Error?.HttpStatus)); // CMP-11
        Assert.True(subscribed.IsSuccess);
        Assert.True(launched.IsSuccess, launched.Error?.ToString());
    }

    [Fact]
    public async Task ASubscriptionInAnotherRegion_DoesNotCount()
    {
        Assert.True((await _service.SubscribeAsync(await Alice(), WordPress, "ap-southeast-1", MarketplacePlan.PayAsYouGo)).IsSuccess);

        var result = await LaunchAsync(await LatestImageAsync(WordPress, Hangzhou));

        Assert.Equal(MarketplaceErrors.NotSubscribedCode, result.Error?.Code);
    }

    [Theory]
    [InlineData(WordPress, "eu-central-1", MarketplacePlan.PayAsYouGo, MarketplaceErrors.NotPublishedCode)]
    [InlineData(GitLabEe, Hangzhou, MarketplacePlan.PayAsYouGo, MarketplaceErrors.ChargeTypeCode)]
    [InlineData("cmjj99999999", Hangzhou, MarketplacePlan.Free, MarketplaceErrors.NotFoundCode)]
    public async Task Subscribe_Refusals_CarryTheirCodes(string code, string region, MarketplacePlan plan, string expected)
    {
        var result = await _service.SubscribeAsync(await Alice(), code, region, plan);

        Assert.Equal(expected, result.Error?.Code);
        await using var db = _db.NewContext();
        Assert.Equal(expected, await db.AuditEntries.Where(a => a.Action == "SubscribeMarketplaceProduct").Select(a => a.ErrorCode).SingleAsync());
    }

    [Fact]
    public async Task Subscribe_Again_ReplacesThePlan_AndKeepsOneSubscription()
    {
        Assert.True((await _service.SubscribeAsync(await Alice(), GitLabEe, Hangzhou, MarketplacePlan.Monthly)).IsSuccess);
        _db.Time.Advance(TimeSpan.FromHours(1));

        var again = await _service.SubscribeAsync(await Alice(), GitLabEe, Hangzhou, MarketplacePlan.Yearly);

        Assert.True(again.IsSuccess);
        await using var db = _db.NewContext();
        var subscription = await db.MarketplaceSubscriptions.SingleAsync(s => s.ProductCode == GitLabEe);
        Assert.Equal((MarketplacePlan.Yearly, _db.Time.GetUtcNow()), (subscription.Plan, subscription.SubscribedAt));
    }

    [Fact]
    public async Task Subscribe_ByAReadOnlyMember_IsForbidden()
    {
        var result = await _service.SubscribeAsync(await _db.ActorAsync(DemoWorld.Bob), WordPress, Hangzhou, MarketplacePlan.PayAsYouGo);

        Assert.Equal(CommonErrors.ForbiddenCode, result.Error?.Code);
    }

    [Fact]
    public async Task SubscriptionOnlyImage_NeedsASubscriptionInstanceOfTheSamePeriod()
    {
        var image = await LatestImageAsync(GitLabEe, Hangzhou);
        Assert.True((await _service.SubscribeAsync(await Alice(), GitLabEe, Hangzhou, MarketplacePlan.Yearly)).IsSuccess);

        var payAsYouGo = await LaunchAsync(image, type: "ecs.g7.xlarge");
        var monthly = await LaunchAsync(image, InstanceChargeType.PrePaid, 3, "ecs.g7.xlarge");
        var yearly = await LaunchAsync(image, InstanceChargeType.PrePaid, 12, "ecs.g7.xlarge");

        Assert.Equal(MarketplaceErrors.ChargeTypeCode, payAsYouGo.Error?.Code);
        Assert.Equal(MarketplaceErrors.ChargeTypeCode, monthly.Error?.Code);
        Assert.True(yearly.IsSuccess, yearly.Error?.ToString());
    }

    [Fact]
    public async Task Withdraw_ByThePlatformAdmin_RefusesNewLaunches_KeepsRunningInstances_AndHidesTheProduct()
    {
        // Arrange: an instance running WordPress
        var image = await LatestImageAsync(WordPress, Hangzhou);
        await _service.SubscribeAsync(await Alice(), WordPress, Hangzhou, MarketplacePlan.PayAsYouGo);
        var running = await LaunchAsync(image);
        Assert.True(running.IsSuccess);

        // Act
        var byAlice = await _service.SetWithdrawnAsync(await Alice(), WordPress, true);
        var byRoot = await _service.SetWithdrawnAsync(await _db.ActorAsync(DemoWorld.Root), WordPress, true);

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, byAlice.Error?.Code);
        Assert.True(byRoot.IsSuccess);
        Assert.Equal(MarketplaceErrors.RemovedCode, (await LaunchAsync(image)).Error?.Code);
        await using (var db = _db.NewContext())
        {
            Assert.True(await db.Instances.AnyAsync(i => i.Id == running.Value[0]));
        }

        var cards = await _service.SearchAsync(await Alice(), new MarketplaceQuery { RegionId = Hangzhou, PageSize = 60 });
        Assert.DoesNotContain(cards.Value.Items, c => c.Code == WordPress);
        Assert.Equal(MarketplaceErrors.NotFoundCode, (await _service.GetAsync(await Alice(), WordPress)).Error?.Code);
        var catalogue = await new ImageCatalogService(_db.Factory).ListAsync(await Alice(), new ImageListQuery { RegionId = Hangzhou, Tab = ImageTab.Marketplace, PageSize = 100 });
        Assert.DoesNotContain(catalogue.Value.Items, i => i.ProductCode == WordPress);
    }

    [Fact]
    public async Task ACustomImageFromAnInstanceRunningAMarketplaceImage_KeepsTheProductAndItsRules()
    {
        // Arrange: an instance of WordPress, and an image made of it
        var image = await LatestImageAsync(WordPress, Hangzhou);
        await _service.SubscribeAsync(await Alice(), WordPress, Hangzhou, MarketplacePlan.PayAsYouGo);
        var instance = (await LaunchAsync(image)).Value[0];
        await _engine.RunStepsAsync(_db.Time, 10);
        var ids = new IdGenerator();
        var tasks = new TaskService(_db.Factory, _engine, ids, _db.Time);
        var created = await new CreateImageService(_db.Factory, ids, _db.Time, tasks, new ChangeNotifier())
            .CreateAsync(await Alice(), new CreateImageRequest { RegionId = Hangzhou, InstanceId = instance, Name = "wp-golden" });
        Assert.True(created.IsSuccess, created.Error?.ToString());
        await _engine.RunStepsAsync(_db.Time, 12);

        // Assert: the product code and fee carry over, and the derived image obeys the product's rules
        await using var db = _db.NewContext();
        var derived = await db.Images.SingleAsync(i => i.Id == created.Value.ImageId);
        Assert.Equal((WordPress, 0.02m), (derived.ProductCode, derived.FeePerHour));
        var export = await new EcsConsole.Domain.Storage.ExportImageService(_db.Factory, _db.Time, tasks, new ChangeNotifier())
            .ExportAsync(await Alice(), new(Hangzhou, derived.Id, "acme-images-hangzhou"));
        Assert.Equal(EcsConsole.Domain.Storage.StorageErrors.ImageNotSupportedCode, export.Error?.Code);
        var copy = await new EcsConsole.Domain.Copies.CopyImageService(_db.Factory, ids, _db.Time, tasks, _engine, new ChangeNotifier())
            .CopyAsync(await Alice(), new(Hangzhou, derived.Id, "eu-central-1", "wp-frankfurt", null));
        Assert.Equal(MarketplaceErrors.NotPublishedCode, copy.Error?.Code);
        await _service.SetWithdrawnAsync(await _db.ActorAsync(DemoWorld.Root), WordPress, true);
        Assert.Equal(MarketplaceErrors.RemovedCode, (await LaunchAsync(derived.Id)).Error?.Code);
    }

    [Theory]
    [InlineData(1, 0.48)]
    [InlineData(2, 0.48)]
    [InlineData(4, 0.96)]
    [InlineData(16, 1.92)]
    public void FeeFor_TakesTheLargestTierTheTypeReaches(int vcpu, double expected)
    {
        MarketplacePrice[] prices =
        [
            new() { ProductCode = "p", MinVcpu = 2, FeePerHour = 0.48m },
            new() { ProductCode = "p", MinVcpu = 4, FeePerHour = 0.96m },
            new() { ProductCode = "p", MinVcpu = 8, FeePerHour = 1.92m },
        ];

        Assert.Equal((decimal)expected, MarketplaceService.FeeFor(prices, vcpu, 0m));
    }
}
