namespace EcsConsole.E2E;

/// <summary>
/// axe-core's WCAG 2.1 A/AA rules over every console route as alice (account admin), bob (read-only member) and root
/// (platform admin), the main dialogs open, and the Images page in the dark theme (#24, ADR-024): no serious or critical
/// violation. One page per user walks its routes in sequence, so the whole check costs a few page loads per route; axe
/// is loaded into each of those pages by the browser context (<see cref="Axe.PreloadAsync"/>), not injected per route.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleFixture fixture)
{
    private const string Region = "cn-hangzhou";
    private const string WordPress = "cmjj00000002";

    /// <summary>The routes every signed-in account user has (ui-contract §3 and the pages added since).</summary>
    private static readonly string[] AccountRoutes =
    [
        "/",
        $"/images?region={Region}&tab=custom",
        $"/images?region={Region}&tab=public",
        $"/images?region={Region}&tab=shared",
        $"/images?region={Region}&tab=community",
        $"/images?region={Region}&tab=marketplace",
        $"/images/aliyun_3_x64_20G_alibase_20250101.vhd?region={Region}",
        $"/marketplace?region={Region}",
        $"/marketplace/{WordPress}?region={Region}",
        $"/images/create?region={Region}",
        $"/images/import?region={Region}",
        $"/snapshots?region={Region}",
        $"/instances?region={Region}",
        $"/instances/create?region={Region}",
        $"/instances/create?region={Region}&imageId=aliyun_3_arm64_20G_alibase_20250101.vhd",
        $"/tasks?region={Region}",
        "/settings/access-keys",
        $"/buckets?region={Region}",
        $"/image-builder/components?region={Region}",
        $"/image-builder/templates?region={Region}",
        $"/image-builder/executions?region={Region}",
        $"/image-builder/updates?region={Region}",
        $"/sas/servers?region={Region}",
        $"/sas/images?region={Region}",
        $"/key-pairs?region={Region}",
        $"/disks?region={Region}",
        $"/snapshots/policies?region={Region}",
        $"/api-log?region={Region}",
        "/not-found",
    ];

    private static readonly string[] AdminRoutes = ["/admin/quotas", "/admin/members", "/admin/audit"];

    [Fact]
    public async Task EveryRoute_AsAlice_HasNoSeriousAccessibilityViolation_NorDoTheSignInPages()
    {
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await Axe.PreloadAsync(page.Context);
        var violations = new List<string>();
        await page.GotoAsync("/Account/Register");
        violations.AddRange(await Axe.SeriousViolationsAsync(page, "/Account/Register"));
        await page.GotoAsync("/Account/Login");
        violations.AddRange(await Axe.SeriousViolationsAsync(page, "/Account/Login"));
        await new SignInPage(page).LogInToConsoleAsync(DemoWorld.Alice, DemoWorld.Password);

        var custom = await new ImagesPage(page).FindAsync(Region, "custom", "acme-base-v1");
        violations.AddRange(await VisitAllAsync(page, [.. AccountRoutes, .. AdminRoutes, $"/images/{custom}?region={Region}"]));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task EveryRoute_AsBob_HasNoSeriousAccessibilityViolation()
    {
        var page = await SignedInAsync(DemoWorld.Bob);

        var violations = await VisitAllAsync(page, [.. AccountRoutes, .. AdminRoutes]);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task EveryRoute_AsRoot_HasNoSeriousAccessibilityViolation()
    {
        var page = await SignedInAsync(DemoWorld.Root);

        var violations = await VisitAllAsync(page, ["/", .. AdminRoutes, $"/simulation?region={Region}", $"/images?region={Region}&tab=public", $"/api-log?region={Region}"]);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task TheMainDialogs_AsAlice_HaveNoSeriousAccessibilityViolation()
    {
        var page = await SignedInAsync(DemoWorld.Alice);
        var violations = new List<string>();
        var images = new ImagesPage(page);
        var custom = await images.FindAsync(Region, "custom", "acme-base-v1");

        violations.AddRange(await CheckDialogAsync(page, "Create Custom Image", () => images.OpenCreateImageAsync()));
        violations.AddRange(await CheckDialogAsync(page, "Import Image", () => images.OpenImportImageAsync()));
        violations.AddRange(await CheckDialogAsync(page, "Copy Image", () => images.OpenCopyAsync(custom)));
        violations.AddRange(await CheckDialogAsync(page, "Share Image", () => images.OpenShareAsync(custom)));
        violations.AddRange(await CheckDialogAsync(page, "Export Image", () => images.OpenExportAsync(custom)));
        violations.AddRange(await CheckDialogAsync(page, "Delete Image", () => images.OpenDeleteAsync(custom)));
        await images.OpenRowMenuAsync(custom);
        await Expect(page.GetByRole(AriaRole.Menu)).ToBeVisibleAsync();
        violations.AddRange(await Axe.SeriousViolationsAsync(page, "images row menu More"));
        await page.Keyboard.PressAsync("Escape");

        var templates = new ImageTemplatesPage(page);
        await templates.OpenAsync(Region);
        violations.AddRange(await CheckDialogAsync(page, "Create Image Template", () => templates.OpenCreateTemplateAsync()));
        await new ConsolePage(page).GotoAsync($"/image-builder/components?region={Region}");
        violations.AddRange(await CheckDialogAsync(page, "Create Image Component", () => new ConsolePage(page).Button("Create Component").ClickAsync()));
        var members = new MembersPage(page);
        await members.OpenAsync(Region);
        violations.AddRange(await CheckDialogAsync(page, "Add Member", () => members.OpenAddMemberAsync()));
        await new ConsolePage(page).GotoAsync($"/key-pairs?region={Region}");
        violations.AddRange(await CheckDialogAsync(page, "Create Key Pair", () => new ConsolePage(page).Button("Create Key Pair").ClickAsync()));
        await new ConsolePage(page).GotoAsync($"/snapshots?region={Region}");
        violations.AddRange(await CheckDialogAsync(page, "Create Snapshot", () => new ConsolePage(page).Button("Create Snapshot").ClickAsync()));
        await new ConsolePage(page).GotoAsync($"/disks?region={Region}");
        violations.AddRange(await CheckDialogAsync(page, "Create Disk", () => new ConsolePage(page).Button("Create Disk").ClickAsync()));
        await new ConsolePage(page).GotoAsync($"/snapshots/policies?region={Region}");
        violations.AddRange(await CheckDialogAsync(page, "Create Policy", () => new ConsolePage(page).Button("Create Policy").ClickAsync()));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task TheImagesPage_InTheDarkTheme_HasNoSeriousAccessibilityViolation()
    {
        var page = await SignedInAsync(DemoWorld.Bob);
        var images = new ImagesPage(page);
        await images.OpenAsync(Region);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light theme" })).ToBeVisibleAsync();
        var violations = new List<string>();

        try
        {
            violations.AddRange(await Axe.SeriousViolationsAsync(page, "dark /images custom"));
            await images.OpenAsync(Region, "public");
            violations.AddRange(await Axe.SeriousViolationsAsync(page, "dark /images public"));
            await new ConsolePage(page).GotoAsync("/");
            violations.AddRange(await Axe.SeriousViolationsAsync(page, "dark /"));
            await page.ScreenshotAsync(fixture, "a11y-dark-overview");
        }
        finally
        {
            // The theme is kept per user: back to light for the other journeys that sign in as bob.
            await page.GetByTestId("theme-toggle").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToBeVisibleAsync();
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fixture.SignedInPageAsync(email, bypassCsp: true);
        await Axe.PreloadAsync(page.Context);
        await new OverviewPage(page).WaitForInteractiveAsync();
        return page;
    }

    private static async Task<List<string>> VisitAllAsync(IPage page, IEnumerable<string> routes)
    {
        var console = new ConsolePage(page);
        var violations = new List<string>();
        foreach (var route in routes)
        {
            await console.GotoAsync(route);
            await Expect(console.Title.First).ToBeVisibleAsync();
            violations.AddRange(await Axe.SeriousViolationsAsync(page, route));
        }

        return violations;
    }

    /// <summary>Opens a dialog, checks the page with it open, and leaves it with Escape.</summary>
    private static async Task<IReadOnlyList<string>> CheckDialogAsync(IPage page, string title, Func<Task> open)
    {
        await open();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = title });
        await Expect(dialog).ToBeVisibleAsync();
        var violations = await Axe.SeriousViolationsAsync(page, $"dialog {title}");
        await Expect(page.Locator("[role='dialog']:focus-within")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        return violations;
    }
}
