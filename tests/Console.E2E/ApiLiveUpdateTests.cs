namespace EcsConsole.E2E;

/// <summary>A change made through the ECS API shows up live in a console page that is already open.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApiLiveUpdateTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AnImageCreatedThroughTheApi_AppearsOnAlicesOpenImagesPage_AndBecomesAvailable()
    {
        // Arrange: a console of its own (the image would change other journeys' counts), Alice on her Custom Images tab
        await using var app = await EcsConsoleHost.StartAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Url, Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await new SignInPage(page).LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        var images = new ImagesPage(page);
        await images.OpenAsync("cn-hangzhou", "custom");
        await Expect(images.Table.Root).ToBeVisibleAsync();

        // Act: CreateImage through the API (V1 signature, GET), from Alice's running instance
        using var api = EcsApi.AsAlice(app.Url);
        var instanceId = await api.InstanceIdAsync("cn-hangzhou", "web-1");
        using var created = await api.CallAsync("CreateImage",
            new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["InstanceId"] = instanceId, ["ImageName"] = "made-by-the-api" });
        var imageId = created.RootElement.GetProperty("ImageId").GetString()!;

        // Assert: the row appears without a reload, and turns Available
        await Expect(images.Row(imageId)).ToBeVisibleAsync();
        await Expect(images.Status(imageId)).ToContainTextAsync("Available");
        await page.ScreenshotAsync(fixture, "api-image-live");
        await context.CloseAsync();
    }
}
