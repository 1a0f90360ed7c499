using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>
/// One ECS action as it is registered (ADR-009): its name, whether it changes state, and how it runs. Whether an action
/// changes state is read from here and nowhere else: <c>DryRun=true</c> stops every changing action before its
/// parameters are bound or a service is called.
/// </summary>
public sealed record EcsAction(string Name, bool Changing, ApiAction Run)
{
    /// <summary>Runs the call, or answers <c>DryRunOperation</c> for a changing action asked with <c>DryRun=true</c>.</summary>
    public Task<ApiReply> InvokeAsync(ApiCall call) =>
        Changing && call.P.Get("DryRun") is { } dryRun && dryRun.Equals("true", StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult<ApiReply>(ApiErrors.DryRun(Name))
            : Run(call);

    /// <summary>
    /// An action of a region: <c>RegionId</c> is required and resolved first (<c>MissingParameter</c>,
    /// <c>InvalidRegionId.NotFound</c>), then <paramref name="bind"/> reads the parameters in its own order, the first
    /// problem winning; only a call whose every parameter read well reaches <paramref name="run"/>.
    /// </summary>
    public static EcsAction InRegion<T>(string name, Func<ApiParameters, T> bind, Func<ApiCall, Region, T, Task<ApiReply>> run, bool changing = false) =>
        new(name, changing, async call =>
        {
            var region = await call.RegionAsync();
            var args = bind(call.P);
            return call.P.Error is { } invalid ? invalid : await run(call, region!, args);
        });

    /// <summary>An action of a region that reads no other parameter.</summary>
    public static EcsAction InRegion(string name, Func<ApiCall, Region, Task<ApiReply>> run, bool changing = false) =>
        InRegion(name, _ => true, (call, region, _) => run(call, region), changing);

    /// <summary>An action that names no region (the catalogue, or a resource whose own region it acts in).</summary>
    public static EcsAction Global<T>(string name, Func<ApiParameters, T> bind, Func<ApiCall, T, Task<ApiReply>> run, bool changing = false) =>
        new(name, changing, async call =>
        {
            var args = bind(call.P);
            return call.P.Error is { } invalid ? invalid : await run(call, args);
        });
}
