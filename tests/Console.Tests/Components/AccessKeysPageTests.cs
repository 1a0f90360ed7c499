using Bunit;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcsConsole.Tests.Components;

public sealed class AccessKeysPageTests : ComponentTestBase
{
    private const string AliceKey = "LTAI5tDemoAlice000000001";

    public AccessKeysPageTests() => Services.AddSingleton<ISecretProtector, PlainSecretProtector>();

    [Fact]
    public async Task AccessKeys_ListsTheUsersOwnSeededPair_WithoutItsSecret()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Render<AccessKeysPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='access-key-row-{AliceKey}']")));
        Assert.Single(cut.FindAll("tbody tr"));
        Assert.Equal("Active", cut.Find($"[data-testid='access-key-status-{AliceKey}']").TextContent.Trim());
        Assert.DoesNotContain("DemoAliceSecret", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAccessKey_ShowsTheSecretOnce_AndTheListGrows_UpToTwoPairs()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var cut = Render<AccessKeysPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='create-access-key']")));

        // Act
        cut.Find("[data-testid='create-access-key']").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Matches("^[A-Za-z0-9]{30}$", cut.Find("[data-testid='new-access-key-secret']").TextContent.Trim()));
        var id = cut.Find("[data-testid='new-access-key-id']").TextContent.Trim();
        Assert.StartsWith("LTAI5t", id, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("tbody tr").Count);
        Assert.True(cut.Find("[data-testid='create-access-key']").HasAttribute("disabled"));
        await using var db = Database.NewContext();
        Assert.Equal("CreateAccessKey", (await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync()).Action);
    }

    [Fact]
    public async Task DisableThenDelete_RemovesThePair_ButAnActivePairCannotBeDeleted()
    {
        // Arrange
        await SignInAsync(DemoWorld.Carol);
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        var cut = Render<AccessKeysPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='access-keys-table']")));
        var delete = () => cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Delete LTAI5tDemoCarol000000001");
        Assert.True(delete().HasAttribute("disabled"));

        // Act: disable
        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Disable LTAI5tDemoCarol000000001").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Disabled", cut.Find("[data-testid='access-key-status-LTAI5tDemoCarol000000001']").TextContent.Trim()));
        Assert.False(delete().HasAttribute("disabled"));
        await using var db = Database.NewContext();
        Assert.Equal(AccessKeyStatus.Inactive, (await db.AccessKeys.SingleAsync(k => k.Id == "LTAI5tDemoCarol000000001")).Status);
    }

    [Fact]
    public async Task AccessKeys_ForAUserWithNone_SaysSo()
    {
        // Arrange: dave has no seeded pair
        await SignInAsync(DemoWorld.Dave);

        // Act
        var cut = Render<AccessKeysPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='access-keys-empty']")));
    }
}
