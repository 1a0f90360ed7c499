using Bunit;
using EcsConsole.Domain.Marketplace;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Marketplace;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components.Marketplace;

/// <summary>/marketplace and /marketplace/{productCode}: cards from the URL's filters, the product page's launch rules.</summary>
public sealed class MarketplacePagesTests : ComponentTestBase
{
    private IRenderedComponent<MarketplacePage> RenderList(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/marketplace?{query}");
        return Render<MarketplacePage>();
    }

    private IRenderedComponent<ProductPage> RenderProduct(string code, string region)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/marketplace/{code}?region={region}");
        return Render<ProductPage>(p => p.Add(c => c.ProductCode, code));
    }

    [Fact]
    public async Task List_FilteredByCategoryInTheUrl_ShowsOnlyThatCategorysCards_AsLinks()
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = RenderList("region=cn-hangzhou&category=AI");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^='marketplace-product-']")));
        var cards = cut.FindAll("[data-testid^='marketplace-product-']");
        Assert.Equal(4, cards.Count);
        Assert.All(cards, c => Assert.Equal("A", c.TagName));
        Assert.Equal("marketplace/cmjj00000025?region=cn-hangzhou", cut.Find("[data-testid='marketplace-product-cmjj00000025']").GetAttribute("href"));
        Assert.Contains("4 products", cut.Find("[data-testid='marketplace-total']").TextContent);
    }

    [Fact]
    public async Task List_AvailableInRegion_DropsProductsNotPublishedThere()
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = RenderList("region=eu-central-1&available=true&category=Web%20Stacks");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^='marketplace-product-']")));
        Assert.Empty(cut.FindAll("[data-testid='marketplace-product-cmjj00000002']"));
        Assert.NotEmpty(cut.FindAll("[data-testid='marketplace-product-cmjj00000010']"));
    }

    [Fact]
    public async Task MySubscriptions_ListsTheAccountsSubscriptions()
    {
        await SignInAsync(DemoWorld.Alice);
        await Services.GetRequiredService<MarketplaceService>()
            .SubscribeAsync(await Database.ActorAsync(DemoWorld.Alice), "cmjj00000002", "cn-hangzhou", MarketplacePlan.PayAsYouGo);

        var cut = RenderList("region=cn-hangzhou&tab=subscriptions");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='subscription-row-cmjj00000002-cn-hangzhou']")));
        Assert.Contains(DemoWorld.Alice, cut.Find("[data-testid='my-subscriptions']").TextContent);
    }

    [Fact]
    public async Task Product_InARegionWhereItIsNotPublished_SaysSo_AndDisablesLaunch()
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = RenderProduct("cmjj00000002", "eu-central-1");

        cut.WaitForAssertion(() => Assert.Contains("not published", cut.Find("[data-testid='not-published']").TextContent));
        var launch = cut.FindAll("a, button").Single(b => b.TextContent.Trim() == "Launch");
        Assert.True(launch.HasAttribute("disabled") || launch.ClassList.Contains("mud-disabled"));
        Assert.Contains("us-west-1", cut.Find("[data-testid='product-regions']").TextContent);
    }

    [Fact]
    public async Task Product_Launch_LinksToTheBuyPageWithTheRegionsNewestImage()
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = RenderProduct("cmjj00000019", "cn-hangzhou");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='product-versions']")));
        var newest = cut.FindAll("[data-testid='product-versions'] tbody tr").First(r => r.TextContent.Contains("cn-hangzhou"));
        var imageId = newest.GetAttribute("data-testid")!["product-version-".Length..];
        var launch = cut.FindAll("a").Single(b => b.TextContent.Trim() == "Launch");
        Assert.Equal($"instances/create?region=cn-hangzhou&imageId={imageId}", launch.GetAttribute("href"));
        Assert.Contains("1.30.2", newest.TextContent);
    }

    [Fact]
    public async Task Product_ForTheReadOnlyMember_DisablesSubscribe()
    {
        await SignInAsync(DemoWorld.Bob);

        var cut = RenderProduct("cmjj00000002", "cn-hangzhou");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='product-versions']")));
        var subscribe = cut.FindAll("button").Single(b => b.TextContent.Trim() == "Subscribe");
        Assert.True(subscribe.HasAttribute("disabled"));
    }
}
