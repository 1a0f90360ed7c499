using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EcsConsole.Tests.Support;

/// <summary>
/// The real web host in memory, on a temporary SQLite file that it migrates and seeds at start-up, as a fresh
/// install does. Each factory has its own database file, removed on dispose.
/// </summary>
public sealed class ConsoleAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ecsconsole-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={_databasePath}");
        builder.UseSetting("Simulation:TaskDuration", "00:00:01");
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>
    /// <c>Development</c> (the launch profile's) unless set; <c>Production</c> runs the error page instead of the developer
    /// exception page, as a deployment does.
    /// </summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>What the host logged (at the levels its configuration lets through), as its console would show it.</summary>
    public RecordedLogs Logs { get; } = new();

    /// <summary>A client that does not follow redirects, keeps cookies, and talks to http://localhost.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });

    public string DatabasePath => _databasePath;

    /// <summary>Reads one value from the host's database (an ID the seed generated, a row count).</summary>
    public async Task<string?> QueryScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_databasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
