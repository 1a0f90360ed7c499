using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components;

/// <summary>The shell: navigation per role, the signed-in user, the region selector and its fallback.</summary>
public sealed class ShellTests : ComponentTestBase
{
    private IRenderedComponent<MainLayout> RenderShell() =>
        Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='page-body'>page</p>"))));

    [Fact]
    public async Task Shell_ForAnAccountAdmin_ShowsTheNavigationWithAdminAndTheUsersEmail()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderShell();

        // Assert
        var links = cut.FindAll("nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Overview", "Images", "Snapshots", "Snapshot Policies", "Disks", "Instances", "Key Pairs", "Tasks", "OSS Buckets", "Marketplace", "Image Builder", "Servers", "Custom Image", "Admin", "Members", "Audit Log", "API Log"], links);
        Assert.Equal("Simple Application Server", cut.Find("[data-testid='nav-section-sas']").TextContent.Trim());
        Assert.Equal("sas/images?region=cn-hangzhou", cut.FindAll("nav a").Single(a => a.TextContent.Trim() == "Custom Image").GetAttribute("href"));
        Assert.Equal(DemoWorld.Alice, cut.Find("[data-testid='user-email']").TextContent.Trim());
        Assert.NotNull(cut.Find("#page-body"));
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Logout");
    }

    [Fact]
    public async Task Shell_MarksTheCurrentPagesLink_AndMovesTheMarkWithANavigation()
    {
        // Arrange: the links are markup made once per link and state (issue #20); the mark must still follow the page
        await SignInAsync(DemoWorld.Alice);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/images/some-image?region=cn-hangzhou");
        var cut = RenderShell();
        AngleSharp.Dom.IElement Link(string name) => cut.FindAll("nav a").Single(a => a.TextContent.Trim() == name);
        var before = (Images: Link("Images").GetAttribute("aria-current"), ImagesClass: Link("Images").ClassName, Overview: Link("Overview").GetAttribute("aria-current"));

        // Act
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?region=cn-hangzhou");

        // Assert
        Assert.Equal(("page", "mud-nav-link mud-ripple active", (string?)null), before);
        cut.WaitForAssertion(() => Assert.Equal("page", Link("Overview").GetAttribute("aria-current")));
        Assert.Null(Link("Images").GetAttribute("aria-current"));
        Assert.Equal("mud-nav-link mud-ripple", Link("Images").ClassName);
        Assert.All(cut.FindAll("nav a"), a => Assert.Contains("mud-nav-link-icon", a.QuerySelector("svg")!.GetAttribute("class")));
    }

    [Fact]
    public async Task Shell_InChinese_NamesTheNavigationAndTheRegionAsTheChineseConsoleDoes_AndKeepsTheLanguageSelectorsName()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        using var chinese = CultureScope.Chinese();

        // Act
        var cut = RenderShell();

        // Assert
        var links = cut.FindAll("nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["概览", "镜像", "快照", "快照策略", "云盘"], links.Take(5));
        Assert.Contains("任务", links);
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "退出登录");
        Assert.Contains("华东1（杭州） · cn-hangzhou", cut.Find("[data-testid='region-selector']").OuterHtml, StringComparison.Ordinal);
        Assert.Equal("Language", cut.Find("[data-testid='language-selector']").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Shell_ForAReadOnlyMember_HasNoAdminLink()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = RenderShell();

        // Assert
        Assert.DoesNotContain(cut.FindAll("nav a"), a => a.TextContent.Trim() is "Admin" or "Members");
    }

    [Fact]
    public async Task Shell_ForThePlatformAdmin_AddsTheSimulationLink_WhichNoOneElseHas()
    {
        // Arrange
        await SignInAsync(DemoWorld.Root);

        // Act
        var cut = RenderShell();

        // Assert
        var links = cut.FindAll("nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["API Log", "Simulation"], links.TakeLast(2));
        Assert.Equal("simulation?region=cn-hangzhou", cut.FindAll("nav a").Single(a => a.TextContent.Trim() == "Simulation").GetAttribute("href"));
    }

    [Fact]
    public async Task Shell_NavigationLinksKeepTheCurrentRegion()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?region=cn-beijing");

        // Act
        var cut = RenderShell();

        // Assert
        var images = cut.FindAll("nav a").Single(a => a.TextContent.Trim() == "Images");
        Assert.EndsWith("images?region=cn-beijing", images.GetAttribute("href"));
    }

    [Fact]
    public async Task Shell_WithAnUnknownRegionInTheUrl_FallsBackToTheDefaultAndSaysSo()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?region=mars-north-1");

        // Act
        var cut = RenderShell();

        // Assert
        var notice = cut.Find("[data-testid='region-corrected']");
        Assert.Contains("mars-north-1", notice.TextContent);
        Assert.Contains("cn-hangzhou", notice.TextContent);
        Assert.Equal("China (Hangzhou) · cn-hangzhou", cut.Find("[data-testid='region-selector']").GetAttribute("value"));
    }

    [Fact]
    public async Task Shell_ChoosingARegion_NavigatesToTheSamePageWithThatRegion()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/images/some-image?region=cn-hangzhou&page=3");
        var cut = RenderShell();

        // Act: open the Region combobox, choose Shanghai
        await cut.Find("[data-testid='region-selector']").ClickAsync(new MouseEventArgs());
        await cut.FindAll("[role='option']").Single(o => o.TextContent.Contains("cn-shanghai", StringComparison.Ordinal)).MouseDownAsync(new MouseEventArgs());

        // Assert
        Assert.EndsWith("/images/some-image?region=cn-shanghai", navigation.Uri);
        cut.WaitForAssertion(() => Assert.Equal("China (Shanghai) · cn-shanghai", cut.Find("[data-testid='region-selector']").GetAttribute("value")));
    }

    [Fact]
    public async Task Shell_RegionSelectorIsANamedCombobox()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = RenderShell();

        // Assert
        var selector = cut.Find("[data-testid='region-selector']");
        Assert.Equal("combobox", selector.GetAttribute("role"));
        Assert.Equal("Region", selector.GetAttribute("aria-label"));
    }

    // The dark palette's app bar colour (ConsoleTheme's #14171c), as MudBlazor writes it into the theme's CSS variables.
    private const string DarkAppBar = "--mud-palette-appbar-background: rgba(20,23,28,1)";

    [Fact]
    public async Task Shell_ThemeToggle_SwitchesToDarkAndKeepsItForTheNextVisit()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);
        var cut = RenderShell();
        cut.WaitForAssertion(() => Assert.Equal("Dark theme", cut.Find("[data-testid='theme-toggle']").GetAttribute("aria-label")));

        // Act
        cut.Find("[data-testid='theme-toggle']").Click();

        // Assert: the document switches to the dark style sheet (App.razor writes both), and the next visit opens dark
        cut.WaitForAssertion(() => Assert.Equal("Light theme", cut.Find("[data-testid='theme-toggle']").GetAttribute("aria-label")));
        Assert.Contains(JSInterop.Invocations["ecsConsole.setDark"], call => call.Arguments is [true]);
        await DisposeComponentsAsync();
        var nextVisit = RenderShell();
        nextVisit.WaitForAssertion(() => Assert.Equal("Light theme", nextVisit.Find("[data-testid='theme-toggle']").GetAttribute("aria-label")));
    }

    [Fact]
    public void TheDocumentsStyleSheets_AreTheLightThemeAtTheRoot_AndTheDarkOneUnderTheDarkClass()
    {
        // Act: App.razor writes both once per document (issue #20)
        var light = Render<ConsoleThemeProvider>(p => p.Add(t => t.Theme, ConsoleTheme.Theme).Add(t => t.IsDarkMode, false)
            .Add(t => t.ObserveSystemDarkModeChange, false));
        var dark = Render<ConsoleThemeProvider>(p => p.Add(t => t.Theme, ConsoleTheme.DarkScoped).Add(t => t.IsDarkMode, true)
            .Add(t => t.ObserveSystemDarkModeChange, false));

        // Assert
        Assert.Contains("\n:root{", light.Markup.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(DarkAppBar, light.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\n:root." + ConsoleTheme.DarkClass + "{", dark.Markup.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(DarkAppBar, dark.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Shell_OnAWideScreen_OpensTheDrawer_AndToggleNavigationClosesAndReopensIt()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var cut = RenderShell();
        cut.WaitForAssertion(() => Assert.Contains("mud-drawer--open", cut.Find("aside.mud-drawer").ClassList));
        Assert.Contains("mud-drawer-open-responsive-md-left", cut.Find(".mud-layout").ClassList);

        // Act
        cut.Find("button[aria-label='Toggle navigation']").Click();

        // Assert
        Assert.Contains("mud-drawer--closed", cut.Find("aside.mud-drawer").ClassList);
        Assert.Contains("mud-drawer-close-responsive-md-left", cut.Find(".mud-layout").ClassList);
        Assert.Empty(cut.FindAll(".mud-overlay"));
        cut.Find("button[aria-label='Toggle navigation']").Click();
        Assert.Contains("mud-drawer--open", cut.Find("aside.mud-drawer").ClassList);
    }

    [Fact]
    public async Task Shell_BelowTheMdBreakpoint_StartsWithTheDrawerClosed_OpensItOverThePage_AndAClickBesideItClosesIt()
    {
        // Arrange
        JSInterop.Setup<bool>("mudResizeListener.matchMedia", "(max-width: 959.98px)").SetResult(true);
        await SignInAsync(DemoWorld.Alice);
        var cut = RenderShell();
        cut.WaitForAssertion(() => Assert.Contains("mud-drawer--closed", cut.Find("aside.mud-drawer").ClassList));

        // Act
        cut.Find("button[aria-label='Toggle navigation']").Click();

        // Assert
        Assert.Contains("mud-drawer--open", cut.Find("aside.mud-drawer").ClassList);
        cut.Find(".mud-overlay").Click();
        Assert.Contains("mud-drawer--closed", cut.Find("aside.mud-drawer").ClassList);
        Assert.Empty(cut.FindAll(".mud-overlay"));
    }
}
