using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.ApiLog;
using EcsConsole.Domain.Common;

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
        var trace = new ApiCallTrace(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        http.Features.Set(trace);
        ApiReply? reply = null; // null: not an API call after all
        try
        {
            byte[]? body = null;
            if (!isApi)
            {
                var (read, tooLarge) = await ApiBody.ReadAsync(request, http.RequestAborted);
                if (tooLarge is not null)
                {
                    reply = tooLarge;
                }
                else if (!ApiBody.ParseForm(read!).ContainsKey("Action"))
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

        await ApiResponse.WriteAsync(http, requestId, answer);

        // The API log (ADR-013): handed over, never written on the call's path.
        if (trace.Finish(requestId, answer) is { } record)
        {
            http.RequestServices.GetRequiredService<ApiCallQueue>().Record(record);
        }
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
            ? await ApiAuthentication.HandleV3Async(http, requestId, authorization, query, body, keys)
            : await ApiAuthentication.HandleV1Async(http, requestId, query, body, keys);
    }
}
