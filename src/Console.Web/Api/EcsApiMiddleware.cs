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

    public async Task InvokeAsync(HttpContext http)
    {
        if (!await IsApiRequestAsync(http.Request))
        {
            await next(http);
            return;
        }

        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        ApiReply reply;
        try
        {
            reply = await HandleAsync(http, requestId);
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

        await WriteAsync(http, requestId, reply);
    }

    /// <summary>An API call: the root path with <c>x-acs-action</c>, or an <c>Action</c> in the query or a form body.</summary>
    public static async Task<bool> IsApiRequestAsync(HttpRequest request)
    {
        if (request.Path != "/" && request.Path != "")
        {
            return false;
        }

        if (request.Headers.ContainsKey("x-acs-action") || request.Query.ContainsKey("Action"))
        {
            return true;
        }

        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            request.EnableBuffering();
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            request.Body.Position = 0;
            return form.ContainsKey("Action");
        }

        return false;
    }

    private static async Task<ApiReply> HandleAsync(HttpContext http, string requestId)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            return ApiErrors.UnsupportedMethod();
        }

        // 1. Parameters: the query, merged with a form body; the raw body is kept for the V3 payload hash.
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value[^1] ?? "", StringComparer.Ordinal);
        var all = new Dictionary<string, string>(query, StringComparer.Ordinal);
        if (request.HasFormContentType && body.Length > 0)
        {
            foreach (var field in QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body)))
            {
                all[field.Key] = field.Value[^1] ?? "";
            }
        }

        var p = new ApiParameters(all);
        var authorization = request.Headers.Authorization.ToString();
        var isV3 = authorization.StartsWith("ACS3-", StringComparison.Ordinal);

        // 2. Action and version: V3 carries them in signed headers, V1 in signed parameters.
        var action = isV3 ? Header(request, "x-acs-action") ?? p.Get("Action") : p.Get("Action") ?? Header(request, "x-acs-action");
        var version = isV3 ? Header(request, "x-acs-version") ?? p.Get("Version") : p.Get("Version") ?? Header(request, "x-acs-version");
        if (string.IsNullOrEmpty(action))
        {
            return CommonErrors.MissingParameter("Action");
        }

        if (string.IsNullOrEmpty(version))
        {
            return CommonErrors.MissingParameter("Version");
        }

        if (version != Version)
        {
            return ApiErrors.InvalidVersion();
        }

        // 3. Who calls, and is it really them.
        var services = http.RequestServices;
        var keys = services.GetRequiredService<AccessKeyService>();
        AccessKeyCredential? credential;
        string nonce;
        string timestamp;
        if (isV3)
        {
            var auth = ApiSignature.ParseV3(authorization);
            if (auth is null)
            {
                return authorization.StartsWith(ApiSignature.V3Algorithm, StringComparison.Ordinal)
                    ? ApiErrors.IncompleteSignature("the Authorization header must be ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=….")
                    : ApiErrors.UnsupportedSignatureMethod();
            }

            credential = await keys.FindCredentialAsync(auth.AccessKeyId, http.RequestAborted);
            if (credential is null)
            {
                return ApiErrors.AccessKeyNotFound();
            }

            var payloadHash = ApiSignature.Sha256Hex(body);
            if (Header(request, "x-acs-content-sha256") is { } declared && !string.Equals(declared, payloadHash, StringComparison.OrdinalIgnoreCase))
            {
                return ApiErrors.IncompleteSignature("x-acs-content-sha256 does not match the body.");
            }

            var unsigned = request.Headers.Keys.Select(k => k.ToLowerInvariant())
                .FirstOrDefault(k => (k.StartsWith("x-acs-", StringComparison.Ordinal) || k == "host") && !auth.SignedHeaders.Contains(k));
            if (unsigned is not null)
            {
                return ApiErrors.IncompleteSignature($"the header {unsigned} must be signed.");
            }

            var stringToSign = ApiSignature.V3StringToSign(request.Method, request.Path.HasValue ? request.Path.Value! : "/", query,
                auth.SignedHeaders, name => name == "host" ? request.Headers.Host.ToString() : Header(request, name), payloadHash);
            if (!ApiSignature.SameSignature(ApiSignature.V3Sign(credential.Secret, stringToSign), auth.Signature))
            {
                return ApiErrors.SignatureDoesNotMatch(stringToSign);
            }

            nonce = Header(request, "x-acs-signature-nonce") ?? "";
            timestamp = Header(request, "x-acs-date") ?? "";
        }
        else
        {
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

            credential = await keys.FindCredentialAsync(keyId, http.RequestAborted);
            if (credential is null)
            {
                return ApiErrors.AccessKeyNotFound();
            }

            var stringToSign = ApiSignature.V1StringToSign(request.Method, all);
            if (!ApiSignature.SameSignature(ApiSignature.V1Sign(credential.Secret, stringToSign), signature))
            {
                return ApiErrors.SignatureDoesNotMatch(stringToSign);
            }

            nonce = p.Get("SignatureNonce") ?? "";
            timestamp = p.Get("Timestamp") ?? "";
        }

        if (credential.Status != AccessKeyStatus.Active)
        {
            return ApiErrors.AccessKeyDisabled();
        }

        // 4. Fresh and not replayed.
        if (timestamp.Length == 0)
        {
            return ApiErrors.MissingTimestamp();
        }

        if (!ApiTime.TryParse(timestamp, out var sentAt))
        {
            return ApiErrors.IllegalTimestamp();
        }

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

        // 5. Act as the key's user, with its account, role, permissions and quotas.
        var actor = await services.GetRequiredService<AccountService>().GetActorAsync(credential.UserId, ActorSource.Api, http.RequestAborted);
        if (!actor.IsSuccess)
        {
            return ApiErrors.AccessKeyNotFound();
        }

        if (!EcsActions.All.TryGetValue(action, out var handler))
        {
            return ApiErrors.ActionNotFound();
        }

        if (p.Get("DryRun") is { } dryRun && dryRun.Equals("true", StringComparison.OrdinalIgnoreCase) && EcsActions.Changing.Contains(action))
        {
            return ApiErrors.DryRun(action);
        }

        return await handler(new ApiCall(http, action, p, actor.Value, requestId));
    }

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
