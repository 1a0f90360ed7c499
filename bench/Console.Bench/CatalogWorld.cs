using System.Diagnostics;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsConsole.Bench;

/// <summary>
/// A database file with the demo world plus generated images: 40% Acme's (most in cn-hangzhou), the rest spread over
/// 200 other accounts and all regions; statuses mostly Available with some Deprecated, Creating and CreateFailed;
/// a share with Acme for 2% of others' images, community publishing for 2%; every image with its system disk mapping.
/// </summary>
internal sealed class CatalogWorld : IAsyncDisposable
{
    private readonly IDbContextFactory<ConsoleDbContext> _factory;
    private readonly Actor _acme;

    private CatalogWorld(IDbContextFactory<ConsoleDbContext> factory, Actor acme)
    {
        _factory = factory;
        _acme = acme;
    }

    /// <summary>Print each shape's SQL once.</summary>
    public static bool ShowSql { get; set; }

    public int ImageCount { get; private set; }

    public int AcmeHangzhouCustom { get; private set; }

    public string SampleImageId { get; private set; } = "";

    public string SampleSnapshotId { get; private set; } = "";

    /// <summary>Prints the SQL of the next queries (the <c>--sql</c> option).</summary>
    public static bool LogSql { get; set; }

    /// <summary>
    /// The world in a SQLite file at <paramref name="path"/>, or — with <paramref name="postgres"/> (an Npgsql connection
    /// string with its <c>Database</c>, which must exist and be empty) — in that PostgreSQL database.
    /// </summary>
    public static async Task<CatalogWorld> CreateAsync(string path, int count, string? postgres = null, bool reuse = false)
    {
        var builder = new DbContextOptionsBuilder<ConsoleDbContext>();
        builder.Use(postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, postgres ?? $"Data Source={path}")
            .LogTo(m => { if (LogSql) { System.Console.WriteLine(m); } }, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        var options = builder.Options;
        var factory = new Factory(options);
        var initializer = new DatabaseInitializer(factory, new NoProtector(), TimeProvider.System, NullLogger<DatabaseInitializer>.Instance);
        if (reuse)
        {
            // A file an earlier run kept (--keep): its world is measured as it is.
            count = 0;
        }
        else
        {
            await initializer.InitializeAsync();
        }

        await using var seeded = factory.CreateDbContext();
        var aliceId = await seeded.Users.Where(u => u.Email == DemoWorld.Alice).Select(u => u.Id).SingleAsync();
        var regions = await seeded.Regions.OrderBy(r => r.SortOrder).ToListAsync();
        var acme = new Actor(aliceId, DemoWorld.Alice, DemoWorld.AcmeAccountId, AccountRole.Admin, false);
        var world = new CatalogWorld(factory, acme);

        var random = new Random(42);
        var ids = new IdGenerator(random);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] words = ["web", "db", "cache", "api", "batch", "ml", "edge", "build", "proxy", "etl"];
        const int batch = 5_000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = factory.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = done; n < Math.Min(count, done + batch); n++)
            {
                var acmeOwned = n % 5 < 2;
                var region = acmeOwned && n % 10 != 4 ? regions[0] : regions[random.Next(regions.Count)];
                var owner = acmeOwned ? DemoWorld.AcmeAccountId : $"9{random.Next(200):D3}000000000000";
                var roll = random.Next(100);
                var image = new Image
                {
                    Id = ids.NewImageId(region.Infix),
                    RegionId = region.Id,
                    Kind = n % 50 == 7 ? ImageKind.Marketplace : ImageKind.Custom,
                    OwnerAccountId = n % 50 == 7 ? null : owner,
                    Name = $"{words[n % words.Length]}-{n}",
                    Description = "generated",
                    Family = n % 3 == 0 ? $"family-{n % 17}" : null,
                    OsName = n % 9 == 0 ? "Windows Server 2022" : "Alibaba Cloud Linux 3",
                    OsType = n % 9 == 0 ? OsType.Windows : OsType.Linux,
                    Platform = n % 9 == 0 ? "Windows Server 2022" : "Aliyun",
                    Architecture = n % 9 == 0 ? ImageArchitecture.X86_64 : n % 4 == 0 ? ImageArchitecture.Arm64 : ImageArchitecture.X86_64,
                    SizeGiB = 20 + (n % 5) * 20,
                    BootMode = BootMode.UefiPreferred,
                    NvmeSupport = true,
                    CreationTime = start.AddMinutes(n * 7 + random.Next(5)),
                    Source = ImageSource.Snapshots,
                    ProductCode = n % 50 == 7 ? $"cmjj{n:D8}" : null,
                    DiskMappings = [new ImageDiskMapping { Type = DiskMappingType.System, Device = "/dev/xvda", SnapshotId = ids.NewSnapshotId(region.Infix), SizeGiB = 40 }],
                };
                switch (roll)
                {
                    case < 5: image.Deprecate(); break;
                    case < 8: image.ReportProgress(random.Next(100)); break;
                    case < 10: image.MarkFailed(); break;
                    default: break;
                }

                if (!acmeOwned && roll is >= 50 and < 52)
                {
                    image.SetCommunity(true);
                }

                db.Images.Add(image);
                if (!acmeOwned && image.Kind == ImageKind.Custom && roll is >= 60 and < 62)
                {
                    db.ImageShares.Add(new ImageShare { ImageId = image.Id, RegionId = region.Id, AccountId = DemoWorld.AcmeAccountId, SharedAt = start });
                }

                if (n == count / 2 && acmeOwned)
                {
                    world.SampleImageId = image.Id;
                    world.SampleSnapshotId = image.DiskMappings[0].SnapshotId!;
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        await using var check = factory.CreateDbContext();
        if (world.SampleImageId == "")
        {
            var sample = await check.Images.Include(i => i.DiskMappings).Where(i => i.OwnerAccountId == DemoWorld.AcmeAccountId && i.RegionId == "cn-hangzhou").OrderBy(i => i.Key).Skip(100).FirstAsync();
            world.SampleImageId = sample.Id;
            world.SampleSnapshotId = sample.DiskMappings[0].SnapshotId ?? "";
        }

        if (!reuse)
        {
            // PostgreSQL: the custom tab's kept counts folded, as the web host's compactor does every two seconds (ADR-042).
            await CustomImageCountDeltas.CompactAsync(check);

            // PostgreSQL: VACUUM as autovacuum would after the bulk load (it sets the visibility map, without which no
            // scan is index-only and a count of 38,000 rows reads 3,000 heap pages); SQLite: the planner's statistics.
            await check.Database.ExecuteSqlRawAsync(postgres is null ? "ANALYZE" : "VACUUM ANALYZE");
        }

        world.ImageCount = await check.Images.CountAsync();
        world.AcmeHangzhouCustom = await check.Images.CountAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId && i.RegionId == "cn-hangzhou");
        return world;
    }

    /// <summary>Runs the query <paramref name="iterations"/> times after a warm-up; returns rows matched and latency percentiles.</summary>
    public async Task<(int Rows, double P50, double P95, double P99)> MeasureAsync(ImageListQuery query, int iterations)
    {
        var service = new ImageCatalogService(_factory);
        var total = 0;
        LogSql = ShowSql;
        for (var i = 0; i < 10; i++)
        {
            total = (await service.ListAsync(_acme, query)).Value.Total;
            LogSql = false;
        }

        LogSql = false;
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            var result = await service.ListAsync(_acme, query);
            sw.Stop();
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException(result.Error.ToString());
            }

            samples[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        double P(double p) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(p * samples.Length) - 1)];
        return (total, P(0.50), P(0.95), P(0.99));
    }

    /// <summary>The database the world lives in, for other services to measure against it.</summary>
    public IDbContextFactory<ConsoleDbContext> DbFactory => _factory;

    /// <summary>Acme's admin, the actor of every measurement.</summary>
    public Actor Acme => _acme;

    /// <summary>p50/p95/p99 in ms of any operation (10 warm-up runs first); the operation returns the row count it saw.</summary>
    public static async Task<(int Rows, double P50, double P95, double P99)> MeasureAsync(Func<Task<int>> run, int iterations)
    {
        var rows = 0;
        for (var i = 0; i < 10; i++)
        {
            rows = await run();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            samples[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        double P(double p) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(p * samples.Length) - 1)];
        return (rows, P(0.50), P(0.95), P(0.99));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Factory(DbContextOptions<ConsoleDbContext> options) : IDbContextFactory<ConsoleDbContext>
    {
        public ConsoleDbContext CreateDbContext() => new(options);
    }

    private sealed class NoProtector : ISecretProtector
    {
        public string Protect(string secret) => secret;

        public string Unprotect(string protectedSecret) => protectedSecret;
    }
}
