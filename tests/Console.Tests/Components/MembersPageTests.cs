using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Admin;
using MudBlazor;

namespace EcsConsole.Tests.Components;

public sealed class MembersPageTests : ComponentTestBase
{
    [Fact]
    public async Task Members_ForAnAccountAdmin_ShowsBothAcmeRows()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Render<MembersPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='members-table']")));
        var rows = cut.FindAll("tbody tr[data-testid^='member-row-']").Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.Equal([$"member-row-{DemoWorld.Alice}", $"member-row-{DemoWorld.Bob}"], rows);
        Assert.Empty(cut.FindAll("[data-testid='error-alert']"));
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Add Member");
    }

    [Fact]
    public async Task Members_ForTheLastAdmin_DisablesItsRemoveButtonOnly()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Render<MembersPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='member-remove-{DemoWorld.Alice}']")));
        Assert.True(cut.Find($"[data-testid='member-remove-{DemoWorld.Alice}']").HasAttribute("disabled"));
        Assert.False(cut.Find($"[data-testid='member-remove-{DemoWorld.Bob}']").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(DemoWorld.Bob)]
    [InlineData(DemoWorld.Root)]
    public async Task Members_ForANonAdmin_ShowsForbiddenAndNoTable(string who)
    {
        // Arrange
        await SignInAsync(who);

        // Act
        var cut = Render<MembersPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(CommonErrors.ForbiddenCode, cut.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));
        Assert.Empty(cut.FindAll("[data-testid='members-table']"));
    }

    [Fact]
    public async Task AddMember_WithAFreshEmail_ShowsTheOneTimePasswordOnceAndAddsTheRow()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='members-table']")));

        // Act
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add Member").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("input[data-testid='member-email'], [data-testid='member-email'] input")));
        dialogs.Find("input[data-testid='member-email'], [data-testid='member-email'] input").Input("dan@acme.example");
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click());

        // Assert
        dialogs.WaitForAssertion(() => Assert.Equal(16, dialogs.Find("[data-testid='one-time-password']").TextContent.Trim().Length));
        Assert.NotNull(dialogs.Find("[data-testid='one-time-password-note']"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Close").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='member-row-dan@acme.example']")));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid='one-time-password']")));
    }
}
