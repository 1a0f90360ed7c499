using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EcsConsole.Tests.Support;

/// <summary>
/// The real web host in memory, on a temporary SQLite file that it migrates and seeds at start-up, as a fresh
/// install does. Each factory has its own database file (and the key-ring certificate generated next to it), removed
/// on dispose. A test may hand it an existing database file and extra settings.
/// </summary>
public sealed class ConsoleAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    /// <summary>A fresh database; the one constructor xUnit sees, so the factory can be a class fixture.</summary>
    public ConsoleAppFactory()
        : this(null, null)
    {
    }

    internal ConsoleAppFactory(string? databasePath = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _databasePath = databasePath ?? NewDatabasePath();
        _settings = settings;
    }

    /// <summary>A path for a new temporary database file.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"ecsconsole-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={_databasePath}");
        builder.UseSetting("Simulation:TaskDuration", "00:00:01");
        foreach (var (name, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(name, value);
        }

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

    /// <summary>Where the app keeps its generated key-ring certificate when none is configured: next to the database.</summary>
    public string KeyRingCertificatePath => _databasePath + ".keyring.pfx";

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
        DeleteDatabase(_databasePath);
    }

    /// <summary>Removes a test database file, its WAL files and its key-ring certificate.</summary>
    public static void DeleteDatabase(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".keyring.pfx" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
