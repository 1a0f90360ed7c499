namespace EcsConsole.E2E;

/// <summary>The Marketplace as a person uses it (issue 12): browse, filter, subscribe, launch; regions where a product is not published.</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class MarketplaceTests(MutatingConsoleFixture mutating)
{
    private const string WordPress = "cmjj00000002";
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_LaunchesWordPress_RefusedUntilSheSubscribesInHangzhou_ThenThePriceHasTheImageFee()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var marketplace = new MarketplacePage(page);
        await marketplace.OpenAsync("cn-hangzhou");

        // Act: filter by category and open the product
        await marketplace.FilterByCategoryAsync("Web Stacks");
        await Expect(page).ToHaveURLAsync(new Regex("category=Web(%20|\\+)Stacks"));
        await Expect(marketplace.Product("cmjj00000012")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(_fixture, "marketplace");
        var product = await marketplace.OpenProductAsync(WordPress);
        await Expect(product.Heading("WordPress 6.5 on Ubuntu 22.04")).ToBeVisibleAsync();
        await Expect(product.Versions).ToContainTextAsync("cn-hangzhou");
        await product.WaitForInteractiveAsync();

        // Act: Launch without a subscription
        var buy = await product.LaunchAsync();

        // Assert: the buy page refuses with ImageNotSubscribed
        await buy.ExpectErrorAsync("ImageNotSubscribed");
        await Expect(buy.CreateOrder).ToBeDisabledAsync();

        // Act: subscribe in cn-hangzhou
        await page.GoBackAsync();
        await product.WaitForInteractiveAsync();
        var dialog = await product.OpenSubscribeAsync();
        await dialog.ExpectOpenAsync();
        await page.ScreenshotAsync(_fixture, "marketplace-subscribe");
        await dialog.OkAsync();
        await Expect(product.SubscribedHere).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "marketplace-product");

        // Act: launch again
        buy = await product.LaunchAsync();
        await Expect(buy.ImageFee).ToHaveTextAsync("$0.02");
        await Expect(buy.ErrorAlert).ToHaveCountAsync(0);
        await buy.FillInstanceAsync("wordpress-e2e", "Secret@123");
        var instances = await buy.CreateOrderAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("/instances\\?region=cn-hangzhou$"));
        var id = await instances.IdOfAsync("wordpress-e2e");
        await Expect(instances.Row(id)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AProductNotPublishedInFrankfurt_CannotBeLaunchedThere()
    {
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var product = new ProductPage(page);

        await product.OpenAsync("eu-central-1", WordPress);

        await Expect(product.NotPublished).ToContainTextAsync("not published in Germany (Frankfurt)");
        await Expect(product.Launch).ToBeDisabledAsync();
        var marketplace = new MarketplacePage(page);
        await marketplace.OpenAsync("eu-central-1", "available=true");
        await Expect(marketplace.Product(WordPress)).ToHaveCountAsync(0);
    }
}
