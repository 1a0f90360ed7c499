using Bunit;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.ImageBuilder;
using EcsConsole.Web.Components.Pages.Instances;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components;

/// <summary>A one-click change (no dialog of its own) offers its "Equivalent API call" from the snackbar that reports it (ADR-014).</summary>
public sealed class OneClickApiCallTests : ComponentTestBase
{
    [Fact]
    public async Task StoppingAnInstance_OffersItsStopInstanceCall_FromTheSnackbar()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        string web;
        await using (var db = Database.NewContext())
        {
            web = await db.Instances.Where(i => i.Name == "web-1").Select(i => i.Id).SingleAsync();
        }

        var snackbars = Render<MudSnackbarProvider>();
        var dialogs = Render<MudDialogProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/instances?region=cn-hangzhou");
        var cut = Render<InstancesPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='instance-row-{web}']")));

        // Act: Stop, then the snackbar's API call action
        await cut.InvokeAsync(() => cut.Find($"[data-testid='instance-row-{web}'] button[aria-label='Stop']").Click());
        snackbars.WaitForAssertion(() => Assert.Contains("Stopping web-1", snackbars.Markup));
        await snackbars.InvokeAsync(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "API call").Click());

        // Assert: the dialog shows StopInstance with the instance's ID
        dialogs.WaitForAssertion(() => Assert.Equal("StopInstance", dialogs.Find("[data-testid='api-call-action']").TextContent.Trim()));
        Assert.Contains(web, dialogs.Find("[data-testid='api-call-parameters']").TextContent);
        Assert.Contains("stopInstance", dialogs.Find("[data-testid='api-call-node']").TextContent);
    }

    [Fact]
    public async Task StartingABuild_OffersItsStartImagePipelineExecutionCall_AndALinkToTheBuild_FromTheSnackbar()
    {
        // Arrange: a template of Alice's
        await SignInAsync(DemoWorld.Alice);
        var templateId = (await Services.GetRequiredService<ImagePipelineService>().CreateAsync(await Database.ActorAsync(DemoWorld.Alice),
            new CreateImagePipelineRequest
            {
                RegionId = "cn-hangzhou", Name = "one-click", BaseImageType = "IMAGE", BaseImage = "ubuntu_22_04_x64_20G_alibase_20240130.vhd",
                BuildContent = "RUN echo hi", InstanceType = "ecs.g7.large",
            })).Value;
        var snackbars = Render<MudSnackbarProvider>();
        var dialogs = Render<MudDialogProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/image-builder/templates?region=cn-hangzhou");
        var cut = Render<TemplatesPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='template-start-{templateId}']")));

        // Act: Start Build, then the snackbar's API call action
        await cut.InvokeAsync(() => cut.Find($"[data-testid='template-start-{templateId}']").Click());
        snackbars.WaitForAssertion(() => Assert.Contains("started", snackbars.Markup));
        var view = snackbars.FindAll("a").Single(a => a.TextContent.Trim() == "View");
        await snackbars.InvokeAsync(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "API call").Click());

        // Assert: the link leads to the template's builds; the dialog shows StartImagePipelineExecution of the template
        Assert.Contains($"template={templateId}", view.GetAttribute("href"));
        dialogs.WaitForAssertion(() => Assert.Equal("StartImagePipelineExecution", dialogs.Find("[data-testid='api-call-action']").TextContent.Trim()));
        Assert.Contains(templateId, dialogs.Find("[data-testid='api-call-parameters']").TextContent);
        Assert.Contains("startImagePipelineExecution", dialogs.Find("[data-testid='api-call-node']").TextContent);
    }
}
