using Bunit;
using EcsConsole.Domain.Sas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Sas;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components;

/// <summary>/sas/images: the list with the quota, Create Custom Image, Share to ECS / Unshare, Delete refused while shared, Copy with live progress.</summary>
public sealed class SasImagesPageTests : ComponentTestBase
{
    private IRenderedComponent<SasImagesPage> RenderAt(string regionId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/sas/images?region={regionId}");
        return Render<SasImagesPage>();
    }

    private async Task<SasImage> CreateImageAsync(string name)
    {
        await using var db = Database.NewContext();
        var server = await db.SasServers.SingleAsync(s => s.Name == "sas-wordpress-1");
        var snapshot = await db.SasSnapshots.SingleAsync(s => s.Name == "sas-wordpress-1-system");
        var result = await Services.GetRequiredService<SasImageService>().CreateAsync(await Database.ActorAsync(DemoWorld.Alice),
            new CreateSasImageRequest("cn-hangzhou", server.Id, name, snapshot.Id));
        return result.Value;
    }

    [Fact]
    public async Task CreateCustomImage_FromTheDialog_AddsARowAndCountsAgainstTheQuota()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt("cn-hangzhou");
        cut.WaitForAssertion(() => Assert.Equal("0/9", cut.Find("[data-testid='sas-image-quota']").TextContent.Trim()));
        Assert.NotNull(cut.Find("[data-testid='sas-images-empty']"));

        // Act
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Custom Image").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("input[data-testid='sas-image-name'], [data-testid='sas-image-name'] input")));
        Assert.Contains(dialogs.FindAll("label"), l => l.TextContent.Trim() == "Server");
        Assert.Contains(dialogs.FindAll("label"), l => l.TextContent.Trim() == "Image Name");
        dialogs.Find("input[data-testid='sas-image-name'], [data-testid='sas-image-name'] input").Input("wp-from-dialog");
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("1/9", cut.Find("[data-testid='sas-image-quota']").TextContent.Trim()));
        var row = cut.Find("[data-testid^='sas-image-row-']");
        Assert.Contains("wp-from-dialog", row.TextContent);
        Assert.Contains("sas-docker-1", row.TextContent); // the first server of the region, by name
        Assert.Contains("Available", row.TextContent);
        Assert.Contains("Not shared", row.TextContent);
    }

    [Fact]
    public async Task ShareToEcs_ThenDelete_IsRefusedWithCustomImageInShare_UnshareThenDeleteRemovesTheRow()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var image = await CreateImageAsync("wp-shared");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt("cn-hangzhou");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='sas-image-share-{image.Id}']")));

        // Act: share
        await cut.InvokeAsync(() => cut.Find($"[data-testid='sas-image-share-{image.Id}']").Click());

        // Assert: shared, with a link to the ECS Shared Images tab
        cut.WaitForAssertion(() => Assert.Equal($"images?region=cn-hangzhou&tab=shared",
            cut.Find($"[data-testid='sas-image-shared-{image.Id}'] a").GetAttribute("href")));

        // Act: delete while shared
        await cut.InvokeAsync(() => cut.Find($"[data-testid='sas-image-delete-{image.Id}']").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == "OK")));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert: refused, the row stays
        cut.WaitForAssertion(() => Assert.Equal(SasErrors.InShareCode, cut.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));
        Assert.Contains("copy it in ECS", cut.Find("[data-testid='error-alert']").TextContent);
        Assert.NotNull(cut.Find($"[data-testid='sas-image-row-{image.Id}']"));

        // Act: unshare, then delete
        await cut.InvokeAsync(() => cut.Find($"[data-testid='sas-image-unshare-{image.Id}']").Click());
        cut.WaitForAssertion(() => Assert.Contains("Not shared", cut.Find($"[data-testid='sas-image-shared-{image.Id}']").TextContent));
        await cut.InvokeAsync(() => cut.Find($"[data-testid='sas-image-delete-{image.Id}']").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == "OK")));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-testid='sas-image-row-{image.Id}']")));
        Assert.Empty(cut.FindAll("[data-testid='error-alert']"));
        Assert.Equal("0/9", cut.Find("[data-testid='sas-image-quota']").TextContent.Trim());
    }

    [Fact]
    public async Task DeleteSelected_DeletesSeveralAtOnce()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var a = await CreateImageAsync("wp-a");
        var b = await CreateImageAsync("wp-b");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt("cn-hangzhou");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^='sas-image-row-']").Count));

        // Act
        foreach (var id in new[] { a.Id, b.Id })
        {
            await cut.InvokeAsync(() => cut.Find($"input[data-testid='sas-image-select-{id}'], [data-testid='sas-image-select-{id}'] input").Change(true));
        }

        await cut.InvokeAsync(() => cut.Find("[data-testid='sas-delete-selected']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("2 custom images", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(x => x.TextContent.Trim() == "OK").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='sas-images-empty']")));
    }

    [Fact]
    public async Task CopyImage_FromTheDialog_CountsAgainstTheQuotaAtOnce()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var image = await CreateImageAsync("wp-src");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt("cn-hangzhou");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='sas-image-copy-{image.Id}']")));

        // Act: copy to the first other region offered (cn-shanghai)
        await cut.InvokeAsync(() => cut.Find($"[data-testid='sas-image-copy-{image.Id}']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("label"), l => l.TextContent.Trim() == "Destination Region"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("2/9", cut.Find("[data-testid='sas-image-quota']").TextContent.Trim()));
        await using var db = Database.NewContext();
        Assert.Equal("wp-src", (await db.SasImages.SingleAsync(i => i.RegionId == "cn-shanghai")).Name);
    }

    [Fact]
    public async Task ACopy_ShowsCreatingWithLiveProgressInTheDestination_ThenAvailable()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var image = await CreateImageAsync("wp-src");
        var copy = (await Services.GetRequiredService<SasImageService>().CopyAsync(await Database.ActorAsync(DemoWorld.Alice),
            new CopySasImageRequest("cn-hangzhou", image.Id, "cn-shanghai"))).Value;
        var cut = RenderAt("cn-shanghai");
        string Status() => cut.Find($"[data-testid='sas-image-status-{copy.ImageId}']").TextContent.Trim();
        cut.WaitForAssertion(() => Assert.Equal("Creating 0%", Status()));
        var engine = Services.GetRequiredService<AsyncTaskEngine>();

        // Act + Assert: each step of the task shows without a reload (the test waits for it before the next step)
        for (var step = 1; step < 10; step++)
        {
            Database.Time.Advance(engine.StepDuration);
            await engine.RunDueAsync();
            cut.WaitForAssertion(() => Assert.Equal($"Creating {step * 10}%", Status()));
        }

        Database.Time.Advance(engine.StepDuration);
        await engine.RunDueAsync();
        cut.WaitForAssertion(() => Assert.Equal("Available", Status()));
        Assert.Contains($"copied from {image.Id}", cut.Find($"[data-testid='sas-image-row-{copy.ImageId}']").TextContent);
        Assert.Contains("sas-wordpress-1", cut.Find($"[data-testid='sas-image-row-{copy.ImageId}']").TextContent);
    }

    [Fact]
    public async Task ReadOnlyMember_SeesTheImagesWithEveryChangeDisabled()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);
        var image = await CreateImageAsync("wp");

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='sas-image-row-{image.Id}']")));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Custom Image").HasAttribute("disabled"));
        foreach (var action in new[] { "share", "copy", "delete" })
        {
            Assert.True(cut.Find($"[data-testid='sas-image-{action}-{image.Id}']").HasAttribute("disabled"), action);
        }

        Assert.Equal("1/9", cut.Find("[data-testid='sas-image-quota']").TextContent.Trim());
    }

    [Fact]
    public async Task QuotaFull_DisablesCreateCustomImageWithTheReason()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        for (var i = 0; i < 9; i++)
        {
            await CreateImageAsync($"wp-{i}");
        }

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("9/9", cut.Find("[data-testid='sas-image-quota']").TextContent.Trim()));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Custom Image").HasAttribute("disabled"));
    }
}
