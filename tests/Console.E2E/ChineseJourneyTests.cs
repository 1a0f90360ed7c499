namespace EcsConsole.E2E;

/// <summary>
/// The console in Simplified Chinese (issue #24, ui-contract §8) as a person uses it: signed in on the English sign-in
/// page, switched with the <c>Language</c> selector, a custom image made from an instance in the Chinese dialog and seen
/// Available (可用). Chinese names where a person reads them, test ids where the contract fixes them. The screenshots
/// are the docs' pictures of the console in Chinese (written to TestResults/screenshots/zh-CN, 1280×800; copied to
/// docs/screenshots/zh-CN by hand, as the other journeys' pictures are, so a test run never changes the repository).
/// </summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class ChineseJourneyTests(MutatingConsoleFixture mutating)
{
    private const string Hangzhou = "cn-hangzhou";
    private static readonly LocatorAssertionsToHaveTextOptions TaskEnds = new() { Timeout = 20_000 };
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_SwitchesToChinese_CreatesAnImageFromAnInstance_AndSeesItAvailable()
    {
        // Arrange: signed in on the (English) sign-in page
        var page = await _fixture.NewPageAsync();
        var overview = await new SignInPage(page).LogInToConsoleAsync(DemoWorld.Alice, DemoWorld.Password);

        // Act: 简体中文 in the Language selector
        await page.GetByTestId("language-selector").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "简体中文" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await overview.WaitForInteractiveAsync();

        // Assert: the navigation speaks Chinese
        foreach (var link in new[] { "概览", "镜像", "快照", "实例", "任务" })
        {
            await Expect(overview.NavLink(link)).ToBeVisibleAsync();
        }

        await Expect(overview.Title).ToHaveTextAsync("概览");

        // Act: 镜像, then 创建自定义镜像 from an instance
        await overview.FollowAsync("镜像");
        var images = new ImagesPage(page);
        await Expect(images.Title).ToHaveTextAsync("镜像");
        await Expect(images.Tab("自定义镜像")).ToBeVisibleAsync();
        await images.Button("创建自定义镜像").ClickAsync();
        var dialog = new ConsoleDialog(page, "创建自定义镜像");
        await dialog.ExpectOpenAsync();
        await Expect(dialog.Root.GetByRole(AriaRole.Radio, new() { Name = "通过实例创建" })).ToBeCheckedAsync();
        await dialog.Field("镜像名称").FillAsync("web-golden-zh");
        await dialog.Field("镜像描述").FillAsync("web-1 的黄金镜像");
        await SaveScreenshotAsync(page, "create-image-dialog");
        await dialog.Button("确定").ClickAsync();
        await dialog.ExpectClosedAsync();

        // Assert: its status chip says 可用 once the creation task has finished
        var imageId = await images.Table.IdOfAsync("web-golden-zh");
        await Expect(images.Status(imageId)).ToHaveTextAsync(new Regex("^(创建中 \\d+%|等待中 \\d+%|可用)$"));
        await Expect(images.Status(imageId)).ToHaveTextAsync("可用", TaskEnds);
        await Expect(images.Table.Root).ToContainTextAsync("镜像 ID/名称");
        await CloseSnackbarAsync(page);

        // Assert: the task finished (已完成) on 任务; the snapshots and the Overview speak Chinese too
        await images.FollowAsync("任务");
        var tasks = new TasksPage(page);
        await Expect(tasks.Title).ToHaveTextAsync("任务");
        await Expect(tasks.Table).ToContainTextAsync(imageId);
        await Expect(tasks.Table).ToContainTextAsync("已完成");
        await SaveScreenshotAsync(page, "tasks");
        await tasks.FollowAsync("快照");
        await Expect(overview.Title).ToHaveTextAsync("快照");
        await Expect(page.GetByTestId("snapshots-table")).ToContainTextAsync(imageId);
        await SaveScreenshotAsync(page, "snapshots");
        await tasks.FollowAsync("概览");
        await Expect(overview.Title).ToHaveTextAsync("概览");
        await Expect(overview.Heading("需要关注")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "overview");

        // The Images page with the new image 可用, the navigation folded away so the whole row shows; then its details
        await overview.FollowAsync("镜像");
        await Expect(images.Status(imageId)).ToHaveTextAsync("可用");
        await page.GetByRole(AriaRole.Button, new() { Name = "切换导航" }).ClickAsync();
        await Expect(page.Locator(".mud-drawer")).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        await SaveScreenshotAsync(page, "images");
        await page.GetByTestId($"image-link-{imageId}").ClickAsync();
        await Expect(page.GetByTestId("image-detail-name")).ToHaveTextAsync("web-golden-zh");
        await Expect(overview.Heading("基本信息")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "image-detail");
    }

    /// <summary>
    /// Closes the snackbar an action left (it would cover the next pictures). On a slow machine it may hide itself while
    /// the click is on its way (the button is detached and the click waits for one that never comes): either way, none
    /// is left.
    /// </summary>
    private static async Task CloseSnackbarAsync(IPage page)
    {
        try
        {
            await page.Locator(".mud-snackbar button").ClickAsync(new() { Timeout = 3_000 });
        }
        catch (TimeoutException)
        {
            // It went by itself; the assertion below holds either way.
        }

        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    /// <summary>The viewport (1280×800) as TestResults/screenshots/zh-CN/<paramref name="name"/>.png.</summary>
    private static Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(Repository.Root(), "TestResults", "screenshots", "zh-CN");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }
}
