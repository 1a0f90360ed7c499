namespace EcsConsole.E2E.Support;

/// <summary>
/// One console process and one headless Chromium for the whole E2E run. The browser is Debian's Chromium
/// (<c>/usr/bin/chromium</c>) unless <c>ECSCONSOLE_CHROMIUM</c> names another; Playwright never downloads one here.
/// <c>HEADED=1</c> shows the window when debugging locally.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string BrowserEnvVar = "ECSCONSOLE_CHROMIUM";

    private IPlaywright? _playwright;

    public EcsConsoleHost App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/screenshots under the repository root.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(Repository.Root(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var appTask = EcsConsoleHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable(BrowserEnvVar) is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"Chromium not found at {executable}: run ./test.sh (it installs Debian's chromium) or set {BrowserEnvVar}.");
        }

        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = Environment.GetEnvironmentVariable("HEADED") != "1",
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        App = await appTask;
    }

    /// <summary>A fresh browser context (its own cookies) with a page on the console.</summary>
    /// <param name="bypassCsp">
    /// Ignore the Content Security Policy: only for a test that injects its own script (axe-core, which
    /// <c>script-src 'self'</c> refuses otherwise).
    /// </param>
    public async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Url,
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context signed in as <paramref name="email"/> (a demo user's password unless another is given).</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password = DemoWorld.Password)
    {
        var page = await NewPageAsync();
        await new SignInPage(page).LogInAsync(email, password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}

/// <summary>A second console (its own process and database) for journeys that change the demo world, so the read-only
/// journeys of <see cref="ConsoleCollection"/> always see it as seeded.</summary>
public sealed class MutatingConsoleFixture : IAsyncLifetime
{
    private readonly ConsoleFixture _inner = new();

    public ConsoleFixture Console => _inner;

    public Task InitializeAsync() => _inner.InitializeAsync();

    public Task DisposeAsync() => _inner.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class MutatingConsoleCollection : ICollectionFixture<MutatingConsoleFixture>
{
    public const string Name = "console-mutating";
}
