using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace EcsConsole.Testing;

/// <summary>
/// The whole console for a test suite (ADR-015): started in the suite's process on a free port of localhost, with a
/// temporary SQLite database seeded with the demo world (ui-contract §2) and the simulation control (§7) on with a
/// random token. Its controls are methods here, called over HTTP as any client would. Disposing it stops the console
/// and deletes the database.
/// <code>
/// await using var console = await EcsConsoleHost.StartAsync();
/// await page.GotoAsync(console.Url);
/// </code>
/// </summary>
public sealed class EcsConsoleHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConsoleHostFactory _factory;
    private readonly CapturedLog _log;
    private readonly HttpClient _control;
    private readonly SuiteDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly bool _ownsDatabase;

    private EcsConsoleHost(ConsoleHostFactory factory, CapturedLog log, Uri baseAddress, SuiteDatabase database, string controlToken,
        IReadOnlyDictionary<string, string?> settings, string environment, bool ownsDatabase)
    {
        _settings = settings;
        _environment = environment;
        _ownsDatabase = ownsDatabase;
        _factory = factory;
        _log = log;
        BaseAddress = baseAddress;
        _database = database;
        DatabasePath = database.Name;
        ControlToken = controlToken;
        _control = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        _control.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", controlToken);
    }

    /// <summary><c>http://localhost:PORT</c>, without a trailing slash (localhost, not 127.0.0.1: browsers refuse passkeys on a bare IP).</summary>
    public string Url => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary><c>http://localhost:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The temporary SQLite file, or the PostgreSQL database's name (<see cref="EcsConsoleHostOptions.PostgresServer"/>); removed on dispose.</summary>
    public string DatabasePath { get; }

    /// <summary>The bearer token of the simulation control (<c>Simulation:ControlToken</c>).</summary>
    public string ControlToken { get; }

    /// <summary>What the console logged so far (Warning and above, and its "mails": the confirmation links).</summary>
    public string Log => _log.Text;

    /// <summary>Starts a console and returns once it is migrated, seeded and answering.</summary>
    public static async Task<EcsConsoleHost> StartAsync(EcsConsoleHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EcsConsoleHostOptions();
        var database = SuiteDatabase.Create(options.PostgresServer);
        var token = options.ControlToken ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Simulation:ControlToken"] = token,
            ["Simulation:TaskDuration"] = options.TaskDuration.ToString("c"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:EcsConsole.Web.Components.Account.IdentityNoOpEmailSender"] = "Information",
        };
        foreach (var (name, value) in database.Settings().Concat(options.Settings))
        {
            settings[name] = value;
        }

        return await StartHostAsync(settings, options.Environment, database, token, ownsDatabase: true, cancellationToken);
    }

    /// <summary>
    /// Starts another node of this console (issue #19): a second console with the same settings on the same PostgreSQL
    /// database and key ring, as a cluster's nodes are, so sign-ins, AccessKeys, tasks and live updates are shared with
    /// this one. Disposing the node stops it and leaves the database to this host. PostgreSQL only
    /// (<see cref="EcsConsoleHostOptions.PostgresServer"/>): on SQLite pages would not hear of the other node's changes.
    /// </summary>
    public async Task<EcsConsoleHost> StartNodeAsync(CancellationToken cancellationToken = default)
    {
        if (!_database.IsPostgres)
        {
            throw new InvalidOperationException("Another node needs a console on PostgreSQL (EcsConsoleHostOptions.PostgresServer or ECSCONSOLE_HOST_PG)");
        }

        return await StartHostAsync(_settings, _environment, _database, ControlToken, ownsDatabase: false, cancellationToken);
    }

    private static async Task<EcsConsoleHost> StartHostAsync(IReadOnlyDictionary<string, string?> settings, string environment,
        SuiteDatabase database, string token, bool ownsDatabase, CancellationToken cancellationToken)
    {
        var log = new CapturedLog();
        var factory = new ConsoleHostFactory(settings, environment, log);
        try
        {
            // Program migrates and seeds before it listens, so the console answers once StartServer returns.
            var port = await Task.Run(() => factory.Start(), cancellationToken);
            var host = new EcsConsoleHost(factory, log, new Uri($"http://localhost:{port}/"), database, token, settings, environment, ownsDatabase);
            using var health = await host._control.GetAsync("healthz", cancellationToken);
            if (health.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The console answered /healthz with {(int)health.StatusCode}:\n{log.Text}");
            }

            return host;
        }
        catch
        {
            await factory.DisposeAsync();
            if (ownsDatabase)
            {
                database.Delete();
            }

            throw;
        }
    }

    /// <summary>The first match of <paramref name="pattern"/> in the console's log, at once if it is there, else when it
    /// arrives (at most <paramref name="timeout"/>).</summary>
    public Task<Match> WaitForLogAsync(Regex pattern, TimeSpan timeout) => _log.WaitForAsync(pattern, timeout);

    /// <summary><c>POST /simulation/reset</c>: the demo world again (clock, faults and sign-ins too); returns how long it took.</summary>
    public async Task<TimeSpan> ResetAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, "reset", null, cancellationToken);
        return TimeSpan.FromMilliseconds(answer.GetProperty("elapsedMs").GetInt64());
    }

    /// <summary><c>POST /simulation/accounts</c>: a fresh, isolated account with a confirmed Admin and an AccessKey pair.</summary>
    public async Task<SimulationAccount> CreateAccountAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, "accounts", name is null ? new { } : new { name }, cancellationToken);
        return answer.Deserialize<SimulationAccount>(Json) ?? throw new InvalidOperationException("The accounts control answered no account");
    }

    /// <summary><c>POST /simulation/clock/advance</c>: moves the simulated clock on; what falls due runs before it returns.
    /// Returns the new simulated time.</summary>
    public async Task<DateTimeOffset> AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, "clock/advance", new { seconds = by.TotalSeconds }, cancellationToken);
        return answer.GetProperty("now").GetDateTimeOffset();
    }

    /// <summary><c>POST /simulation/tasks/complete</c>: every running task ends now; returns how many.</summary>
    public async Task<int> CompleteTasksAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, "tasks/complete", null, cancellationToken);
        return answer.GetProperty("completed").GetInt32();
    }

    /// <summary><c>POST /simulation/faults</c>: the next <paramref name="count"/> ECS API calls of <paramref name="action"/>
    /// (any caller; the console's pages do not call the API) fail with <paramref name="code"/> and <paramref name="httpStatus"/>. Returns the fault's ID.</summary>
    public async Task<string> AddApiFaultAsync(string action, string code, int httpStatus = 400, int count = 1, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, "faults", new { action, code, httpStatus, count }, cancellationToken);
        return answer.GetProperty("faultId").ToString();
    }

    /// <summary><c>POST /simulation/faults</c>: the next <paramref name="count"/> tasks of <paramref name="taskType"/>
    /// (CreateImage, CopyImage, ImportImage, …) fail at their end with <paramref name="code"/>. Returns the fault's ID.</summary>
    public async Task<string> AddTaskFaultAsync(string taskType, string code, int count = 1, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, "faults", new { taskType, code, count }, cancellationToken);
        return answer.GetProperty("faultId").ToString();
    }

    /// <summary><c>DELETE /simulation/faults</c>: no fault pending.</summary>
    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Delete, "faults", null, cancellationToken);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, "simulation/" + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await _control.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = text.Length == 0 ? null : JsonDocument.Parse(text);
        if (!response.IsSuccessStatusCode)
        {
            var code = document?.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            throw new SimulationControlException((int)response.StatusCode, code, text);
        }

        return document?.RootElement.Clone() ?? default;
    }

    /// <summary>Stops the console and deletes its database (with its WAL files and the key-ring certificate beside it);
    /// a node started by <see cref="StartNodeAsync"/> only stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _factory.DisposeAsync();
        if (_ownsDatabase)
        {
            _database.Delete();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
