using System.Net;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// <c>/simulation</c> is the console's page (sign-in first), whether the control is on or off, while every
/// <c>/simulation/…</c> path stays the HTTP control's (ADR-013).
/// </summary>
public sealed class SimulationPageRouteTests
{
    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("route-test-token", HttpStatusCode.Unauthorized)]
    public async Task ThePagePath_GoesToSignIn_AndTheControlsPaths_AreUnchanged(string? token, HttpStatusCode control)
    {
        // Arrange
        using var app = new ConsoleAppFactory(settings: token is null ? null : new Dictionary<string, string> { ["Simulation:ControlToken"] = token });
        using var http = app.CreateBrowserLikeClient();

        // Act
        using var page = await http.GetAsync("/simulation");
        using var reset = await http.PostAsync("/simulation/reset", null);
        using var trailing = await http.PostAsync("/simulation/", null);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(control, reset.StatusCode);
        Assert.Equal(control, trailing.StatusCode);
    }
}
