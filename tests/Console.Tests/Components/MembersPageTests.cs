using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Admin;

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
}
