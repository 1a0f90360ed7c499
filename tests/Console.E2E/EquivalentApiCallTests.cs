namespace EcsConsole.E2E;

/// <summary>A change dialog shows the ECS call it makes, as the SDK and the aliyun CLI would make it (ADR-014).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EquivalentApiCallTests(ConsoleFixture fixture)
{
    private const string Hangzhou = "cn-hangzhou";

    [Fact]
    public async Task Alice_OpensCopyImage_AndReadsTheCliLineOfTheCopyShesAbout_ToMake()
    {
        // Arrange
        var images = new ImagesPage(await fixture.SignedInPageAsync(DemoWorld.Alice));
        var imageId = await images.FindAsync(Hangzhou, "custom", "acme-base-v1");
        await images.OpenAsync(Hangzhou, "custom");
        var copy = await images.OpenCopyAsync(imageId);
        var panel = new EquivalentApiCall(copy);
        await Expect(panel.CliLine).ToBeHiddenAsync();

        // Act
        await panel.ExpandAsync();
        await copy.NameCopyAsync("acme-base-v1-copy");
        await copy.Field("Image Description").FillAsync("it's \"ours\"");
        await copy.Field("Image Description").BlurAsync();

        // Assert
        await Expect(panel.Action).ToHaveTextAsync("CopyImage");
        await Expect(panel.CliLine).ToHaveTextAsync(new Regex(
            $"^aliyun ecs CopyImage --RegionId cn-hangzhou --ImageId {imageId} --DestinationRegionId [a-z0-9-]+ "
            + Regex.Escape("--DestinationImageName acme-base-v1-copy --DestinationDescription 'it'\\''s \"ours\"'") + "$"));
        await Expect(panel.NodeSnippet).ToContainTextAsync("new $Ecs20140526.CopyImageRequest({");
        await Expect(panel.CopyCli).ToBeEnabledAsync();
        await copy.Page.ScreenshotAsync(fixture, "equivalent-api-call");
        await panel.CliLine.ScrollIntoViewIfNeededAsync();
        await panel.Root.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "equivalent-api-call-panel.png") });
    }
}
