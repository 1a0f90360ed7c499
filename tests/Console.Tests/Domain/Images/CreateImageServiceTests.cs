using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Images;

/// <summary>CreateImage (domain-rules §3, §12): sources, validation, quota, the task that builds the image.</summary>
public sealed class CreateImageServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private AsyncTaskEngine _engine = null!;
    private CreateImageService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        (_engine, _service) = Build(_db.Factory);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private (AsyncTaskEngine, CreateImageService) Build(IDbContextFactory<ConsoleDbContext> factory)
    {
        var engine = EngineFactory.Create(factory, _db.Time);
        var ids = new IdGenerator();
        return (engine, new CreateImageService(factory, ids, _db.Time, new TaskService(factory, engine, ids, _db.Time), new ChangeNotifier()));
    }

    private async Task<string> InstanceIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Instances.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    private async Task<string> SnapshotIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Snapshots.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    private async Task<Result<CreatedImage>> CreateAsync(string who, CreateImageRequest request) =>
        await _service.CreateAsync(await _db.ActorAsync(who), request);

    private async Task<CreateImageRequest> FromWeb1Async(string? name = "web-golden") =>
        new() { RegionId = Hangzhou, InstanceId = await InstanceIdAsync("web-1"), Name = name };

    [Fact]
    public async Task Create_FromARunningInstance_ShowsCreatingAtOnce_SnapshotsEveryDisk_AndBecomesAvailable()
    {
        // Act
        var result = await CreateAsync(DemoWorld.Alice, await FromWeb1Async());

        // Assert: at once, Creating at 0% with a progressing snapshot of each disk
        Assert.True(result.IsSuccess, result.Error?.ToString());
        await using (var db = _db.NewContext())
        {
            var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
            Assert.Equal((ImageStatus.Creating, 0, "web-golden", ImageSource.Instance), (image.Status, image.Progress, image.Name, image.Source));
            Assert.Equal((ImageArchitecture.X86_64, BootMode.UefiPreferred, "Aliyun"), (image.Architecture, image.BootMode, image.Platform));
            Assert.Equal([DiskMappingType.System, DiskMappingType.Data], image.DiskMappings.OrderBy(m => m.Device).Select(m => m.Type));
            var snapshots = await db.Snapshots.Where(s => image.DiskMappings.Select(m => m.SnapshotId).Contains(s.Id)).ToListAsync();
            Assert.Equal(2, snapshots.Count);
            Assert.All(snapshots, s => Assert.Equal(SnapshotStatus.Progressing, s.Status));
            Assert.Equal(AsyncTaskStatus.Processing, (await db.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId)).Status);
        }

        // Act: the task runs through
        await _engine.RunStepsAsync(_db.Time, 5);
        await using (var db = _db.NewContext())
        {
            var halfway = await db.Images.Where(i => i.Id == result.Value.ImageId).Select(i => new { i.Status, i.Progress }).SingleAsync();
            Assert.Equal((ImageStatus.Creating, 50), (halfway.Status, halfway.Progress));
        }

        await _engine.RunStepsAsync(_db.Time, 5);

        // Assert
        await using var done = _db.NewContext();
        var finished = await done.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
        Assert.Equal((ImageStatus.Available, 100), (finished.Status, finished.Progress));
        var ids = finished.DiskMappings.Select(m => m.SnapshotId).ToList();
        Assert.All(await done.Snapshots.Where(s => ids.Contains(s.Id)).ToListAsync(), s => Assert.Equal(SnapshotStatus.Accomplished, s.Status));
        Assert.Equal(AsyncTaskStatus.Finished, (await done.AsyncTasks.SingleAsync(t => t.Id == result.Value.TaskId)).Status);
        Assert.True(await done.AuditEntries.AnyAsync(a => a.Action == "CreateImage" && a.ResourceId == result.Value.ImageId && a.ErrorCode == null));
    }

    [Fact]
    public async Task Create_FromAnInstanceWithoutDataDisks_SnapshotsOnlyTheSystemDisk()
    {
        // Act
        var result = await CreateAsync(DemoWorld.Alice, await FromWeb1Async() with { IncludeDataDisks = false });

        // Assert
        await using var db = _db.NewContext();
        var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Id == result.Value.ImageId);
        Assert.Single(image.DiskMappings);
    }

    [Fact]
    public async Task Create_FromSnapshots_TakesArchitectureAndPlatformFromTheSystemSnapshot()
    {
        // Arrange
        var system = await SnapshotIdAsync("db-1-system-daily");
        var data = await SnapshotIdAsync("db-1-data-daily");

        // Act
        var result = await CreateAsync(DemoWorld.Alice, new CreateImageRequest
        {
            RegionId = Hangzhou, SystemSnapshotId = system, DataDisks = [new DataDiskSpec(data), new DataDiskSpec(null, 50)], Name = "db-image", Family = "db",
            Tags = [("env", "prod")],
        });
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        await using var db = _db.NewContext();
        var image = await db.Images.Include(i => i.DiskMappings).Include(i => i.Tags).SingleAsync(i => i.Id == result.Value.ImageId);
        Assert.Equal((ImageStatus.Available, "Ubuntu", ImageArchitecture.X86_64, 60, "db"), (image.Status, image.Platform, image.Architecture, image.SizeGiB, image.Family));
        Assert.Equal(["/dev/xvda", "/dev/xvdb", "/dev/xvdc"], image.DiskMappings.OrderBy(m => m.Device).Select(m => m.Device));
        Assert.Null(image.DiskMappings.Single(m => m.Device == "/dev/xvdc").SnapshotId);
        Assert.Equal("env", Assert.Single(image.Tags).TagKey);
    }

    [Theory]
    [InlineData("VAL-NAME-04", "http://x", ImageErrors.NameMalformedCode)]
    [InlineData("VAL-NAME-02", "1-image", ImageErrors.NameMalformedCode)]
    [InlineData("VAL-NAME-04", "aliyun-copy", ImageErrors.NameMalformedCode)]
    [InlineData("VAL-NAME-07", "acme-base-v1", ImageErrors.NameDuplicatedCode)]
    public async Task Create_WithABadName_ReturnsTheCodeAndCreatesNothing(string rule, string name, string code)
    {
        // Act
        var result = await CreateAsync(DemoWorld.Alice, await FromWeb1Async(name));

        // Assert
        Assert.True(code == result.Error?.Code, rule);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.Images.CountAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId));
        Assert.Equal(0, await db.AsyncTasks.CountAsync());
        Assert.Equal(4, await db.Snapshots.CountAsync(s => s.AccountId == DemoWorld.AcmeAccountId));
    }

    [Fact]
    public async Task Create_WithBadDescriptionFamilyOrTags_ReturnsTheirCodes()
    {
        // Arrange
        var request = await FromWeb1Async();

        // Act
        var description = await CreateAsync(DemoWorld.Alice, request with { Description = "https://spam" });
        var family = await CreateAsync(DemoWorld.Alice, request with { Family = "acs:mine" });
        var tags = await CreateAsync(DemoWorld.Alice, request with { Tags = [("env", "a"), ("ENV", "b")] });

        // Assert
        Assert.Equal(ImageErrors.DescriptionMalformedCode, description.Error?.Code);
        Assert.Equal(ImageErrors.FamilyMalformedCode, family.Error?.Code);
        Assert.Equal(ImageErrors.TagKeyDuplicateCode, tags.Error?.Code);
    }

    [Fact]
    public async Task Create_WithNoSource_ReturnsAllEmpty()
    {
        // Act
        var result = await CreateAsync(DemoWorld.Alice, new CreateImageRequest { RegionId = Hangzhou, Name = "nothing" });

        // Assert
        Assert.Equal(ImageErrors.NoSourceCode, result.Error?.Code);
    }

    [Theory]
    [InlineData("CRT-INS-08", DemoWorld.Dave, InstanceErrors.NotFoundCode)]
    [InlineData("RAM", DemoWorld.Bob, CommonErrors.ForbiddenCode)]
    [InlineData("RAM", DemoWorld.Root, CommonErrors.ForbiddenCode)]
    public async Task Create_FromAnotherAccountsInstanceOrWithoutTheRole_IsRefused(string rule, string who, string code)
    {
        // Act
        var result = await CreateAsync(who, await FromWeb1Async());

        // Assert
        Assert.True(code == result.Error?.Code, $"{rule}: {result.Error}");
    }

    [Fact]
    public async Task Create_FromAnInstanceThatIsNeitherRunningNorStopped_ReturnsIncorrectInstanceStatus()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Instances.SingleAsync(i => i.Name == "web-1")).Status = InstanceStatus.Starting;
            await db.SaveChangesAsync();
        }

        // Act
        var result = await CreateAsync(DemoWorld.Alice, await FromWeb1Async());

        // Assert
        Assert.Equal(InstanceErrors.IncorrectStatusCode, result.Error?.Code);
    }

    [Fact]
    public async Task Create_FromADataDiskSnapshotAlone_ReturnsOperationDenied()
    {
        // Act
        var result = await CreateAsync(DemoWorld.Alice, new CreateImageRequest { RegionId = Hangzhou, SystemSnapshotId = await SnapshotIdAsync("db-1-data-daily") });

        // Assert
        Assert.Equal((ImageErrors.OperationDeniedCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Create_WithTwoSystemSnapshots_ReturnsOperationDenied400()
    {
        // Act
        var result = await CreateAsync(DemoWorld.Alice, new CreateImageRequest
        {
            RegionId = Hangzhou, SystemSnapshotId = await SnapshotIdAsync("db-1-system-daily"), DataDisks = [new DataDiskSpec(await SnapshotIdAsync("web-1-system-base"))],
        });

        // Assert
        Assert.Equal((ImageErrors.OperationDeniedCode, 400), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Create_FromAnotherAccountsOrAnUnfinishedSnapshot_IsRefused()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Snapshots.SingleAsync(s => s.Name == "db-1-system-daily")).ReportProgress(50);
            await db.SaveChangesAsync();
        }

        // Act
        var notReady = await CreateAsync(DemoWorld.Alice, new CreateImageRequest { RegionId = Hangzhou, SystemSnapshotId = await SnapshotIdAsync("db-1-system-daily") });
        var foreign = await CreateAsync(DemoWorld.Alice, new CreateImageRequest { RegionId = Hangzhou, SystemSnapshotId = await SnapshotIdAsync("tools-1-system") });

        // Assert
        Assert.Equal(SnapshotErrors.NotReadyCode, notReady.Error?.Code);
        Assert.Equal(SnapshotErrors.NotFoundCode, foreign.Error?.Code);
    }

    [Fact]
    public async Task Create_WhenTheImageQuotaIsReached_ReturnsQuotaExceedImageAndCreatesNothing()
    {
        // Arrange: Acme has 1 image in cn-hangzhou; its limit is set to 1
        await using (var db = _db.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Hangzhou, Name = QuotaCatalogue.ImageCount, Limit = 1 });
            await db.SaveChangesAsync();
        }

        // Act
        var result = await CreateAsync(DemoWorld.Alice, await FromWeb1Async());

        // Assert
        Assert.Equal((ImageErrors.ImageQuotaCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
        await using var check = _db.NewContext();
        Assert.Equal(1, await check.Images.CountAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "CreateImage" && a.ErrorCode == ImageErrors.ImageQuotaCode));
    }

    [Fact]
    public async Task Create_TwoCreatesRacingForTheLastUnitOfQuota_ExactlyOneWins()
    {
        // Arrange: a database file (real concurrent connections), Acme's limit one above its usage
        await using var file = await TempDatabaseFile.CreateSeededAsync(_db.Time);
        var factory = file.Factory;
        await using (var db = factory.CreateDbContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Hangzhou, Name = QuotaCatalogue.ImageCount, Limit = 2 });
            await db.SaveChangesAsync();
        }

        var (_, service) = Build(factory);
        string aliceId, web1;
        await using (var db = factory.CreateDbContext())
        {
            aliceId = await db.Users.Where(u => u.Email == DemoWorld.Alice).Select(u => u.Id).SingleAsync();
            web1 = await db.Instances.Where(i => i.Name == "web-1").Select(i => i.Id).SingleAsync();
        }

        var alice = new Actor(aliceId, DemoWorld.Alice, DemoWorld.AcmeAccountId, EcsConsole.Domain.Accounts.AccountRole.Admin, false);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(n => Task.Run(() =>
            service.CreateAsync(alice, new CreateImageRequest { RegionId = Hangzhou, InstanceId = web1, Name = $"racer-{n}" }))));

        // Assert
        Assert.Single(results, r => r.IsSuccess);
        Assert.Single(results, r => r.Error?.Code == ImageErrors.ImageQuotaCode);
        await using var check = factory.CreateDbContext();
        Assert.Equal(2, await check.Images.CountAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId && i.RegionId == Hangzhou));
    }
}
