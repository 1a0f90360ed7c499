using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcsConsole.E2E.Support;

/// <summary>
/// The real console, started as its own process (<c>dotnet Console.Web.dll</c>) on a free loopback port with a
/// temporary SQLite file, exactly as the README's run command starts it but for the database and port. Stopped and
/// its database (with the key-ring certificate generated next to it) removed on dispose.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _logWaiters = [];

    private AppServer(Process process, string baseUrl, string databasePath)
    {
        _process = process;
        BaseUrl = baseUrl;
        DatabasePath = databasePath;
    }

    /// <summary><c>http://localhost:PORT</c> (not 127.0.0.1: browsers refuse passkeys on a bare IP).</summary>
    public string BaseUrl { get; }

    public string DatabasePath { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a console; <paramref name="environment"/> adds settings (e.g. <c>Simulation__ControlToken</c>).</summary>
    public static async Task<AppServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var repo = RepositoryRoot();
        var webProject = Path.Combine(repo, "src", "Console.Web");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "Console.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The console is not built: {dll}");
        }

        var port = FreePort();
        var baseUrl = $"http://localhost:{port}";
        var database = Path.Combine(Path.GetTempPath(), $"ecsconsole-e2e-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // static web assets from the build output
        start.Environment["ConnectionStrings__DefaultConnection"] = $"Data Source={database}";
        start.Environment["Simulation__TaskDuration"] = "00:00:01";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // "Now listening on" is logged once the database is migrated and seeded (Program.cs does both before it runs).
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // The console's "mails" (confirmation links) are Information lines of its log: suites read them there.
        start.Environment["Logging__LogLevel__EcsConsole.Web.Components.Account.IdentityNoOpEmailSender"] = "Information";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.EnableRaisingEvents = true;
        var server = new AppServer(process, baseUrl, database);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>
    /// The first match of <paramref name="pattern"/> in the console's log, at once if it is there already, else as soon as
    /// the line arrives (at most <paramref name="timeout"/>).
    /// </summary>
    public async Task<Match> WaitForLogAsync(Regex pattern, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_log)
        {
            var match = pattern.Match(_log.ToString());
            if (match.Success)
            {
                return match;
            }

            _logWaiters.Add((pattern, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The console logged nothing matching {pattern} within {timeout}:\n{Log}");
        }
    }

    /// <summary>
    /// Waits for the line the host logs when it listens (it migrates and seeds before that), then asks <c>/healthz</c> once;
    /// fails at once if the process exits first.
    /// </summary>
    private async Task WaitUntilHealthyAsync()
    {
        var listening = WaitForLogAsync(new Regex("Now listening on: "), TimeSpan.FromSeconds(90));
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(listening, exited) == exited)
        {
            throw new InvalidOperationException($"The console exited with {_process.ExitCode}:\n{Log}");
        }

        await listening;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var response = await http.GetAsync($"{BaseUrl}/healthz");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The console answered /healthz with {(int)response.StatusCode}:\n{Log}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            foreach (var waiter in _logWaiters.ToList())
            {
                if (waiter.Pattern.Match(line) is { Success: true } match)
                {
                    _logWaiters.Remove(waiter);
                    waiter.Found.TrySetResult(match);
                }
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Console.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Console.sln not found above the test binaries");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".keyring.pfx" }) // the key-ring certificate generated next to it
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
