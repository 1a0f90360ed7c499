using Bunit;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Images;
using EcsConsole.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components.Images;

/// <summary>The Edit Image dialog also sets the NVMe driver flag and the metadata access mode (UI-MOD-01; #21).</summary>
public sealed class EditImageDialogTests : ComponentTestBase
{
    private const string Hangzhou = "cn-hangzhou";

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, ImageListItem Image)> OpenAsync()
    {
        await SignInAsync(DemoWorld.Alice);
        var actor = (await Services.GetRequiredService<CurrentActor>().GetAsync())!;
        var image = (await Services.GetRequiredService<ImageCatalogService>()
            .ListAsync(actor, new ImageListQuery { RegionId = Hangzhou })).Value.Items.Single(i => i.Name == "acme-base-v1");
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<EditImageDialog>("Edit Image",
            new DialogParameters<EditImageDialog> { { d => d.Actor, actor }, { d => d.Image, image } }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[role='dialog']")));
        return (dialogs, image);
    }

    [Fact]
    public async Task EditImage_TurnsTheNvmeDriverOn_AndTheMetadataModeToV2Only()
    {
        // Arrange
        var (dialogs, image) = await OpenAsync();
        var nvme = dialogs.FindComponents<MudSelect<bool>>().Single(s => s.Instance.Label == "NVMe Driver");
        var imds = dialogs.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Metadata Access Mode");

        // Act
        await dialogs.InvokeAsync(() => nvme.Instance.ValueChanged.InvokeAsync(!image.NvmeSupport));
        await dialogs.InvokeAsync(() => imds.Instance.ValueChanged.InvokeAsync("v2"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role='dialog']")));
        await using var db = Database.NewContext();
        var saved = await db.Images.AsNoTracking().SingleAsync(i => i.Id == image.Id);
        Assert.Equal((!image.NvmeSupport, "v2"), (saved.NvmeSupport, saved.ImdsSupport));
    }
}
