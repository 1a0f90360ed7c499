using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Simulation;
using EcsConsole.Domain.Tasks;
using EcsConsole.Web.Api;

namespace EcsConsole.Web.Simulation;

/// <summary>
/// The simulation control for test suites (ui-contract §7), under <c>/simulation/…</c>: off (every path 404) unless
/// <c>Simulation:ControlToken</c> is set; then every request carries <c>Authorization: Bearer &lt;token&gt;</c> (else 401).
/// A middleware rather than endpoints, like the ECS API: it is not a page and needs no sign-in, antiforgery or status
/// pages. Bodies and answers are camelCase JSON; bad input is a 400 with a stable code, never a 500.
/// </summary>
public sealed class SimulationControlMiddleware(RequestDelegate next, IConfiguration configuration, ILogger<SimulationControlMiddleware> logger)
{
    /// <summary>The setting that turns the control on, and its token.</summary>
    public const string TokenSetting = "Simulation:ControlToken";

    /// <summary>The largest body a control reads.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/simulation", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            await next(http);
            return;
        }

        var token = configuration[TokenSetting];
        if (string.IsNullOrEmpty(token))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!Authorized(http.Request, token))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(http, SimulationControlErrors.Unauthorized());
            return;
        }

        Reply reply;
        try
        {
            reply = await DispatchAsync(http, rest.Value!.TrimEnd('/').ToLowerInvariant());
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Simulation control {Method} {Path} failed", http.Request.Method, http.Request.Path);
            reply = CommonErrors.InternalError();
        }

        if (reply.Error is { } error)
        {
            await WriteAsync(http, error);
            return;
        }

        http.Response.StatusCode = reply.Status;
        if (reply.Body is not null)
        {
            await http.Response.WriteAsJsonAsync(reply.Body, Json, http.RequestAborted);
        }
    }

    private static async Task<Reply> DispatchAsync(HttpContext http, string path)
    {
        var method = http.Request.Method;
        var services = http.RequestServices;
        var ct = http.RequestAborted;
        return (method, path) switch
        {
            ("POST", "/reset") => await ResetAsync(services, ct),
            ("POST", "/accounts") => await WithBodyAsync(http, optional: true, body => CreateAccountAsync(services, body, ct)),
            ("POST", "/clock/advance") => await WithBodyAsync(http, optional: false, body => AdvanceAsync(services, body, ct)),
            ("POST", "/tasks/complete") => new Reply(200, new { completed = await services.GetRequiredService<SimulationClockService>().CompleteTasksAsync(ct) }),
            ("POST", "/faults") => await WithBodyAsync(http, optional: false, body => AddFaultAsync(services, body, ct)),
            ("DELETE", "/faults") => await ClearFaultsAsync(services, ct),
            (_, "/reset" or "/accounts" or "/clock/advance" or "/tasks/complete" or "/faults") =>
                SimulationControlErrors.MethodNotAllowed(method, "/simulation" + path),
            _ => SimulationControlErrors.NotFound("/simulation" + path),
        };
    }

    private static async Task<Reply> ResetAsync(IServiceProvider services, CancellationToken ct)
    {
        var elapsed = await services.GetRequiredService<WorldReset>().ResetAsync(ct);
        return new Reply(200, new { elapsedMs = (long)Math.Round(elapsed.TotalMilliseconds) });
    }

    private static async Task<Reply> CreateAccountAsync(IServiceProvider services, JsonElement? body, CancellationToken ct)
    {
        var name = OptionalString(body, "name", out var invalid);
        if (invalid is not null)
        {
            return invalid;
        }

        var created = await services.GetRequiredService<SimulationAccounts>().CreateAsync(name, ct);
        return created.IsSuccess ? new Reply(201, created.Value) : created.Error!;
    }

    private static async Task<Reply> AdvanceAsync(IServiceProvider services, JsonElement? body, CancellationToken ct)
    {
        if (Property(body, "seconds") is not { } seconds)
        {
            return CommonErrors.MissingParameter("seconds");
        }

        if (seconds.ValueKind != JsonValueKind.Number || !seconds.TryGetDouble(out var value))
        {
            return SimulationErrors.OutOfRange("seconds", 0, SimulationClockService.MaxAdvanceSeconds);
        }

        var now = await services.GetRequiredService<SimulationClockService>().AdvanceAsync(value, ct);
        return now.IsSuccess
            ? new Reply(200, new { now = now.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) })
            : now.Error!;
    }

    /// <summary>
    /// An API fault (<c>action</c>, <c>code</c>, <c>httpStatus</c>, <c>count</c>) or a task fault (<c>taskType</c>, <c>code</c>,
    /// <c>count</c>): the JSON types checked here, the rest by <see cref="FaultRequest"/> (the <c>/simulation</c> page's checks too).
    /// </summary>
    private static async Task<Reply> AddFaultAsync(IServiceProvider services, JsonElement? body, CancellationToken ct)
    {
        var action = OptionalString(body, "action", out var invalid);
        var taskType = invalid is null ? OptionalString(body, "taskType", out invalid) : null;
        var code = invalid is null ? OptionalString(body, "code", out invalid) : null;
        if (invalid is not null)
        {
            return invalid;
        }

        var request = new FaultRequest(action, taskType, code, Number(body, "httpStatus"), Number(body, "count"));
        var added = await request.AddAsync(services.GetRequiredService<SimulationFaults>(), services.GetRequiredService<AsyncTaskEngine>(),
            EcsActions.All.ContainsKey, ct);
        return added.IsSuccess ? new Reply(201, new { faultId = added.Value }) : added.Error!;
    }

    private static async Task<Reply> ClearFaultsAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<SimulationFaults>().ClearAsync(ct);
        return new Reply(204, null);
    }

    /// <summary>Reads the JSON object body (capped); an absent or empty body is null when <paramref name="optional"/>.</summary>
    private static async Task<Reply> WithBodyAsync(HttpContext http, bool optional, Func<JsonElement?, Task<Reply>> run)
    {
        var request = http.Request;
        var (body, tooLarge) = await ApiBody.ReadCappedAsync(request, MaxBodyBytes, SimulationControlErrors.TooLarge(MaxBodyBytes), http.RequestAborted);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (Encoding.UTF8.GetString(body!).Trim().Length == 0)
        {
            return optional ? await run(null) : CommonErrors.MissingParameter("body");
        }

        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return SimulationControlErrors.NotJson();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return SimulationErrors.BadBody("is not valid JSON.");
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? await run(document.RootElement)
                : SimulationErrors.BadBody("must be a JSON object.");
        }
    }

    private static JsonElement? Property(JsonElement? body, string name)
    {
        if (body is not { } json)
        {
            return null;
        }

        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? OptionalString(JsonElement? body, string name, out EcsError? invalid)
    {
        invalid = null;
        if (Property(body, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            invalid = CommonErrors.InvalidParameter(name, "must be a string.");
            return null;
        }

        var text = value.GetString()!;
        return text.Length == 0 ? null : text;
    }

    /// <summary>A number property: absent, a whole number, or present but not one (refused by the range check).</summary>
    private static WholeNumber Number(JsonElement? body, string name) =>
        Property(body, name) is not { } value ? WholeNumber.Absent
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? new WholeNumber(true, number)
        : new WholeNumber(true, null);

    /// <summary>The bearer token, compared in constant time.</summary>
    private static bool Authorized(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    private static Task WriteAsync(HttpContext http, EcsError error)
    {
        http.Response.StatusCode = error.HttpStatus;
        return http.Response.WriteAsJsonAsync(new { code = error.Code, message = error.Message }, Json, http.RequestAborted);
    }

    /// <summary>A control's answer: a status and a body, or an error.</summary>
    private readonly record struct Reply(int Status, object? Body, EcsError? Error = null)
    {
        public static implicit operator Reply(EcsError error) => new(error.HttpStatus, null, error);
    }
}
