using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>A change made through the ECS API shows up live in a console page that is already open.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApiLiveUpdateTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AnImageCreatedThroughTheApi_AppearsOnAlicesOpenImagesPage_AndBecomesAvailable()
    {
        // Arrange: a console of its own (the image would change other journeys' counts), Alice on her Custom Images tab
        await using var app = await AppServer.StartAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        await Expect(page.GetByTestId("images-table")).ToBeVisibleAsync();

        // Act: CreateImage through the API (V1 signature, GET), from Alice's running instance
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var instanceId = await app.QueryScalarAsync("SELECT Id FROM Instances WHERE Name = 'web-1'");
        using var created = await CallAsync(http, "CreateImage",
            new() { ["RegionId"] = "cn-hangzhou", ["InstanceId"] = instanceId, ["ImageName"] = "made-by-the-api" });
        var imageId = created.RootElement.GetProperty("ImageId").GetString()!;

        // Assert: the row appears without a reload, and turns Available
        await Expect(page.GetByTestId($"image-row-{imageId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"image-status-{imageId}")).ToContainTextAsync("Available");
        await page.ScreenshotAsync(fixture, "api-image-live");
        await context.CloseAsync();
    }

    /// <summary>A V1 (HMAC-SHA1, GET) call as pop-core makes it, with Alice's seeded AccessKey.</summary>
    private static async Task<JsonDocument> CallAsync(HttpClient http, string action, Dictionary<string, string> parameters)
    {
        parameters["Action"] = action;
        parameters["Version"] = "2014-05-26";
        parameters["Format"] = "JSON";
        parameters["AccessKeyId"] = "LTAI5tDemoAlice000000001";
        parameters["SignatureMethod"] = "HMAC-SHA1";
        parameters["SignatureVersion"] = "1.0";
        parameters["SignatureNonce"] = Guid.NewGuid().ToString("N");
        parameters["Timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var canonical = string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var stringToSign = "GET&%2F&" + Uri.EscapeDataString(canonical);
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes("DemoAliceSecret000000000000000001&"), Encoding.UTF8.GetBytes(stringToSign)));
        var response = await http.GetAsync("/?" + canonical + "&Signature=" + Uri.EscapeDataString(signature));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body);
    }
}
