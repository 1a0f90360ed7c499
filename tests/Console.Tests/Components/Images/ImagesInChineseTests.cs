using System.Globalization;
using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages;
using EcsConsole.Web.Components.Pages.Images;
using EcsConsole.Web.Components.Pages.Snapshots;
using EcsConsole.Web.Components.Pages.Tasks;
using EcsConsole.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components.Images;

/// <summary>
/// The image pages, snapshots, tasks and the Overview in Simplified Chinese (issue #24, ui-contract §8): rendered with
/// the zh-CN culture, as a circuit whose culture cookie says zh-CN renders them; the culture is restored afterwards.
/// </summary>
public sealed class ImagesInChineseTests : ComponentTestBase
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly CultureScope _chinese = CultureScope.Chinese();

    protected override void Dispose(bool disposing)
    {
        _chinese.Dispose();
        base.Dispose(disposing);
    }

    [Fact]
    public async Task ImagesPage_InChinese_SaysImagesTabsColumnsStatusAndTotalInChinese()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<ImagesPage>($"/images?region={Hangzhou}");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='image-row-']")));
        Assert.Equal("镜像", cut.Find("h1").TextContent.Trim());
        Assert.Contains("自定义镜像", cut.Markup);
        Assert.Contains("镜像 ID/名称", cut.Find("[data-testid='images-table'] thead").TextContent);
        Assert.Equal("可用", cut.Find("[data-testid^='image-status-']").TextContent.Trim());
        Assert.Equal("共 1 个镜像", cut.Find("[data-testid='images-total']").TextContent.Trim());
        Assert.Equal("创建自定义镜像", cut.FindAll("button").Single(b => b.TextContent.Contains("创建自定义镜像")).TextContent.Trim());
    }

    [Fact]
    public async Task ImagesPage_InChinese_StaysChineseWhenALiveChangeArrivesFromAnotherThread()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var cut = RenderAt<ImagesPage>($"/images?region={Hangzhou}");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='image-row-']")));
        var id = cut.Find("[data-testid^='image-row-']").GetAttribute("data-testid")!["image-row-".Length..];
        await using (var db = Database.NewContext())
        {
            (await db.Images.SingleAsync(i => i.Id == id)).ReportProgress(45);
            await db.SaveChangesAsync();
        }

        // Act: the change is published by a thread whose culture is English (a task, the simulated clock)
        await Task.Run(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Services.GetRequiredService<ChangeNotifier>().Publish(new ResourceChange(ResourceKind.Image, id, Hangzhou, DemoWorld.AcmeAccountId));
        });

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("创建中 45%", cut.Find($"[data-testid='image-status-{id}']").TextContent.Trim()));
    }

    [Fact]
    public async Task CreateImageDialog_InChinese_NamesItsTitleSourceFieldsAndButtonsInChinese()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var actor = (await Services.GetRequiredService<CurrentActor>().GetAsync())!;
        var dialogs = Render<MudDialogProvider>();

        // Act
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CreateImageDialog>("创建自定义镜像",
            new DialogParameters<CreateImageDialog> { { d => d.Actor, actor }, { d => d.RegionId, Hangzhou } }));

        // Assert
        dialogs.WaitForAssertion(() => Assert.Contains("创建自定义镜像", dialogs.Find("[role='dialog']").TextContent));
        Assert.Contains("通过实例创建", dialogs.Markup);
        Assert.Contains("镜像名称", dialogs.Markup);
        Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "确定");
        Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "取消");
    }

    [Fact]
    public async Task SnapshotsPage_InChinese_SaysSnapshotsColumnsAndStatusInChinese()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<SnapshotsPage>($"/snapshots?region={Hangzhou}");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^='snapshot-row-']")));
        Assert.Equal("快照", cut.Find("h1").TextContent.Trim());
        Assert.Contains("快照 ID/名称", cut.Find("[data-testid='snapshots-table'] thead").TextContent);
        Assert.Equal("已完成", cut.Find("[data-testid^='snapshot-status-']").TextContent.Trim());
    }

    [Fact]
    public async Task TasksPage_InChinese_SaysTasksColumnsAndTheEmptyStateInChinese()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<TasksPage>($"/tasks?region={Hangzhou}");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("本地域没有任务", cut.Find("[data-testid='tasks-empty']").TextContent));
        Assert.Equal("任务", cut.Find("h1").TextContent.Trim());
        Assert.Contains("任务 ID", cut.Find("[data-testid='tasks-table'] thead").TextContent);
    }

    [Fact]
    public async Task Overview_InChinese_SaysItsHeadingsAndCardsInChinese()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<OverviewPage>($"/?region={Hangzhou}");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid='overview-instances-count']").TextContent.Trim()));
        Assert.Equal("概览", cut.Find("h1").TextContent.Trim());
        Assert.Contains("需要关注", cut.Markup);
        Assert.Contains("自定义镜像", cut.Find("[data-testid='overview-custom-images']").TextContent);
        Assert.Contains("账号 " + DemoWorld.AcmeAccountId, cut.Find("[data-testid='overview-scope']").TextContent);
    }
}
