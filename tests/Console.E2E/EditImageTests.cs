namespace EcsConsole.E2E;

/// <summary>The Edit Image dialog in a real Chromium: its NVMe driver and metadata access mode (UI-MOD-01).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EditImageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task EditImage_OffersTheNvmeDriverAndTheMetadataMode_AndNamesTheirApiCall()
    {
        // Arrange
        var page = await fixture.SignedInPageAsync(DemoWorld.Alice);
        await new OverviewPage(page).WaitForInteractiveAsync();
        var images = new ImagesPage(page);
        await images.OpenAsync("cn-hangzhou", "custom");
        var imageId = await images.Table.IdOfAsync("acme-base-v1");

        // Act
        await images.OpenRowMenuAsync(imageId);
        await page.GetByTestId($"image-edit-{imageId}").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Edit Image" });
        await dialog.GetByLabel("NVMe Driver").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Supported", Exact = true }).ClickAsync();

        // Assert: the equivalent call carries the change; nothing is sent until OK
        await page.ScreenshotAsync(fixture, "edit-image-features");
        await Expect(dialog.GetByLabel("Metadata Access Mode")).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("ModifyImageAttribute");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }
}
