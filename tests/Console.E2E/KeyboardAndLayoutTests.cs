namespace EcsConsole.E2E;

/// <summary>
/// The console with the keyboard only (Tab, Enter, Escape: focus returns to the opener, the focus ring shows) and the wide
/// lists at 1280×800 without sideways scrolling (#24, ADR-024).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeyboardAndLayoutTests(ConsoleFixture fixture)
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task CreateCustomImage_OpenedWithTheKeyboard_ClosesWithEscape_AndGivesFocusBackToItsButton()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        var images = new ImagesPage(page);
        await images.OpenAsync(Region);
        var opener = images.Button("Create Custom Image");

        // Act: Tab to the button (a bounded walk through the shell and the page), Enter, then Escape
        for (var i = 0; i < 80 && !await IsFocusedAsync(opener); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(opener).ToBeFocusedAsync();
        var ring = await opener.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        await page.Keyboard.PressAsync("Enter");
        var dialog = new CreateImageDialog(page);
        await Expect(dialog.Root).ToBeVisibleAsync();
        await Expect(page.Locator("[role='dialog']:focus-within")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        // Assert
        await Expect(dialog.Root).ToBeHiddenAsync();
        await Expect(opener).ToBeFocusedAsync();
        Assert.NotEqual("none", ring);
    }

    [Theory]
    [InlineData("/images?region=cn-hangzhou&tab=custom", "images-table")]
    [InlineData("/images?region=cn-hangzhou&tab=public", "images-table")]
    [InlineData("/admin/audit", "audit-table")]
    [InlineData("/instances?region=cn-hangzhou", "instances-table")]
    [InlineData("/snapshots?region=cn-hangzhou", "snapshots-table")]
    [InlineData("/disks?region=cn-hangzhou", "disks-table")]
    [InlineData("/key-pairs?region=cn-hangzhou", "key-pairs-table")]
    [InlineData("/snapshots/policies?region=cn-hangzhou", "auto-snapshot-policies-table")]
    [InlineData("/sas/servers?region=cn-hangzhou", "sas-servers-table")]
    public async Task AWideList_At1280x800_FitsWithoutScrollingSideways(string path, string table)
    {
        // Arrange
        // Root sees every account's audit entries: the longest Audit Log.
        var page = await fixture.SignedInPageAsync(path.StartsWith("/admin", StringComparison.Ordinal) ? DemoWorld.Root : DemoWorld.Alice);
        var console = new ConsolePage(page);

        // Act
        await console.GotoAsync(path);
        await Expect(console.TestId(table).Locator("tbody tr").First).ToBeVisibleAsync();

        // Assert: neither the page nor any table container scrolls sideways
        var overflow = await page.EvaluateAsync<string>(
            """
            () => {
              const out = [];
              const doc = document.scrollingElement;
              if (doc.scrollWidth > doc.clientWidth) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
              for (const c of document.querySelectorAll('.mud-table-container'))
                if (c.scrollWidth > c.clientWidth + 1)
                  out.push(`table ${c.scrollWidth} > ${c.clientWidth}: ` + [...c.querySelectorAll('thead th')].map(th => `${th.textContent.trim()} ${Math.round(th.getBoundingClientRect().width)}`).join(', '));
              return out.join('; ');
            }
            """);
        await page.ScreenshotAsync(fixture, "wide-" + table + (path.Contains("public") ? "-public" : ""));
        Assert.True(overflow == "", overflow);
    }

    private static Task<bool> IsFocusedAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e === document.activeElement");
}
