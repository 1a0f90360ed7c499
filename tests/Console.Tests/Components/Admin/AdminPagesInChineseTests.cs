using System.Globalization;
using Bunit;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Admin;
using EcsConsole.Web.Components.Pages.ImageBuilder;
using EcsConsole.Web.Components.Pages.Settings;
using EcsConsole.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components.Admin;

/// <summary>
/// The admin pages, AccessKeys and Image Builder in Chinese (issue #24): headings, column headers and buttons come from
/// AdminTexts and the shared frames from ShellTexts, while test ids stay as they are.
/// </summary>
public sealed class AdminPagesInChineseTests : ComponentTestBase
{
    public AdminPagesInChineseTests() => Services.AddSingleton<ISecretProtector, PlainSecretProtector>();

    private static async Task InChineseAsync(Func<Task> test)
    {
        using var chinese = CultureScope.Chinese();
        await test();
    }

    [Fact]
    public Task The_quotas_page_speaks_Chinese_and_keeps_its_test_ids() => InChineseAsync(async () =>
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = Render<QuotasPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='quotas-table']")));
        Assert.Equal("配额", cut.Find("h1").TextContent.Trim());
        var headers = cut.FindAll("[data-testid='quotas-table'] th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("已使用", headers);
        Assert.Contains("操作", headers);
        Assert.Contains("暂无提额申请", cut.Find("[data-testid='quota-requests-empty']").TextContent);
    });

    [Fact]
    public Task The_members_page_names_roles_in_Chinese() => InChineseAsync(async () =>
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='members-table']")));
        Assert.Contains("添加成员", cut.Markup);
        Assert.Contains("角色", cut.FindAll("[data-testid='members-table'] th").Select(th => th.TextContent.Trim()));
    });

    [Fact]
    public Task The_access_keys_page_speaks_Chinese() => InChineseAsync(async () =>
    {
        await SignInAsync(DemoWorld.Alice);

        var cut = Render<AccessKeysPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='access-keys-table']")));
        Assert.Equal("创建 AccessKey", cut.Find("[data-testid='create-access-key']").TextContent.Trim());
        Assert.Contains("创建时间", cut.FindAll("[data-testid='access-keys-table'] th").Select(th => th.TextContent.Trim()));
    });

    [Fact]
    public Task The_image_templates_page_speaks_Chinese() => InChineseAsync(async () =>
    {
        await SignInAsync(DemoWorld.Alice);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/image-builder/templates?region=cn-hangzhou");

        var cut = Render<TemplatesPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='templates-empty'], [data-testid='templates-table']")));
        Assert.Equal("镜像构建 · 镜像模板", cut.Find("h1").TextContent.Trim());
        Assert.Contains("创建模板", cut.Markup);
        Assert.Contains("模板名称/ID", cut.FindAll("th").Select(th => th.TextContent.Trim()));
    });
}
