using System.Text;
using System.Text.Json;
using EcsConsole.Domain.Common;
using Microsoft.Extensions.Caching.Memory;

namespace EcsConsole.Web.Api;

/// <summary>
/// Answers of reading actions kept on this node (issue #20, ADR-033), each with the database's data version
/// (<see cref="EcsConsole.Domain.Persistence.DataVersion"/>) the call read before anything else. A call of the same
/// action, by the same caller, with the same parameters, is given the kept answer (with its own <c>RequestId</c>) only
/// while the database still holds that version: any committed change of any versioned table, on any node, makes the
/// next call run the action again. A node that lost or never had an answer runs the action; the cache speeds answers
/// up and never decides one. Only what the data alone decides is kept: the action's registration says so
/// (<see cref="EcsAction.Cacheable"/>), and a run that also read the clock says so (<see cref="ApiCall.ReadTheClock"/>).
/// Bounded by <see cref="MaxBytes"/> of kept JSON (least recently used first out, as <see cref="MemoryCache"/> compacts).
/// <para>One run per (call, version) at a time on a node: the calls that miss while the same answer is being made at the
/// same version wait for it instead of each running the action (under a side load every change of the data version made
/// each of the connections in flight run the catalogue at once). Such an answer is the one they would have made; when it
/// is not one to keep (an error, a run that read the clock) each waiter runs the action itself.</para>
/// </summary>
public sealed class ApiAnswerCache : IDisposable
{
    /// <summary>The most JSON kept on a node.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxBytes, CompactionPercentage = 0.25 });

    /// <summary>An answer as kept: the JSON before and after its <c>RequestId</c>, and the ignored-parameters header it had.</summary>
    private sealed record Answer(string Version, byte[] Before, byte[] After, string? Ignored);

    /// <summary>How many calls were answered from the cache, and how many ran their action (for the benchmarks and tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <inheritdoc cref="Hits"/>
    public long Misses => Interlocked.Read(ref _misses);

    private long _hits;
    private long _misses;

    /// <summary>The answers being made, by key and version (an entry lives only while its run does).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, string Version), Task<Answer?>> _making = new();

    /// <summary>
    /// The call's answer: the kept one while <paramref name="version"/> is the one it was made at, else the action's,
    /// kept when it succeeded and read no clock. Returns the reply and the ignored-parameters header it carries.
    /// </summary>
    public async Task<(ApiReply Reply, string? Ignored)> AnswerAsync(ApiCall call, EcsAction action, string version)
    {
        var key = Key(call);
        if (_answers.TryGetValue(key, out Answer? kept) && kept!.Version == version)
        {
            Interlocked.Increment(ref _hits);
            return (ApiReply.Ok(new SerializedBody(kept.Before, kept.After)), kept.Ignored);
        }

        var mine = new TaskCompletionSource<Answer?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var making = _making.GetOrAdd((key, version), mine.Task);
        if (making != mine.Task && await making is { } made)
        {
            Interlocked.Increment(ref _hits);
            return (ApiReply.Ok(new SerializedBody(made.Before, made.After)), made.Ignored);
        }

        Answer? answer = null;
        try
        {
            Interlocked.Increment(ref _misses);
            var (reply, ignored, ours) = await RunAsync(call, action, version);
            answer = ours;
            if (answer is not null)
            {
                _answers.Set(key, answer, new MemoryCacheEntryOptions { Size = answer.Before.Length + answer.After.Length + (2 * key.Length) + 256 });
            }

            return (reply, ignored);
        }
        finally
        {
            if (making == mine.Task)
            {
                _making.TryRemove(new KeyValuePair<(string, string), Task<Answer?>>((key, version), mine.Task));
                mine.SetResult(answer);
            }
        }
    }

    /// <summary>Runs the action; the answer to keep, when it is one (a success that read no clock, its RequestId once).</summary>
    private static async Task<(ApiReply Reply, string? Ignored, Answer? Kept)> RunAsync(ApiCall call, EcsAction action, string version)
    {
        var reply = await action.InvokeAsync(call);
        var ignored = ApiAuthentication.IgnoredParameters(call.P, reply);
        if (reply.Error is not null || reply.Body is null || call.ClockRead)
        {
            return (reply, ignored, null);
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(reply.Body, reply.Body.GetType(), EcsApiMiddleware.Json);
        var id = Encoding.UTF8.GetBytes($"\"{call.RequestId}\"");
        var at = json.AsSpan().IndexOf(id);
        if (at < 0 || json.AsSpan(at + id.Length).IndexOf(id) >= 0)
        {
            return (reply, ignored, null); // an answer without its RequestId once and only once is not one to replay
        }

        var answer = new Answer(version, json[..(at + 1)], json[(at + id.Length - 1)..], ignored);
        return (ApiReply.Ok(new SerializedBody(answer.Before, answer.After)), ignored, answer);
    }

    /// <summary>What makes two calls the same: the action, the caller (user, account, role) and every parameter but the
    /// signature's own, which differ per call (each name and value length-prefixed, so no two sets read alike).</summary>
    private static string Key(ApiCall call)
    {
        var key = new StringBuilder(256).Append(call.Action).Append('\n')
            .Append(call.Actor.UserId).Append('\n').Append(call.Actor.AccountId).Append('\n')
            .Append(call.Actor.Role).Append(call.Actor.IsPlatformAdmin ? "\nadmin" : "").Append('\n');
        foreach (var (name, value) in call.P.Values.Where(kv => !PerCall.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            key.Append(name.Length).Append(':').Append(name).Append(value.Length).Append(':').Append(value);
        }

        return key.ToString();
    }

    /// <summary>The parameters that differ from one call to the next by design (the signature's).</summary>
    private static readonly IReadOnlySet<string> PerCall = new HashSet<string>(StringComparer.Ordinal)
    {
        "Signature", "SignatureNonce", "Timestamp",
    };

    public void Dispose() => _answers.Dispose();
}

/// <summary>A success body already serialized: <see cref="Before"/>, the call's own <c>RequestId</c>, <see cref="After"/>.</summary>
public sealed record SerializedBody(byte[] Before, byte[] After);
