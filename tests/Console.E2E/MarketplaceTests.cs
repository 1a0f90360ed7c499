using System.Text.RegularExpressions;
using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

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
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/marketplace?region=cn-hangzhou");

        // Act: filter by category and open the product
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Category" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Web Stacks" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("category=Web(%20|\\+)Stacks"));
        await Expect(page.GetByTestId("marketplace-product-cmjj00000012")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(_fixture, "marketplace");
        await page.GetByTestId($"marketplace-product-{WordPress}").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "WordPress 6.5 on Ubuntu 22.04" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("product-versions")).ToContainTextAsync("cn-hangzhou");
        await page.WaitForSelectorAsync("[data-interactive='true']");

        // Act: Launch without a subscription
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();

        // Assert: the buy page refuses with ImageNotSubscribed
        await Expect(page.GetByTestId("error-alert")).ToHaveAttributeAsync("data-error-code", "ImageNotSubscribed");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create Order" })).ToBeDisabledAsync();

        // Act: subscribe in cn-hangzhou
        await page.GoBackAsync();
        await page.WaitForSelectorAsync("[data-interactive='true']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Subscribe" });
        await Expect(dialog).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "marketplace-subscribe");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(page.GetByTestId("subscribed-here")).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "marketplace-product");

        // Act: launch again
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();
        await Expect(page.GetByTestId("price-image-fee")).ToHaveTextAsync("$0.02");
        await Expect(page.GetByTestId("error-alert")).ToHaveCountAsync(0);
        await page.GetByLabel("Instance Name").FillAsync("wordpress-e2e");
        await page.GetByLabel("Logon Password").FillAsync("Secret@123");
        await page.GetByLabel("Confirm Password").FillAsync("Secret@123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Order" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("/instances\\?region=cn-hangzhou$"));
        var id = await _fixture.App.QueryScalarAsync("SELECT Id FROM Instances WHERE Name = 'wordpress-e2e'");
        await Expect(page.GetByTestId($"instance-row-{id}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AProductNotPublishedInFrankfurt_CannotBeLaunchedThere()
    {
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);

        await page.OpenAsync($"/marketplace/{WordPress}?region=eu-central-1");

        await Expect(page.GetByTestId("not-published")).ToContainTextAsync("not published in Germany (Frankfurt)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Launch" })).ToBeDisabledAsync();
        await page.OpenAsync("/marketplace?region=eu-central-1&available=true");
        await Expect(page.GetByTestId($"marketplace-product-{WordPress}")).ToHaveCountAsync(0);
    }
}
