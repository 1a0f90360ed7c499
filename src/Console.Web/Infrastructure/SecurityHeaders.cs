namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// Response headers on every answer (pages, static files, the ECS API, error pages): no content-type sniffing, the
/// referrer kept to the console's own origin, and a Content Security Policy that allows what Blazor Server and MudBlazor
/// need and nothing more: scripts only from the console's own files (no inline script, no eval), inline styles (MudBlazor
/// sets style attributes), data: images and fonts, the circuit's WebSocket to the same origin, no framing, no plugins.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string ReferrerPolicy = "same-origin";

    /// <summary>Sets the headers when the response starts, so that they survive a handler that clears the response
    /// (the exception handler, status-code pages).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
