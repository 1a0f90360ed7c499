using Bunit;
using Bunit.TestDoubles;
using EcsConsole.Domain.Common;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Simulation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components.Simulation;

/// <summary>The layout's listener that reloads an open page when the simulation control resets the world (ui-contract §7).</summary>
public sealed class WorldResetReloadTests : ComponentTestBase
{
    [Fact]
    public void AWorldChange_ReloadsThePage_AndOtherChangesDoNot()
    {
        // Arrange
        var navigation = (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/images?region=cn-hangzhou");
        var cut = Render<WorldResetReload>();
        var changes = Services.GetRequiredService<ChangeNotifier>();

        // Act
        changes.Publish(new ResourceChange(ResourceKind.Image, "m-1", "cn-hangzhou", "1234567890123456"));
        var afterImage = navigation.History.First();
        changes.Publish(new ResourceChange(ResourceKind.World, "", "", null));

        // Assert: the same address, loaded again from the server (a refresh replaces the history entry)
        Assert.False(afterImage.Options.ForceLoad);
        cut.WaitForAssertion(() =>
        {
            var reload = navigation.History.First();
            Assert.True(reload.Options.ForceLoad);
            Assert.EndsWith("/images?region=cn-hangzhou", reload.Uri, StringComparison.Ordinal);
        });
    }
}
