using System.Net;
using System.Text.RegularExpressions;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EcsConsole.Tests.Api;

/// <summary>
/// No anonymous page tells whether an email has an account: registering a taken email looks exactly like registering a
/// new one, and the registration confirmation page shows no user ID and no confirmation link. A self-registered user
/// confirms through the link the console writes to its server log (a laptop console has no mail server) before signing in.
/// </summary>
public sealed partial class AccountDisclosureTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private const string EmailSenderCategory = "EcsConsole.Web.Components.Account.IdentityNoOpEmailSender";

    [Fact]
    public async Task RegisterConfirmation_ForAnExistingEmail_ShowsNeitherItsUserIdNorAConfirmationLink()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        var bobId = await app.QueryScalarAsync($"SELECT Id FROM AspNetUsers WHERE Email = '{DemoWorld.Bob}'");

        // Act
        var response = await client.GetAsync($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(DemoWorld.Bob)}");
        var html = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(bobId!, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ConfirmEmail", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RegisterConfirmation_ForAnExistingAndAnUnknownEmail_AnswersTheSamePage()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.test";

        // Act
        var existing = await client.GetAsync($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(DemoWorld.Bob)}");
        var missing = await client.GetAsync($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(unknown)}");

        // Assert
        Assert.Equal(existing.StatusCode, missing.StatusCode);
        Assert.Equal(
            Normalize(await existing.Content.ReadAsStringAsync(), DemoWorld.Bob),
            Normalize(await missing.Content.ReadAsStringAsync(), unknown));
    }

    [Fact]
    public async Task Registering_AnEmailThatHasAnAccount_LooksExactlyLikeRegisteringANewOne_AndIsLoggedServerSide()
    {
        // Arrange
        var newcomer = $"newcomer-{Guid.NewGuid():N}@example.test";
        var first = app.CreateBrowserLikeClient();
        var second = app.CreateBrowserLikeClient();

        // Act
        var taken = await AccountForms.RegisterAsync(first, DemoWorld.Carol, DemoWorld.Password);
        var fresh = await AccountForms.RegisterAsync(second, newcomer, DemoWorld.Password);
        var takenPage = await first.GetAsync(taken.Headers.Location);
        var freshPage = await second.GetAsync(fresh.Headers.Location);

        // Assert: the same redirect to the same page, the email aside
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(Normalize(fresh.Headers.Location!.OriginalString, newcomer), Normalize(taken.Headers.Location!.OriginalString, DemoWorld.Carol));
        Assert.Equal(HttpStatusCode.OK, takenPage.StatusCode);
        Assert.Equal(freshPage.StatusCode, takenPage.StatusCode);
        Assert.Equal(
            Normalize(await freshPage.Content.ReadAsStringAsync(), newcomer),
            Normalize(await takenPage.Content.ReadAsStringAsync(), DemoWorld.Carol));

        // Assert: neither is signed in; only the server log knows an existing email was tried
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/Account/Manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Account/Manage")).StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains("already has an account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_AnEmailThatHasAnAccount_WithAPasswordTheRulesRefuse_ShowsTheSameErrorsAsForANewEmail()
    {
        // Arrange
        var newcomer = $"newcomer-{Guid.NewGuid():N}@example.test";

        // Act
        var taken = await AccountForms.RegisterAsync(app.CreateBrowserLikeClient(), DemoWorld.Carol, "weakpass");
        var fresh = await AccountForms.RegisterAsync(app.CreateBrowserLikeClient(), newcomer, "weakpass");

        // Assert
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(
            Normalize(await fresh.Content.ReadAsStringAsync(), newcomer),
            Normalize(await taken.Content.ReadAsStringAsync(), DemoWorld.Carol));
    }

    [Fact]
    public async Task ANewUser_MustConfirmThroughTheLoggedLink_BeforeSigningIn_ThenAdministersAnAccountOfItsOwn()
    {
        // Arrange
        var client = app.CreateBrowserLikeClient();
        var email = $"newcomer-{Guid.NewGuid():N}@example.test";

        // Act: register, try to sign in before confirming
        var register = await AccountForms.RegisterAsync(client, email, DemoWorld.Password);
        var early = await AccountForms.LogInAsync(client, email, DemoWorld.Password);

        // Assert: the confirmation page, no session
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        Assert.Equal("/Account/RegisterConfirmation", register.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location).AbsolutePath : null);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode);

        // Act: follow the link from the server log, then sign in
        var link = ConfirmationLinkFor(email);
        var confirm = await client.GetAsync(link.PathAndQuery);
        var login = await AccountForms.LogInAsync(client, email, DemoWorld.Password);
        var overview = await client.GetAsync("/");

        // Assert: confirmed, signed in, Admin of a fresh account
        var userId = await app.QueryScalarAsync($"SELECT Id FROM AspNetUsers WHERE Email = '{email}'");
        var accountId = await app.QueryScalarAsync($"SELECT AccountId FROM AccountMemberships WHERE UserId = '{userId}' AND Role = 'Admin'");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("alert-success", await confirm.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Matches("^\\d{16}$", accountId);
        Assert.Contains(accountId!, await overview.Content.ReadAsStringAsync());
    }

    /// <summary>The confirmation link the console logged for <paramref name="email"/>.</summary>
    private Uri ConfirmationLinkFor(string email)
    {
        var message = Assert.Single(app.Logs.MessagesOf(EmailSenderCategory, LogLevel.Information), m => m.Contains(email, StringComparison.Ordinal));
        return new Uri(ConfirmationLink().Match(message).Value);
    }

    /// <summary>
    /// The page with the email and what differs on every response anyway taken out: input values (antiforgery tokens)
    /// and Blazor's protected markers (persisted component state).
    /// </summary>
    private static string Normalize(string html, string email)
    {
        // The language links carry the page's own address (its query included) in theirs: the email escaped twice.
        html = html.Replace(Uri.EscapeDataString(Uri.EscapeDataString(email)), "EMAIL", StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(email), "EMAIL", StringComparison.Ordinal).Replace(email, "EMAIL", StringComparison.Ordinal);
        return BlazorMarker().Replace(HiddenValue().Replace(html, "value=\"\""), "<!--Blazor-->");
    }

    [GeneratedRegex("https?://[^\\s\"'<>]+/Account/ConfirmEmail\\?[^\\s\"'<>]+")]
    private static partial Regex ConfirmationLink();

    [GeneratedRegex("<!--Blazor[\\s\\S]*?-->")]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("value=\"[^\"]*\"")]
    private static partial Regex HiddenValue();
}
