using System.Net;
using System.Text.RegularExpressions;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The real host over HTTP: it starts on an empty database, answers /healthz, keeps every page behind sign-in, and
/// signs users in through the real static-SSR form, with Identity lockout after five wrong passwords.
/// </summary>
public sealed partial class StartupAndSignInTests : IDisposable
{
    private readonly ConsoleAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [SqliteOnlyFact]
    public async Task Healthz_OnAFreshDatabase_AnswersOkOnceMigratedAndSeeded()
    {
        // Arrange
        var client = _app.CreateBrowserLikeClient();

        // Act
        var response = await client.GetAsync("/healthz");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(_app.DatabasePath));
    }

    [Fact]
    public void TheSettingsFiles_ArePolledForChanges_NotWatchedWithTheDatabaseBesideThem()
    {
        // Arrange: the console as `dotnet run` starts it, its settings files in the content root with its database
        _ = _app.Services;
        var configuration = (IConfigurationRoot)_app.Services.GetRequiredService<IConfiguration>();

        // Act
        var settingsFiles = configuration.Providers.OfType<JsonConfigurationProvider>().Select(p => p.Source).ToList();

        // Assert: each is reloaded when edited, noticed by a poll of its own file, not by a watcher of the directory (which
        // woke on every write of the database beside it)
        Assert.NotEmpty(settingsFiles);
        Assert.All(settingsFiles, source =>
        {
            Assert.True(source.ReloadOnChange);
            // An actively polled file: its provider then makes no FileSystemWatcher (PhysicalFileProvider.CreateFileWatcher)
            var watch = Assert.IsType<CompositeChangeToken>(source.FileProvider!.Watch(source.Path!));
            Assert.Contains(watch.ChangeTokens, token => token is PollingFileChangeToken { ActiveChangeCallbacks: true });
        });
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/images/m-bp1anything00000000000?region=cn-hangzhou")]
    public async Task AnonymousRequestForAConsolePage_IsRedirectedToLogin(string path)
    {
        // Arrange
        var client = _app.CreateBrowserLikeClient();

        // Act
        var response = await client.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_IsServedAnonymouslyWithEmailPasswordAndLogIn()
    {
        // Arrange
        var client = _app.CreateBrowserLikeClient();

        // Act
        var html = await client.GetStringAsync("/Account/Login");

        // Assert
        Assert.Matches("<label for=\"Input.Email\"[^>]*>Email</label>", html);
        Assert.Matches("<label for=\"Input.Password\"[^>]*>Password</label>", html);
        Assert.Contains(">Log in</button>", html);
    }

    [Fact]
    public async Task SignIn_WithTheDemoPassword_ReachesTheOverview()
    {
        // Arrange
        var client = _app.CreateBrowserLikeClient();

        // Act
        var response = await PostLoginAsync(client, DemoWorld.Alice, DemoWorld.Password);
        var overview = await client.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var html = await overview.Content.ReadAsStringAsync();
        Assert.Contains("Overview", html);
        Assert.Contains(DemoWorld.AcmeAccountId, html);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_StaysOnTheFormWithAnError()
    {
        // Arrange
        var client = _app.CreateBrowserLikeClient();

        // Act
        var response = await PostLoginAsync(client, DemoWorld.Carol, "Wrong@12345");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheUserOut_EvenForTheRightPassword()
    {
        // Arrange
        var client = _app.CreateBrowserLikeClient();
        for (var i = 0; i < 4; i++)
        {
            await PostLoginAsync(client, DemoWorld.Dave, "Wrong@12345");
        }

        // Act
        var fifth = await PostLoginAsync(client, DemoWorld.Dave, "Wrong@12345");
        var right = await PostLoginAsync(client, DemoWorld.Dave, DemoWorld.Password);

        // Assert
        Assert.EndsWith("/Account/Lockout", fifth.Headers.Location?.OriginalString);
        Assert.EndsWith("/Account/Lockout", right.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignedInStranger_AskingForAnotherAccountsImage_GetsNotFound()
    {
        // Arrange
        var client = _app.CreateBrowserLikeClient();
        await PostLoginAsync(client, DemoWorld.Dave, DemoWorld.Password);
        var acmeImage = await AcmeBaseImageIdAsync();

        // Act
        var response = await client.GetAsync($"/images/{acmeImage}?region=cn-hangzhou");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Not Found", html);
        Assert.DoesNotContain("acme-base-v1", html);
    }

    [Fact]
    public async Task SignedInOwner_AskingForItsImage_SeesIt()
    {
        // Arrange
        var client = _app.CreateBrowserLikeClient();
        await PostLoginAsync(client, DemoWorld.Alice, DemoWorld.Password);
        var acmeImage = await AcmeBaseImageIdAsync();

        // Act
        var response = await client.GetAsync($"/images/{acmeImage}?region=cn-hangzhou");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("acme-base-v1", await response.Content.ReadAsStringAsync());
    }

    private async Task<string> AcmeBaseImageIdAsync()
    {
        return (await _app.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v1'"))!;
    }

    /// <summary>Posts the real login form: every hidden field it renders (antiforgery token, handler) plus the inputs.</summary>
    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var form = LoginForm().Match(page).Value;
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<form method=\"post\" action=\"/Account/Login\">[\\s\\S]*?</form>")]
    private static partial Regex LoginForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
