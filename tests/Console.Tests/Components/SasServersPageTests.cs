using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Sas;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components;

/// <summary>/sas/servers: servers with disks and snapshots, Create Snapshot, Create Custom Image from a row, Release.</summary>
public sealed class SasServersPageTests : ComponentTestBase
{
    private IRenderedComponent<SasServersPage> RenderAt(string regionId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/sas/servers?region={regionId}");
        return Render<SasServersPage>();
    }

    private async Task<string> ServerIdAsync(string name)
    {
        await using var db = Database.NewContext();
        return await db.SasServers.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task Servers_InHangzhou_ShowsAcmesTwoServersWithDisksAndTheirSnapshots()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var wordpress = await ServerIdAsync("sas-wordpress-1");

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^='sas-server-row-']").Count));
        var row = cut.Find($"[data-testid='sas-server-row-{wordpress}']");
        Assert.Contains("WordPress 6.5", row.TextContent);
        Assert.Contains("system 40 GiB", row.TextContent);
        Assert.Contains("data 20 GiB", row.TextContent);
        Assert.Equal(3, cut.FindAll("[data-testid^='sas-snapshot-row-']").Count);
    }

    [Fact]
    public async Task CreateSnapshot_FromTheDialog_AddsASnapshotRow()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt("cn-shanghai");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='sas-snapshot-row-']")));

        // Act
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Snapshot").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("input[data-testid='sas-snapshot-name'], [data-testid='sas-snapshot-name'] input")));
        dialogs.Find("input[data-testid='sas-snapshot-name'], [data-testid='sas-snapshot-name'] input").Change("lamp-before-upgrade");
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^='sas-snapshot-row-']").Count));
        Assert.Contains("lamp-before-upgrade", cut.Find("[data-testid='sas-snapshots-table']").TextContent);
    }

    [Fact]
    public async Task Release_ForRefund_RemovesTheServerAndItsImages()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var docker = await ServerIdAsync("sas-docker-1");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt("cn-hangzhou");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='sas-server-release-{docker}']")));

        // Act
        await cut.InvokeAsync(() => cut.Find($"[data-testid='sas-server-release-{docker}']").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid='sas-release-impact']")));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-testid='sas-server-row-{docker}']")));
        Assert.Single(cut.FindAll("[data-testid^='sas-server-row-']"));
    }

    [Fact]
    public async Task ReadOnlyMember_SeesServersWithCreateSnapshotCreateImageAndReleaseDisabled()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);
        var wordpress = await ServerIdAsync("sas-wordpress-1");

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^='sas-server-row-']").Count));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Snapshot").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='sas-server-release-{wordpress}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='sas-server-create-image-{wordpress}']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Servers_InARegionWithoutServers_ShowsTheEmptyState()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt("cn-beijing");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='sas-servers-empty']")));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Snapshot").HasAttribute("disabled"));
    }
}
