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
    private const string Hangzhou = "cn-hangzhou";
    private static readonly LocatorAssertionsToHaveTextOptions BuildEnds = new() { Timeout = 60_000 };
    private readonly ConsoleFixture _fixture = mutating.Console;

    [Fact]
    public async Task Alice_BuildsAnImageFromAComponentAndATemplate_ItPassesThroughItsPhasesToSuccess_ExistsInBothRegions_AndCarolSeesItShared()
    {
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);

        // A component
        var overview = new OverviewPage(page);
        await overview.OpenAsync();
        await overview.NavLink("Image Builder").ClickAsync();
        var components = new ImageComponentsPage(page);
        await components.FollowAsync("Image Components");
        var component = await components.OpenCreateComponentAsync();
        await component.FillAsync("e2e-nginx", "RUN yum install -y nginx\nRUN systemctl enable nginx");
        await page.ScreenshotAsync(_fixture, "image-builder-create-component");
        await component.SubmitAsync();
        var componentId = await components.IdOfAsync("e2e-nginx");
        await Expect(components.Row(componentId)).ToContainTextAsync("1.0.0");
        await page.ScreenshotAsync(_fixture, "image-builder-components");

        // A template with one destination region and one share account
        var templates = new ImageTemplatesPage(page);
        await components.FollowAsync("Image Templates");
        var template = await templates.OpenCreateTemplateAsync();
        await template.FillAsync("e2e-web", Ubuntu, $"COMPONENT {componentId}\nRUN echo ready > /etc/motd", "e2e-web");
        await template.ShareWithAsync(DemoWorld.GlobexAccountId);
        await template.DistributeToAsync("China (Shanghai) · cn-shanghai", "cn-shanghai");
        await page.ScreenshotAsync(_fixture, "image-builder-create-template");
        await template.SubmitAsync();
        var templateId = await templates.IdOfAsync("e2e-web");
        await Expect(templates.Row(templateId)).ToContainTextAsync("1 region(s) · 1 account(s)");

        // Start Build, and follow it on Build Tasks
        await templates.StartBuildAsync(templateId);
        await Expect(templates.LatestBuild(templateId)).ToBeVisibleAsync();
        // its snackbar offers the build (View) and its StartImagePipelineExecution (API call), as every one-click change (ADR-018)
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "View", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "API call", Exact = true }).ClickAsync();
        var apiCall = page.GetByRole(AriaRole.Dialog, new() { Name = "Equivalent API call" });
        await Expect(apiCall.GetByTestId("api-call-action")).ToHaveTextAsync("StartImagePipelineExecution");
        await page.ScreenshotAsync(_fixture, "image-builder-start-build-api-call");
        await apiCall.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await templates.NavLink("Build Tasks").ClickAsync();
        var builds = new BuildTasksPage(page);
        var executionId = await builds.BuildIdOfTemplateAsync(templateId);
        await Expect(builds.Row(executionId)).ToBeVisibleAsync();
        await Expect(builds.Status(executionId)).ToHaveTextAsync("SUCCESS", BuildEnds);
        await builds.ShowLogAsync(executionId);
        foreach (var phase in new[] { "[PREPARING]", "[BUILDING]", "[DISTRIBUTING]", "[RELEASING]", "[SUCCESS]" })
        {
            await Expect(builds.Log(executionId)).ToContainTextAsync(phase);
        }

        await Expect(builds.Log(executionId)).ToContainTextAsync("RUN yum install -y nginx: exit code 0");
        await page.ScreenshotAsync(_fixture, "image-builder-build-success");

        // The image exists in both regions, Available, named {prefix}_{executionId}
        var name = $"e2e-web_{executionId}";
        var images = new ImagesPage(page);
        var hangzhou = await images.FindAsync(Hangzhou, "custom", name);
        await Expect(images.Status(hangzhou)).ToHaveTextAsync("Available");
        var shanghai = await images.FindAsync("cn-shanghai", "custom", name);
        await Expect(images.Status(shanghai)).ToHaveTextAsync("Available");

        // No transit instance is left running
        var instances = new InstancesPage(page);
        await instances.OpenAsync(Hangzhou);
        await Expect(instances.Table.Root).Not.ToContainTextAsync($"imagebuilder-{executionId}");

        // Carol sees it under Shared Images
        var carol = new ImagesPage(await _fixture.SignedInPageAsync(DemoWorld.Carol));
        await carol.OpenAsync(Hangzhou, "shared");
        await Expect(carol.Row(hangzhou)).ToBeVisibleAsync();
        await carol.OpenAsync("cn-shanghai", "shared");
        await Expect(carol.Row(shanghai)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_TemplateWhoseContentFails_EndsFailedWithItsCode_AndLeavesNoImageAndNoRunningInstance()
    {
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var templates = new ImageTemplatesPage(page);
        await templates.OpenAsync(Hangzhou);
        var template = await templates.OpenCreateTemplateAsync();
        await template.FillAsync("e2e-broken", Ubuntu, "RUN echo start\nRUN exit 1", "e2e-broken");
        await template.SubmitAsync();
        var templateId = await templates.IdOfAsync("e2e-broken");

        await templates.StartBuildAsync(templateId);
        await Expect(templates.LatestBuild(templateId)).ToBeVisibleAsync();
        var builds = new BuildTasksPage(page);
        await builds.OpenAsync(Hangzhou, templateId);
        var executionId = await builds.BuildIdOfTemplateAsync(templateId);

        await Expect(builds.Status(executionId)).ToHaveTextAsync("FAILED", BuildEnds);
        await Expect(builds.Error(executionId)).ToHaveTextAsync("ExitCodeNonzero");
        await page.ScreenshotAsync(_fixture, "image-builder-build-failed");

        // No image of that name, and no intermediate instance left
        var images = new ImagesPage(page);
        await images.OpenAsync(Hangzhou, "custom", $"e2e-broken_{executionId}");
        await Expect(images.Empty).ToBeVisibleAsync();
        var instances = new InstancesPage(page);
        await instances.OpenAsync(Hangzhou);
        await Expect(instances.Table.Rows.First).ToBeVisibleAsync();
        await Expect(instances.Table.Root).Not.ToContainTextAsync($"imagebuilder-{executionId}");
    }

    [Fact]
    public async Task Alice_UpdatesACustomImage_TheRunGoesThroughItsSevenSteps_AndMakesANewAvailableImage()
    {
        var page = await _fixture.SignedInPageAsync(DemoWorld.Alice);
        var images = new ImagesPage(page);
        var source = await images.FindAsync(Hangzhou, "custom", "acme-base-v1");
        await images.OpenAsync(Hangzhou, "custom");
        var dialog = await images.OpenUpdateAsync(source);
        await dialog.FillAsync("yum update -y", "acme-base-v2");
        await page.ScreenshotAsync(_fixture, "update-image-dialog");
        await dialog.SubmitAsync();

        var updates = new ImageUpdatesPage(page);
        var runId = await updates.ShownRunIdAsync(Hangzhou, timeout: 30_000);
        await Expect(updates.Status(runId)).ToHaveTextAsync("Success", BuildEnds);
        foreach (var step in new[] { "checkNewImageName", "runInstances", "installCloudAssistant", "runCommand", "stopInstance", "createImage", "deleteInstance" })
        {
            await Expect(updates.Step(runId, step)).ToContainTextAsync("Success");
        }

        await Expect(updates.Steps(runId)).ToBeVisibleAsync();
        await page.ScreenshotAsync(_fixture, "image-update-success");
        var newImage = await images.FindAsync(Hangzhou, "custom", "acme-base-v2");
        Assert.NotEqual(source, newImage);
        await Expect(images.Status(newImage)).ToHaveTextAsync("Available");

        // A plain custom image: no family
        var detail = new ImageDetailPage(page);
        await detail.OpenAsync(Hangzhou, newImage);
        await Expect(detail.Attribute("Image Family")).ToHaveTextAsync("—");
    }
}
