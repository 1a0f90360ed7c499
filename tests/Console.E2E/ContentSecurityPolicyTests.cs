namespace EcsConsole.E2E;

/// <summary>
/// The console under its Content Security Policy (script-src 'self', no inline script) in a real Chromium: every kind
/// of page loads, the Blazor circuit connects over its same-origin WebSocket (connect-src 'self'), MudBlazor dialogs open, and the browser reports no violation and no
/// console error or warning.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ContentSecurityPolicyTests(ConsoleFixture fixture)
{
    /// <summary>Stores every securitypolicyviolation event of the document on window, for the test to read.</summary>
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task Alice_WalksThroughTheConsole_WithoutASingleContentSecurityPolicyViolation()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        var console = new List<string>();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                console.Add($"{message.Type}: {message.Text} ({page.Url})");
            }
        };
        page.PageError += (_, error) => console.Add($"page error: {error} ({page.Url})");
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await page.AddInitScriptAsync(RecordViolations);

        // Act: sign in, then every kind of page: interactive console pages, a MudBlazor dialog, static SSR Identity pages
        var shell = await new SignInPage(page).LogInToConsoleAsync(DemoWorld.Alice, DemoWorld.Password);
        violations.AddRange(await ViolationsAsync(page));
        var policies = new List<string?>();
        foreach (var path in new[] { "/", "/images", "/images?tab=public", "/instances/create", "/admin/audit" })
        {
            var response = await page.GotoAsync(path);
            await shell.WaitForInteractiveAsync();
            policies.Add(await response!.HeaderValueAsync("content-security-policy"));
            violations.AddRange(await ViolationsAsync(page));
        }

        var images = new ImagesPage(page);
        await images.OpenAsync("cn-hangzhou", "custom");
        var dialog = await images.OpenCreateImageAsync();
        await dialog.ExpectOpenAsync();
        await page.ScreenshotAsync(fixture, "csp-create-custom-image-dialog");
        await dialog.CancelAsync();
        await Expect(dialog.Root).ToHaveCountAsync(0);
        violations.AddRange(await ViolationsAsync(page));

        foreach (var path in new[] { "/Account/Manage", "/Account/Login" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            policies.Add(await response!.HeaderValueAsync("content-security-policy"));
            await Expect(page.Locator("form").First).ToBeVisibleAsync();
            violations.AddRange(await ViolationsAsync(page));
        }

        await page.ScreenshotAsync(fixture, "csp-login");

        // Assert: every page came under the policy, and nothing broke it
        Assert.All(policies, policy => Assert.Contains("script-src 'self';", policy));
        Assert.Empty(violations);
        Assert.Empty(console);
        Assert.Contains(sockets, url => url.StartsWith(fixture.App.Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/_blazor", StringComparison.Ordinal));
    }

    private static async Task<string[]> ViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__cspViolations ?? ['the violation recorder did not run']");
}
