using System.Buffers;
using System.Text.Json;

namespace EcsConsole.Web.Api;

/// <summary>
/// The one way an API call is answered: a success body serialized as the action built it, or an <c>EcsError</c> as ECS's
/// error body (<c>RequestId</c>, <c>HostId</c>, <c>Code</c>, <c>Message</c>, <c>Recommend</c>) with the code's HTTP status.
/// </summary>
internal static class ApiResponse
{
    public static async Task WriteAsync(HttpContext http, string requestId, ApiReply reply)
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
                $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Ecs&requestId={requestId}"), EcsApiMiddleware.Json, http.RequestAborted);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        if (reply.Body is SerializedBody kept)
        {
            // A kept answer (ADR-033): its bytes around this call's RequestId, handed to the connection in one flush (three
            // writes to the response stream were three flushes, each a send of its own; issue #20).
            var idLength = System.Text.Encoding.UTF8.GetByteCount(requestId);
            response.ContentLength = kept.Before.Length + idLength + kept.After.Length;
            var body = response.BodyWriter;
            body.Write(kept.Before);
            System.Text.Encoding.UTF8.GetBytes(requestId, body.GetSpan(idLength));
            body.Advance(idLength);
            body.Write(kept.After);
            await body.FlushAsync(http.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(response.Body, reply.Body ?? new { RequestId = requestId }, reply.Body?.GetType() ?? typeof(object), EcsApiMiddleware.Json, http.RequestAborted);
    }

    private sealed record ErrorBody(string RequestId, string HostId, string Code, string Message, string Recommend);
}
