namespace EcsConsole.E2E;

/// <summary>Downloading a simulated OSS object from the Buckets page: a real file of the object's size and name (issue #22).</summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class OssDownloadTests(MutatingConsoleFixture mutating)
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Bucket = "acme-images-hangzhou";
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_UploadsA2MiBObject_AndDownloadsIt_AsAFileOfThatNameAndSize()
    {
        // Arrange: a 2 MiB object
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var buckets = new BucketsPage(page);
        await buckets.OpenAsync(Hangzhou);
        await buckets.OpenBucketAsync(Bucket);
        await page.GetByLabel("Object Key").FillAsync("notes/e2e-download.raw");
        await page.GetByTestId("object-size-unit").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "MiB", Exact = true }).ClickAsync();
        await page.GetByLabel("Size (MiB)").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload Object" }).ClickAsync();
        var download = page.GetByTestId($"oss-object-download-{Bucket}-notes/e2e-download.raw");
        await Expect(download).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "buckets-download");

        // Act
        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());

        // Assert
        Assert.Equal("e2e-download.raw", file.SuggestedFilename);
        var path = await file.PathAsync();
        Assert.Equal(2L * 1024 * 1024, new FileInfo(path).Length);
    }

    [Fact]
    public async Task AnObjectOver64MiB_HasDownloadDisabled_AndTheEndpointRefusesIt()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var buckets = new BucketsPage(page);
        await buckets.OpenAsync(Hangzhou);
        await buckets.OpenBucketAsync(Bucket);

        // Act
        var response = await page.APIRequest.GetAsync($"{_fixture.App.Url}/oss/{Hangzhou}/{Bucket}/imports/web-base.qcow2");

        // Assert
        await Expect(page.GetByTestId($"oss-object-download-{Bucket}-imports/web-base.qcow2")).ToBeDisabledAsync();
        Assert.Equal(413, response.Status);
    }

    [Fact]
    public async Task Carol_CannotDownload_AcmesObject()
    {
        // Arrange
        var page = await _fixture.SignedInPageAsync(DemoWorld.Carol);

        // Act
        var response = await page.APIRequest.GetAsync($"{_fixture.App.Url}/oss/{Hangzhou}/{Bucket}/imports/web-base.qcow2");

        // Assert
        Assert.Equal(404, response.Status);
    }
}
