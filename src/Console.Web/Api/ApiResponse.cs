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
            // A kept answer (ADR-033): its bytes around this call's RequestId.
            var id = System.Text.Encoding.UTF8.GetBytes(requestId);
            response.ContentLength = kept.Before.Length + id.Length + kept.After.Length;
            await response.Body.WriteAsync(kept.Before, http.RequestAborted);
            await response.Body.WriteAsync(id, http.RequestAborted);
            await response.Body.WriteAsync(kept.After, http.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(response.Body, reply.Body ?? new { RequestId = requestId }, reply.Body?.GetType() ?? typeof(object), EcsApiMiddleware.Json, http.RequestAborted);
    }

    private sealed record ErrorBody(string RequestId, string HostId, string Code, string Message, string Recommend);
}
