using EcsConsole.Domain.Common;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>One authenticated API call as an action sees it: who acts, the parameters, and the services to call.</summary>
public sealed class ApiCall(HttpContext http, string action, ApiParameters parameters, Actor actor, string requestId)
{
    public string Action { get; } = action;

    public ApiParameters P { get; } = parameters;

    /// <summary>The AccessKey's user, with <see cref="ActorSource.Api"/>.</summary>
    public Actor Actor { get; } = actor;

    public string RequestId { get; } = requestId;

    public CancellationToken Ct => http.RequestAborted;

    /// <summary>Whether the run read the clock (<see cref="ReadTheClock"/>): its answer is not kept (ADR-033).</summary>
    public bool ClockRead { get; private set; }

    /// <summary>
    /// Says that the answer depends on the time as well as on the data (a copy's remaining time, say): it is not kept
    /// for the next call (<see cref="ApiAnswerCache"/>).
    /// </summary>
    public void ReadTheClock() => ClockRead = true;

    /// <summary>The same call made by a dry-run actor (<see cref="Actor.DryRun"/>, ADR-016).</summary>
    public ApiCall AsDryRun() => new(http, Action, P, Actor with { DryRun = true }, RequestId);

    public T Service<T>()
        where T : notnull => http.RequestServices.GetRequiredService<T>();

    /// <summary>
    /// The region named by <paramref name="name"/> (required): records <c>MissingParameter</c> when absent and returns null
    /// for an unknown region, recording <c>InvalidRegionId.NotFound</c>.
    /// </summary>
    public async Task<Region?> RegionAsync(string name = "RegionId")
    {
        var id = P.Required(name);
        if (P.Error is not null)
        {
            return null;
        }

        var region = await Service<RegionService>().FindAsync(id, Ct);
        if (region is null)
        {
            P.Fail(CommonErrors.RegionNotFound(id));
        }

        return region;
    }

    /// <summary>The plain success body <c>{"RequestId"}</c>, or the failure's error.</summary>
    public ApiReply Done(Result result) => result.IsSuccess ? ApiReply.Ok(new { RequestId }) : result.Error;

    /// <inheritdoc cref="Done(Result)"/>
    public ApiReply Done<T>(Result<T> result) => Done(result.ToResult());
}

/// <summary>What an action answers: a success body (serialized as is, with exact ECS names) or an ECS error.</summary>
public readonly record struct ApiReply(object? Body, EcsError? Error)
{
    public static ApiReply Ok(object body) => new(body, null);

    public static implicit operator ApiReply(EcsError error) => new(null, error);
}

/// <summary>Maps a domain result onto a reply: the body built from its value, or its error.</summary>
public static class ApiReplies
{
    public static ApiReply Reply<T>(this Result<T> result, Func<T, object> body) => result.IsSuccess ? ApiReply.Ok(body(result.Value)) : result.Error;
}

/// <summary>An action of the API: parameters in, reply out. Actions only map; every rule lives in a domain service.</summary>
public delegate Task<ApiReply> ApiAction(ApiCall call);
