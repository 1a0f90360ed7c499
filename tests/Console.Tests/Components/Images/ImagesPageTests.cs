using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Images;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components.Images;

/// <summary>The images page: the table per tab, filters and paging through the URL, empty states and live rows.</summary>
public sealed class ImagesPageTests : ComponentTestBase
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<ImagesPage> Open(string query)
    {
        Navigation.NavigateTo("/images?" + query);
        return Render<ImagesPage>();
    }

    private static IReadOnlyList<string> RowIds(IRenderedComponent<ImagesPage> cut) =>
        cut.FindAll("[data-testid^='image-row-']").Select(r => r.GetAttribute("data-testid")!["image-row-".Length..]).ToList();

    [Fact]
    public async Task ImagesPage_CustomTab_ListsTheAccountsImageWithStatusAndTotal()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));
        var id = RowIds(cut)[0];
        Assert.Contains("acme-base-v1", cut.Find($"[data-testid='image-row-{id}']").TextContent);
        Assert.Equal("Available", cut.Find($"[data-testid='image-status-{id}']").TextContent.Trim());
        Assert.Equal("Total 1 image", cut.Find("[data-testid='images-total']").TextContent.Trim());
    }

    [Fact]
    public async Task ImagesPage_NextPage_NavigatesToPageTwoInTheUrl()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var cut = Open("region=cn-hangzhou&tab=public");
        cut.WaitForAssertion(() => Assert.Equal(10, RowIds(cut).Count));

        // Act
        cut.Find("button[aria-label='Next page']").Click();

        // Assert
        Assert.EndsWith("images?region=cn-hangzhou&tab=public&page=2", Navigation.Uri);
    }

    [Fact]
    public async Task ImagesPage_OnTheLastPage_DisablesNextAndShowsTheRest()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou&tab=public&page=4");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));
        Assert.True(cut.Find("button[aria-label='Next page']").HasAttribute("disabled"));
        Assert.False(cut.Find("button[aria-label='Previous page']").HasAttribute("disabled"));
        Assert.Equal("Page 4 of 4", cut.Find("[data-testid='images-page']").TextContent.Trim());
    }

    [Fact]
    public async Task ImagesPage_APageBeyondTheLast_ShowsTheLastPageAndSaysSo()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou&tab=public&page=99");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));
        Assert.Contains("Page 99 does not exist", cut.Find("[data-testid='url-normalized']").TextContent);
    }

    [Fact]
    public async Task ImagesPage_FiltersFromTheUrl_NarrowTheRows()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou&tab=public&os=windows&pageSize=20");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(5, RowIds(cut).Count));
        Assert.All(RowIds(cut), id => Assert.StartsWith("win", id));
        Assert.Contains("Clear filters", cut.Markup);
    }

    [Fact]
    public async Task ImagesPage_WithNoMatch_SaysHowToSeeMore()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou&tab=public&q=no-such-image");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("No images match", cut.Find("[data-testid='images-empty']").TextContent));
        Assert.Contains("clear the filters", cut.Find("[data-testid='images-empty']").TextContent);
    }

    [Fact]
    public async Task ImagesPage_EmptySharedTab_TellsHowImagesGetThere()
    {
        // Arrange
        await SignInAsync(DemoWorld.Carol);

        // Act
        var cut = Open("region=cn-hangzhou&tab=shared");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("share it with your account ID", cut.Find("[data-testid='images-empty']").TextContent));
    }

    [Fact]
    public async Task ImagesPage_SharedTab_ShowsTheOwnerAccount()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = Open("region=cn-hangzhou&tab=shared");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));
        Assert.Contains("Owner Account", cut.Find("[data-testid='images-table'] thead").TextContent);
        Assert.Contains(DemoWorld.GlobexAccountId, cut.Find("[data-testid^='image-row-']").TextContent);
    }

    [Fact]
    public async Task ImagesPage_WhenAnImageMakesProgress_UpdatesTheRowWithoutReload()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var cut = Open("region=cn-hangzhou");
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));
        var id = RowIds(cut)[0];

        // Act: the image goes back to Creating at 45% and the domain says so
        await using (var db = Database.NewContext())
        {
            (await db.Images.SingleAsync(i => i.Id == id)).ReportProgress(45);
            await db.SaveChangesAsync();
        }

        Services.GetRequiredService<ChangeNotifier>().Publish(new ResourceChange(ResourceKind.Image, id, "cn-hangzhou", DemoWorld.AcmeAccountId));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Creating 45%", cut.Find($"[data-testid='image-status-{id}']").TextContent.Trim()));
    }

    [Fact]
    public async Task ImagesPage_ChangesInAnotherRegion_DoNotReloadTheList()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var cut = Open("region=cn-hangzhou");
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));
        var renders = cut.RenderCount;

        // Act
        Services.GetRequiredService<ChangeNotifier>().Publish(new ResourceChange(ResourceKind.Image, "m-uf1other", "cn-shanghai", DemoWorld.AcmeAccountId));

        // Assert
        Assert.Equal(renders, cut.RenderCount);
    }
}
