using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E.Support;

/// <summary>Intents a person performs on the console, in the words of the UI contract (roles, labels, test ids).</summary>
public static class ConsolePages
{
    /// <summary>Opens a console page and waits until the Blazor circuit is live.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator("[data-interactive='true']")).ToBeAttachedAsync();

    /// <summary>Signs in through the real static-SSR form, as a person does.</summary>
    public static async Task LogInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
    }

    /// <summary>Picks a region in the app bar's Region combobox.</summary>
    public static async Task SelectRegionAsync(this IPage page, string regionName)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Region" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = regionName }).ClickAsync();
    }

    /// <summary>Opens the row menu named More of an image row.</summary>
    public static Task OpenRowMenuAsync(this IPage page, string imageId) =>
        page.GetByTestId($"row-actions-{imageId}").GetByRole(AriaRole.Button, new() { Name = "More" }).ClickAsync();

    public static ILocator Count(this IPage page, string testId) => page.GetByTestId($"{testId}-count");

    public static Task ScreenshotAsync(this IPage page, ConsoleFixture fixture, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
