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

/// <summary>
/// The Copy Image dialog pre-fills a name the destination has free (CPY-06): the source's own in another region, a
/// <c>-copy</c> name in the source's own region, where the source holds its name, so a same-region copy that changes
/// encryption goes through without renaming.
/// </summary>
public sealed class CopyImageDialogTests : ComponentTestBase
{
    private const string Hangzhou = "cn-hangzhou";

    [Fact]
    public async Task CopyDialog_InAnotherRegion_PrefillsTheSourcesName_AndInItsOwnRegion_AFreeCopyName_ThatCopies()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var actor = (await Services.GetRequiredService<CurrentActor>().GetAsync())!;
        var image = (await Services.GetRequiredService<ImageCatalogService>()
            .ListAsync(actor, new ImageListQuery { RegionId = Hangzhou })).Value.Items.Single(i => i.Name == "acme-base-v1");
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CopyImageDialog>("Copy Image",
            new DialogParameters<CopyImageDialog> { { d => d.Actor, actor }, { d => d.Image, image } }));
        dialogs.WaitForAssertion(() => Assert.Equal("acme-base-v1", NameField(dialogs).Find("input").GetAttribute("value")));

        // Act: copy into the source's own region, encrypted
        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync(Hangzhou));
        var prefilled = NameField(dialogs).Find("input").GetAttribute("value");
        dialogs.Find("input[type='checkbox']").Change(true);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        Assert.Equal("acme-base-v1-copy", prefilled);
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid='error-alert']")));
        await using var db = Database.NewContext();
        dialogs.WaitForAssertion(() => Assert.True(db.Images.Any(i => i.RegionId == Hangzhou && i.Name == "acme-base-v1-copy" && i.IsCopied && i.Encrypted)));
    }

    private static IRenderedComponent<MudTextField<string>> NameField(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Image Name");
}
