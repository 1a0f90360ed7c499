using Bunit;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EcsConsole.Tests.Components;

/// <summary>
/// The one-component controls that replace MudSelect and MudTabs on lists and in the shell (issue #20): they must behave
/// as the ARIA combobox and tabs patterns say, for the mouse and the keyboard.
/// </summary>
public sealed class LightControlsTests : ComponentTestBase
{
    private static readonly IReadOnlyList<(string Value, string Text)> Os = [("", "All"), ("linux", "Linux"), ("windows", "Windows")];

    private IRenderedComponent<FilterSelect<string>> RenderSelect(List<string> chosen, string value = "") =>
        Render<FilterSelect<string>>(p => p
            .Add(x => x.Label, "OS Type")
            .Add(x => x.Value, value)
            .Add(x => x.Options, Os)
            .Add(x => x.TestId, "filter-os")
            .Add(x => x.ValueChanged, EventCallback.Factory.Create<string>(this, chosen.Add)));

    [Fact]
    public void FilterSelect_IsAClosedComboboxNamedByItsLabel_ShowingTheChosenText()
    {
        // Act
        var cut = RenderSelect([], "linux");

        // Assert
        var box = cut.Find("[data-testid='filter-os']");
        Assert.Equal("combobox", box.GetAttribute("role"));
        Assert.Equal("false", box.GetAttribute("aria-expanded"));
        Assert.Equal("Linux", box.GetAttribute("value"));
        Assert.Equal(box.Id, cut.Find("label").GetAttribute("for"));
        Assert.Empty(cut.FindAll("[role='option']"));
    }

    [Fact]
    public async Task FilterSelect_Clicked_ListsItsOptions_AndChoosingOneSaysSo()
    {
        // Arrange
        var chosen = new List<string>();
        var cut = RenderSelect(chosen);

        // Act
        await cut.Find("[role='combobox']").ClickAsync(new MouseEventArgs());
        var options = cut.FindAll("[role='option']");
        await options.Single(o => o.TextContent.Trim() == "Windows").MouseDownAsync(new MouseEventArgs());

        // Assert
        Assert.Equal(["All", "Linux", "Windows"], options.Select(o => o.TextContent.Trim()));
        Assert.Equal(["windows"], chosen);
        Assert.Empty(cut.FindAll("[role='option']"));
    }

    [Fact]
    public async Task FilterSelect_ByKeyboard_OpensOnArrowDown_MovesAndChoosesWithEnter()
    {
        // Arrange
        var chosen = new List<string>();
        var cut = RenderSelect(chosen);
        var box = cut.Find("[role='combobox']");

        // Act
        await box.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        await cut.Find("[role='combobox']").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        var active = cut.Find($"#{cut.Find("[role='combobox']").GetAttribute("aria-activedescendant")}").TextContent.Trim();
        await cut.Find("[role='combobox']").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        // Assert
        Assert.Equal("Linux", active);
        Assert.Equal(["linux"], chosen);
    }

    [Fact]
    public async Task FilterSelect_Escape_ClosesWithoutChoosing()
    {
        // Arrange
        var chosen = new List<string>();
        var cut = RenderSelect(chosen);
        await cut.Find("[role='combobox']").ClickAsync(new MouseEventArgs());

        // Act
        await cut.Find("[role='combobox']").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });

        // Assert
        Assert.Equal("false", cut.Find("[role='combobox']").GetAttribute("aria-expanded"));
        Assert.Empty(chosen);
    }

    [Fact]
    public async Task TabStrip_MarksTheChosenTab_AndArrowsOpenTheNextOne()
    {
        // Arrange
        var chosen = new List<int>();
        var cut = Render<TabStrip>(p => p
            .Add(x => x.Label, "Image types")
            .Add(x => x.Tabs, [("Custom Images", "tab-custom"), ("Public Images", "tab-public"), ("Shared Images", "tab-shared")])
            .Add(x => x.Active, 1)
            .Add(x => x.ActiveChanged, EventCallback.Factory.Create<int>(this, chosen.Add)));

        // Act
        await cut.Find("[role='tablist']").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });
        await cut.Find("[data-testid='tab-custom']").ClickAsync(new MouseEventArgs());

        // Assert
        var tabs = cut.FindAll("[role='tab']");
        Assert.Equal(["false", "true", "false"], tabs.Select(t => t.GetAttribute("aria-selected")));
        Assert.Equal(["-1", "0", "-1"], tabs.Select(t => t.GetAttribute("tabindex")));
        Assert.Equal([2, 0], chosen);
    }

    private IRenderedComponent<FilterText> RenderText(Action<string?> say, int debounce) =>
        Render<FilterText>(p => p
            .Add(x => x.Label, "Search")
            .Add(x => x.Clearable, true)
            .Add(x => x.ClearLabel, "Clear search")
            .Add(x => x.Debounce, debounce)
            .Add(x => x.ValueChanged, EventCallback.Factory.Create<string?>(this, say)));

    [Fact]
    public async Task FilterText_SaysTheTextOnceTypingPauses()
    {
        // Arrange: what it says arrives from its timer, not from a render, so the test awaits the saying itself
        var said = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cut = RenderText(text => said.TrySetResult(text), debounce: 1);

        // Act
        await cut.Find("input").InputAsync(new ChangeEventArgs { Value = "web" });

        // Assert
        Assert.Equal("web", await said.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(cut.Find("input").Id, cut.Find("label").GetAttribute("for"));
    }

    [Fact]
    public async Task FilterText_SaysTheTextAtOnceOnEnter_AndNullWhenCleared()
    {
        // Arrange: a pause that never ends within the test
        var said = new List<string?>();
        var cut = RenderText(said.Add, debounce: 600_000);

        // Act
        await cut.Find("input").InputAsync(new ChangeEventArgs { Value = "web-2" });
        await cut.Find("input").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        await cut.Find("button[aria-label='Clear search']").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal(["web-2", null], said);
        Assert.Empty(cut.FindAll("button[aria-label='Clear search']"));
    }
}
