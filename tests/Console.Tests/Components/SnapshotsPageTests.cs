using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Snapshots;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

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

    [Fact]
    public async Task EditAndCopy_ForAReadOnlyMember_AreOnEveryRow_AndDisabled()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid^='snapshot-edit-']").Count));
        Assert.Equal(4, cut.FindAll("[data-testid^='snapshot-copy-']").Count);
        Assert.All(cut.FindAll("[data-testid^='snapshot-edit-'], [data-testid^='snapshot-copy-']"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Edit_RenamesTheSnapshot_AndSetsItsRetention()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var snapshot = await SnapshotIdAsync("db-1-data-daily");
        var cut = RenderAt("cn-hangzhou");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='snapshot-edit-{snapshot}']")));

        // Act
        await cut.InvokeAsync(() => cut.Find($"[data-testid='snapshot-edit-{snapshot}']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Edit Snapshot", dialogs.Markup));
        dialogs.Find("[data-testid='snapshot-edit-name'] input, input[data-testid='snapshot-edit-name']").Change("db-1-data-kept");
        dialogs.Find("[data-testid='snapshot-edit-retention'] input, input[data-testid='snapshot-edit-retention']").Change("14");
        dialogs.WaitForAssertion(() => Assert.Contains("ModifySnapshotAttribute", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("db-1-data-kept", cut.Find($"[data-testid='snapshot-row-{snapshot}']").TextContent));
        await using var db = Database.NewContext();
        Assert.Equal(14, (await db.Snapshots.SingleAsync(s => s.Id == snapshot)).RetentionDays);
    }

    [Fact]
    public async Task Copy_ToAnotherRegion_WithEncryption_MakesAnEncryptedCopyThere()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var snapshot = await SnapshotIdAsync("web-1-data-base");
        var cut = RenderAt("cn-hangzhou");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='snapshot-copy-{snapshot}']")));

        // Act
        await cut.InvokeAsync(() => cut.Find($"[data-testid='snapshot-copy-{snapshot}']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Copy Snapshot", dialogs.Markup));
        dialogs.Find("[data-testid='snapshot-copy-encrypted'] input, input[data-testid='snapshot-copy-encrypted']").Change(true);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        await using var db = Database.NewContext();
        cut.WaitForAssertion(() => Assert.True(db.Snapshots.Any(s => s.SourceSnapshotId == snapshot)));
        var copy = await db.Snapshots.SingleAsync(s => s.SourceSnapshotId == snapshot);
        Assert.Equal(("cn-hangzhou", true, "web-1-data-base"), (copy.SourceRegionId, copy.Encrypted, copy.Name));
        Assert.NotEqual("cn-hangzhou", copy.RegionId);
    }
}
