using EcsConsole.Domain.ClientTokens;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>
/// One ECS action as it is registered (ADR-009): its name, whether it changes state, and how it runs. Whether an action
/// changes state is read from here and nowhere else: <c>DryRun=true</c> on a changing action runs the call as a dry-run
/// actor (ADR-016), so every check — parameters, the right, quota, state — answers as it would, and the one audited
/// write undoes everything and answers <c>DryRunOperation</c> where the real call would have succeeded. A reading action
/// (DescribeImages, DescribeInstances, …) asked with <c>DryRun=true</c> answers its refusal, or <c>DryRunOperation</c>.
/// </summary>
public sealed record EcsAction(string Name, bool Changing, ApiAction Run)
{
    /// <summary>
    /// The action takes a <c>ClientToken</c> (its SDK request model has one): a retry with the same token runs it once
    /// (VAL-TOKEN-01, ADR-021, <see cref="ApiClientToken"/>).
    /// </summary>
    public bool TakesClientToken { get; init; }

    /// <summary>This registration, taking a <c>ClientToken</c>.</summary>
    public EcsAction WithClientToken() => this with { TakesClientToken = true };

    /// <summary>
    /// The action reads, and what it answers is decided by the database's data, the caller and the parameters alone (a run
    /// that also reads the clock says so with <see cref="ApiCall.ReadTheClock"/>): its answers may be kept per node and
    /// given again while the data version is unchanged (<see cref="ApiAnswerCache"/>, ADR-033).
    /// </summary>
    public bool Cacheable { get; init; }

    /// <summary>This registration, its answers kept while the data is unchanged (<see cref="Cacheable"/>).</summary>
    public EcsAction WithCachedAnswers() => Changing
        ? throw new InvalidOperationException($"{Name} changes state: its answers are never kept")
        : this with { Cacheable = true };

    /// <summary>
    /// Runs the call; a changing action asked with <c>DryRun=true</c> runs as a dry run, and a call with a
    /// <c>ClientToken</c> runs once per token (a dry run claims none).
    /// </summary>
    public async Task<ApiReply> InvokeAsync(ApiCall call)
    {
        var isDryRun = call.P.Get("DryRun") is { } dryRun && dryRun.Equals("true", StringComparison.OrdinalIgnoreCase);
        if (TakesClientToken && call.P.Get("ClientToken") is { } token)
        {
            if (!ClientTokenService.IsWellFormed(token))
            {
                return ClientTokenErrors.Malformed(Name);
            }

            if (!isDryRun && call.Actor.AccountId is { } accountId)
            {
                return await ApiClientToken.RunOnceAsync(call, accountId, token, () => Run(call));
            }
        }

        if (!isDryRun)
        {
            return await Run(call);
        }

        // A reading action changes nothing: it runs as asked, and answers DryRunOperation where it would have answered.
        var reply = await Run(Changing ? call.AsDryRun() : call);

        // A dry run that passed every check: the write said DryRunOperation, or there was nothing to write (the real
        // call would succeed without a change). ImportImage spells it DRYRUN.SUCCESS.
        return reply.Error is null || reply.Error.Code == CommonErrors.DryRunOperationCode ? ApiErrors.DryRun(Name) : reply;
    }

    /// <summary>
    /// An action of a region: <c>RegionId</c> is required and resolved first (<c>MissingParameter</c>,
    /// <c>InvalidRegionId.NotFound</c>), then <paramref name="bind"/> reads the parameters in its own order, the first
    /// problem winning; only a call whose every parameter read well reaches <paramref name="run"/>. A reading action may
    /// also read its filters while it runs (<see cref="ApiFilters"/>); one that read badly answers its error (<see cref="Checked"/>).
    /// </summary>
    public static EcsAction InRegion<T>(string name, Func<ApiParameters, T> bind, Func<ApiCall, Region, T, Task<ApiReply>> run, bool changing = false) =>
        new(name, changing, async call =>
        {
            var region = await call.RegionAsync();
            var args = bind(call.P);
            return call.P.Error is { } invalid ? invalid : Checked(call, await run(call, region!, args), changing);
        });

    /// <summary>An action of a region that reads no other parameter.</summary>
    public static EcsAction InRegion(string name, Func<ApiCall, Region, Task<ApiReply>> run, bool changing = false) =>
        InRegion(name, _ => true, (call, region, _) => run(call, region), changing);

    /// <summary>An action that names no region (the catalogue, or a resource whose own region it acts in).</summary>
    public static EcsAction Global<T>(string name, Func<ApiParameters, T> bind, Func<ApiCall, T, Task<ApiReply>> run, bool changing = false) =>
        new(name, changing, async call =>
        {
            var args = bind(call.P);
            return call.P.Error is { } invalid ? invalid : Checked(call, await run(call, args), changing);
        });

    /// <summary>
    /// The reply of a reading action whose run read a parameter badly is that parameter's error: it changed nothing, so
    /// the refusal loses nothing. A changing action reads every parameter in its bind, before it writes.
    /// </summary>
    private static ApiReply Checked(ApiCall call, ApiReply reply, bool changing) =>
        !changing && reply.Error is null && call.P.Error is { } invalid ? invalid : reply;
}
