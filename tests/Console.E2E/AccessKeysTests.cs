using System.Text.RegularExpressions;
using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>The AccessKey pairs page, reached from the app bar, in a real Chromium.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessKeysTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Carol_CreatesASecondPair_SeesItsSecretOnce_ThenDisablesAndDeletesIt()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Carol, DemoWorld.Password);
        await page.WaitForInteractiveAsync();

        // Act: the key icon in the app bar leads to the page
        await page.GetByRole(AriaRole.Link, new() { Name = "AccessKeys" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AccessKey Pairs" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create AccessKey" }).ClickAsync();

        // Assert: the secret is shown once, the new pair is listed
        await Expect(page.GetByTestId("new-access-key-secret")).ToHaveTextAsync(new Regex("^[A-Za-z0-9]{30}$"));
        var id = (await page.GetByTestId("new-access-key-id").TextContentAsync())!.Trim();
        await Expect(page.GetByTestId($"access-key-row-{id}")).ToBeVisibleAsync();
        await page.ScreenshotAsync(fixture, "access-keys");

        // Act: dismiss, disable and delete it
        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved the secret" }).ClickAsync();
        await Expect(page.GetByTestId("new-access-key-secret")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Disable {id}" }).ClickAsync();
        await Expect(page.GetByTestId($"access-key-status-{id}")).ToHaveTextAsync("Disabled");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {id}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert
        await Expect(page.GetByTestId($"access-key-row-{id}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("access-key-row-LTAI5tDemoCarol000000001")).ToBeVisibleAsync();
    }
}
