using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Snapshots;

/// <summary>CreateSnapshot and DeleteSnapshot (domain-rules §10, DEL-10).</summary>
public sealed class SnapshotServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private AsyncTaskEngine _engine = null!;
    private SnapshotService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _engine = EngineFactory.Create(_db.Factory, _db.Time);
        var ids = new IdGenerator();
        _service = new SnapshotService(_db.Factory, ids, _db.Time, new TaskService(_db.Factory, _engine, ids, _db.Time), _engine, new ChangeNotifier());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<string> DiskIdAsync(string instance, string type)
    {
        await using var db = _db.NewContext();
        return await db.Instances.Where(i => i.Name == instance).SelectMany(i => i.Disks).Where(d => d.Type == type).Select(d => d.Id).SingleAsync();
    }

    private async Task<string> SnapshotIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Snapshots.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task Create_OfADisk_IsProgressingAtOnceAndAccomplishedWhenTheTaskEnds()
    {
        // Arrange
        var disk = await DiskIdAsync("db-1", "system");

        // Act
        var result = await _service.CreateAsync(await _db.ActorAsync(DemoWorld.Alice), new CreateSnapshotRequest("cn-hangzhou", disk, "before-upgrade", "pre-upgrade state"));
        await using var before = _db.NewContext();
        var progressing = await before.Snapshots.SingleAsync(s => s.Id == result.Value.SnapshotId);
        await _engine.RunStepsAsync(_db.Time, 10);

        // Assert
        Assert.Equal((SnapshotStatus.Progressing, "system", "x86_64"), (progressing.Status, progressing.SourceDiskType, progressing.SourceArchitecture));
        await using var after = _db.NewContext();
        Assert.Equal(SnapshotStatus.Accomplished, (await after.Snapshots.SingleAsync(s => s.Id == result.Value.SnapshotId)).Status);
    }

    [Theory]
    [InlineData("VAL-SNAPNAME-01", "auto-snap", SnapshotErrors.NameMalformedCode)]
    [InlineData("VAL-SNAPNAME-01", "http://snap", SnapshotErrors.NameMalformedCode)]
    [InlineData("VAL-SNAPNAME-01", "9lives", SnapshotErrors.NameMalformedCode)]
    public async Task Create_WithABadName_ReturnsTheCode(string rule, string name, string code)
    {
        // Act
        var result = await _service.CreateAsync(await _db.ActorAsync(DemoWorld.Alice), new CreateSnapshotRequest("cn-hangzhou", await DiskIdAsync("web-1", "data"), name, null));

        // Assert
        Assert.True(code == result.Error?.Code, rule);
    }

    [Theory]
    [InlineData(DemoWorld.Bob, CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Carol, SnapshotErrors.DiskNotFoundCode)]
    public async Task Create_WithoutTheRoleOrOnAnotherAccountsDisk_IsRefused(string who, string code)
    {
        // Act
        var result = await _service.CreateAsync(await _db.ActorAsync(who), new CreateSnapshotRequest("cn-hangzhou", await DiskIdAsync("web-1", "data"), "x-snap", null));

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task Create_WhenTheInstanceIsStarting_ReturnsIncorrectInstanceStatus()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Instances.SingleAsync(i => i.Name == "web-1")).Status = InstanceStatus.Stopping;
            await db.SaveChangesAsync();
        }

        // Act
        var result = await _service.CreateAsync(await _db.ActorAsync(DemoWorld.Alice), new CreateSnapshotRequest("cn-hangzhou", await DiskIdAsync("web-1", "data"), "x-snap", null));

        // Assert
        Assert.Equal(InstanceErrors.IncorrectStatusCode, result.Error?.Code);
    }

    [Fact]
    public async Task Delete_ASnapshotAnImageIsMadeOf_ReturnsSnapshotCreatedImageAndKeepsIt()
    {
        // Arrange
        var snapshot = await SnapshotIdAsync("web-1-system-base");

        // Act
        var result = await _service.DeleteAsync(await _db.ActorAsync(DemoWorld.Alice), "cn-hangzhou", snapshot);

        // Assert
        Assert.Equal((SnapshotErrors.CreatedImageCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
        await using var db = _db.NewContext();
        Assert.True(await db.Snapshots.AnyAsync(s => s.Id == snapshot));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "DeleteSnapshot" && a.ErrorCode == SnapshotErrors.CreatedImageCode));
    }

    [Fact]
    public async Task Delete_AnUnusedSnapshot_RemovesIt()
    {
        // Arrange
        var snapshot = await SnapshotIdAsync("db-1-data-daily");

        // Act
        var result = await _service.DeleteAsync(await _db.ActorAsync(DemoWorld.Alice), "cn-hangzhou", snapshot);

        // Assert
        Assert.True(result.IsSuccess);
        await using var db = _db.NewContext();
        Assert.False(await db.Snapshots.AnyAsync(s => s.Id == snapshot));
    }

    [Fact]
    public async Task Delete_ASnapshotADiskWasCreatedFrom_IsSnapshotCreatedDisk_UnlessForced()
    {
        // Arrange: a data disk created from the snapshot
        var snapshot = await SnapshotIdAsync("db-1-data-daily");
        await using (var db = _db.NewContext())
        {
            db.Disks.Add(new Disk
            {
                Id = "d-fromsnapshot01", RegionId = "cn-hangzhou", ZoneId = "cn-hangzhou-h", AccountId = DemoWorld.AcmeAccountId, Type = "data",
                Category = "cloud_essd", SizeGiB = 40, Device = "/dev/xvdc", SourceSnapshotId = snapshot, CreationTime = _db.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var refused = await _service.DeleteAsync(alice, "cn-hangzhou", snapshot);
        var forced = await _service.DeleteAsync(alice, "cn-hangzhou", snapshot, force: true);

        // Assert
        Assert.Equal((SnapshotErrors.CreatedDiskCode, 403), (refused.Error?.Code, refused.Error?.HttpStatus));
        Assert.True(forced.IsSuccess, forced.Error?.ToString());
        await using var after = _db.NewContext();
        Assert.False(await after.Snapshots.AnyAsync(s => s.Id == snapshot));
        Assert.True(await after.Disks.AnyAsync(d => d.Id == "d-fromsnapshot01"));
    }

    [Fact]
    public async Task Delete_ASnapshotBeingTaken_CancelsItsTask()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var created = (await _service.CreateAsync(alice, new CreateSnapshotRequest("cn-hangzhou", await DiskIdAsync("db-1", "data"), "in-flight", null))).Value;
        await _engine.RunStepsAsync(_db.Time, 2);

        // Act
        var result = await _service.DeleteAsync(alice, "cn-hangzhou", created.SnapshotId);

        // Assert
        Assert.True(result.IsSuccess);
        await using var db = _db.NewContext();
        Assert.False(await db.Snapshots.AnyAsync(s => s.Id == created.SnapshotId));
        Assert.Equal(AsyncTaskStatus.Cancelled, (await db.AsyncTasks.SingleAsync(t => t.Id == created.TaskId)).Status);
    }

    [Theory]
    [InlineData(DemoWorld.Bob, CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Dave, SnapshotErrors.NotFoundCode)]
    public async Task Delete_WithoutTheRoleOrSomeoneElsesSnapshot_IsRefused(string who, string code)
    {
        // Act
        var result = await _service.DeleteAsync(await _db.ActorAsync(who), "cn-hangzhou", await SnapshotIdAsync("db-1-data-daily"));

        // Assert
        Assert.Equal(code, result.Error?.Code);
        await using var db = _db.NewContext();
        Assert.Equal(4, await db.Snapshots.CountAsync(s => s.AccountId == DemoWorld.AcmeAccountId));
    }
}
