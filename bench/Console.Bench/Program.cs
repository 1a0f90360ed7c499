using System.Diagnostics;
using EcsConsole.Bench;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Marketplace;

// Image catalogue benchmark: a SQLite file with 100,000 images across accounts, regions and kinds, and the latency
// of the query shapes the images page runs — or, with --postgres "<Npgsql connection string of a role that may create
// databases>", the same on a PostgreSQL database of its own (created and dropped). Usage:
//   dotnet run -c Release --project bench/Console.Bench [-- --images 100000 --iterations 200 --keep] [--postgres "Host=…"]
//   [--db FILE: measure a SQLite file an earlier run kept (--keep), as it is, instead of building one; with --postgres, the
//   name of a database an earlier run kept] [--shape TEXT: only the shapes whose name contains TEXT, e.g. to trace one]
var images = ArgValue("--images", 100_000);
var iterations = ArgValue("--iterations", 200);

var keep = args.Contains("--keep");
CatalogWorld.ShowSql = args.Contains("--sql");
var dbIndex = Array.IndexOf(args, "--db");
var reuse = dbIndex >= 0 && dbIndex + 1 < args.Length;
var path = reuse ? args[dbIndex + 1] : Path.Combine(Path.GetTempPath(), $"ecsconsole-bench-{Guid.NewGuid():N}.db");
keep |= reuse;
var postgresIndex = Array.IndexOf(args, "--postgres");
var postgresServer = postgresIndex >= 0 && postgresIndex + 1 < args.Length ? args[postgresIndex + 1] : null;
var postgresDatabase = reuse && postgresServer is not null ? path : $"ecsconsole_bench_{Guid.NewGuid():N}";
if (postgresServer is not null && !reuse)
{
    await PostgresAsync($"CREATE DATABASE \"{postgresDatabase}\"");
}

try
{
    var build = Stopwatch.StartNew();
    await using var world = await CatalogWorld.CreateAsync(path, images, postgresServer is null ? null : $"{postgresServer};Database={postgresDatabase}", reuse);
    System.Console.WriteLine(postgresServer is null ? "SQLite file" : $"PostgreSQL database {postgresDatabase}");
    System.Console.WriteLine($"Built {world.ImageCount:N0} images ({world.AcmeHangzhouCustom:N0} of them Acme's custom images in cn-hangzhou) in {build.Elapsed.TotalSeconds:F1} s: {path}");
    System.Console.WriteLine($"{iterations} runs per shape after 10 warm-up runs; each run = count + page query.");
    System.Console.WriteLine();
    System.Console.WriteLine($"{"query shape",-48} {"rows",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");

    var q = new ImageListQuery { RegionId = "cn-hangzhou", Tab = ImageTab.Custom, PageSize = 10 };
    var shapes = new (string Name, ImageListQuery Query)[]
    {
        ("custom tab, region, page 1", q),
        ("public tab, region, page 1", q with { Tab = ImageTab.Public }),
        ("shared tab, region, page 1", q with { Tab = ImageTab.Shared }),
        ("community tab, region, page 1", q with { Tab = ImageTab.Community }),
        ("marketplace tab, region, page 1", q with { Tab = ImageTab.Marketplace }),
        ("name prefix 'web-'", q with { Search = "web-" }),
        ("name substring '-4242'", q with { Search = "-4242" }),
        ("image ID substring", q with { SearchBy = ImageSearchField.ImageId, Search = world.SampleImageId[2..12] }),
        ("snapshot ID (exact)", q with { SearchBy = ImageSearchField.SnapshotId, Search = world.SampleSnapshotId }),
        ("status filter Deprecated", q with { Statuses = [ImageStatus.Deprecated] }),
        ("filter os=windows, arch=arm64 (none)", q with { OsType = OsType.Windows, Architecture = ImageArchitecture.Arm64 }),
        ("sort by creation time, oldest first", q with { Sort = ImageSort.CreatedAsc }),
        ("sort by name", q with { Sort = ImageSort.NameAsc }),
        ("page 1,000 (10 per page)", q with { Page = 1_000 }),
        ("page 100 (100 per page)", q with { Page = 100, PageSize = 100 }),
        ("family filter", q with { Family = "family-7" }),
    };

    var only = Array.IndexOf(args, "--shape") is var shapeIndex and >= 0 && shapeIndex + 1 < args.Length ? args[shapeIndex + 1] : null;
    bool Chosen(string name) => only is null || name.Contains(only, StringComparison.OrdinalIgnoreCase);
    foreach (var (name, query) in shapes.Where(s => Chosen(s.Name)))
    {
        var (rows, p50, p95, p99) = await world.MeasureAsync(query, iterations);
        System.Console.WriteLine($"{name,-48} {rows,7} {p50,8:F2} {p95,8:F2} {p99,8:F2}");
    }

    // The buy page over the same 100k images: the type table for an image, a picker page checked against a type,
    // and the Marketplace's product search.
    var compatibility = new CompatibilityService(world.DbFactory, Microsoft.Extensions.Options.Options.Create(new InstanceOptions()));
    var catalog = new ImageCatalogService(world.DbFactory);
    var marketplace = new MarketplaceService(world.DbFactory, TimeProvider.System, new EcsConsole.Domain.Common.ChangeNotifier());
    var buyShapes = new (string Name, Func<Task<int>> Run)[]
    {
        ("buy page: type table for the arm64 image", async () =>
            (await compatibility.CheckTypesAsync(world.Acme, "cn-hangzhou", "cn-hangzhou-i", "aliyun_3_arm64_20G_alibase_20250101.vhd")).Value.Count),
        ("buy page: custom-image picker page vs g7.large", async () =>
        {
            var page = (await catalog.ListAsync(world.Acme, q)).Value;
            var verdicts = await compatibility.CheckImagesAsync(world.Acme, "cn-hangzhou", "ecs.g7.large", new LaunchPlan(), [.. page.Items.Select(i => i.Id)]);
            return verdicts.Count;
        }),
        ("marketplace: search 'linux', page 1", async () =>
            (await marketplace.SearchAsync(world.Acme, new MarketplaceQuery { RegionId = "cn-hangzhou", Search = "linux" })).Value.Total),
    };
    foreach (var (name, run) in buyShapes.Where(s => Chosen(s.Name)))
    {
        var (rows, p50, p95, p99) = await CatalogWorld.MeasureAsync(run, iterations);
        System.Console.WriteLine($"{name,-48} {rows,7} {p50,8:F2} {p95,8:F2} {p99,8:F2}");
    }
}
finally
{
    if (postgresServer is not null && !keep)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await PostgresAsync($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
    }

    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (keep)
    {
        System.Console.WriteLine($"Kept {path}");
        path = "/nonexistent";
    }

    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(path + suffix);
    }
}

async Task PostgresAsync(string sql)
{
    await using var connection = new Npgsql.NpgsqlConnection($"{postgresServer};Database=postgres");
    await connection.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

int ArgValue(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
