using System.Text.RegularExpressions;
using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>Journeys through sign-in and the shell, in a real Chromium against the real console process.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInAndShellTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Alice_SignsIn_SeesHerOverview_AndSwitchesRegion()
    {
        // Arrange
        var page = await fixture.NewPageAsync();

        // Act: sign in through the real form
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.WaitForInteractiveAsync();

        // Assert: her Overview in the default region
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(page.GetByText(DemoWorld.Alice)).ToBeVisibleAsync();
        await Expect(page.Count("overview-instances")).ToHaveTextAsync("2");
        await Expect(page.Count("overview-custom-images")).ToHaveTextAsync("1");
        await Expect(page.Count("overview-shared-images")).ToHaveTextAsync("1");
        foreach (var link in new[] { "Images", "Snapshots", "Instances", "Tasks", "Admin" })
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync(fixture, "overview-alice-hangzhou");

        // Act: switch region with the Region combobox
        await page.SelectRegionAsync("China (Shanghai)");

        // Assert: the URL carries the region and the counts are Shanghai's
        await Expect(page).ToHaveURLAsync(new Regex("region=cn-shanghai"));
        await Expect(page.Count("overview-instances")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("overview-scope")).ToContainTextAsync("cn-shanghai");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Images", Exact = true })).ToHaveAttributeAsync("href", new Regex("region=cn-shanghai"));
        await page.ScreenshotAsync(fixture, "overview-alice-shanghai");

        // Act + Assert: a reload shows the same region
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("overview-scope")).ToContainTextAsync("cn-shanghai");
    }

    [Fact]
    public async Task Bob_SignsIn_AndSeesNoAdminLink()
    {
        // Arrange
        var page = await fixture.NewPageAsync();

        // Act
        await page.LogInAsync(DemoWorld.Bob, DemoWorld.Password);
        await page.WaitForInteractiveAsync();

        // Assert
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Images", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnUnknownRegionInTheUrl_FallsBackToTheDefaultAndSaysSo()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Carol, DemoWorld.Password);
        await page.WaitForInteractiveAsync();

        // Act
        await page.OpenAsync("/?region=mars-north-1");

        // Assert
        await Expect(page.GetByTestId("region-corrected")).ToContainTextAsync("mars-north-1");
        await Expect(page.GetByTestId("overview-scope")).ToContainTextAsync("cn-hangzhou");
    }

    [Fact]
    public async Task AWrongPassword_ShowsAnError_AndTheUserCanLogOut()
    {
        // Arrange
        var page = await fixture.NewPageAsync();

        // Act
        await page.LogInAsync(DemoWorld.Carol, "Not-the-password1");

        // Assert
        await Expect(page.GetByText("Invalid login attempt")).ToBeVisibleAsync();

        // Act: the right password, then Logout
        await page.LogInAsync(DemoWorld.Carol, DemoWorld.Password);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logout" }).ClickAsync();

        // Assert: signed out, the console asks to sign in again
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task ANewUser_Registers_ConfirmsThroughTheLoggedLink_GetsAnAccountOfItsOwn_AndIsLockedOutAfterFiveWrongPasswords()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        var email = $"newcomer-{Guid.NewGuid():N}@example.test";

        // Act: register
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoWorld.Password);
        await page.GetByLabel("Confirm Password").FillAsync(DemoWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // Assert: not signed in yet; asked to confirm through the link the console logs (it has no mail server)
        await Expect(page).ToHaveURLAsync(new Regex("/Account/RegisterConfirmation"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register confirmation" })).ToBeVisibleAsync();

        // Act: open the logged link, then sign in
        var mail = await fixture.App.WaitForLogAsync(
            new Regex($"Mail to {Regex.Escape(email)}: confirm your account by opening (?<link>\\S+)"), TimeSpan.FromSeconds(30));
        await page.GotoAsync(mail.Groups["link"].Value);
        await Expect(page.Locator(".alert-success[role='alert']")).ToBeVisibleAsync();
        await page.LogInAsync(email, DemoWorld.Password);
        await page.WaitForInteractiveAsync();

        // Assert: signed in as Admin of a fresh 16-digit account
        await Expect(page.GetByTestId("overview-scope")).ToHaveTextAsync(new Regex("Account \\d{16}"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Count("overview-instances")).ToHaveTextAsync("0");

        // Act: log out, then five wrong passwords
        await page.GetByRole(AriaRole.Button, new() { Name = "Logout" }).ClickAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.LogInAsync(email, "Wrong@12345");
        }

        // Assert: locked out, even with the right password
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout"));
        await page.LogInAsync(email, DemoWorld.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Locked out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AStrangersUrlToAnotherAccountsImage_ShowsNotFound_NotTheImage()
    {
        // Arrange
        var imageId = await fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v1'");
        var owner = await fixture.NewPageAsync();
        var stranger = await fixture.NewPageAsync();
        await owner.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await stranger.LogInAsync(DemoWorld.Dave, DemoWorld.Password);

        // Act
        await owner.OpenAsync($"/images/{imageId}?region=cn-hangzhou");
        await stranger.OpenAsync($"/images/{imageId}?region=cn-hangzhou");

        // Assert
        await Expect(owner.GetByTestId("image-detail-name")).ToHaveTextAsync("acme-base-v1");
        await Expect(owner.GetByTestId($"image-status-{imageId}")).ToContainTextAsync("Available");
        await owner.ScreenshotAsync(fixture, "image-detail-owner");
        await Expect(stranger.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(stranger.GetByText("acme-base-v1")).ToHaveCountAsync(0);
        await stranger.ScreenshotAsync(fixture, "image-detail-stranger");
    }
}
