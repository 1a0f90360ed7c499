namespace EcsConsole.E2E;

/// <summary>
/// The simulation control's console page and the API log (ui-contract §3, §4, §7; ADR-013), each on a console of its own
/// started with a control token: root resets the world and injects a fault by clicking; Alice watches her API calls arrive.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SimulationPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Root_AddsAFaultThatAnsweredTheNextCall_AdvancesTheClock_AndResetsTheWorld_FromTheSimulationPage()
    {
        // Arrange: root on the Simulation page of a console with the control on
        await using var app = await EcsConsoleHost.StartAsync();
        var page = await NewPageAsync(app);
        await new SignInPage(page).LogInToConsoleAsync(DemoWorld.Root, DemoWorld.Password);
        var simulation = new SimulationPage(page);
        await simulation.FollowAsync("Simulation");
        await Expect(simulation.Title).ToHaveTextAsync("Simulation");

        // Act: a fault for an action the API does not have is refused with the HTTP control's code, then a real one added
        var dialog = await simulation.FillApiFaultAsync("NoSuchAction", "Throttling.User", 400, 1);
        await dialog.OkAsync();
        await dialog.ExpectErrorAsync("InvalidParameter");
        await dialog.Field("Action", exact: true).FillAsync("DescribeRegions");
        await dialog.SubmitAsync();
        var faultId = await simulation.Faults.IdOfAsync(simulation.Faults.Rows);
        await Expect(simulation.Faults.Row(faultId)).ToContainTextAsync("Throttling.User");
        await page.ScreenshotAsync(fixture, "simulation-page");

        // Assert: Alice's next DescribeRegions answers the fault, and the used-up fault leaves the open page
        using var api = EcsApi.AsAlice(app.Url);
        var (status, body) = await api.SendAsync("DescribeRegions", new Dictionary<string, string>());
        Assert.Equal(400, status);
        Assert.Equal("Throttling.User", body.RootElement.GetProperty("Code").GetString());
        await Expect(simulation.Faults.Row(faultId)).ToHaveCountAsync(0);

        // Act: ten minutes forward, then every task completed
        var before = await simulation.SimulatedNow.InnerTextAsync();
        await simulation.AdvanceClockAsync(10);
        await Expect(simulation.SimulatedNow).Not.ToHaveTextAsync(before);
        await simulation.Button("Complete Tasks").ClickAsync();
        await Expect(simulation.TasksCompleted).ToContainTextAsync("completed");

        // Act: Reset World, confirmed
        await simulation.Button("Reset World").ClickAsync();
        await simulation.ConfirmAsync();

        // Assert: the page reloads to the sign-in page (the session went with the old world)
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AlicesApiCalls_AppearLiveInHerApiLog_WithTheirRequestIds_AndTheErrorFilter()
    {
        // Arrange: Alice on her API log
        await using var app = await EcsConsoleHost.StartAsync();
        var page = await NewPageAsync(app);
        await new SignInPage(page).LogInToConsoleAsync(DemoWorld.Alice, DemoWorld.Password);
        var log = new ApiLogPage(page);
        await log.FollowAsync("API Log");
        await Expect(log.Title).ToHaveTextAsync("API Log");

        // Act: one call that succeeds and one refused
        using var api = EcsApi.AsAlice(app.Url);
        using var regions = await api.CallAsync("DescribeRegions", new Dictionary<string, string>());
        var okId = regions.RootElement.GetProperty("RequestId").GetString()!;
        var (status, refused) = await api.SendAsync("DescribeImages", new Dictionary<string, string> { ["RegionId"] = "xx-nowhere-1" });
        var refusedId = refused.RootElement.GetProperty("RequestId").GetString()!;

        // Assert: both rows arrive without a reload, with the status and code the API answered; no signature is shown
        await Expect(log.Calls.Row(okId)).ToContainTextAsync("DescribeRegions");
        await Expect(log.Status(okId)).ToHaveTextAsync("200");
        await Expect(log.Calls.Row(refusedId)).ToContainTextAsync(DemoWorld.Alice);
        await Expect(log.Status(refusedId)).ToHaveTextAsync(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(log.ErrorCode(refusedId)).ToHaveTextAsync(refused.RootElement.GetProperty("Code").GetString()!);
        await Expect(log.Parameters(refusedId)).ToContainTextAsync("Signature=******");
        await Expect(log.Parameters(refusedId)).ToContainTextAsync("RegionId=xx-nowhere-1");
        await page.ScreenshotAsync(fixture, "api-log");

        // Act: only errors, through the URL
        await log.OpenAsync("?status=error");

        // Assert
        await Expect(log.Calls.Row(refusedId)).ToBeVisibleAsync();
        await Expect(log.Calls.Row(okId)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync(EcsConsoleHost app)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Url,
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }
}
