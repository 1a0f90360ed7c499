using EcsConsole.Domain.Seeding;
using EcsConsole.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcsConsole.E2E;

/// <summary>
/// Image Builder and the OOS image update (issue #11), with <c>Simulation__TaskDuration=00:00:01</c>: a component and
/// a template, a build through its phases to SUCCESS, distributed to a second region and shared with an account; a
/// failing build that leaves nothing behind; an update run that makes a new Available image.
/// </summary>
[Collection(MutatingConsoleCollection.Name)]
public sealed class ImageBuilderTests(MutatingConsoleFixture mutating)
{
    private const string Ubuntu = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";
    private static readonly PageAssertionsToHaveURLOptions Slow = new() { Timeout = 30_000 };
    private readonly ConsoleFixture _fixture = mutating.Console;

    private static ILocator Dialog(IPage page, string title) => page.GetByRole(AriaRole.Dialog, new() { Name = title });

    private static async Task<ILocator> CreateTemplateAsync(IPage page, string name, string content, string prefix, bool distribute)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Template" }).ClickAsync();
        var dialog = Dialog(page, "Create Image Template");
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await dialog.GetByLabel("Base Image").FillAsync(Ubuntu);
        await dialog.GetByLabel("Content", new() { Exact = true }).FillAsync(content);
        await dialog.GetByLabel("Image Name Prefix").FillAsync(prefix);
        if (distribute)
        {
            await dialog.GetByLabel("Account ID").FillAsync(DemoWorld.GlobexAccountId);
            var add = dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true });
            await Expect(add).ToBeEnabledAsync();
            await add.ClickAsync();
            await Expect(dialog.GetByTestId("template-accounts")).ToContainTextAsync(DemoWorld.GlobexAccountId);
            await dialog.GetByLabel("Destination Region").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "China (Shanghai) · cn-shanghai" }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog.GetByLabel("Destination Region")).ToHaveValueAsync("cn-shanghai");
        }

        return dialog;
    }

    [Fact]
    public async Task Alice_BuildsAnImageFromAComponentAndATemplate_ItPassesThroughItsPhasesToSuccess_ExistsInBothRegions_AndCarolSeesItShared()
    {
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);

        // A component
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Image Builder" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Image Components" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Component" }).ClickAsync();
        var component = Dialog(page, "Create Image Component");
        await component.GetByLabel("Name", new() { Exact = true }).FillAsync("e2e-nginx");
        await component.GetByLabel("Content", new() { Exact = true }).FillAsync("RUN yum install -y nginx\nRUN systemctl enable nginx");
        await page.ScreenshotAsync(_fixture, "image-builder-create-component");
        await component.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(component).ToBeHiddenAsync();
        var componentId = await _fixture.App.QueryScalarAsync("SELECT Id FROM ImageComponents WHERE Name = 'e2e-nginx'");
        await Expect(page.GetByTestId($"component-row-{componentId}")).ToContainTextAsync("1.0.0");
        await page.ScreenshotAsync(_fixture, "image-builder-components");

        // A template with one destination region and one share account
        await page.GetByRole(AriaRole.Link, new() { Name = "Image Templates" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        var template = await CreateTemplateAsync(page, "e2e-web", $"COMPONENT {componentId}\nRUN echo ready > /etc/motd", "e2e-web", distribute: true);
        await page.ScreenshotAsync(_fixture, "image-builder-create-template");
        await template.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(template).ToBeHiddenAsync();
        var templateId = await _fixture.App.QueryScalarAsync("SELECT Id FROM ImagePipelines WHERE Name = 'e2e-web'");
        var row = page.GetByTestId($"template-row-{templateId}");
        await Expect(row).ToContainTextAsync("1 region(s) · 1 account(s)");

        // Start Build, and follow it on Build Tasks
        await row.GetByRole(AriaRole.Button, new() { Name = "Start Build" }).ClickAsync();
        await Expect(row.GetByTestId($"template-latest-{templateId}")).ToBeVisibleAsync();
        var executionId = await _fixture.App.QueryScalarAsync($"SELECT Id FROM ImagePipelineExecutions WHERE PipelineId = '{templateId}'");
        await page.GetByRole(AriaRole.Link, new() { Name = "Build Tasks" }).ClickAsync();
        var execution = page.GetByTestId($"execution-row-{executionId}");
        await Expect(execution).ToBeVisibleAsync();
        await Expect(execution.GetByTestId($"execution-status-{executionId}")).ToHaveTextAsync("SUCCESS", new() { Timeout = 60_000 });
        await execution.GetByRole(AriaRole.Button, new() { Name = "Log" }).ClickAsync();
        var log = page.GetByTestId($"execution-log-{executionId}");
        foreach (var phase in new[] { "[PREPARING]", "[BUILDING]", "[DISTRIBUTING]", "[RELEASING]", "[SUCCESS]" })
        {
            await Expect(log).ToContainTextAsync(phase);
        }

        await Expect(log).ToContainTextAsync("RUN yum install -y nginx: exit code 0");
        await page.ScreenshotAsync(_fixture, "image-builder-build-success");

        // The image exists in both regions, Available, named {prefix}_{executionId}
        var name = $"e2e-web_{executionId}";
        var hangzhou = await _fixture.App.QueryScalarAsync($"SELECT Id FROM Images WHERE Name = '{name}' AND RegionId = 'cn-hangzhou'");
        var shanghai = await _fixture.App.QueryScalarAsync($"SELECT Id FROM Images WHERE Name = '{name}' AND RegionId = 'cn-shanghai'");
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        await Expect(page.GetByTestId($"image-status-{hangzhou}")).ToHaveTextAsync("Available");
        await page.OpenAsync("/images?region=cn-shanghai&tab=custom");
        await Expect(page.GetByTestId($"image-status-{shanghai}")).ToHaveTextAsync("Available");

        // No transit instance is left running
        await page.OpenAsync("/instances?region=cn-hangzhou");
        await Expect(page.GetByTestId("instances-table")).Not.ToContainTextAsync($"imagebuilder-{executionId}");

        // Carol sees it under Shared Images
        var carol = await _fixture.NewPageAsync();
        await carol.LogInAsync(DemoWorld.Carol, DemoWorld.Password);
        await carol.OpenAsync("/images?region=cn-hangzhou&tab=shared");
        await Expect(carol.GetByTestId($"image-row-{hangzhou}")).ToBeVisibleAsync();
        await carol.OpenAsync("/images?region=cn-shanghai&tab=shared");
        await Expect(carol.GetByTestId($"image-row-{shanghai}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_TemplateWhoseContentFails_EndsFailedWithItsCode_AndLeavesNoImageAndNoRunningInstance()
    {
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        await page.OpenAsync("/image-builder/templates?region=cn-hangzhou");
        var template = await CreateTemplateAsync(page, "e2e-broken", "RUN echo start\nRUN exit 1", "e2e-broken", distribute: false);
        await template.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(template).ToBeHiddenAsync();
        var templateId = await _fixture.App.QueryScalarAsync("SELECT Id FROM ImagePipelines WHERE Name = 'e2e-broken'");

        await page.GetByTestId($"template-row-{templateId}").GetByRole(AriaRole.Button, new() { Name = "Start Build" }).ClickAsync();
        await Expect(page.GetByTestId($"template-latest-{templateId}")).ToBeVisibleAsync();
        var executionId = await _fixture.App.QueryScalarAsync($"SELECT Id FROM ImagePipelineExecutions WHERE PipelineId = '{templateId}'");
        await page.OpenAsync($"/image-builder/executions?region=cn-hangzhou&template={templateId}");

        await Expect(page.GetByTestId($"execution-status-{executionId}")).ToHaveTextAsync("FAILED", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId($"execution-error-{executionId}")).ToHaveTextAsync("ExitCodeNonzero");
        await page.ScreenshotAsync(_fixture, "image-builder-build-failed");
        Assert.Equal("0", await _fixture.App.QueryScalarAsync($"SELECT COUNT(*) FROM Images WHERE Name = 'e2e-broken_{executionId}'"));
        Assert.Equal("0", await _fixture.App.QueryScalarAsync($"SELECT COUNT(*) FROM Instances WHERE Name = 'imagebuilder-{executionId}'"));
    }

    [Fact]
    public async Task Alice_UpdatesACustomImage_TheRunGoesThroughItsSevenSteps_AndMakesANewAvailableImage()
    {
        var page = await _fixture.NewPageAsync();
        await page.LogInAsync(DemoWorld.Alice, DemoWorld.Password);
        var source = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v1' AND RegionId = 'cn-hangzhou'");
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        await page.OpenRowMenuAsync(source);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Update Image" }).ClickAsync();
        var dialog = Dialog(page, "Update Image");
        await dialog.GetByLabel("Command", new() { Exact = true }).FillAsync("yum update -y");
        await dialog.GetByLabel("Image Name").FillAsync("acme-base-v2");
        await page.ScreenshotAsync(_fixture, "update-image-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/image-builder/updates\\?region=cn-hangzhou&execution=exec-"), Slow);
        var runId = await _fixture.App.QueryScalarAsync("SELECT Id FROM ImageUpdateRuns WHERE TargetImageName = 'acme-base-v2'");
        await Expect(page.GetByTestId($"update-status-{runId}")).ToHaveTextAsync("Success", new() { Timeout = 60_000 });
        var steps = page.GetByTestId($"update-steps-{runId}");
        foreach (var step in new[] { "checkNewImageName", "runInstances", "installCloudAssistant", "runCommand", "stopInstance", "createImage", "deleteInstance" })
        {
            await Expect(page.GetByTestId($"update-step-row-{runId}-{step}")).ToContainTextAsync("Success");
        }

        await Expect(steps).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "image-update-success");
        var newImage = await _fixture.App.QueryScalarAsync("SELECT Id FROM Images WHERE Name = 'acme-base-v2' AND RegionId = 'cn-hangzhou'");
        Assert.NotEqual(source, newImage);
        await page.OpenAsync("/images?region=cn-hangzhou&tab=custom");
        await Expect(page.GetByTestId($"image-status-{newImage}")).ToHaveTextAsync("Available");
        Assert.Equal("", await _fixture.App.QueryScalarAsync($"SELECT COALESCE(Family, '') FROM Images WHERE Id = '{newImage}'"));
    }
}
