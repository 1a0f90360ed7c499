using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace EcsConsole.Testing;

/// <summary>
/// The web project's own <c>Program</c>, hosted by <see cref="WebApplicationFactory{TEntryPoint}"/> on Kestrel (not the
/// in-memory TestServer), so a browser reaches it. The factory finds the content root and the static web assets
/// (the Blazor script, MudBlazor's files) from the manifest its build targets write into the suite's output.
/// </summary>
internal sealed class ConsoleHostFactory(IReadOnlyDictionary<string, string?> settings, string environment, CapturedLog log)
    : WebApplicationFactory<Program>
{
    /// <summary>Starts Kestrel on a free port of localhost (probed just before, as <c>dotnet run --urls</c> would be
    /// given one) and returns the port.</summary>
    public int Start()
    {
        var port = EcsConsoleHost.FreePort();
        UseKestrel(o => o.ListenLocalhost(port));
        StartServer();
        return port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }

        builder.UseEnvironment(environment);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(log);
        });
    }
}
