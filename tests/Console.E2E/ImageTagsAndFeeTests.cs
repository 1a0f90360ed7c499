namespace EcsConsole.E2E;

/// <summary>The Images page's Edit Tags dialog, Tags column and Free / Paid filter in a real Chromium (issue #22).</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class ImageTagsAndFeeTests(MutatingConsoleFixture mutating)
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_AddsTwoTags_SeesThemAsChips_ThenARefusedKeyShowsItsCode_AndKeepsHerEdits()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var images = new ImagesPage(page);
        await images.OpenAsync(Hangzhou, "custom");
        var imageId = await images.Table.IdOfAsync("acme-base-v1");
        var editTags = page.GetByTestId($"image-edit-tags-{imageId}");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Edit Tags" });

        // Act: two tags added and saved
        await Expect(editTags).ToHaveAttributeAsync("aria-label", "Edit Tags");
        await editTags.ClickAsync();
        await AddTagAsync(dialog, "team", "web");
        await AddTagAsync(dialog, "tier", "gold");
        await page.ScreenshotAsync(_fixture, "edit-tags-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert: the row shows them as chips
        await Expect(dialog).ToHaveCountAsync(0);
        var cell = page.GetByTestId($"image-tags-{imageId}");
        await Expect(cell).ToContainTextAsync("team:web");
        await Expect(cell).ToContainTextAsync("tier:gold");

        // Act: one removed, a refused key added
        await editTags.ClickAsync();
        await dialog.GetByTestId("edit-tags-remove-team").ClickAsync();
        await AddTagAsync(dialog, "aliyun-owned", "x");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Assert: the code is shown, the dialog keeps the list as edited, nothing was saved
        await Expect(dialog.GetByTestId("error-alert")).ToHaveAttributeAsync("data-error-code", "InvalidTagKey.Malformed");
        await Expect(dialog.GetByTestId("edit-tags-row-aliyun-owned")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("edit-tags-row-team")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(_fixture, "edit-tags-refused");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(cell).ToContainTextAsync("team:web");

        // Cleanup: no tags left for other tests
        await editTags.ClickAsync();
        await dialog.GetByTestId("edit-tags-remove-team").ClickAsync();
        await dialog.GetByTestId("edit-tags-remove-tier").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(cell).ToHaveTextAsync("—");
    }

    [Fact]
    public async Task Bob_SeesEditTagsDisabled()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Bob);
        var images = new ImagesPage(page);
        await images.OpenAsync(Hangzhou, "custom");
        var imageId = await images.Table.IdOfAsync("acme-base-v1");

        // Assert
        await Expect(page.GetByTestId($"image-edit-tags-{imageId}")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task ThePaidFilter_OnTheMarketplaceTab_IsInTheUrl_AndListsNoFreeImage()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var images = new ImagesPage(page);
        await images.OpenAsync(Hangzhou, "marketplace");

        // Act
        await page.GetByTestId("filter-fee").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Paid", Exact = true }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("fee=paid"));
        await Expect(images.Rows.First).ToBeVisibleAsync();
        await Expect(images.Rows.Filter(new() { HasText = "Free" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(_fixture, "images-fee-paid");
    }

    private static async Task AddTagAsync(ILocator dialog, string key, string value)
    {
        await dialog.GetByLabel("Tag Key").FillAsync(key);
        await dialog.GetByLabel("Tag Value").FillAsync(value);
        await dialog.GetByTestId("edit-tags-add").ClickAsync();
        await Expect(dialog.GetByTestId($"edit-tags-row-{key}")).ToBeVisibleAsync();
    }
}
