using System.Reflection;
using EcsConsole.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Every page and endpoint requires sign-in except the Identity pages and a short, named list of public ones; a new
/// page without authorization fails here.
/// </summary>
public sealed class AuthorizationCoverageTests : IDisposable
{
    /// <summary>Public on purpose: start-up probe, error and not-found pages, the language choice (the sign-in page has it too).</summary>
    private static readonly string[] PublicRoutes = ["/healthz", "/Error", "/not-found", "/culture/set"];

    private readonly ConsoleAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public void EveryRoutableComponent_OutsideTheIdentityPages_RequiresAuthorization()
    {
        // Arrange
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any())
            .Where(t => t.Namespace?.StartsWith("EcsConsole.Web.Components.Account", StringComparison.Ordinal) != true)
            .ToList();

        // Act
        var open = pages.Where(t => t.GetCustomAttribute<AuthorizeAttribute>() is null)
            .Where(t => !t.GetCustomAttributes<RouteAttribute>().All(r => PublicRoutes.Contains(r.Template, StringComparer.OrdinalIgnoreCase)))
            .Select(t => t.FullName)
            .ToList();

        // Assert
        Assert.True(pages.Count >= 10, $"only {pages.Count} pages found");
        Assert.Empty(open);
    }

    [Fact]
    public void EveryEndpoint_OutsideIdentityAndThePublicList_RequiresAuthorization()
    {
        // Arrange
        _ = _app.CreateClient();
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // Act
        var open = endpoints
            .Where(e => e.RoutePattern.RawText is { } raw
                && !raw.StartsWith("Account", StringComparison.OrdinalIgnoreCase)
                && !raw.StartsWith("/Account", StringComparison.OrdinalIgnoreCase)
                && !raw.StartsWith("_", StringComparison.Ordinal)
                && !raw.StartsWith("/_", StringComparison.Ordinal)
                && !PublicRoutes.Contains("/" + raw.TrimStart('/'), StringComparer.OrdinalIgnoreCase))
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => !IsStaticAsset(e))
            .Select(e => e.RoutePattern.RawText)
            .Distinct()
            .ToList();

        // Assert
        Assert.Empty(open);
    }

    private static bool IsStaticAsset(RouteEndpoint e) =>
        e.DisplayName?.Contains("static", StringComparison.OrdinalIgnoreCase) == true
        || e.RoutePattern.RawText?.Contains(":file}", StringComparison.Ordinal) == true
        || (e.RoutePattern.RawText?.Contains('.') == true && e.RoutePattern.Parameters.Count == 0);
}
