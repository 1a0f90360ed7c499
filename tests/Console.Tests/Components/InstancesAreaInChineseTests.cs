using System.Globalization;
using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Buckets;
using EcsConsole.Web.Components.Pages.Instances;
using EcsConsole.Web.Components.Pages.KeyPairs;
using EcsConsole.Web.Components.Pages.Marketplace;
using EcsConsole.Web.Components.Pages.Sas;
using EcsConsole.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

/// <summary>
/// The instances area (issue #24, ui-contract §8) in Chinese: instances and the buy page, key pairs, OSS buckets, the
/// Marketplace and Simple Application Server show their headings, columns and disabled-action reasons in Chinese; test
/// ids stay. Each test sets the culture (<see cref="CultureScope"/>) and restores it when it ends.
/// </summary>
public sealed class InstancesAreaInChineseTests : ComponentTestBase
{
    [Fact]
    public async Task Instances_InChinese_ShowTheHeadingColumnsAndStatuses()
    {
        // Arrange
        using var chinese = CultureScope.Chinese();
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = RenderAt<InstancesPage>("/instances?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^='instance-row-']")));
        Assert.Equal("实例", cut.Find("h1").TextContent.Trim());
        Assert.Contains("实例规格", cut.Find("[data-testid='instances-table'] thead").TextContent);
        Assert.Contains(cut.FindAll("[data-testid^='instance-status-']"), chip => chip.TextContent.Trim() == "运行中");
        Assert.Contains("按量付费", cut.Find("[data-testid='instances-table'] tbody").TextContent);
    }

    [Fact]
    public async Task BuyPage_InChinese_ShowsItsSectionsTheTypeTableAndWhyAReadOnlyMemberCannotOrder()
    {
        // Arrange: Bob is a read-only member of Acme
        using var chinese = CultureScope.Chinese();
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = RenderAt<CreateInstancePage>("/instances/create?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='instance-types-table']")));
        Assert.Equal("创建实例", cut.Find("h1").TextContent.Trim());
        var sections = cut.FindAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("基础配置", sections);
        Assert.Contains("系统配置", sections);
        Assert.Contains("兼容性", cut.Find("[data-testid='instance-types-table'] thead").TextContent);
        Assert.Equal("确认下单", cut.Find("[data-testid='create-order']").TextContent.Trim());
        Assert.Equal("您在此账号中的角色为只读", cut.Find("[data-testid='order-blocker']").TextContent.Trim());
    }

    [Fact]
    public async Task KeyPairs_InChinese_ShowTheHeadingAndColumns()
    {
        // Arrange
        using var chinese = CultureScope.Chinese();
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<KeyPairsPage>("/key-pairs?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='key-pair-row-acme-deploy']")));
        Assert.Equal("密钥对", cut.Find("h1").TextContent.Trim());
        Assert.Contains("指纹", cut.Find("[data-testid='key-pairs-table'] thead").TextContent);
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "创建密钥对");
    }

    [Fact]
    public async Task Buckets_InChinese_ShowTheHeadingAndCreateButton()
    {
        // Arrange
        using var chinese = CultureScope.Chinese();
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<BucketsPage>("/buckets?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("OSS Bucket", cut.Find("h1").TextContent.Trim()));
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "创建 Bucket");
    }

    [Fact]
    public async Task Marketplace_InChinese_ShowsTheHeadingTabsAndCategories()
    {
        // Arrange
        using var chinese = CultureScope.Chinese();
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<MarketplacePage>("/marketplace?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='marketplace-total']")));
        Assert.Equal("镜像市场", cut.Find("h1").TextContent.Trim());
        Assert.Contains("全部商品", cut.Markup);
        Assert.Contains("个商品", cut.Find("[data-testid='marketplace-total']").TextContent);
    }

    [Fact]
    public async Task SasServers_InChinese_ShowTheHeadingAndColumns()
    {
        // Arrange
        using var chinese = CultureScope.Chinese();
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<SasServersPage>("/sas/servers?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^='sas-server-row-']")));
        Assert.Equal("轻量应用服务器 · 服务器", cut.Find("h1").TextContent.Trim());
        Assert.Contains("服务器 ID/名称", cut.Find("[data-testid='sas-servers-table'] thead").TextContent);
        Assert.Contains("已完成", cut.Find("[data-testid='sas-snapshots-table']").TextContent);
    }
}
