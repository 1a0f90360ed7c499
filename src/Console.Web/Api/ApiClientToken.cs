using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsConsole.Domain.ClientTokens;

namespace EcsConsole.Web.Api;

/// <summary>
/// <c>ClientToken</c> for every action registered <see cref="EcsAction.WithClientToken"/> (VAL-TOKEN-01, ADR-021): the
/// call claims the token (<see cref="ClientTokenService"/>, in the database, so across nodes) before the action runs;
/// a retry with the same parameters gets the first call's answer (its own <c>RequestId</c>), nothing run again.
/// </summary>
internal static class ApiClientToken
{
    /// <summary>The protocol's parameters and the token itself: the same call retried differs in these.</summary>
    private static readonly FrozenSet<string> NotCompared = FrozenSet.ToFrozenSet([.. ApiParameters.Protocol, "ClientToken"], StringComparer.Ordinal);

    /// <summary>The SHA-256 of every other non-empty parameter, in ordinal order of name.</summary>
    public static string Fingerprint(ApiParameters p)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in p.Values.Where(kv => kv.Value.Length > 0 && !NotCompared.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\u0000').Append(value).Append('\u0000');
        }

        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Runs <paramref name="run"/> at most once per token: the first call's success is kept and replayed.</summary>
    public static async Task<ApiReply> RunOnceAsync(ApiCall call, string accountId, string token, Func<Task<ApiReply>> run)
    {
        var tokens = call.Service<ClientTokenService>();
        var turn = await tokens.ClaimAsync(accountId, call.Action, token, Fingerprint(call.P), call.Ct);
        if (turn.Error is { } refused)
        {
            return refused;
        }

        if (turn.Answer is { } answer)
        {
            var replay = JsonNode.Parse(answer)!.AsObject();
            replay["RequestId"] = call.RequestId;
            return ApiReply.Ok(replay);
        }

        var claimId = turn.ClaimId!;
        ApiReply reply;
        try
        {
            reply = await run();
        }
        catch
        {
            await tokens.ReleaseAsync(accountId, call.Action, token, claimId, CancellationToken.None);
            throw;
        }

        // Kept or released whatever became of the caller's connection: a retry must find the claim settled.
        if (reply.Error is null && reply.Body is { } body)
        {
            await tokens.CompleteAsync(accountId, call.Action, token, claimId, StatusCodes.Status200OK,
                JsonSerializer.Serialize(body, body.GetType(), EcsApiMiddleware.Json), CancellationToken.None);
        }
        else
        {
            await tokens.ReleaseAsync(accountId, call.Action, token, claimId, CancellationToken.None);
        }

        return reply;
    }
}
