using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

/// <summary>What the side load of <c>--wrk --side-load</c> is made of (issue #20's defaults).</summary>
/// <param name="Creates">CreateImage calls, issued in batches spread evenly over the wrk window.</param>
/// <param name="Batch">How many of them are issued at once.</param>
/// <param name="Pages">Signed-in console pages in headless Chromium, each acting every <paramref name="PageIntervalMs"/>.</param>
/// <param name="PageIntervalMs">How often each page clicks a tab or reloads.</param>
/// <param name="TaskSeconds">The console's <c>Simulation:TaskDuration</c> in this run (the creates' task length).</param>
/// <param name="AvailableWithinSeconds">How long a create may take to become Available before it counts as failed.</param>
/// <param name="WarmUpCreates">Creates run (and waited for) with the pages acting before the measured window, so that it measures a console in use, not the first compilation of the side load's code.</param>
internal sealed record SideLoadOptions(int Creates, int Batch, int Pages, int PageIntervalMs, int TaskSeconds, int AvailableWithinSeconds, int WarmUpCreates);

/// <summary>What the side load did while wrk ran.</summary>
internal sealed record SideLoadResult(
    int Creates, int Accepted, int Available, IReadOnlyDictionary<string, int> Refused, double SlowestAvailableSeconds,
    double CreateCallP50Ms, double CreateCallMaxMs, int Polls, string PagesSummary);

/// <summary>
/// The side load of issue #20's "load held" row: while wrk replays DescribeImages, <see cref="SideLoadOptions.Creates"/>
/// signed CreateImage calls as alice (V3, the demo AccessKey) from her snapshots and her running instance, in batches
/// spread over the window, each polled with DescribeImages(ImageId) until Available; and
/// <see cref="SideLoadOptions.Pages"/> signed-in pages (bench/circuits/side-pages.js) acting every couple of seconds.
/// </summary>
internal static class SideLoadBench
{
    private const string Region = "cn-hangzhou";

    /// <summary>
    /// Sets Acme's custom-image quota in the region through the platform admin's service (as root) if the creates would
    /// not fit in it; prints what it did. The quota check itself stays in every create's transaction.
    /// </summary>
    public static async Task FitImageQuotaAsync(IServiceProvider services, int creates)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var own = await db.Images.CountAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId && i.RegionId == Region);
        var limit = await QuotaLimits.GetAsync(db, DemoWorld.AcmeAccountId, Region, QuotaCatalogue.ImageCount);
        if (own + creates <= limit)
        {
            return;
        }

        var rootId = await db.Users.Where(u => u.Email == DemoWorld.Root).Select(u => u.Id).SingleAsync();
        var root = (await services.GetRequiredService<AccountService>().GetActorAsync(rootId)).Value;
        var set = await services.GetRequiredService<QuotaAdminService>().SetLimitAsync(root, DemoWorld.AcmeAccountId, Region, QuotaCatalogue.ImageCount, own + creates + 10);
        if (!set.IsSuccess)
        {
            throw new InvalidOperationException($"Acme's image quota could not be raised: {set.Error?.Code}");
        }

        System.Console.WriteLine($"Acme's custom images in {Region}: {own}, quota raised {limit} -> {own + creates + 10} (as root) for {creates} creates");
    }

    /// <summary>Starts the pages, then wrk and the creates together; returns wrk's result and the side load's.</summary>
    public static async Task<(WrkBench.WrkResult Wrk, SideLoadResult Side)> RunAsync(
        Uri console, string repository, int seconds, SideLoadOptions options, Func<Task<WrkBench.WrkResult>> wrk)
    {
        using var http = new HttpClient { BaseAddress = console, Timeout = TimeSpan.FromSeconds(120) };
        var signer = new Signer(WrkBench.AccessKeyId, WrkBench.Secret, console.Authority);
        var sources = await SourcesAsync(http, signer);

        using var pages = await StartPagesAsync(console, repository, options);
        if (options.WarmUpCreates > 0)
        {
            // The side load's own code paths (creates, their tasks, the pages' re-reads) run once before the measured
            // window, as on a console that has been in use: otherwise the window measures their first compilation too.
            var warming = Stopwatch.StartNew();
            var warm = await CreateAllAsync(http, signer, sources, WarmUpSeconds, options with { Creates = options.WarmUpCreates }, first: 1000);
            System.Console.WriteLine($"side-load warm-up: {warm.Available} of {warm.Creates} creates Available, the pages acting, {warming.Elapsed.TotalSeconds:F1} s " +
                "(--warm-up-creates 0 measures a console whose side-load code never ran)");
        }

        var creates = CreateAllAsync(http, signer, sources, seconds, options);
        var result = await wrk();
        var pagesSummary = await StopPagesAsync(pages);
        var side = await creates;
        return (result, side with { PagesSummary = pagesSummary });
    }

    public static void Print(SideLoadResult s, SideLoadOptions options)
    {
        var refused = s.Refused.Count == 0 ? "none" : string.Join(", ", s.Refused.Select(r => $"{r.Key} x{r.Value}"));
        System.Console.WriteLine($"side load: CreateImage {s.Accepted}/{s.Creates} accepted (refused: {refused}), {s.Available} Available within {options.AvailableWithinSeconds} s, " +
            $"the slowest after {s.SlowestAvailableSeconds:F1} s (task length {options.TaskSeconds} s); the CreateImage call itself p50 {s.CreateCallP50Ms:F0} ms, max {s.CreateCallMaxMs:F0} ms; {s.Polls} polls");
        System.Console.WriteLine($"side load: pages {s.PagesSummary}");
    }

    private sealed record Sources(string SnapshotId, string InstanceId);

    private static async Task<Sources> SourcesAsync(HttpClient http, Signer signer)
    {
        var snapshots = await CallAsync(http, signer, "DescribeSnapshots", new() { ["RegionId"] = Region, ["SourceDiskType"] = "system", ["Status"] = "accomplished" });
        var instances = await CallAsync(http, signer, "DescribeInstances", new() { ["RegionId"] = Region, ["Status"] = "Running" });
        return new Sources(
            snapshots.Json.GetProperty("Snapshots").GetProperty("Snapshot")[0].GetProperty("SnapshotId").GetString()!,
            instances.Json.GetProperty("Instances").GetProperty("Instance")[0].GetProperty("InstanceId").GetString()!);
    }

    /// <summary>How long the warm-up's creates are spread over.</summary>
    private const int WarmUpSeconds = 10;

    private static async Task<SideLoadResult> CreateAllAsync(HttpClient http, Signer signer, Sources sources, int seconds, SideLoadOptions options, int first = 0)
    {
        var batches = (options.Creates + options.Batch - 1) / options.Batch;
        var spacing = TimeSpan.FromSeconds((double)seconds / Math.Max(1, batches));
        var started = Stopwatch.StartNew();
        var runs = new List<Task<CreateOutcome>>();
        for (var b = 0; b < batches; b++)
        {
            var due = spacing * b - started.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            for (var i = b * options.Batch; i < Math.Min(options.Creates, (b + 1) * options.Batch); i++)
            {
                runs.Add(CreateOneAsync(http, signer, sources, first + i, options));
            }
        }

        var outcomes = await Task.WhenAll(runs);
        var calls = outcomes.Select(o => o.CallMs).Order().ToArray();
        return new SideLoadResult(
            options.Creates,
            outcomes.Count(o => o.Refused is null),
            outcomes.Count(o => o.AvailableAfter is not null),
            outcomes.Where(o => o.Refused is not null).GroupBy(o => o.Refused!).ToDictionary(g => g.Key, g => g.Count()),
            outcomes.Max(o => o.AvailableAfter ?? (o.Refused is null ? options.AvailableWithinSeconds : 0)),
            calls[calls.Length / 2], calls[^1], outcomes.Sum(o => o.Polls), "");
    }

    private sealed record CreateOutcome(string? Refused, double CallMs, double? AvailableAfter, int Polls);

    /// <summary>One CreateImage (even ones from alice's system snapshot, odd ones from her running instance), then its polls.</summary>
    private static async Task<CreateOutcome> CreateOneAsync(HttpClient http, Signer signer, Sources sources, int n, SideLoadOptions options)
    {
        var parameters = new Dictionary<string, string> { ["RegionId"] = Region, ["ImageName"] = $"side-load-{n:D3}-{Guid.NewGuid():N}"[..32] };
        if (n % 2 == 0)
        {
            parameters["DiskDeviceMapping.1.SnapshotId"] = sources.SnapshotId;
            parameters["DiskDeviceMapping.1.DiskType"] = "system";
            parameters["DiskDeviceMapping.1.Device"] = "/dev/xvda";
        }
        else
        {
            parameters["InstanceId"] = sources.InstanceId;
        }

        var watch = Stopwatch.StartNew();
        var created = await CallAsync(http, signer, "CreateImage", parameters);
        var callMs = watch.Elapsed.TotalMilliseconds;
        if (!created.Ok)
        {
            return new CreateOutcome(created.Json.TryGetProperty("Code", out var code) ? code.GetString() : $"HTTP {created.Status}", callMs, null, 0);
        }

        var imageId = created.Json.GetProperty("ImageId").GetString()!;
        var polls = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(options.AvailableWithinSeconds))
        {
            await Task.Delay(500);
            polls++;
            var described = await CallAsync(http, signer, "DescribeImages", new() { ["RegionId"] = Region, ["ImageId"] = imageId, ["Status"] = "ALL" });
            var images = described.Ok ? described.Json.GetProperty("Images").GetProperty("Image") : default;
            var status = images.ValueKind == JsonValueKind.Array && images.GetArrayLength() == 1 ? images[0].GetProperty("Status").GetString() : null;
            if (status == "Available")
            {
                return new CreateOutcome(null, callMs, watch.Elapsed.TotalSeconds, polls);
            }

            if (status == "CreateFailed")
            {
                break;
            }
        }

        return new CreateOutcome(null, callMs, null, polls);
    }

    private static async Task<(bool Ok, int Status, JsonElement Json)> CallAsync(HttpClient http, Signer signer, string action, Dictionary<string, string> query)
    {
        using var response = await http.SendAsync(signer.Sign(action, query));
        var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement.Clone();
        return (response.IsSuccessStatusCode, (int)response.StatusCode, json);
    }

    private static async Task<Process> StartPagesAsync(Uri console, string repository, SideLoadOptions options)
    {
        var circuits = Path.Combine(repository, "bench", "circuits");
        if (!Directory.Exists(Path.Combine(circuits, "node_modules", "playwright-core")))
        {
            throw new InvalidOperationException("bench/circuits has no node_modules: (cd bench/circuits && npm ci) first");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(circuits, "side-pages.js"), console.ToString().TrimEnd('/'),
            options.Pages.ToString(CultureInfo.InvariantCulture), options.PageIntervalMs.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = circuits,
        };
        var pages = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var opening = Stopwatch.StartNew();
        while (await pages.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "ready")
            {
                System.Console.WriteLine($"{options.Pages} pages signed in and interactive after {opening.Elapsed.TotalSeconds:F1} s");
                return pages;
            }
        }

        throw new InvalidOperationException("the pages did not open (see side-pages.js's errors above)");
    }

    private static async Task<string> StopPagesAsync(Process pages)
    {
        await pages.StandardInput.WriteLineAsync("stop");
        await pages.StandardInput.FlushAsync();
        var summary = await pages.StandardOutput.ReadLineAsync() ?? "(no summary)";
        await pages.WaitForExitAsync();
        return summary;
    }
}
