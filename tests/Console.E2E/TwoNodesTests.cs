namespace EcsConsole.E2E;

/// <summary>
/// Two nodes of one console on one PostgreSQL database, as behind the cluster's proxy (issue #19, ADR-019): what one
/// node commits shows on pages open on the other, and a sign-in outlives the node it was made on.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class TwoNodesTests(ConsoleFixture fixture)
{
    [PostgresOnlyFact]
    public async Task AnImageCreatedThroughNodeB_ShowsWithinTwoSeconds_OnAnImagesPageOpenOnNodeA()
    {
        // Arrange: nodes A and B on one database; Alice's Custom Images tab open on A
        await using var nodeA = await EcsConsoleHost.StartAsync();
        await using var nodeB = await nodeA.StartNodeAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = nodeA.Url, Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await new SignInPage(page).LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        var images = new ImagesPage(page);
        await images.OpenAsync("cn-hangzhou", "custom");
        await Expect(images.Table.Root).ToBeVisibleAsync();

        // Act: CreateImage through node B's API
        using var api = EcsApi.AsAlice(nodeB.Url);
        var instanceId = await api.InstanceIdAsync("cn-hangzhou", "web-1");
        using var created = await api.CallAsync("CreateImage",
            new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["InstanceId"] = instanceId, ["ImageName"] = "made-on-node-b" });
        var imageId = created.RootElement.GetProperty("ImageId").GetString()!;

        // Assert: the row shows on node A's page without a reload, within two seconds of B's answer
        await Expect(images.Row(imageId)).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await page.ScreenshotAsync(fixture, "two-nodes-image-from-b");
        await context.CloseAsync();
    }

    [PostgresOnlyFact]
    public async Task ASignInMadeOnANodeThatStops_IsStillSignedInOnTheOtherNode()
    {
        // Arrange: Alice signs in on node B and opens her images there
        await using var nodeA = await EcsConsoleHost.StartAsync();
        await using var nodeB = await nodeA.StartNodeAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = nodeB.Url, Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await new SignInPage(page).LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await new ImagesPage(page).OpenAsync("cn-hangzhou", "custom");

        // Act: node B stops (disposing it again at the end does nothing); the browser goes on to node A (a cookie is the host's, whatever the port, as behind a proxy)
        await nodeB.DisposeAsync();
        await page.GotoAsync($"{nodeA.Url}/images?region=cn-hangzhou&tab=custom");

        // Assert: still Alice, on the Images page, not sent to sign in
        var images = new ImagesPage(page);
        await Expect(images.Table.Root).ToBeVisibleAsync();
        Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        await context.CloseAsync();
    }
}
