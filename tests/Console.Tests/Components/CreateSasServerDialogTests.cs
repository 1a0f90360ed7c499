using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Sas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Sas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components;

/// <summary>Create Server (SAS-13…16): from the servers page and from a custom image's row; refusals show their code and keep the form.</summary>
public sealed class CreateSasServerDialogTests : ComponentTestBase
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";

    /// <summary>Alice's Available custom image of <paramref name="serverName"/>, made from its system snapshot.</summary>
    private async Task<string> CustomImageOfAsync(string serverName)
    {
        await using var db = Database.NewContext();
        var server = await db.SasServers.SingleAsync(s => s.Name == serverName);
        var snapshot = await db.SasSnapshots.Where(s => s.Name == $"{serverName}-system").Select(s => s.Id).SingleAsync();
        var created = await Services.GetRequiredService<SasImageService>().CreateAsync(await Database.ActorAsync(DemoWorld.Alice),
            new CreateSasImageRequest(server.RegionId, server.Id, $"{serverName}-golden", snapshot));
        return created.Value.Id;
    }

    private static async Task ClickAsync(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());

    [Fact]
    public async Task CreateServer_OnTheServersPage_WithTheFirstImageAndTwoServers_AddsTwoNumberedRowsFromTheImage()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var image = await CustomImageOfAsync("sas-docker-1");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt<SasServersPage>($"/sas/servers?region={Hangzhou}");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^='sas-server-row-']").Count));

        // Act
        await cut.InvokeAsync(() => cut.Find("[data-testid='sas-create-server']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains(image, dialogs.Find("[data-testid='sas-server-image']").TextContent));
        dialogs.Find("input[data-testid='sas-server-name'], [data-testid='sas-server-name'] input").Input("web");
        dialogs.Find("input[data-testid='sas-server-amount'], [data-testid='sas-server-amount'] input").Change("2");
        await ClickAsync(dialogs, "OK");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid^='sas-server-row-']").Count));
        Assert.Equal(2, cut.FindAll("[data-testid^='sas-server-source-image-']").Count(e => e.TextContent.Contains(image, StringComparison.Ordinal)));
        Assert.Contains("web-2", cut.Find("[data-testid='sas-servers-table']").TextContent);
    }

    [Fact]
    public async Task CreateServer_FromAnImageRow_PreselectsTheImage_AndAPlanWhoseDiskHoldsIt()
    {
        // Arrange: sas-lamp-1's image is 60 GiB, more than the smallest plans' 40 GiB
        await SignInAsync(DemoWorld.Alice);
        var image = await CustomImageOfAsync("sas-lamp-1");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt<SasImagesPage>($"/sas/images?region={Shanghai}");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='sas-image-create-server-{image}']")));

        // Act
        await cut.InvokeAsync(() => cut.Find($"[data-testid='sas-image-create-server-{image}']").Click());

        // Assert
        dialogs.WaitForAssertion(() => Assert.Contains(image, dialogs.Find("[data-testid='sas-server-image']").TextContent));
        Assert.Contains("60 GiB ESSD system disk", dialogs.Find("[data-testid='sas-server-plan']").TextContent);
    }

    [Fact]
    public async Task CreateServer_PastTheRegionsFiftyServers_ShowsExceedAccountQuotaInTheDialog_AndKeepsTheForm()
    {
        // Arrange: 49 servers in cn-hangzhou
        await SignInAsync(DemoWorld.Alice);
        var image = await CustomImageOfAsync("sas-docker-1");
        var servers = Services.GetRequiredService<SasServerService>();
        foreach (var amount in new[] { 20, 20, 7 })
        {
            Assert.True((await servers.CreateAsync(await Database.ActorAsync(DemoWorld.Alice),
                new CreateSasServersRequest(Hangzhou, image, SasPlans.All[0].Id, "filler", amount))).IsSuccess);
        }

        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt<SasServersPage>($"/sas/servers?region={Hangzhou}");
        cut.WaitForAssertion(() => Assert.Equal(49, cut.FindAll("[data-testid^='sas-server-row-']").Count));

        // Act
        await cut.InvokeAsync(() => cut.Find("[data-testid='sas-create-server']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains(image, dialogs.Find("[data-testid='sas-server-image']").TextContent));
        dialogs.Find("input[data-testid='sas-server-name'], [data-testid='sas-server-name'] input").Input("too-many");
        dialogs.Find("input[data-testid='sas-server-amount'], [data-testid='sas-server-amount'] input").Change("2");
        await ClickAsync(dialogs, "OK");

        // Assert
        dialogs.WaitForAssertion(() => Assert.Contains(SasErrors.ServerQuotaCode, dialogs.Markup));
        Assert.Equal("too-many", dialogs.Find("input[data-testid='sas-server-name'], [data-testid='sas-server-name'] input").GetAttribute("value"));
        Assert.Equal(49, cut.FindAll("[data-testid^='sas-server-row-']").Count);
    }

    [Fact]
    public async Task CreateServer_ForAReadOnlyMember_IsDisabled()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = RenderAt<SasServersPage>($"/sas/servers?region={Hangzhou}");

        // Assert
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid='sas-create-server']").HasAttribute("disabled")));
    }
}
