namespace EcsConsole.Web.Infrastructure;

/// <summary>Work every start must do before the first request, done while other start-up work runs (issue #20's cold start).</summary>
internal static class StartupWarmUp
{
    /// <summary>
    /// Builds the route table: asks every endpoint data source for its endpoints, which each builds once and keeps. The
    /// Razor components' source finds every routable page by reflection (about 0.2 s); left alone, the first request's
    /// routing (or the authorization middleware's policy cache, when the pipeline is built) would do it on the start's path.
    /// </summary>
    public static int BuildEndpoints(IEndpointRouteBuilder routes) => routes.DataSources.Sum(source => source.Endpoints.Count);
}
