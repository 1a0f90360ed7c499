using System.Text.RegularExpressions;

namespace EcsConsole.E2E;

/// <summary>The per-user dark theme in a real Chromium (#24): the app bar's toggle, kept for the next page, switched back.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DarkThemeTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task TheThemeToggle_TurnsTheConsoleDark_KeepsItOnTheNextPage_AndTurnsItBack()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Bob);
        await new OverviewPage(page).WaitForInteractiveAsync();
        var images = new ImagesPage(page);
        await images.OpenAsync("cn-hangzhou");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light theme" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync(new Regex("ecs-dark"));
        await images.OpenAsync("cn-hangzhou", "public");

        // Assert: still dark on a page opened afterwards, from its first render (the document's class, ADR-028)
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light theme" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync(new Regex("ecs-dark"));
        await Expect(page.Locator("header.mud-appbar")).ToHaveCSSAsync("background-color", "rgb(20, 23, 28)");
        await page.ScreenshotAsync(fixture, "dark-theme-images");
        await page.GetByRole(AriaRole.Button, new() { Name = "Light theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).Not.ToHaveClassAsync(new Regex("ecs-dark"));
        await Expect(page.Locator("header.mud-appbar")).ToHaveCSSAsync("background-color", "rgb(31, 35, 41)");
    }
}
