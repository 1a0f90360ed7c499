using System.Net;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Bad input to the Identity pages and endpoints over HTTP: a mangled confirmation code, a ReturnUrl pointing outside the
/// console, a logout without its antiforgery token. None of them may answer 500; each gets the answer the template means.
/// The host runs as a deployment does (Production: the error page, not the developer exception page).
/// </summary>
public sealed class AccountBadInputTests(AccountBadInputTests.ProductionConsole host) : IClassFixture<AccountBadInputTests.ProductionConsole>
{
    private static readonly Uri Console = new("http://localhost");
    private readonly ConsoleAppFactory app = host.App;

    [Theory]
    [InlineData("not*base64")]
    [InlineData("%25%25%25")]
    [InlineData("A")]
    public async Task ConfirmEmail_WithACodeThatIsNotBase64Url_ShowsTheErrorState_NotAServerError(string code)
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        var userId = await app.QueryScalarAsync($"SELECT Id FROM AspNetUsers WHERE Email = '{DemoWorld.Bob}'");

        // Act
        var response = await client.GetAsync($"/Account/ConfirmEmail?userId={userId}&code={code}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alert-danger", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConfirmEmail_WithAWellFormedButWrongCode_ShowsTheErrorState()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        var userId = await app.QueryScalarAsync($"SELECT Id FROM AspNetUsers WHERE Email = '{DemoWorld.Bob}'");

        // Act
        var response = await client.GetAsync($"/Account/ConfirmEmail?userId={userId}&code=d3Jvbmc");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alert-danger", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConfirmEmailChange_WithACodeThatIsNotBase64Url_ShowsTheErrorState_NotAServerError()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        var userId = await app.QueryScalarAsync($"SELECT Id FROM AspNetUsers WHERE Email = '{DemoWorld.Bob}'");

        // Act
        var response = await client.GetAsync($"/Account/ConfirmEmailChange?userId={userId}&email=bob2%40acme.example&code=not*base64");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alert-danger", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ResetPassword_WithACodeThatIsNotBase64Url_IsSentToTheInvalidLinkPage_NotAServerError()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();

        // Act
        var response = await client.GetAsync("/Account/ResetPassword?code=not*base64");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(Console, "/Account/InvalidPasswordReset"), LandingOf(response));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("\\\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_WithAReturnUrlOutsideTheConsole_SignsInAndLandsOnTheOverview(string returnUrl)
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();

        // Act
        var response = await AccountForms.LogInAsync(client, DemoWorld.Carol, DemoWorld.Password, returnUrl);
        var overview = await client.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(Console, "/"), LandingOf(response));
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithALocalReturnUrl_LandsThere()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();

        // Act
        var response = await AccountForms.LogInAsync(client, DemoWorld.Carol, DemoWorld.Password, "/images?region=cn-shanghai&tab=public");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(Console, "/images?region=cn-shanghai&tab=public"), LandingOf(response));
    }

    [Fact]
    public async Task Logout_WithoutTheAntiforgeryToken_IsABadRequest_AndKeepsTheSession()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        await AccountForms.LogInAsync(client, DemoWorld.Alice, DemoWorld.Password);

        // Act
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "" }));
        var overview = await client.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    [Theory]
    [InlineData("/Account/PerformExternalLogin", "provider=Nowhere&returnUrl=/")]
    [InlineData("/Account/PerformExternalLogin", "")]
    [InlineData("/Account/Manage/LinkExternalLogin", "provider=Nowhere")]
    [InlineData("/Account/Manage/LinkExternalLogin", "")]
    [InlineData("/Account/PasskeyCreationOptions", "")]
    [InlineData("/Account/PasskeyRequestOptions", "")]
    [InlineData("/Account/Manage/DownloadPersonalData", "")]
    [InlineData("/Account/Logout", "ReturnUrl=")]
    public async Task EveryIdentityEndpoint_WithoutItsAntiforgeryToken_IsABadRequest_NeverA500(string path, string form)
    {
        // Arrange: signed in, so the Manage endpoints are reached too
        var client = app.CreateBrowserLikeClient();
        await AccountForms.LogInAsync(client, DemoWorld.Alice, DemoWorld.Password);

        // Act
        var response = await client.PostAsync(path, new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DownloadPersonalData_WithItsToken_StillAnswersTheFile()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        await AccountForms.LogInAsync(client, DemoWorld.Alice, DemoWorld.Password);

        // Act
        var response = await AccountForms.SubmitAsync(client, "/Account/Manage/PersonalData", "Account/Manage/DownloadPersonalData", new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("images?region=cn-hangzhou")]
    public async Task Logout_WithItsToken_SignsOutAndRedirectsInsideTheConsole(string returnUrl)
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        await AccountForms.LogInAsync(client, DemoWorld.Alice, DemoWorld.Password);

        // Act
        var response = await AccountForms.SubmitAsync(client, "/", "Account/Logout", new Dictionary<string, string> { ["ReturnUrl"] = returnUrl });
        var overview = await client.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(Console, "/" + returnUrl), LandingOf(response));
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
    }

    [Theory]
    [InlineData("/evil.example")]
    [InlineData("\\evil.example")]
    public async Task Logout_WithAReturnUrlThatWouldLeaveTheConsole_SignsOutAndRedirectsHome(string returnUrl)
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        await AccountForms.LogInAsync(client, DemoWorld.Alice, DemoWorld.Password);

        // Act
        var response = await AccountForms.SubmitAsync(client, "/", "Account/Logout", new Dictionary<string, string> { ["ReturnUrl"] = returnUrl });
        var overview = await client.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(Console, "/"), LandingOf(response));
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
    }

    /// <summary>Where a redirect sends the browser, resolved against the console's address.</summary>
    private static Uri? LandingOf(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(Console, location) : null;

    /// <summary>One console host in the Production environment for this class's tests.</summary>
    public sealed class ProductionConsole : IDisposable
    {
        public ConsoleAppFactory App { get; } = new() { EnvironmentName = "Production" };

        public void Dispose() => App.Dispose();
    }
}
