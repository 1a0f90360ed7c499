using EcsConsole.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace EcsConsole.Web.Api;

/// <summary>An API call's body, read at most once and capped (ADR-007), and its parameters merged with the query's.</summary>
internal static class ApiBody
{
    /// <summary>The body, read now unless it was read already.</summary>
    public static async Task<(byte[]? Body, EcsError? Error)> EnsureAsync(HttpRequest request, byte[]? body, CancellationToken ct) =>
        body is not null ? (body, null) : await ReadAsync(request, ct);

    /// <summary>The whole body of an API call, at most <see cref="EcsApiMiddleware.MaxBodyBytes"/> (<see cref="ReadCappedAsync"/>).</summary>
    public static Task<(byte[]? Body, EcsError? Error)> ReadAsync(HttpRequest request, CancellationToken ct) =>
        ReadCappedAsync(request, EcsApiMiddleware.MaxBodyBytes, ApiErrors.RequestTooLarge(EcsApiMiddleware.MaxBodyBytes), ct);

    /// <summary>
    /// The whole body, at most <paramref name="maxBytes"/>, else <paramref name="tooLarge"/>: a larger declared length is refused
    /// without reading, a longer chunked body as soon as it passes the cap (Kestrel is told the same cap, so it never buffers
    /// more either).
    /// </summary>
    public static async Task<(byte[]? Body, EcsError? Error)> ReadCappedAsync(HttpRequest request, int maxBytes, EcsError tooLarge, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }

        // A GET without a body (the SDKs' V1 GET, most V3 calls) costs no buffer and no read.
        if (request.ContentLength is 0
            || request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return ([], null);
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
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

                    if (buffer.Length > maxBytes)
                    {
                        return (null, tooLarge);
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
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
            return (null, tooLarge);
        }

        return filled > maxBytes ? (null, tooLarge) : (buffer.AsSpan(0, filled).ToArray(), null);
    }

    /// <summary>The query merged with a form body's fields (the body wins), or <c>InvalidParameter</c> past <see cref="EcsApiMiddleware.MaxParameters"/>.</summary>
    public static (Dictionary<string, string>? Values, EcsError? Error) Merge(Dictionary<string, string> query, HttpRequest request, byte[] body)
    {
        var all = new Dictionary<string, string>(query, StringComparer.Ordinal);
        if (request.HasFormContentType && body.Length > 0)
        {
            var form = ParseForm(body);
            if (form.Count + query.Count > EcsApiMiddleware.MaxParameters)
            {
                return (null, ApiErrors.TooManyParameters(EcsApiMiddleware.MaxParameters));
            }

            foreach (var field in form)
            {
                all[field.Key] = field.Value[^1] ?? "";
            }
        }

        return (all, null);
    }

    public static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> ParseForm(byte[] body) =>
        QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
}
