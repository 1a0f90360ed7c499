using System.Net;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Every answer (page, sign-in form, static asset, ECS API error) tells the browser not to sniff content types, to
/// keep the referrer to the console's own origin, and to run only the console's own scripts.
/// </summary>
public sealed class SecurityHeadersTests : IClassFixture<SecurityHeadersTests.App>
{
    private readonly HttpClient _client;

    public SecurityHeadersTests(App app) => _client = app.CreateBrowserLikeClient();

    public sealed class App : IDisposable
    {
        private readonly ConsoleAppFactory _factory = new();

        public HttpClient CreateBrowserLikeClient() => _factory.CreateBrowserLikeClient();

        public void Dispose() => _factory.Dispose();
    }

    [Theory]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("/?Action=DescribeRegions&Version=2014-05-26", HttpStatusCode.BadRequest)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task EveryResponse_CarriesNosniffReferrerPolicyAndContentSecurityPolicy(string path, HttpStatusCode expected)
    {
        // Act
        var response = await _client.GetAsync(path);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
        var policy = Directives(Single(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
    }

    [Fact]
    public async Task TheLoginPage_HasNoInlineScript()
    {
        // Act
        var html = await _client.GetStringAsync("/Account/Login");

        // Assert: every script element loads a file of the console's own
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attributes>[^>]*)>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains("src=\"", s.Groups["attributes"].Value, StringComparison.Ordinal));
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        var values = response.Headers.TryGetValues(name, out var headers) ? headers.ToList() : [];
        if (response.Content.Headers.TryGetValues(name, out var contentHeaders))
        {
            values.AddRange(contentHeaders);
        }

        return Assert.Single(values);
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
