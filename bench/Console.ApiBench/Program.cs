using System.Diagnostics;
using System.Globalization;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

// ECS API benchmark: DescribeImages (a page of 50 custom images with their disks and tags) through the whole API —
// HTTP, V3 signature check, AccessKey lookup, nonce, the catalogue query, JSON — against a bare Kestrel endpoint that
// returns the same JSON bytes. Both over loopback HTTP with keep-alive, one request at a time. Usage:
//   dotnet run -c Release --project bench/Console.ApiBench [-- --requests 1000]
// The simulation control's reset and account timings: ... -- --simulation [--postgres ["<Npgsql>"]] (SimulationBench.cs;
// the connection string may be in ECSCONSOLE_BENCH_PG).
// Throughput under wrk, against the bare endpoint in the same run (issue #20): ... -- --wrk [--seconds 10] [--connections 16]
// The same while CreateImage calls and signed-in pages run (issue #20's "load held" row; needs wrk, node and Chromium):
//   ... -- --wrk --side-load [--seconds 20] [--connections 64] [--creates 30] [--create-batch 3] [--pages 10]
//          [--page-interval-ms 2000] [--task-seconds 5] [--available-within 120] [--warm-up-creates 6]   (SideLoadBench.cs)
// Throughput of a running console or cluster proxy: ... -- --load http://localhost:8080 (LoadBench.cs).
/// <summary>The benchmark's entry point (not top-level statements: the web project's <c>Program</c> is referenced).</summary>
internal static class ApiBenchmark
{
    public static async Task Main(string[] args)
    {
        if (Array.IndexOf(args, "--load") is var load and >= 0 && load + 1 < args.Length)
        {
            await LoadBench.RunAsync(new Uri(args[load + 1]), Option(args, "--seconds", 10), Option(args, "--connections", 16));
            return;
        }

        if (args.Contains("--simulation"))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Console.sln")))
            {
                root = root.Parent;
            }

            // --postgres "<Npgsql connection string>", or --postgres alone with it in ECSCONSOLE_BENCH_PG
            var pg = Array.IndexOf(args, "--postgres");
            var postgres = pg < 0 ? null
                : pg + 1 < args.Length && !args[pg + 1].StartsWith("--", StringComparison.Ordinal) ? args[pg + 1]
                : Environment.GetEnvironmentVariable("ECSCONSOLE_BENCH_PG") ?? throw new ArgumentException("--postgres needs a connection string or ECSCONSOLE_BENCH_PG");
            await SimulationBench.RunAsync(root!.FullName, postgres);
            return;
        }

        var wrk = args.Contains("--wrk");
        var side = wrk && args.Contains("--side-load")
            ? new SideLoadOptions(Option(args, "--creates", 30), Math.Max(1, Option(args, "--create-batch", 3)), Option(args, "--pages", 10),
                Option(args, "--page-interval-ms", 2000), Option(args, "--task-seconds", 5), Option(args, "--available-within", 120),
                Option(args, "--warm-up-creates", 6))
            : null;
        var requests = args.Length > 1 && args[0] == "--requests" && int.TryParse(args[1], out var n) ? n : 1000;
        // The console's content root, which WebApplicationFactory would otherwise look for next to the solution.
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Console.sln")))
        {
            repository = repository.Parent;
        }

        var contentRoot = Path.Combine(repository!.FullName, "src", "Console.Web");
        // The database in the content root, where `dotnet run` keeps the console's (Data Source=ecsconsole.db): what
        // watches that directory sees every write (issue #20: the settings files' watcher once cost a third of a call).
        var database = Path.Combine(contentRoot, $"ecsconsole-apibench-{Guid.NewGuid():N}.db");
        try
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CONSOLE_WEB", contentRoot);
            // The factory WithWebHostBuilder derives from is held (and disposed) here: unreferenced, its finalizer
            // disposed the derived one, and with it the running console, in the middle of a run.
            await using var root = new WebApplicationFactory<Program>();
            await using var console = root.WithWebHostBuilder(b =>
            {
                b.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={database}");
                b.UseSetting("Logging:LogLevel:Default", "Warning");
                b.UseEnvironment("Production");
                if (side is not null)
                {
                    // The pages need the static web assets (Blazor's script, MudBlazor's, the components' own) that
                    // only Development finds by itself in a build's output (the manifest next to this assembly).
                    b.UseStaticWebAssets();
                    b.UseSetting("Simulation:TaskDuration", TimeSpan.FromSeconds(side.TaskSeconds).ToString("c", CultureInfo.InvariantCulture));
                }
            });
            // A free port of loopback (UseKestrel(0) keeps Kestrel's default, 5000, which another console may hold).
            console.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, FreePort()));
            console.StartServer();
            await AddImagesAsync(console.Services, 60);
            using var http = console.CreateClient();
            var signer = new Signer("LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001", http.BaseAddress!.Authority);
            var query = new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["ImageOwnerAlias"] = wrk || args.Contains("--system") ? "system" : "self", ["PageSize"] = "50" };
            var sample = await http.SendAsync(signer.Sign("DescribeImages", query));
            var json = await sample.Content.ReadAsByteArrayAsync();
            if (!sample.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(System.Text.Encoding.UTF8.GetString(json));
            }

            // The bare endpoint: Kestrel and one route that writes the captured bytes.
            var bareBuilder = WebApplication.CreateSlimBuilder();
            bareBuilder.Logging.ClearProviders();
            bareBuilder.WebHost.UseUrls("http://127.0.0.1:0");
            await using var bare = bareBuilder.Build();
            bare.MapPost("/", () => Results.Bytes(json, "application/json;charset=utf-8"));
            await bare.StartAsync();
            using var bareHttp = new HttpClient { BaseAddress = new Uri(bare.Urls.First()) };
            if (side is not null)
            {
                await SideLoadBench.FitImageQuotaAsync(console.Services, side.Creates + side.WarmUpCreates);
                var kept = console.Services.GetRequiredService<ApiAnswerCache>();
                await WrkBench.RunSideLoadAsync(http.BaseAddress!, bareHttp.BaseAddress, repository.FullName,
                    Option(args, "--seconds", 20), Option(args, "--connections", 64), Option(args, "--threads", 2), side,
                    () => (kept.Hits, kept.Misses));
                return;
            }

            if (wrk)
            {
                await WrkBench.RunAsync(http.BaseAddress!, bareHttp.BaseAddress, repository.FullName,
                    Option(args, "--seconds", 10), Option(args, "--connections", 16), Option(args, "--threads", 2));
                return;
            }

            // The runtime recompiles hot methods in the background for a while after the warm-up (tiered JIT): its CPU
            // would count against the first figures.
            var idle = await WrkBench.SettleAsync();
            System.Console.WriteLine($"idle: {idle:F1} ms of CPU a second");
            var answers = console.Services.GetRequiredService<ApiAnswerCache>();
            var (hits, misses) = (answers.Hits, answers.Misses);
            var api = await MeasureAsync(() => http.SendAsync(signer.Sign("DescribeImages", query)), requests);
            (hits, misses) = (answers.Hits - hits, answers.Misses - misses);
            var baseline = await MeasureAsync(() => bareHttp.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/?RegionId=cn-hangzhou&ImageOwnerAlias=self&PageSize=50")), requests);

            var catalogue = console.Services.GetRequiredService<ImageCatalogService>();
            var alice = (await console.Services.GetRequiredService<EcsConsole.Domain.Accounts.AccountService>().GetActorAsync(
                (await console.Services.GetRequiredService<EcsConsole.Domain.Accounts.AccessKeyService>().FindCredentialAsync("LTAI5tDemoAlice000000001"))!.UserId)).Value;
            var describe = new ImageDescribeQuery { RegionId = "cn-hangzhou", OwnerAliases = [args.Contains("--system") ? ImageOwnerAlias.System : ImageOwnerAlias.Self], PageSize = 50 };
            var regions = await MeasureAsync(() => http.SendAsync(signer.Sign("DescribeRegions", new Dictionary<string, string>())), requests);
            var domain = await MeasureAsync(async () => { await catalogue.DescribeAsync(alice, describe); return new HttpResponseMessage(); }, requests);

            System.Console.WriteLine($"DescribeImages, a page of 50 images ({json.Length:N0} bytes of JSON), {requests} sequential requests after {Warmup} warm-up ones:");
            System.Console.WriteLine($"{"endpoint",-34} {"p50 ms",8} {"p95 ms",8} {"mean ms",8} {"CPU ms",8} {"alloc KB",9}");
            System.Console.WriteLine($"{"ECS API (signed, full pipeline)",-34} {api.P50,8:F3} {api.P95,8:F3} {api.Mean,8:F3} {api.Cpu,8:F3} {api.AllocKb,9:F1}");
            System.Console.WriteLine($"{"bare Kestrel, same JSON",-34} {baseline.P50,8:F3} {baseline.P95,8:F3} {baseline.Mean,8:F3} {baseline.Cpu,8:F3} {baseline.AllocKb,9:F1}");
            System.Console.WriteLine($"{"DescribeRegions (pipeline alone)",-34} {regions.P50,8:F3} {regions.P95,8:F3} {regions.Mean,8:F3} {regions.Cpu,8:F3} {regions.AllocKb,9:F1}");
            System.Console.WriteLine($"{"the catalogue query alone",-34} {domain.P50,8:F3} {domain.P95,8:F3} {domain.Mean,8:F3} {domain.Cpu,8:F3} {domain.AllocKb,9:F1}");
            System.Console.WriteLine($"ratio (p50): {api.P50 / baseline.P50:F2}x   ratio (mean): {api.Mean / baseline.Mean:F2}x");
            System.Console.WriteLine($"DescribeImages answered from kept answers (ADR-033): {hits:N0} calls, run afresh: {misses:N0}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".keyring.pfx" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    /// <summary>Calls before a measure starts: enough for tiered compilation to have finished the hot path.</summary>
    private const int Warmup = 3000;

    private static async Task<(double P50, double P95, double Mean, double Cpu, double AllocKb)> MeasureAsync(Func<Task<HttpResponseMessage>> send, int count)
    {
        for (var i = 0; i < Warmup; i++)
        {
            using var warm = await send();
            await warm.Content.ReadAsByteArrayAsync();
        }

        var times = new double[count];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await send();
            await response.Content.ReadAsByteArrayAsync();
            times[i] = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
            }
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count;
        var allocKb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / count;
        Array.Sort(times);
        return (times[count / 2], times[(int)(count * 0.95)], times.Average(), cpuMs, allocKb);
    }

    // 60 Available custom images of Acme's in cn-hangzhou, each with a system disk and two tags, so a page of 50 is full.
    private static async Task AddImagesAsync(IServiceProvider services, int count)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            db.Images.Add(new Image
            {
                Id = $"m-bpbench{i.ToString("D12", CultureInfo.InvariantCulture)}",
                RegionId = "cn-hangzhou",
                Kind = ImageKind.Custom,
                OwnerAccountId = DemoWorld.AcmeAccountId,
                Name = $"bench-image-{i}",
                Description = "An image of the API benchmark",
                OsName = "Alibaba Cloud Linux 3.2104 LTS 64 bit",
                OsType = OsType.Linux,
                Platform = "Aliyun",
                Architecture = ImageArchitecture.X86_64,
                SizeGiB = 40,
                BootMode = BootMode.UefiPreferred,
                NvmeSupport = true,
                CreationTime = now.AddMinutes(-i),
                Source = ImageSource.Snapshots,
                DiskMappings = [new ImageDiskMapping { Type = DiskMappingType.System, Device = "/dev/xvda", SnapshotId = $"s-bpbench{i:D12}", SizeGiB = 40 }],
                Tags = [new ImageTag { TagKey = "env", TagValue = "bench" }, new ImageTag { TagKey = "team", TagValue = "web" }],
            });
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>Signs each request afresh (new nonce, current time) with V3, as the SDKs do.</summary>
internal sealed class Signer(string accessKeyId, string secret, string host)
{
    public HttpRequestMessage Sign(string action, IReadOnlyDictionary<string, string> query)
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = host,
            ["x-acs-action"] = action,
            ["x-acs-version"] = "2014-05-26",
            ["x-acs-date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = ApiSignature.EmptyPayloadHash,
        };
        var names = headers.Keys.Order(StringComparer.Ordinal).ToList();
        var stringToSign = ApiSignature.V3StringToSign("POST", "/", query, names, h => headers[h], ApiSignature.EmptyPayloadHash);
        var request = new HttpRequestMessage(HttpMethod.Post, "/?" + string.Join("&", query.Select(kv => ApiSignature.PercentEncode(kv.Key) + "=" + ApiSignature.PercentEncode(kv.Value))));
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization",
            $"ACS3-HMAC-SHA256 Credential={accessKeyId},SignedHeaders={string.Join(";", names)},Signature={ApiSignature.V3Sign(secret, stringToSign)}");
        return request;
    }
}
