using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Disks;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Components;

public sealed class DisksPageTests : ComponentTestBase
{
    [Fact]
    public async Task Disks_ForAReadOnlyMember_ListsTheRegionsDisks_WithEveryActionDisabled()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = RenderAt<DisksPage>("/disks?region=cn-hangzhou");

        // Assert: web-1's and db-1's system and data disks, nothing to change
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid^='disk-row-']").Count));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Disk").HasAttribute("disabled"));
        Assert.All(cut.FindAll("[data-testid^='disk-attach-'], [data-testid^='disk-detach-'], [data-testid^='disk-reset-'], [data-testid^='disk-delete-']"),
            button => Assert.True(button.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Disks_ForAnOperator_AllowWhatTheRulesAllow_OnEachDisk()
    {
        // Arrange: db-1 is Stopped, web-1 Running; every demo disk is attached
        await SignInAsync(DemoWorld.Alice);
        await using var db = Database.NewContext();
        var dbData = await db.Disks.Where(d => d.Type == "data" && db.Instances.Any(i => i.Id == d.InstanceId && i.Name == "db-1")).Select(d => d.Id).SingleAsync();
        var webSystem = await db.Disks.Where(d => d.Type == "system" && db.Instances.Any(i => i.Id == d.InstanceId && i.Name == "web-1")).Select(d => d.Id).SingleAsync();

        // Act
        var cut = RenderAt<DisksPage>("/disks?region=cn-hangzhou");

        // Assert: an attached disk cannot be attached again nor deleted; a system disk is not detached; db-1's data disk rolls back
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='disk-row-{dbData}']")));
        Assert.True(cut.Find($"[data-testid='disk-attach-{dbData}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='disk-delete-{dbData}']").HasAttribute("disabled"));
        Assert.False(cut.Find($"[data-testid='disk-detach-{dbData}']").HasAttribute("disabled"));
        Assert.False(cut.Find($"[data-testid='disk-reset-{dbData}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='disk-detach-{webSystem}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='disk-reset-{webSystem}']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Disks_InChinese_NamesThePageAndItsColumns()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        using var chinese = CultureScope.Chinese();

        // Act
        var cut = RenderAt<DisksPage>("/disks?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid^='disk-row-']").Count));
        Assert.Equal("云盘", cut.Find("h1").TextContent.Trim());
        Assert.Contains("挂载于", cut.Find("[data-testid='disks-table'] thead").TextContent, StringComparison.Ordinal);
    }
}
