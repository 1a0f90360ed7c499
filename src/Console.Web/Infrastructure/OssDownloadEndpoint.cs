using System.Security.Claims;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Storage;
using Microsoft.Net.Http.Headers;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// <c>GET /oss/{region}/{bucket}/{**key}</c>: an object of a simulated OSS bucket as a file (the Buckets page's
/// Download). The signed-in user must belong to the bucket's account, read from the database at each request as the page
/// does; the content is deterministic, of the object's recorded size, streamed in pieces (docs/oss-download.md).
/// Refusals are plain text <c>Code: message</c>: 404 for an unknown bucket or object, 413 over 64 MiB.
/// </summary>
public static class OssDownloadEndpoint
{
    public const string Pattern = "/oss/{region}/{bucket}/{**key}";

    /// <summary>The download URL of an object (each key segment escaped, its slashes kept), relative to the base URI.</summary>
    public static string UrlFor(string regionId, string bucket, string key) =>
        $"oss/{Uri.EscapeDataString(regionId)}/{Uri.EscapeDataString(bucket)}/{string.Join('/', key.Split('/').Select(Uri.EscapeDataString))}";

    public static IEndpointConventionBuilder MapOssDownload(this IEndpointRouteBuilder app) =>
        app.MapGet(Pattern, DownloadAsync).RequireAuthorization();

    private static async Task DownloadAsync(string region, string bucket, string key, HttpContext http, AccountService accounts, StorageService storage)
    {
        var ct = http.RequestAborted;
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var actor = userId is null ? (Result<Actor>?)null : await accounts.GetActorAsync(userId, ActorSource.Console, ct);
        if (actor is not { IsSuccess: true })
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "Forbidden", "Sign in again to download.");
            return;
        }

        var found = await storage.GetObjectForDownloadAsync(actor.Value.Value, region, bucket, key, ct);
        if (!found.IsSuccess)
        {
            var status = found.Error.Code == StorageErrors.ObjectTooLargeCode ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status404NotFound;
            await RefuseAsync(http, status, found.Error.Code, found.Error.Message);
            return;
        }

        var item = found.Value;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName(item.Key));
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = item.SizeBytes;
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "no-store";
        await StorageService.WriteContentAsync(item.Key, item.SizeBytes, http.Response.Body, ct);
    }

    /// <summary>The name the browser saves the object as: the key's last segment.</summary>
    public static string FileName(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        return name.Length == 0 ? "object" : name;
    }

    private static Task RefuseAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync($"{code}: {message}\n", http.RequestAborted);
    }
}
