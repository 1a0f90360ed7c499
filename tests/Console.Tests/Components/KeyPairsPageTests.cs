using Bunit;
using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.KeyPairs;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components;

public sealed class KeyPairsPageTests : ComponentTestBase
{
    private IRenderedComponent<KeyPairsPage> RenderAt(string regionId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/key-pairs?region={regionId}");
        return Render<KeyPairsPage>();
    }

    [Fact]
    public async Task KeyPairs_ForAReadOnlyMember_ListsTheAccountsPairs_WithCreateAndDeleteDisabled()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='key-pair-row-acme-deploy']")));
        Assert.Single(cut.FindAll("[data-testid^='key-pair-row-']"));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Key Pair").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid='key-pair-delete-acme-deploy']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task CreateKeyPair_ShowsThePrivateKeyOnce_AndAddsTheRow()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderAt("cn-hangzhou");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='key-pair-row-acme-deploy']")));

        // Act
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Key Pair").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid='key-pair-name'] input, input[data-testid='key-pair-name']")));
        dialogs.Find("[data-testid='key-pair-name'] input, input[data-testid='key-pair-name']").Input("release-key");
        dialogs.WaitForAssertion(() => Assert.Contains("CreateKeyPair", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='key-pair-row-release-key']")));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", cut.Find("[data-testid='new-key-pair-private-key']").TextContent.Trim(), StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "I have saved the private key").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='new-key-pair-private-key']")));
        await using var db = Database.NewContext();
        Assert.StartsWith("ssh-rsa ", (await db.KeyPairs.SingleAsync(k => k.Name == "release-key")).PublicKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_OfAPairAnInstanceUses_IsDisabled_WithTheReason()
    {
        // Arrange: an acme instance logs on with acme-deploy
        await SignInAsync(DemoWorld.Alice);
        await using (var db = Database.NewContext())
        {
            var instance = await db.Instances.FirstAsync(i => i.AccountId == DemoWorld.AcmeAccountId && i.RegionId == "cn-hangzhou");
            instance.KeyPairName = "acme-deploy";
            await db.SaveChangesAsync();
        }

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid='key-pair-delete-acme-deploy']").HasAttribute("disabled")));
        Assert.Contains("i-", cut.Find("[data-testid='key-pair-row-acme-deploy']").TextContent);
    }
}
