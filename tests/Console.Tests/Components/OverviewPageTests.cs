using Bunit;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

public sealed class OverviewPageTests : ComponentTestBase
{
    private static string Count(IRenderedComponent<OverviewPage> cut, string testId) =>
        cut.Find($"[data-testid='{testId}-count']").TextContent.Trim();

    [Fact]
    public async Task Overview_ForAliceInHangzhou_ShowsAcmesCounts()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?region=cn-hangzhou");
        var cut = Render<OverviewPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("2", Count(cut, "overview-instances")));
        Assert.Equal("1", Count(cut, "overview-custom-images"));
        Assert.Equal("1", Count(cut, "overview-shared-images"));
        Assert.Equal("4", Count(cut, "overview-snapshots"));
        Assert.Contains(DemoWorld.AcmeAccountId, cut.Find("[data-testid='overview-scope']").TextContent);
    }

    [Fact]
    public async Task Overview_InARegionWhereAcmeHasNothing_ShowsZeros()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?region=eu-central-1");
        var cut = Render<OverviewPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("0", Count(cut, "overview-instances")));
        Assert.Equal("0", Count(cut, "overview-custom-images"));
        Assert.Contains("Germany (Frankfurt)", cut.Find("[data-testid='overview-scope']").TextContent);
    }

    [Fact]
    public async Task Overview_ForAnotherAccount_ShowsOnlyItsOwnResources()
    {
        // Arrange
        await SignInAsync(DemoWorld.Carol);

        // Act
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?region=cn-hangzhou");
        var cut = Render<OverviewPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut, "overview-instances")));
        Assert.Equal("2", Count(cut, "overview-custom-images"));
        Assert.Equal("0", Count(cut, "overview-shared-images"));
    }

    [Fact]
    public async Task Overview_WithAQuotaAtItsLimit_ShowsItAsALinkToTheQuotasPageForAnAdmin()
    {
        // Arrange: Acme owns one custom image in Hangzhou; a limit of 1 makes that quota 100% used.
        var root = await Database.ActorAsync(DemoWorld.Root);
        await new QuotaAdminService(Database.Factory, Database.Time).SetLimitAsync(root, DemoWorld.AcmeAccountId, "cn-hangzhou", QuotaCatalogue.ImageCount, 1);
        await SignInAsync(DemoWorld.Alice);

        // Act
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?region=cn-hangzhou");
        var cut = Render<OverviewPage>();

        // Assert
        cut.WaitForAssertion(() => cut.Find($"[data-testid='overview-quota-{QuotaCatalogue.ImageCount}']"));
        var quota = cut.Find($"[data-testid='overview-quota-{QuotaCatalogue.ImageCount}']");
        Assert.Equal("admin/quotas?region=cn-hangzhou", quota.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("100%", quota.TextContent);
        Assert.NotNull(cut.Find("[data-testid='overview-images-in-progress-empty']"));
        Assert.NotNull(cut.Find("[data-testid='overview-failed-tasks-empty']"));
    }
}
