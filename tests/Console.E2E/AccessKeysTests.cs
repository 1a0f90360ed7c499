namespace EcsConsole.E2E;

/// <summary>The AccessKey pairs page, reached from the app bar, in a real Chromium.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessKeysTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Carol_CreatesASecondPair_SeesItsSecretOnce_ThenDisablesAndDeletesIt()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Carol);
        await new OverviewPage(page).WaitForInteractiveAsync();
        var keys = new AccessKeysPage(page);

        // Act: the key icon in the app bar leads to the page
        await keys.FollowAppBarLinkAsync();
        await Expect(keys.Heading("AccessKey Pairs")).ToBeVisibleAsync();
        var id = await keys.CreateAsync();

        // Assert: the secret is shown once, the new pair is listed
        await Expect(keys.NewSecret).ToHaveTextAsync(new Regex("^[A-Za-z0-9]{30}$"));
        await Expect(keys.Row(id)).ToBeVisibleAsync();
        await page.ScreenshotAsync(fixture, "access-keys");

        // Act: dismiss, disable and delete it
        await keys.DismissSecretAsync();
        await Expect(keys.NewSecret).ToHaveCountAsync(0);
        await keys.DisableAsync(id);
        await Expect(keys.Status(id)).ToHaveTextAsync("Disabled");
        await keys.DeleteAsync(id);

        // Assert
        await Expect(keys.Row(id)).ToHaveCountAsync(0);
        await Expect(keys.Row("LTAI5tDemoCarol000000001")).ToBeVisibleAsync();
    }
}
