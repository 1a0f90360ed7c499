using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace EcsConsole.Web.Api;

/// <summary>
/// The ECS OpenAPI (RPC, Version 2014-05-26) at the root path of the console's own address (ui-contract §5): a request to
/// <c>/</c> that carries <c>x-acs-action</c> or an <c>Action</c> parameter is an API call, never a page. The middleware
/// collects the parameters (query plus form body), verifies the V3 or V1 signature with the caller's AccessKey, checks the
/// timestamp window and the nonce, acts as the key's user (<see cref="ActorSource.Api"/>), dispatches to the action, and
/// writes the exact JSON or the ECS error body with its HTTP status. Bad input is never a 500.
/// </summary>
public sealed class EcsApiMiddleware(RequestDelegate next, ILogger<EcsApiMiddleware> logger)
{
    public const string Version = "2014-05-26";

    /// <summary>Timestamps further than this from the server's clock are refused (<c>InvalidTimeStamp.Expired</c>).</summary>
    public static readonly TimeSpan TimestampWindow = TimeSpan.FromMinutes(15);

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The largest request body the API reads (a V1 form body carries what a query string would: the largest legitimate
    /// call, RunInstances with 32 KB of UserData, is about 45 KB). A larger declared body is refused before a byte of it is
    /// read; a chunked one is refused as soon as it passes the cap.
    /// </summary>
    public const int MaxBodyBytes = 128 * 1024;

    /// <summary>The most parameters (query and form together) one call may carry; ASP.NET Core's own form limit.</summary>
    public const int MaxParameters = 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Path != "/" && request.Path != "")
        {
            await next(http);
            return;
        }

        // An API call: x-acs-action or an Action in the query, known without touching the body. A form POST to "/" can
        // only tell by its body: read it (capped), and hand it on to the pages when it has no Action. The pages run
        // outside the try below: their failures are theirs to show, never an ECS error body.
        var isApi = request.Headers.ContainsKey("x-acs-action") || request.Query.ContainsKey("Action");
        if (!isApi && (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType))
        {
            await next(http);
            return;
        }

        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        ApiReply? reply = null; // null: not an API call after all
        try
        {
            byte[]? body = null;
            if (!isApi)
            {
                var (read, tooLarge) = await ReadBodyAsync(request, http.RequestAborted);
                if (tooLarge is not null)
                {
                    reply = tooLarge;
                }
                else if (!ParseForm(read!).ContainsKey("Action"))
                {
                    request.Body = new MemoryStream(read!, writable: false);
                }
                else
                {
                    body = read;
                    isApi = true;
                }
            }

            if (isApi)
            {
                reply = await HandleAsync(http, requestId, body);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // A bug, never bad input: logged, answered as ECS's InternalError.
            logger.LogError(e, "ECS API request {RequestId} failed", requestId);
            reply = CommonErrors.InternalError();
        }

        if (reply is not { } answer)
        {
            await next(http);
            return;
        }

        await WriteAsync(http, requestId, answer);
    }

    /// <summary>
    /// Authenticates and runs one call. What cannot be authenticated is refused before the body is read: a V3 call's key
    /// is looked up and its signature checked against the signed <c>x-acs-content-sha256</c> first; only then is the body
    /// read (at most <see cref="MaxBodyBytes"/>) and held to that hash. A V1 call signs its parameters, so a form body is
    /// read (capped) before its signature can be checked.
    /// </summary>
    private static async Task<ApiReply> HandleAsync(HttpContext http, string requestId, byte[]? body)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            return ApiErrors.UnsupportedMethod();
        }

        if (request.Query.Count > MaxParameters)
        {
            return ApiErrors.TooManyParameters(MaxParameters);
        }

        var query = request.Query.ToDictionary(q => q.Key, q => q.Value[^1] ?? "", StringComparer.Ordinal);
        var authorization = request.Headers.Authorization.ToString();
        var services = http.RequestServices;
        var keys = services.GetRequiredService<AccessKeyService>();
        return authorization.StartsWith("ACS3-", StringComparison.Ordinal)
            ? await HandleV3Async(http, requestId, authorization, query, body, keys)
            : await HandleV1Async(http, requestId, query, body, keys);
    }

    private static async Task<ApiReply> HandleV3Async(HttpContext http, string requestId, string authorization,
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

        var credential = await keys.FindCredentialAsync(auth.AccessKeyId, http.RequestAborted);
        if (credential is null)
        {
            return ApiErrors.AccessKeyNotFound();
        }

        // The signature first, over the declared payload hash when there is one: a forged call is refused unread.
        var declared = Header(request, "x-acs-content-sha256");
        if (declared is null)
        {
            var read = await EnsureBodyAsync(request, body, http.RequestAborted);
            if (read.Error is { } tooLarge)
            {
                return tooLarge;
            }

            body = read.Body;
        }

        var payloadHash = declared ?? ApiSignature.Sha256Hex(body);
        var stringToSign = ApiSignature.V3StringToSign(request.Method, request.Path.HasValue ? request.Path.Value! : "/", query,
            auth.SignedHeaders, name => name == "host" ? request.Headers.Host.ToString() : Header(request, name), payloadHash.ToLowerInvariant());
        if (!ApiSignature.SameSignature(ApiSignature.V3Sign(credential.Secret, stringToSign), auth.Signature))
        {
            return ApiErrors.SignatureDoesNotMatch(stringToSign);
        }

        if (declared is not null)
        {
            var read = await EnsureBodyAsync(request, body, http.RequestAborted);
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

        var all = Merge(query, request, body!);
        if (all.Error is { } tooMany)
        {
            return tooMany;
        }

        return await AuthorizeAndRunAsync(http, requestId, action!, new ApiParameters(all.Values!), credential,
            Header(request, "x-acs-signature-nonce") ?? "", Header(request, "x-acs-date") ?? "");
    }

    private static async Task<ApiReply> HandleV1Async(HttpContext http, string requestId, Dictionary<string, string> query, byte[]? body, AccessKeyService keys)
    {
        var request = http.Request;
        var read = await EnsureBodyAsync(request, body, http.RequestAborted);
        if (read.Error is { } tooLarge)
        {
            return tooLarge;
        }

        var all = Merge(query, request, read.Body!);
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

        var credential = await keys.FindCredentialAsync(keyId, http.RequestAborted);
        if (credential is null)
        {
            return ApiErrors.AccessKeyNotFound();
        }

        var stringToSign = ApiSignature.V1StringToSign(request.Method, all.Values!);
        if (!ApiSignature.SameSignature(ApiSignature.V1Sign(credential.Secret, stringToSign), signature))
        {
            return ApiErrors.SignatureDoesNotMatch(stringToSign);
        }

        return await AuthorizeAndRunAsync(http, requestId, action!, p, credential, p.Get("SignatureNonce") ?? "", p.Get("Timestamp") ?? "");
    }

    private static EcsError? CheckActionAndVersion(string? action, string? version) =>
        string.IsNullOrEmpty(action) ? CommonErrors.MissingParameter("Action")
        : string.IsNullOrEmpty(version) ? CommonErrors.MissingParameter("Version")
        : version != Version ? ApiErrors.InvalidVersion()
        : null;

    /// <summary>After a valid signature: the key Active, the call fresh and not replayed, its user as the database has it now.</summary>
    private static async Task<ApiReply> AuthorizeAndRunAsync(HttpContext http, string requestId, string action, ApiParameters p,
        AccessKeyCredential credential, string nonce, string timestamp)
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
        if ((time.GetUtcNow() - sentAt).Duration() > TimestampWindow)
        {
            return ApiErrors.TimestampExpired();
        }

        if (nonce.Length == 0)
        {
            return CommonErrors.MissingParameter("SignatureNonce");
        }

        if (!services.GetRequiredService<NonceCache>().TryUse(credential.Id, nonce))
        {
            return ApiErrors.NonceUsed();
        }

        // Act as the key's user, with its account, role, permissions and quotas as they are now (a locked-out user is
        // refused; a removed one has no keys left).
        var actor = await services.GetRequiredService<AccountService>().GetActorAsync(credential.UserId, ActorSource.Api, http.RequestAborted);
        if (!actor.IsSuccess)
        {
            return actor.Error!.Code == CommonErrors.ForbiddenCode ? actor.Error : ApiErrors.AccessKeyNotFound();
        }

        return EcsActions.All.TryGetValue(action, out var registered)
            ? await registered.InvokeAsync(new ApiCall(http, action, p, actor.Value, requestId))
            : ApiErrors.ActionNotFound();
    }

    private static string? Value(Dictionary<string, string> values, string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    /// <summary>The body, read now unless it was read already.</summary>
    private static async Task<(byte[]? Body, EcsError? Error)> EnsureBodyAsync(HttpRequest request, byte[]? body, CancellationToken ct) =>
        body is not null ? (body, null) : await ReadBodyAsync(request, ct);

    /// <summary>
    /// The whole body, at most <see cref="MaxBodyBytes"/>: a larger declared length is refused without reading, a longer
    /// chunked body as soon as it passes the cap (Kestrel is told the same cap, so it never buffers more either).
    /// </summary>
    private static async Task<(byte[]? Body, EcsError? Error)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (null, ApiErrors.RequestTooLarge(MaxBodyBytes));
        }

        // A GET without a body (the SDKs' V1 GET, most V3 calls) costs no buffer and no read.
        if (request.ContentLength is 0
            || request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return ([], null);
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var buffer = new byte[request.ContentLength is { } length ? (int)length : 4096];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (request.ContentLength is not null)
                    {
                        break;
                    }

                    if (buffer.Length > MaxBodyBytes)
                    {
                        return (null, ApiErrors.RequestTooLarge(MaxBodyBytes));
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                }

                var n = await request.Body.ReadAsync(buffer.AsMemory(filled), ct);
                if (n == 0)
                {
                    break;
                }

                filled += n;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiErrors.RequestTooLarge(MaxBodyBytes));
        }

        return filled > MaxBodyBytes ? (null, ApiErrors.RequestTooLarge(MaxBodyBytes)) : (buffer.AsSpan(0, filled).ToArray(), null);
    }

    /// <summary>The query merged with a form body's fields (the body wins), or <c>InvalidParameter</c> past <see cref="MaxParameters"/>.</summary>
    private static (Dictionary<string, string>? Values, EcsError? Error) Merge(Dictionary<string, string> query, HttpRequest request, byte[] body)
    {
        var all = new Dictionary<string, string>(query, StringComparer.Ordinal);
        if (request.HasFormContentType && body.Length > 0)
        {
            var form = ParseForm(body);
            if (form.Count + query.Count > MaxParameters)
            {
                return (null, ApiErrors.TooManyParameters(MaxParameters));
            }

            foreach (var field in form)
            {
                all[field.Key] = field.Value[^1] ?? "";
            }
        }

        return (all, null);
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> ParseForm(byte[] body) =>
        QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(',', values.Select(v => v?.Trim())) : null;

    private static async Task WriteAsync(HttpContext http, string requestId, ApiReply reply)
    {
        var response = http.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.Headers["x-acs-request-id"] = requestId;
        response.ContentType = "application/json;charset=utf-8";
        if (reply.Error is { } error)
        {
            response.StatusCode = error.HttpStatus;
            await JsonSerializer.SerializeAsync(response.Body, new ErrorBody(
                requestId, http.Request.Host.Host, error.Code, error.Message,
                $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Ecs&requestId={requestId}"), Json, http.RequestAborted);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        await JsonSerializer.SerializeAsync(response.Body, reply.Body ?? new { RequestId = requestId }, reply.Body?.GetType() ?? typeof(object), Json, http.RequestAborted);
    }

    private sealed record ErrorBody(string RequestId, string HostId, string Code, string Message, string Recommend);
}
