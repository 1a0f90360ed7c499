using Bunit;
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
}
