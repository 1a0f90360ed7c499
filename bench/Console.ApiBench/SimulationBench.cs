using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

/// <summary>
/// The simulation control's timings (ui-contract §7, issue #23): 20 isolated accounts, then 20 resets each after an
/// account was created (so every reset replaces a changed database), over loopback HTTP against a console on a SQLite
/// file — or, with <c>--postgres "Host=…;Username=…;Password=…"</c> (a role that may create databases), on a PostgreSQL
/// database of its own — as a suite sees them. One warm-up reset (it builds the template world once per process) and
/// account first. Usage:
///   dotnet run -c Release --project bench/Console.ApiBench -- --simulation [--postgres "Host=localhost;Username=…;Password=…"]
/// (or <c>--postgres</c> alone with the connection string in <c>ECSCONSOLE_BENCH_PG</c>).
/// </summary>
internal static class SimulationBench
{
    public static async Task RunAsync(string repositoryRoot, string? postgres = null)
    {
        var database = Path.Combine(Path.GetTempPath(), $"ecsconsole-simbench-{Guid.NewGuid():N}.db");
        var pgDatabase = $"ecsconsole_simbench_{Guid.NewGuid():N}";
        try
        {
            if (postgres is not null)
            {
                await ExecuteAsync(postgres, $"CREATE DATABASE \"{pgDatabase}\"");
            }

            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CONSOLE_WEB", Path.Combine(repositoryRoot, "src", "Console.Web"));
            await using var root = new WebApplicationFactory<Program>(); // held: its finalizer would dispose the derived console
            await using var console = root.WithWebHostBuilder(b =>
            {
                if (postgres is null)
                {
                    b.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={database}");
                }
                else
                {
                    b.UseSetting("Database:Provider", "Postgres");
                    b.UseSetting("ConnectionStrings:DefaultConnection", $"{postgres};Database={pgDatabase}");
                }

                b.UseSetting("Logging:LogLevel:Default", "Warning");
                b.UseSetting("Simulation:ControlToken", "bench-token");
                b.UseEnvironment("Production");
            });
            console.UseKestrel(0);
            console.StartServer();
            using var http = console.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-token");

            await SendAsync(http, "/simulation/reset"); // builds the template
            await SendAsync(http, "/simulation/accounts"); // warms up Identity and the AccessKey path
            var accounts = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                accounts.Add(await SendAsync(http, "/simulation/accounts"));
            }

            var resets = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                await SendAsync(http, "/simulation/accounts");
                resets.Add(await SendAsync(http, "/simulation/reset"));
            }

            System.Console.WriteLine($"Simulation control over loopback HTTP, {(postgres is null ? "SQLite file" : "PostgreSQL")} (20 calls each, after one warm-up reset and account):");
            System.Console.WriteLine($"{"control",-28} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
            Print("POST /simulation/reset", resets);
            Print("POST /simulation/accounts", accounts);
        }
        finally
        {
            if (postgres is not null)
            {
                await DropAsync(postgres, pgDatabase);
                // the key-ring certificate the console generated for that database, next to its content root
                foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "src", "Console.Web"), $"*{pgDatabase}*.keyring.pfx"))
                {
                    File.Delete(file);
                }
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".keyring.pfx" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    private static async Task DropAsync(string postgres, string database)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>Runs one statement on the server's <c>postgres</c> database (creating and dropping the bench's own).</summary>
    private static async Task ExecuteAsync(string postgres, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection($"{postgres};Database=postgres");
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<double> SendAsync(HttpClient http, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(path, null);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode}");
        }

        return elapsed;
    }

    /// <summary>p95 of 20 is the 19th value in order (nearest rank).</summary>
    private static void Print(string name, List<double> times)
    {
        var sorted = times.Order().ToArray();
        var p50 = sorted[(int)Math.Ceiling(0.50 * sorted.Length) - 1];
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
        System.Console.WriteLine($"{name,-28} {p50,8:F1} {p95,8:F1} {sorted[^1],8:F1}");
    }
}
