using EcsConsole.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;
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
    private string? _contentRoot;

    /// <summary>A fresh database; the one constructor xUnit sees, so the factory can be a class fixture.</summary>
    public ConsoleAppFactory()
        : this(null, null)
    {
    }

    internal ConsoleAppFactory(string? databasePath = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _databasePath = databasePath ?? NewDatabasePath();
        _settings = settings;
        if (TestProvider.IsPostgres && databasePath is null)
        {
            // On PostgreSQL (TestProvider) the "path" names a database of its own, a copy of the run's migrated template
            // (start-up finds no migration pending, and seeds it).
            TestProvider.Create(_databasePath, PostgresTemplates.Migrated());
        }
    }

    /// <summary>A console on a database with nothing in it yet (start-up migrates it; on SQLite every new file is so).</summary>
    internal static ConsoleAppFactory OnEmptyDatabase()
    {
        var path = NewDatabasePath();
        if (TestProvider.IsPostgres)
        {
            TestProvider.Create(path);
        }

        return new ConsoleAppFactory(path);
    }

    /// <summary>A path for a new temporary database file.</summary>
    public static string NewDatabasePath() =>
        TestProvider.IsPostgres ? TestProvider.NewDatabaseName() : Path.Combine(Path.GetTempPath(), $"ecsconsole-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (TestProvider.IsPostgres)
        {
            builder.UseSetting(ConsoleDatabase.ProviderSetting, nameof(DatabaseProvider.Postgres));
            builder.UseSetting("ConnectionStrings:DefaultConnection", TestProvider.ConnectionString(_databasePath));
            builder.ConfigureAppConfiguration((context, _) => _contentRoot = context.HostingEnvironment.ContentRootPath);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={_databasePath}");
        }

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
    public string KeyRingCertificatePath => TestProvider.IsPostgres
        ? EcsConsole.Web.Infrastructure.KeyRingCertificates.DefaultFile(DatabaseProvider.Postgres, TestProvider.ConnectionString(_databasePath),
            _contentRoot ?? Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath)
        : _databasePath + ".keyring.pfx";

    /// <summary>Reads one value from the host's database (an ID the seed generated, a row count).</summary>
    public async Task<string?> QueryScalarAsync(string sql)
    {
        await using System.Data.Common.DbConnection connection = TestProvider.IsPostgres
            ? new Npgsql.NpgsqlConnection(TestProvider.ConnectionString(_databasePath))
            : new SqliteConnection($"Data Source={_databasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = TestProvider.IsPostgres ? QuoteIdentifiers(sql) : sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The tests write SQLite's unquoted identifiers (<c>SELECT Id FROM AspNetUsers</c>); PostgreSQL folds those to lower
    /// case, so on it every capitalised word outside a string literal is quoted (keywords are written in capitals).
    /// </summary>
    private static string QuoteIdentifiers(string sql) =>
        string.Join('\'', sql.Split('\'').Select((part, i) => i % 2 == 1 ? part
            : System.Text.RegularExpressions.Regex.Replace(part, @"\b([A-Z][a-z][A-Za-z0-9]*)\b", "\"$1\"")));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (TestProvider.IsPostgres)
        {
            TestProvider.DropLater(_databasePath);
            if (_contentRoot is not null)
            {
                File.Delete(KeyRingCertificatePath);
            }

            return;
        }

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
