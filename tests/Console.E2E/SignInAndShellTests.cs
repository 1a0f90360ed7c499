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
        var overview = await new SignInPage(page).LogInToConsoleAsync(DemoWorld.Alice, DemoWorld.Password);

        // Assert: her Overview in the default region
        await Expect(overview.Heading("Overview")).ToBeVisibleAsync();
        await Expect(page.GetByText(DemoWorld.Alice)).ToBeVisibleAsync();
        await Expect(overview.Count("instances")).ToHaveTextAsync("2");
        await Expect(overview.Count("custom-images")).ToHaveTextAsync("1");
        await Expect(overview.Count("shared-images")).ToHaveTextAsync("1");
        foreach (var link in new[] { "Images", "Snapshots", "Instances", "Tasks", "Admin" })
        {
            await Expect(overview.NavLink(link)).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync(fixture, "overview-alice-hangzhou");

        // Act: switch region with the Region combobox
        await overview.SelectRegionAsync("China (Shanghai)");

        // Assert: the URL carries the region and the counts are Shanghai's
        await Expect(page).ToHaveURLAsync(new Regex("region=cn-shanghai"));
        await Expect(overview.Count("instances")).ToHaveTextAsync("0");
        await Expect(overview.Scope).ToContainTextAsync("cn-shanghai");
        await Expect(overview.NavLink("Images")).ToHaveAttributeAsync("href", new Regex("region=cn-shanghai"));
        await page.ScreenshotAsync(fixture, "overview-alice-shanghai");

        // Act + Assert: a reload shows the same region
        await overview.ReloadAsync();
        await Expect(overview.Scope).ToContainTextAsync("cn-shanghai");
    }

    [Fact]
    public async Task Bob_SignsIn_AndSeesNoAdminLink()
    {
        // Arrange
        var page = await fixture.NewPageAsync();

        // Act
        var overview = await new SignInPage(page).LogInToConsoleAsync(DemoWorld.Bob, DemoWorld.Password);

        // Assert
        await Expect(overview.Heading("Overview")).ToBeVisibleAsync();
        await Expect(overview.NavLink("Images")).ToBeVisibleAsync();
        await Expect(overview.NavLink("Admin")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnUnknownRegionInTheUrl_FallsBackToTheDefaultAndSaysSo()
    {
        // Arrange
        var overview = await new SignInPage(await fixture.NewPageAsync()).LogInToConsoleAsync(DemoWorld.Carol, DemoWorld.Password);

        // Act
        await overview.OpenAsync("mars-north-1");

        // Assert
        await Expect(overview.RegionCorrected).ToContainTextAsync("mars-north-1");
        await Expect(overview.Scope).ToContainTextAsync("cn-hangzhou");
    }

    [Fact]
    public async Task AWrongPassword_ShowsAnError_AndTheUserCanLogOut()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);

        // Act
        await signIn.LogInAsync(DemoWorld.Carol, "Not-the-password1");

        // Assert
        await Expect(signIn.Refusal("Invalid login attempt")).ToBeVisibleAsync();

        // Act: the right password, then Logout
        var overview = await signIn.LogInToConsoleAsync(DemoWorld.Carol, DemoWorld.Password);
        await overview.LogoutAsync();

        // Assert: signed out, the console asks to sign in again
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task ANewUser_Registers_ConfirmsThroughTheLoggedLink_GetsAnAccountOfItsOwn_AndIsLockedOutAfterFiveWrongPasswords()
    {
        // Arrange
        var page = await fixture.NewPageAsync();
        var register = new RegisterPage(page);
        var signIn = new SignInPage(page);
        var email = $"newcomer-{Guid.NewGuid():N}@example.test";

        // Act: register
        await register.RegisterAsync(email, DemoWorld.Password);

        // Assert: not signed in yet; asked to confirm through the link the console logs (it has no mail server)
        await Expect(page).ToHaveURLAsync(new Regex("/Account/RegisterConfirmation"));
        await Expect(register.Heading("Register confirmation")).ToBeVisibleAsync();

        // Act: open the logged link, then sign in
        var mail = await fixture.App.WaitForLogAsync(
            new Regex($"Mail to {Regex.Escape(email)}: confirm your account by opening (?<link>\\S+)"), TimeSpan.FromSeconds(30));
        await page.GotoAsync(mail.Groups["link"].Value);
        await Expect(register.Confirmed).ToBeVisibleAsync();
        var overview = await signIn.LogInToConsoleAsync(email, DemoWorld.Password);

        // Assert: signed in as Admin of a fresh 16-digit account
        await Expect(overview.Scope).ToHaveTextAsync(new Regex("Account \\d{16}"));
        await Expect(overview.NavLink("Admin")).ToBeVisibleAsync();
        await Expect(overview.Count("instances")).ToHaveTextAsync("0");

        // Act: log out, then five wrong passwords
        await overview.LogoutAsync();
        for (var i = 0; i < 5; i++)
        {
            await signIn.LogInAsync(email, "Wrong@12345");
        }

        // Assert: locked out, even with the right password
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout"));
        await signIn.LogInAsync(email, DemoWorld.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout"));
        await Expect(signIn.Heading("Locked out")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AStrangersUrlToAnotherAccountsImage_ShowsNotFound_NotTheImage()
    {
        // Arrange: the owner finds her image in her list
        var owner = new ImageDetailPage(await fixture.SignedInPageAsync(DemoWorld.Alice));
        var stranger = new ImageDetailPage(await fixture.SignedInPageAsync(DemoWorld.Dave));
        var imageId = await new ImagesPage(owner.Page).FindAsync("cn-hangzhou", "custom", "acme-base-v1");

        // Act
        await owner.OpenAsync("cn-hangzhou", imageId);
        await stranger.OpenAsync("cn-hangzhou", imageId);

        // Assert
        await Expect(owner.Name).ToHaveTextAsync("acme-base-v1");
        await Expect(owner.Status(imageId)).ToContainTextAsync("Available");
        await owner.Page.ScreenshotAsync(fixture, "image-detail-owner");
        await Expect(stranger.NotFound).ToBeVisibleAsync();
        await Expect(stranger.Page.GetByText("acme-base-v1")).ToHaveCountAsync(0);
        await stranger.Page.ScreenshotAsync(fixture, "image-detail-stranger");
    }

    [Fact]
    public async Task AReusedSignIn_ThatWasLoggedOutOnTheServer_IsMadeAgainThroughTheForm()
    {
        // Arrange: two contexts of Dave share one sign-in (the fixture reuses its cookies); one logs out, deleting it
        var first = new OverviewPage(await fixture.SignedInPageAsync(DemoWorld.Dave));
        await first.WaitForInteractiveAsync();
        var second = new OverviewPage(await fixture.SignedInPageAsync(DemoWorld.Dave));
        await second.WaitForInteractiveAsync();
        await second.LogoutAsync();
        await Expect(second.Page).ToHaveURLAsync(new Regex("/Account/Login"));
        await first.Page.ReloadAsync();
        await Expect(first.Page).ToHaveURLAsync(new Regex("/Account/Login"));

        // Act
        var again = new OverviewPage(await fixture.SignedInPageAsync(DemoWorld.Dave));

        // Assert: signed in on the console, not left on the sign-in form
        await again.WaitForInteractiveAsync();
        await Expect(again.Page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
    }
}
