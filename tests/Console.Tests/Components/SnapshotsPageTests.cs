using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Snapshots;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

public sealed class SnapshotsPageTests : ComponentTestBase
{
    private IRenderedComponent<SnapshotsPage> RenderAt(string regionId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/snapshots?region={regionId}");
        return Render<SnapshotsPage>();
    }

    private async Task<string> SnapshotIdAsync(string name)
    {
        await using var db = Database.NewContext();
        return await db.Snapshots.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task Snapshots_ForAReadOnlyMemberInHangzhou_ShowsARowPerSnapshotWithSourceDiskAndStatus()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);
        var dbSystem = await SnapshotIdAsync("db-1-system-daily");

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid^='snapshot-row-']").Count));
        var row = cut.Find($"[data-testid='snapshot-row-{dbSystem}']");
        Assert.Contains("db-1-system-daily", row.TextContent);
        Assert.Contains("system disk", row.TextContent);
        Assert.Contains("60 GiB", row.TextContent);
        Assert.Equal("accomplished", cut.Find($"[data-testid='snapshot-status-{dbSystem}']").TextContent.Trim());
        Assert.Equal("100%", cut.Find($"[data-testid='snapshot-progress-{dbSystem}']").TextContent.Trim());
    }

    [Fact]
    public async Task Snapshots_UsedByImage_ListsAcmeBaseV1OnTheTwoWeb1SnapshotsOnly()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        string acmeBase;
        await using (var db = Database.NewContext())
        {
            acmeBase = await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
        }

        var webSystem = await SnapshotIdAsync("web-1-system-base");
        var webData = await SnapshotIdAsync("web-1-data-base");
        var dbData = await SnapshotIdAsync("db-1-data-daily");

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid^='snapshot-row-']").Count));
        Assert.Contains(cut.FindAll("[data-testid='snapshots-table'] th"), th => th.TextContent.Trim() == "Used by image");
        foreach (var snapshot in new[] { webSystem, webData })
        {
            var link = cut.Find($"[data-testid='snapshot-used-by-{snapshot}'] a");
            Assert.Equal(acmeBase, link.TextContent.Trim());
            Assert.Equal($"images/{acmeBase}?region=cn-hangzhou", link.GetAttribute("href"));
        }

        Assert.Empty(cut.FindAll($"[data-testid='snapshot-used-by-{dbData}'] a"));
    }

    [Fact]
    public async Task Snapshots_InARegionWhereAcmeHasNothing_ShowsTheEmptyState()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt("cn-shanghai");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("No snapshots in this region", cut.Find("[data-testid='snapshots-empty']").TextContent));
        Assert.Empty(cut.FindAll("[data-testid^='snapshot-row-']"));
    }
}
