using System.Net;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Account;
using EcsConsole.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Sign-in sessions live in the database (architecture mechanism 13): the cookie only names a session, so logging out
/// ends it on the server and a copy of the cookie saved before is worth nothing afterwards.
/// </summary>
public sealed class AccountSessionTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private static readonly Uri Console = new("http://localhost");

    [Fact]
    public async Task ACookieSavedBeforeLogout_ReplayedAfterIt_IsAnonymousAndSentToLogin()
    {
        // Arrange
        var cookies = new CookieContainer();
        var browser = app.CreateDefaultClient(Console, new CookieContainerHandler(cookies));
        await AccountForms.LogInAsync(browser, DemoWorld.Alice, DemoWorld.Password);
        var saved = cookies.GetCookieHeader(new Uri(Console, "/Account/Manage"));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(saved, "/Account/Manage")).StatusCode);

        // Act
        var logout = await AccountForms.LogOutAsync(browser);
        var replay = await GetWithCookieAsync(saved, "/Account/Manage");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/Account/Login", replay.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInUser_StaysSignedInAcrossRequests_OnOneSessionRow_ThatLogoutDeletes()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        var userId = await app.QueryScalarAsync($"SELECT Id FROM AspNetUsers WHERE Email = '{DemoWorld.Dave}'");

        // Act
        var login = await AccountForms.LogInAsync(client, DemoWorld.Dave, DemoWorld.Password);
        var pages = new[]
        {
            await client.GetAsync("/"),
            await client.GetAsync("/Account/Manage"),
            await client.GetAsync("/images?region=cn-hangzhou"),
            await client.GetAsync("/Account/Manage"),
        };
        var sessionsWhileSignedIn = await app.QueryScalarAsync($"SELECT COUNT(*) FROM AuthSessions WHERE UserId = '{userId}'");
        await AccountForms.LogOutAsync(client);
        var sessionsAfterLogout = await app.QueryScalarAsync($"SELECT COUNT(*) FROM AuthSessions WHERE UserId = '{userId}'");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.StatusCode));
        Assert.Equal("1", sessionsWhileSignedIn);
        Assert.Equal("0", sessionsAfterLogout);
    }

    [Fact]
    public async Task LoggingOutInOneBrowser_LeavesAnotherBrowsersSessionOfTheSameUserSignedIn()
    {
        // Arrange
        var first = app.CreateBrowserLikeClient();
        var second = app.CreateBrowserLikeClient();
        await AccountForms.LogInAsync(first, DemoWorld.Carol, DemoWorld.Password);
        await AccountForms.LogInAsync(second, DemoWorld.Carol, DemoWorld.Password);

        // Act
        await AccountForms.LogOutAsync(first);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/Account/Manage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task ACircuitsRevalidation_PassesWhileItsSessionLives_AndFailsOnceItIsLoggedOutFromAnotherTab()
    {
        // Arrange: the principal Bob's circuit holds is the one his session gives
        var tab = app.CreateBrowserLikeClient();
        await AccountForms.LogInAsync(tab, DemoWorld.Bob, DemoWorld.Password);
        var key = await app.QueryScalarAsync(
            $"SELECT s.Id FROM AuthSessions s JOIN AspNetUsers u ON u.Id = s.UserId WHERE u.Email = '{DemoWorld.Bob}' ORDER BY s.CreatedAt DESC LIMIT 1");
        var principal = (await app.Services.GetRequiredService<DatabaseTicketStore>().RetrieveAsync(key!))!.Principal;
        await using var scope = app.Services.CreateAsyncScope();
        var circuit = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        // Act
        var whileSignedIn = await circuit.IsStillValidAsync(principal, CancellationToken.None);
        await AccountForms.LogOutAsync(tab);
        var afterLogout = await circuit.IsStillValidAsync(principal, CancellationToken.None);

        // Assert
        Assert.True(whileSignedIn);
        Assert.False(afterLogout);
    }

    [Fact]
    public async Task ACircuitsRevalidation_FailsOnceItsUserIsLockedOut()
    {
        // Arrange: Bob's open tab (a host of its own: the lockout must not reach the other tests), then five wrong passwords elsewhere lock him out
        using var own = new ConsoleAppFactory();
        var tab = own.CreateBrowserLikeClient();
        await AccountForms.LogInAsync(tab, DemoWorld.Bob, DemoWorld.Password);
        var key = await own.QueryScalarAsync(
            $"SELECT s.Id FROM AuthSessions s JOIN AspNetUsers u ON u.Id = s.UserId WHERE u.Email = '{DemoWorld.Bob}' ORDER BY s.CreatedAt DESC LIMIT 1");
        var principal = (await own.Services.GetRequiredService<DatabaseTicketStore>().RetrieveAsync(key!))!.Principal;
        await using var scope = own.Services.CreateAsyncScope();
        var circuit = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<EcsConsole.Domain.Accounts.ConsoleUser>>();
        var bob = await users.FindByEmailAsync(DemoWorld.Bob);
        var before = await circuit.IsStillValidAsync(principal, CancellationToken.None);

        // Act
        for (var i = 0; i < 5; i++)
        {
            await users.AccessFailedAsync(bob!);
        }

        var afterLockout = await circuit.IsStillValidAsync(principal, CancellationToken.None);

        // Assert
        Assert.True(before);
        Assert.False(afterLockout);
    }

    [Fact]
    public async Task TheSecurityStampCheck_KeepsASignedInUser_AndSignsOutOnceTheStampChanges()
    {
        // Arrange: a host of its own that checks the stamp on every request (Identity's default is every 30 minutes); the
        // check runs in a scope of its own (DatabaseTicketStore.Use), which must not change what it decides
        using var own = new ConsoleAppFactory();
        using var everyRequest = own.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero)));
        var client = everyRequest.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Console });
        await AccountForms.LogInAsync(client, DemoWorld.Dave, DemoWorld.Password);

        // Act
        var checkedTwice = new[] { await client.GetAsync("/Account/Manage"), await client.GetAsync("/Account/Manage") };
        await own.QueryScalarAsync($"UPDATE AspNetUsers SET SecurityStamp = 'changed-elsewhere' WHERE Email = '{DemoWorld.Dave}'");
        var afterStampChange = await client.GetAsync("/Account/Manage");

        // Assert
        Assert.All(checkedTwice, page => Assert.Equal(HttpStatusCode.OK, page.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, afterStampChange.StatusCode);
        Assert.StartsWith("/Account/Login", afterStampChange.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> GetWithCookieAsync(string cookieHeader, string path)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Console });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookieHeader);
        return client.SendAsync(request);
    }
}
