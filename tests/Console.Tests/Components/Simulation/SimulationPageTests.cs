using Bunit;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SimulationPage = EcsConsole.Web.Components.Pages.Simulation.SimulationPage;

namespace EcsConsole.Tests.Components.Simulation;

/// <summary>The <c>/simulation</c> page (ADR-013): the platform admin's controls, refused to others, absent when the control is off.</summary>
public sealed class SimulationPageTests : ComponentTestBase
{
    private readonly Dictionary<string, string?> _settings = new() { ["Simulation:ControlToken"] = "bunit-token" };

    public SimulationPageTests()
    {
        Services.AddSingleton<IConfiguration>(_ => new ConfigurationBuilder().AddInMemoryCollection(_settings).Build());
        Services.AddSingleton<ISecretProtector, PlainSecretProtector>();
    }

    private static readonly string[] Controls = ["Reset World", "Advance Clock", "Complete Tasks", "Add Fault", "Clear Faults"];

    private static IEnumerable<string> ButtonNames(IRenderedComponent<SimulationPage> cut) => cut.FindAll("button").Select(b => b.TextContent.Trim());

    [Fact]
    public async Task ForAnAccountAdmin_ThePageAnswersForbidden_AndShowsNoControl()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Render<SimulationPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Forbidden", cut.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));
        Assert.Empty(ButtonNames(cut).Intersect(Controls, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithTheControlOff_ThePageSaysSo_AndShowsNoControl()
    {
        // Arrange
        _settings.Remove("Simulation:ControlToken");
        await SignInAsync(DemoWorld.Root);

        // Act
        var cut = Render<SimulationPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Simulation:ControlToken", cut.Find("[data-testid='simulation-off']").TextContent, StringComparison.Ordinal));
        Assert.Empty(ButtonNames(cut).Intersect(Controls, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ForThePlatformAdmin_AddFault_ShowsTheHttpControlsCodeForBadInput_ThenListsTheFault()
    {
        // Arrange
        await SignInAsync(DemoWorld.Root);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<SimulationPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='faults-empty']")));

        // Act: an action the API does not have
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add Fault").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[role='dialog']")));
        dialogs.FindAll("label").Single(l => l.TextContent.Trim() == "Action").ParentElement!.QuerySelector("input")!.Change("NoSuchAction");
        dialogs.FindAll("label").Single(l => l.TextContent.Trim() == "Code").ParentElement!.QuerySelector("input")!.Change("Throttling.User");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click();

        // Assert
        dialogs.WaitForAssertion(() => Assert.Equal("InvalidParameter", dialogs.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));

        // Act: a real action
        dialogs.FindAll("label").Single(l => l.TextContent.Trim() == "Action").ParentElement!.QuerySelector("input")!.Change("CopyImage");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "OK").Click();

        // Assert: the service holds it and the page lists it
        var fault = Assert.Single(await Services.GetRequiredService<SimulationFaults>().ListAsync());
        Assert.Equal(("CopyImage", "Throttling.User", 400, 1), (fault.Action, fault.Code, fault.HttpStatus, fault.Remaining));
        cut.WaitForAssertion(() => Assert.Contains("CopyImage", cut.Find($"[data-testid='fault-row-{fault.Id}']").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForThePlatformAdmin_CompleteTasks_SaysHowManyCompleted()
    {
        // Arrange
        await SignInAsync(DemoWorld.Root);
        var cut = Render<SimulationPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='faults-table']")));

        // Act
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Complete Tasks").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("0 tasks completed", cut.Find("[data-testid='tasks-completed']").TextContent.Trim()));
    }
}
