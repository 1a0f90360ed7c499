using System.Collections.Concurrent;

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

    /// <summary>The storage state (cookies) of a sign-in through the form, per email and password, on this console only.</summary>
    private readonly ConcurrentDictionary<(string Email, string Password), string> _signIns = new();

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
    public Task<IPage> NewPageAsync(bool bypassCsp = false) => NewPageAsync(bypassCsp, storageState: null);

    private async Task<IPage> NewPageAsync(bool bypassCsp, string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Url,
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BypassCSP = bypassCsp,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A fresh browser context signed in as <paramref name="email"/> (a demo user's password unless another is given).
    /// The first time for an email and password this console signs in through the form; later contexts start with that
    /// sign-in's cookies (Playwright's storage state) and open the overview. When the console refuses them (the page
    /// lands on the sign-in form: the session was deleted by a sign-out or a reset of the world) it signs in through the
    /// form again and keeps the new cookies. A test whose subject is signing in passes <paramref name="viaForm"/>;
    /// <paramref name="bypassCsp"/> is <see cref="NewPageAsync(bool)"/>'s.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(
        string email, string password = DemoWorld.Password, bool viaForm = false, bool bypassCsp = false)
    {
        var key = (email, password);
        if (!viaForm && _signIns.TryGetValue(key, out var state))
        {
            var page = await NewPageAsync(bypassCsp, state);
            await page.GotoAsync("/");
            if (!IsSignInForm(page.Url))
            {
                return page;
            }

            _signIns.TryRemove(key, out _);
            await page.Context.CloseAsync();
        }

        var formPage = await NewPageAsync(bypassCsp);
        await new SignInPage(formPage).LogInAsync(email, password);
        if (!viaForm)
        {
            // Keep the cookies only once the console has signed the user in (it left the form for the console)
            await formPage.WaitForURLAsync(url => !IsSignInForm(url));
            _signIns[key] = await formPage.Context.StorageStateAsync();
        }

        return formPage;
    }

    private static bool IsSignInForm(string url) =>
        new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase);

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
