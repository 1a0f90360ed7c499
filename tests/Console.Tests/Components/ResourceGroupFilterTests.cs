using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.ResourceGroups;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Disks;
using EcsConsole.Web.Components.Pages.Images;
using EcsConsole.Web.Components.Pages.KeyPairs;
using EcsConsole.Web.Components.Pages.Snapshots;
using EcsConsole.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

/// <summary>
/// The Resource Group filter (issue #22): its options, its value in the URL, and the list pages narrowed by it. The demo
/// world has db-1's data disk and its daily snapshot in Acme's Test group; everything else is in the default group.
/// </summary>
public sealed class ResourceGroupFilterTests : ComponentTestBase
{
    private static readonly string AcmeTest = ResourceGroupRules.IdFor(DemoWorld.AcmeAccountId, "test");
    private static readonly string AcmeDefault = ResourceGroupRules.DefaultIdFor(DemoWorld.AcmeAccountId);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task<IReadOnlyList<ResourceGroupInfo>> AliceGroupsAsync() =>
        await Services.GetRequiredService<ResourceGroupService>().ListAsync(await Database.ActorAsync(DemoWorld.Alice));

    private static IReadOnlyList<string> RowIds<TPage>(IRenderedComponent<TPage> cut, string prefix)
        where TPage : IComponent =>
        [.. cut.FindAll($"[data-testid^='{prefix}']").Select(r => r.GetAttribute("data-testid")![prefix.Length..])];

    private async Task<string> SnapshotIdAsync(string name)
    {
        await using var db = Database.NewContext();
        return await db.Snapshots.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task TheFilter_OffersAllResources_ThenTheDefaultGroup_ThenTheAccountsOtherGroups()
    {
        // Arrange
        var groups = await AliceGroupsAsync();
        var cut = Render<ResourceGroupFilter>(p => p.Add(f => f.Groups, groups));

        // Act
        await cut.Find("[data-testid='resource-group-filter']").ClickAsync(new MouseEventArgs());

        // Assert
        var box = cut.Find("[data-testid='resource-group-filter']");
        Assert.Equal(("combobox", "Resource Group", "All Resources"), (box.GetAttribute("role"), cut.Find("label").TextContent, box.GetAttribute("value")));
        Assert.Equal(["All Resources", "Default Resource Group", "Test"], cut.FindAll("[role='option']").Select(o => o.TextContent.Trim()));
    }

    [Fact]
    public async Task ChoosingAGroup_PutsItsIdInTheUrl_AndGoesBackToPageOne()
    {
        // Arrange
        var groups = await AliceGroupsAsync();
        Navigation.NavigateTo("/snapshots?region=cn-hangzhou&page=3");
        var cut = Render<ResourceGroupFilter>(p => p.Add(f => f.Groups, groups));

        // Act
        await cut.Find("[data-testid='resource-group-filter']").ClickAsync(new MouseEventArgs());
        await cut.FindAll("[role='option']").Single(o => o.TextContent.Trim() == "Test").MouseDownAsync(new MouseEventArgs());

        // Assert
        var uri = new Uri(Navigation.Uri);
        Assert.Equal("/snapshots", uri.AbsolutePath);
        Assert.Contains($"resourceGroupId={AcmeTest}", uri.Query, StringComparison.Ordinal);
        Assert.Contains("region=cn-hangzhou", uri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAValueChangedHandler_ThePageGetsTheChoice_AndAllResourcesIsNull()
    {
        // Arrange
        var groups = await AliceGroupsAsync();
        var chosen = new List<string?>();
        var cut = Render<ResourceGroupFilter>(p => p.Add(f => f.Groups, groups).Add(f => f.Value, AcmeTest)
            .Add(f => f.ValueChanged, EventCallback.Factory.Create<string?>(this, chosen.Add)));

        // Act
        await cut.Find("[data-testid='resource-group-filter']").ClickAsync(new MouseEventArgs());
        await cut.FindAll("[role='option']").Single(o => o.TextContent.Trim() == "All Resources").MouseDownAsync(new MouseEventArgs());

        // Assert
        Assert.Equal([null], chosen);
        Assert.DoesNotContain("resourceGroupId", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSnapshotsPage_FilteredByTheTestGroup_ListsOnlyItsSnapshot_NamingTheGroup()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var dbData = await SnapshotIdAsync("db-1-data-daily");

        // Act
        var cut = RenderAt<SnapshotsPage>($"/snapshots?region=cn-hangzhou&resourceGroupId={AcmeTest}");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal([dbData], RowIds(cut, "snapshot-row-")));
        Assert.Equal("Test", cut.Find($"[data-testid='snapshot-group-{dbData}']").TextContent.Trim());
        Assert.Equal("Test", cut.Find("[data-testid='resource-group-filter']").GetAttribute("value"));
    }

    [Fact]
    public async Task TheSnapshotsPage_Unfiltered_ShowsEachSnapshotsGroup()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var dbData = await SnapshotIdAsync("db-1-data-daily");
        var webSystem = await SnapshotIdAsync("web-1-system-base");

        // Act
        var cut = RenderAt<SnapshotsPage>("/snapshots?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid^='snapshot-row-']").Count));
        Assert.Equal("Test", cut.Find($"[data-testid='snapshot-group-{dbData}']").TextContent.Trim());
        Assert.Equal("Default Resource Group", cut.Find($"[data-testid='snapshot-group-{webSystem}']").TextContent.Trim());
        Assert.Equal("All Resources", cut.Find("[data-testid='resource-group-filter']").GetAttribute("value"));
    }

    [Fact]
    public async Task TheSnapshotsPage_FilteredByTheDefaultGroup_ListsEverything_AsTheApiDoes()
    {
        // Arrange: IB-09
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<SnapshotsPage>($"/snapshots?region=cn-hangzhou&resourceGroupId={AcmeDefault}");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid^='snapshot-row-']").Count));
    }

    [Fact]
    public async Task TheDisksPage_FilteredByTheTestGroup_ListsOnlyDb1sDataDisk()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        string diskId;
        await using (var db = Database.NewContext())
        {
            diskId = await db.Disks.Where(d => d.ResourceGroupId == AcmeTest).Select(d => d.Id).SingleAsync();
        }

        // Act
        var cut = RenderAt<DisksPage>($"/disks?region=cn-hangzhou&resourceGroupId={AcmeTest}");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='disk-row-']")));
        Assert.NotNull(cut.Find($"[data-testid='disk-row-{diskId}']"));
        Assert.Equal("Test", cut.Find($"[data-testid='disk-group-{diskId}']").TextContent.Trim());
    }

    [Fact]
    public async Task TheKeyPairsPage_FilteredByTheTestGroup_SaysNothingIsInIt()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<KeyPairsPage>($"/key-pairs?region=cn-hangzhou&resourceGroupId={AcmeTest}");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='key-pairs-empty']")));
        Assert.Contains("All Resources", cut.Find("[data-testid='key-pairs-empty']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCustomImagesTab_FilteredByTheTestGroup_HasNoImage_AndTheFilterShowsTheGroup()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<ImagesPage>($"/images?region=cn-hangzhou&tab=custom&resourceGroupId={AcmeTest}");

        // Assert: no custom image is in the Test group
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='images-empty']")));
        Assert.Equal("Test", cut.Find("[data-testid='resource-group-filter']").GetAttribute("value"));
    }

    [Fact]
    public async Task ThePublicImagesTab_HasNoResourceGroupFilter_AndIgnoresOneInTheUrl()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt<ImagesPage>($"/images?region=cn-hangzhou&tab=public&resourceGroupId={AcmeTest}");

        // Assert: public images belong to no group of the account
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^='image-row-']")));
        Assert.Empty(cut.FindAll("[data-testid='resource-group-filter']"));
    }

    private async Task<IRenderedComponent<MudBlazor.MudDialogProvider>> OpenChangeGroupAsync(string email, string snapshotId)
    {
        await SignInAsync(email);
        var actor = (await Services.GetRequiredService<EcsConsole.Web.Infrastructure.CurrentActor>().GetAsync())!;
        var groups = await Services.GetRequiredService<ResourceGroupService>().ListAsync(actor);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<MudBlazor.IDialogService>().ShowAsync<ChangeResourceGroupDialog>("Change Resource Group",
            new MudBlazor.DialogParameters<ChangeResourceGroupDialog>
            {
                { d => d.Actor, actor }, { d => d.RegionId, "cn-hangzhou" }, { d => d.ResourceType, "snapshot" }, { d => d.ResourceId, snapshotId },
                { d => d.CurrentGroupId, null }, { d => d.Groups, groups },
            }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[role='dialog']")));
        return dialogs;
    }

    [Fact]
    public async Task ChangeResourceGroup_OnADefaultGroupSnapshot_OffersTest_AndOkMovesItThere()
    {
        // Arrange
        var snapshotId = await SnapshotIdAsync("web-1-system-base");
        var dialogs = await OpenChangeGroupAsync(DemoWorld.Alice, snapshotId);

        // Act
        Assert.Equal("Test", dialogs.Find("[data-testid='change-group-target']").GetAttribute("value"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role='dialog']")));
        await using var db = Database.NewContext();
        Assert.Equal(AcmeTest, await db.Snapshots.Where(s => s.Id == snapshotId).Select(s => s.ResourceGroupId).SingleAsync());
    }

    [Fact]
    public async Task ChangeResourceGroup_ForAReadOnlyMember_ShowsForbidden_AndStaysOpen()
    {
        // Arrange
        var snapshotId = await SnapshotIdAsync("web-1-system-base");
        var dialogs = await OpenChangeGroupAsync(DemoWorld.Bob, snapshotId);

        // Act
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        dialogs.WaitForAssertion(() => Assert.Equal("Forbidden", dialogs.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));
        Assert.NotNull(dialogs.Find("[role='dialog']"));
        await using var db = Database.NewContext();
        Assert.Null(await db.Snapshots.Where(s => s.Id == snapshotId).Select(s => s.ResourceGroupId).SingleAsync());
    }
}
