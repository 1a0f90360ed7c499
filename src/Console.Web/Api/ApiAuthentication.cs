using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;

namespace EcsConsole.Web.Api;

/// <summary>
/// Who is calling (ecs-openapi §1, ADR-007): the V3 (<c>ACS3-HMAC-SHA256</c>) or V1 (<c>HMAC-SHA1</c>) signature checked
/// with the caller's AccessKey, then the key's status, the timestamp window, the nonce and the key's user as the database
/// has it now; only then is the registered action run.
/// </summary>
internal static class ApiAuthentication
{
    public static async Task<ApiReply> HandleV3Async(HttpContext http, string requestId, string authorization,
        Dictionary<string, string> query, byte[]? body, AccessKeyService keys)
    {
        var request = http.Request;

        // Action and version travel in signed headers (or the signed query).
        var action = Header(request, "x-acs-action") ?? Value(query, "Action");
        var version = Header(request, "x-acs-version") ?? Value(query, "Version");
        if (CheckActionAndVersion(action, version) is { } invalid)
        {
            return invalid;
        }

        var auth = ApiSignature.ParseV3(authorization);
        if (auth is null)
        {
            return authorization.StartsWith(ApiSignature.V3Algorithm, StringComparison.Ordinal)
                ? ApiErrors.IncompleteSignature("the Authorization header must be ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=….")
                : ApiErrors.UnsupportedSignatureMethod();
        }

        var unsigned = request.Headers.Keys.Select(k => k.ToLowerInvariant())
            .FirstOrDefault(k => (k.StartsWith("x-acs-", StringComparison.Ordinal) || k == "host") && !auth.SignedHeaders.Contains(k));
        if (unsigned is not null)
        {
            return ApiErrors.IncompleteSignature($"the header {unsigned} must be signed.");
        }

        // A body's parameters count only under the content type that was signed: else the same signature would hold with
        // the body read as something else (its parameters dropped).
        var hasBody = request.ContentLength is not 0 && (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0 || body is { Length: > 0 });
        if (hasBody && request.Headers.ContentType.Count > 0 && !auth.SignedHeaders.Contains("content-type"))
        {
            return ApiErrors.IncompleteSignature("the header content-type must be signed when the request has a body.");
        }

        var held = keys.HeldCredential(auth.AccessKeyId);
        var credential = held ?? await keys.FindCredentialAsync(auth.AccessKeyId, http.RequestAborted);
        if (credential is null)
        {
            return ApiErrors.AccessKeyNotFound();
        }

        ApiCallTrace.Of(http)?.Key(action!, credential, query);

        // The signature first, over the declared payload hash when there is one: a forged call is refused unread.
        var declared = Header(request, "x-acs-content-sha256");
        if (declared is null)
        {
            var read = await ApiBody.EnsureAsync(request, body, http.RequestAborted);
            if (read.Error is { } tooLarge)
            {
                return tooLarge;
            }

            body = read.Body;
        }

        var payloadHash = declared ?? ApiSignature.Sha256Hex(body);
        var stringToSign = ApiSignature.V3StringToSign(request.Method, request.Path.HasValue ? request.Path.Value! : "/", query,
            auth.SignedHeaders, name => name == "host" ? request.Headers.Host.ToString() : Header(request, name), payloadHash.ToLowerInvariant());
        var signer = await SignerAsync(keys, credential, held is not null,
            secret => ApiSignature.SameSignature(ApiSignature.V3Sign(secret, stringToSign), auth.Signature), stringToSign, http.RequestAborted);
        if (signer.Error is { } notSigned)
        {
            return notSigned;
        }

        credential = signer.Credential!;

        if (declared is not null)
        {
            var read = await ApiBody.EnsureAsync(request, body, http.RequestAborted);
            if (read.Error is { } tooLarge)
            {
                return tooLarge;
            }

            body = read.Body;
            if (!string.Equals(declared, ApiSignature.Sha256Hex(body), StringComparison.OrdinalIgnoreCase))
            {
                return ApiErrors.IncompleteSignature("x-acs-content-sha256 does not match the body.");
            }
        }

        var all = ApiBody.Merge(query, request, body!);
        if (all.Error is { } tooMany)
        {
            return tooMany;
        }

        ApiCallTrace.Of(http)?.Parameters(all.Values!);
        return await AuthorizeAndRunAsync(http, requestId, action!, new ApiParameters(all.Values!), keys, credential, stringToSign,
            Header(request, "x-acs-signature-nonce") ?? "", Header(request, "x-acs-date") ?? "");
    }

    public static async Task<ApiReply> HandleV1Async(HttpContext http, string requestId, Dictionary<string, string> query, byte[]? body, AccessKeyService keys)
    {
        var request = http.Request;
        var read = await ApiBody.EnsureAsync(request, body, http.RequestAborted);
        if (read.Error is { } tooLarge)
        {
            return tooLarge;
        }

        var all = ApiBody.Merge(query, request, read.Body!);
        if (all.Error is { } tooMany)
        {
            return tooMany;
        }

        // Action and version are signed parameters: never taken from a header, which V1 does not sign.
        var p = new ApiParameters(all.Values!);
        var action = p.Get("Action");
        if (CheckActionAndVersion(action, p.Get("Version")) is { } invalid)
        {
            return invalid;
        }

        var signature = p.Get("Signature");
        var keyId = p.Get("AccessKeyId");
        if (signature is null || keyId is null)
        {
            return CommonErrors.MissingParameter(keyId is null ? "AccessKeyId" : "Signature");
        }

        if ((p.Get("SignatureMethod") ?? "HMAC-SHA1") != "HMAC-SHA1" || (p.Get("SignatureVersion") ?? "1.0") != "1.0")
        {
            return ApiErrors.UnsupportedSignatureMethod();
        }

        var held = keys.HeldCredential(keyId);
        var credential = held ?? await keys.FindCredentialAsync(keyId, http.RequestAborted);
        if (credential is null)
        {
            return ApiErrors.AccessKeyNotFound();
        }

        ApiCallTrace.Of(http)?.Key(action!, credential, all.Values!);

        var stringToSign = ApiSignature.V1StringToSign(request.Method, all.Values!);
        var signer = await SignerAsync(keys, credential, held is not null,
            secret => ApiSignature.SameSignature(ApiSignature.V1Sign(secret, stringToSign), signature), stringToSign, http.RequestAborted);
        if (signer.Error is { } notSigned)
        {
            return notSigned;
        }

        return await AuthorizeAndRunAsync(http, requestId, action!, p, keys, signer.Credential!, stringToSign,
            p.Get("SignatureNonce") ?? "", p.Get("Timestamp") ?? "");
    }

    /// <summary>
    /// The pair whose secret signed the call: <paramref name="credential"/> when it does; when it does not and it was one
    /// this node held, the pair as the database has it now (it may be gone: <c>InvalidAccessKeyId.NotFound</c>; a pair's
    /// secret never changes, so this is rare); else <c>SignatureDoesNotMatch</c>.
    /// </summary>
    private static async Task<(AccessKeyCredential? Credential, EcsError? Error)> SignerAsync(AccessKeyService keys,
        AccessKeyCredential credential, bool held, Func<string, bool> signs, string stringToSign, CancellationToken ct)
    {
        if (signs(credential.Secret))
        {
            return (credential, null);
        }

        var current = held ? await keys.FindCredentialAsync(credential.Id, ct) : null;
        if (held && current is null)
        {
            return (null, ApiErrors.AccessKeyNotFound());
        }

        return current is not null && signs(current.Secret) ? (current, null) : (null, ApiErrors.SignatureDoesNotMatch(stringToSign));
    }

    private static EcsError? CheckActionAndVersion(string? action, string? version) =>
        string.IsNullOrEmpty(action) ? CommonErrors.MissingParameter("Action")
        : string.IsNullOrEmpty(version) ? CommonErrors.MissingParameter("Version")
        : version != EcsApiMiddleware.Version ? ApiErrors.InvalidVersion()
        : null;

    /// <summary>
    /// After a valid signature: the key Active, the call fresh and not replayed, its user as the database has it now.
    /// <paramref name="credential"/> may be the pair as this node held it (<see cref="AccessKeyService.HeldCredential"/>):
    /// it is used only when the nonce's statement finds the database at the version it was read at, else read again.
    /// </summary>
    private static async Task<ApiReply> AuthorizeAndRunAsync(HttpContext http, string requestId, string action, ApiParameters p,
        AccessKeyService keys, AccessKeyCredential credential, string stringToSign, string nonce, string timestamp)
    {
        if (credential.Status != AccessKeyStatus.Active)
        {
            return ApiErrors.AccessKeyDisabled();
        }

        // Fresh and not replayed.
        if (timestamp.Length == 0)
        {
            return ApiErrors.MissingTimestamp();
        }

        if (!ApiTime.TryParse(timestamp, out var sentAt))
        {
            return ApiErrors.IllegalTimestamp();
        }

        var services = http.RequestServices;
        var time = services.GetRequiredService<TimeProvider>();
        // Callers sign with their own (system) clock: a simulated clock moved ahead does not expire their calls (ADR-012).
        if ((time.GetUtcNow() - sentAt).Duration() > EcsApiMiddleware.TimestampWindow
            && (EcsConsole.Domain.Simulation.SimulatedClock.WallNow - sentAt).Duration() > EcsApiMiddleware.TimestampWindow)
        {
            return ApiErrors.TimestampExpired();
        }

        if (nonce.Length == 0)
        {
            return CommonErrors.MissingParameter("SignatureNonce");
        }

        var use = await services.GetRequiredService<SignatureNonceService>().UseAsync(credential.Id, nonce, http.RequestAborted);
        if (!use.Fresh || use.DataVersion is null || use.DataVersion != credential.DataVersion)
        {
            // The database changed since the pair and its user were read (or the call is a replay, whose refusal comes
            // after the key's own): read them again, in the order the checks above have.
            var current = await keys.FindCredentialAsync(credential.Id, http.RequestAborted);
            if (current is null)
            {
                return ApiErrors.AccessKeyNotFound();
            }

            if (!string.Equals(current.Secret, credential.Secret, StringComparison.Ordinal))
            {
                return ApiErrors.SignatureDoesNotMatch(stringToSign);
            }

            if (current.Status != AccessKeyStatus.Active)
            {
                return ApiErrors.AccessKeyDisabled();
            }

            if (!use.Fresh)
            {
                return ApiErrors.NonceUsed();
            }

            credential = current;
        }

        // Act as the key's user, with its account, role, permissions and quotas as they are now (a locked-out user is
        // refused; a removed one has no keys left), read with the key in the same statement (FindCredentialAsync).
        var actor = AccountService.ActorOf(credential.User, ActorSource.Api, time.GetUtcNow());
        if (!actor.IsSuccess)
        {
            return actor.Error!.Code == CommonErrors.ForbiddenCode ? actor.Error : ApiErrors.AccessKeyNotFound();
        }

        ApiCallTrace.Of(http)?.Caller(actor.Value.AccountId, actor.Value.Email);

        if (!EcsActions.All.TryGetValue(action, out var registered))
        {
            return ApiErrors.ActionNotFound();
        }

        // An injected API fault (ui-contract §7) answers instead of the action, for any caller; taken and audited atomically.
        // The key's read said whether any is pending at all. RegionId is read either way (a fault may be scoped to it), so
        // that it is never named ignored.
        var faultRegion = p.Get("RegionId");
        var fault = credential.ApiFaultsPending
            ? await services.GetRequiredService<EcsConsole.Domain.Simulation.SimulationFaults>()
                .TakeApiFaultAsync(actor.Value, action, faultRegion, http.RequestAborted)
            : null;
        if (fault is not null)
        {
            return fault;
        }

        // A reading action whose answers the data alone decides may be answered as it was, while the data version the
        // key's read found is still the database's (ADR-033).
        var call = new ApiCall(http, action, p, actor.Value, requestId);
        var (reply, ignored) = registered.Cacheable && credential.DataVersion is { } version
            ? await services.GetRequiredService<ApiAnswerCache>().AnswerAsync(call, registered, version)
            : await RunAsync(call, registered);
        if (ignored is not null)
        {
            http.Response.Headers[IgnoredParametersHeader] = ignored;
        }

        return reply;
    }

    private static async Task<(ApiReply, string?)> RunAsync(ApiCall call, EcsAction action)
    {
        var reply = await action.InvokeAsync(call);
        return (reply, IgnoredParameters(call.P, reply));
    }

    /// <summary>
    /// What the call sent and the action never asked for, when it succeeded (or would have, on a dry run): ECS would have
    /// used it or refused it (#21). Named in a header of the answer so a suite sees what the emulator ignored; null: none.
    /// </summary>
    public static string? IgnoredParameters(ApiParameters p, ApiReply reply) =>
        (reply.Error is null || reply.Error.Code == CommonErrors.DryRunOperationCode) && p.Unread(ApiParameters.Protocol) is { Count: > 0 } ignored
            ? string.Join(',', ignored)
            : null;

    /// <summary>The answer's header naming the parameters a successful call ignored (none: no header).</summary>
    public const string IgnoredParametersHeader = "x-ecsconsole-ignored-parameters";

    private static string? Value(Dictionary<string, string> values, string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(',', values.Select(v => v?.Trim())) : null;
}
