using System.Text.RegularExpressions;
using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>The image catalogue as a person uses it: tabs, search, paging, the URL as the state, live region switch.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ImageCatalogTests(ConsoleFixture fixture)
{
    private static ILocator Rows(IPage page) => page.GetByTestId("images-table").Locator("tbody tr[data-testid^='image-row-']");

    private static ILocator Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name });

    [Fact]
    public async Task Alice_BrowsesPublicImages_SearchesPagesAndReloadsIntoTheSameView()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/images?region=cn-hangzhou");

        // Act: the Public Images tab
        await Tab(page, "Public Images").ClickAsync();

        // Assert: ten rows of 31, page 1
        await Expect(page).ToHaveURLAsync(new Regex("tab=public"));
        await Expect(Rows(page)).ToHaveCountAsync(10);
        await Expect(page.GetByTestId("images-total")).ToHaveTextAsync("Total 31 images");
        var firstRowBefore = await Rows(page).First.GetAttributeAsync("data-testid");
        await page.ScreenshotAsync(fixture, "images-public");

        // Act: next page
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();

        // Assert: other rows, page in the URL
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(Rows(page).First).Not.ToHaveAttributeAsync("data-testid", firstRowBefore!);
        await Expect(page.GetByTestId("images-page")).ToHaveTextAsync("Page 2 of 4");

        // Act: search narrows the rows
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search" }).FillAsync("ubuntu");

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("q=ubuntu"));
        await Expect(page.GetByTestId("images-total")).ToHaveTextAsync("Total 5 images");
        await Expect(Rows(page)).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("image-row-ubuntu_22_04_x64_20G_alibase_20240130.vhd")).ToBeVisibleAsync();

        // Act: reload
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();

        // Assert: same tab, search and rows
        await Expect(Tab(page, "Public Images")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Search" })).ToHaveValueAsync("ubuntu");
        await Expect(Rows(page)).ToHaveCountAsync(5);
    }

    [Fact]
    public async Task Alice_SeesGlobexsSharedImage_AndSwitchingRegionChangesTheList()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        var sharedId = await fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'globex-shared-tools'");

        // Act
        await page.OpenAsync("/images?region=cn-hangzhou&tab=shared");

        // Assert
        var row = page.GetByTestId($"image-row-{sharedId}");
        await Expect(row).ToContainTextAsync("globex-shared-tools");
        await Expect(row).ToContainTextAsync(DemoWorld.GlobexAccountId);
        await Expect(page.GetByTestId($"image-status-{sharedId}")).ToHaveTextAsync("Available");

        // Act: another region
        await page.SelectRegionAsync("China (Shanghai)");

        // Assert: nothing shared there, and the tab is kept
        await Expect(page).ToHaveURLAsync(new Regex("region=cn-shanghai"));
        await Expect(page.GetByTestId("images-empty")).ToBeVisibleAsync();
        await Expect(Tab(page, "Shared Images")).ToHaveAttributeAsync("aria-selected", "true");
    }

    [Fact]
    public async Task Bob_SeesTheListsButNoActionThatChangesAnything()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Bob, DemoWorld.Password);

        // Act
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");

        // Assert
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).First).ToContainTextAsync("acme-base-v1");
        foreach (var action in new[] { "Create Custom Image", "Import Image", "Share Image", "Copy Image", "Delete", "Edit", "Deprecate", "Restore", "Export Image" })
        {
            // Absent, or disabled with a tooltip saying why.
            var buttons = page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true });
            for (var i = 0; i < await buttons.CountAsync(); i++)
            {
                await Expect(buttons.Nth(i)).ToBeDisabledAsync();
            }
        }
    }

    [Fact]
    public async Task NonsenseInTheUrl_IsNormalisedAndSaid()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Carol, DemoWorld.Password);

        // Act
        await page.OpenAsync("/images?region=cn-hangzhou&tab=bogus&page=-1&pageSize=1000");

        // Assert
        await Expect(page.GetByTestId("url-normalized")).ToHaveCountAsync(3);
        await Expect(Tab(page, "Custom Images")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Rows(page)).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task CommunityImagesCarryTheUnvettedWarning()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);

        // Act
        await page.OpenAsync("/images?region=cn-hangzhou&tab=community");

        // Assert
        await Expect(page.GetByTestId("community-warning")).ToBeVisibleAsync();
        await Expect(Rows(page)).ToHaveCountAsync(3);
        await page.ScreenshotAsync(fixture, "images-community");
    }
}
