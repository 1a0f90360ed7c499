using Bunit;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.ImageBuilder;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components.ImageBuilder;

/// <summary>The Image Builder pages: components (custom and system), templates with Start Build and Delete, build tasks live.</summary>
public sealed class ImageBuilderPagesTests : ComponentTestBase
{
    private const string Hangzhou = "cn-hangzhou";
    private const string ContentBox = "textarea[data-testid='component-content'], [data-testid='component-content'] textarea";

    private async Task<string> TemplateAsync(string name = "web")
    {
        var created = await Services.GetRequiredService<ImagePipelineService>().CreateAsync(await Database.ActorAsync(DemoWorld.Alice),
            new CreateImagePipelineRequest
            {
                RegionId = Hangzhou, Name = name, BaseImageType = "IMAGE", BaseImage = "ubuntu_22_04_x64_20G_alibase_20240130.vhd",
                BuildContent = "RUN echo hi", InstanceType = "ecs.g7.large",
            });
        return created.Value;
    }

    [Fact]
    public async Task The_components_page_lists_the_system_components_read_only()
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = RenderAt<ComponentsPage>($"/image-builder/components?region={Hangzhou}&owner=system");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='component-row-ic-aliyun00000000000001']")));
        var row = cut.Find("[data-testid='component-row-ic-aliyun00000000000001']");
        Assert.Contains("Alibaba Cloud", row.TextContent);
        Assert.DoesNotContain(row.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Delete");
    }

    [Fact]
    public async Task Creating_a_component_with_an_unknown_command_shows_its_code_and_keeps_the_dialog_open()
    {
        await SignInAsync(DemoWorld.Alice);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt<ComponentsPage>($"/image-builder/components?region={Hangzhou}");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='components-empty']")));

        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Component").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(ContentBox)));
        dialogs.Find(ContentBox).Input("FETCH http://example.com");
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        dialogs.WaitForAssertion(() => Assert.Equal(ImageBuilderErrors.UnknownCommandCode,
            dialogs.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));
    }

    [Fact]
    public async Task A_template_row_starts_a_build_and_then_offers_neither_start_nor_delete_while_it_runs()
    {
        await SignInAsync(DemoWorld.Alice);
        var id = await TemplateAsync();
        var cut = RenderAt<TemplatesPage>($"/image-builder/templates?region={Hangzhou}");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='template-row-{id}']")));

        await cut.InvokeAsync(() => cut.Find($"[data-testid='template-start-{id}']").Click());

        cut.WaitForAssertion(() => Assert.Equal("PREPARING", cut.Find($"[data-testid='template-latest-{id}']").TextContent.Trim()));
        Assert.True(cut.Find($"[data-testid='template-start-{id}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='template-delete-{id}']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_read_only_member_sees_templates_with_every_change_disabled()
    {
        await SignInAsync(DemoWorld.Bob);
        var id = await TemplateAsync();

        var cut = RenderAt<TemplatesPage>($"/image-builder/templates?region={Hangzhou}");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='template-row-{id}']")));
        Assert.True(cut.Find($"[data-testid='template-start-{id}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='template-delete-{id}']").HasAttribute("disabled"));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Template").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_build_tasks_page_shows_a_started_build_with_its_status_and_offers_cancel_in_preparing()
    {
        await SignInAsync(DemoWorld.Alice);
        var template = await TemplateAsync();
        var started = await Services.GetRequiredService<ImageBuildService>().StartAsync(await Database.ActorAsync(DemoWorld.Alice), Hangzhou, template);

        var cut = RenderAt<ExecutionsPage>($"/image-builder/executions?region={Hangzhou}&template={template}");

        cut.WaitForAssertion(() => Assert.Equal("PREPARING", cut.Find($"[data-testid='execution-status-{started.Value}']").TextContent.Trim()));
        Assert.NotNull(cut.Find($"[data-testid='execution-cancel-{started.Value}']"));
    }
}
