namespace EcsConsole.E2E;

/// <summary>
/// Simple Application Server: a server created from a custom image (issue #22). The journey releases its server and
/// deletes its image at the end, so the account's SAS custom-image quota (3 per server) is as seeded for the others.
/// </summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class SasServerFromCustomImageTests(MutatingConsoleFixture mutating)
{
    private const string Shanghai = "cn-shanghai";
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_CreatesAServerFromHerCustomImage_AndSeesItInTheServerList()
    {
        // Arrange: a custom image of sas-lamp-1 (cn-shanghai, 60 GiB system disk)
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var servers = new SasServersPage(page);
        await servers.OpenAsync(Shanghai);
        var lamp = await servers.IdOfAsync("sas-lamp-1");
        var createImage = await servers.OpenCreateImageAsync(lamp);
        await createImage.NameAsync("sas-e2e-lamp-golden");
        await createImage.SubmitAsync();
        var sasImages = new SasImagesPage(page);
        await sasImages.OpenAsync(Shanghai);
        var imageId = await sasImages.IdOfAsync("sas-e2e-lamp-golden");
        await Expect(sasImages.Status(imageId)).ToContainTextAsync("Available");

        await page.ScreenshotAsync(_fixture, "sas-images-create-server");

        // Act: Create Server on the image's row
        var create = await sasImages.OpenCreateServerAsync(imageId);
        await Expect(create.Image).ToContainTextAsync(imageId);
        await Expect(create.Plan).ToContainTextAsync("60 GiB ESSD system disk");
        await create.NameAsync("sas-e2e-lamp-2");
        await page.ScreenshotAsync(_fixture, "sas-create-server-dialog");
        await create.SubmitAsync();

        // Assert: the new server in the list, with the image's application, OS and the image it came from
        await servers.OpenAsync(Shanghai);
        var serverId = await servers.IdOfAsync("sas-e2e-lamp-2");
        await Expect(servers.Table.Row(serverId)).ToContainTextAsync("LAMP 8.2");
        await Expect(servers.Table.Row(serverId)).ToContainTextAsync("system 60 GiB");
        await Expect(servers.SourceImage(serverId)).ToContainTextAsync(imageId);
        await page.ScreenshotAsync(_fixture, "sas-server-from-custom-image");

        // Act: the page's own Create Server opens on the region's Available images
        var again = await servers.OpenCreateServerAsync();
        await Expect(again.Image).ToContainTextAsync("m-");
        await again.CancelAsync();
        await again.ExpectClosedAsync();

        // Clean up: release the server (it has no images of its own), delete the image
        await servers.ReleaseAsync(serverId);
        await Expect(servers.Table.Row(serverId)).ToHaveCountAsync(0);
        await sasImages.OpenAsync(Shanghai);
        await sasImages.DeleteAsync(imageId);
        await Expect(sasImages.Row(imageId)).ToHaveCountAsync(0);
    }
}
