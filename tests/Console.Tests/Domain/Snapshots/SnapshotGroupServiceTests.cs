using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Snapshots;

/// <summary>Snapshot-consistent groups (SNP-11): which disks a group may take, and what deleting it removes.</summary>
public sealed class SnapshotGroupServiceTests : IAsyncLifetime
{
    private const string Region = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private AsyncTaskEngine _engine = null!;
    private SnapshotGroupService _groups = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _engine = EngineFactory.Create(_db.Factory, _db.Time);
        var ids = new IdGenerator();
        var snapshots = new SnapshotService(_db.Factory, ids, _db.Time, new TaskService(_db.Factory, _engine, ids, _db.Time), _engine, new ChangeNotifier());
        _groups = new SnapshotGroupService(_db.Factory, ids, _db.Time, snapshots, _engine, new ChangeNotifier());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<string> InstanceIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Instances.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    private async Task<string> DiskIdAsync(string instance, string type)
    {
        await using var db = _db.NewContext();
        return await db.Instances.Where(i => i.Name == instance).SelectMany(i => i.Disks).Where(d => d.Type == type).Select(d => d.Id).SingleAsync();
    }

    /// <summary>A data disk of Acme's in web-1's zone, of <paramref name="category"/>, on web-1 or detached.</summary>
    private async Task<string> AddDiskAsync(string category, bool attached)
    {
        await using var db = _db.NewContext();
        var web = await db.Instances.SingleAsync(i => i.Name == "web-1");
        var disk = new Disk
        {
            Id = "d-group" + Guid.NewGuid().ToString("N")[..12], RegionId = Region, AccountId = DemoWorld.AcmeAccountId, ZoneId = web.ZoneId,
            InstanceId = attached ? web.Id : null, Type = "data", Category = category, SizeGiB = 20, Device = "/dev/xvdc",
        };
        db.Disks.Add(disk);
        await db.SaveChangesAsync();
        return disk.Id;
    }

    private async Task<Result<string>> CreateAsync(CreateSnapshotGroupRequest request, string who = DemoWorld.Alice) =>
        await _groups.CreateAsync(await _db.ActorAsync(who), request);

    [Fact]
    public async Task Create_OfAStoppedInstance_SnapshotsEachOfItsDisks_AndTheGroupIsAccomplishedWhenTheirTasksEnd()
    {
        // Arrange
        var instanceId = await InstanceIdAsync("db-1");

        // Act
        var created = await CreateAsync(new CreateSnapshotGroupRequest(Region) { InstanceId = instanceId, Name = "db-1-consistent" });
        var progressing = Assert.Single(await _groups.ListAsync(await _db.ActorAsync(DemoWorld.Alice), Region));
        await _engine.RunStepsAsync(_db.Time, 10);
        var accomplished = Assert.Single(await _groups.ListAsync(await _db.ActorAsync(DemoWorld.Alice), Region));

        // Assert
        Assert.True(created.IsSuccess, created.Error?.Code);
        Assert.StartsWith("ssg-", created.Value, StringComparison.Ordinal);
        Assert.Equal((created.Value, "progressing", 2), (progressing.Id, progressing.Status, progressing.Snapshots.Count));
        Assert.Equal(["data", "system"], progressing.Snapshots.Select(s => s.SourceDiskType).Order());
        Assert.Equal("accomplished", accomplished.Status);
    }

    [Fact]
    public async Task Create_ExcludingADisk_LeavesThatDiskOut()
    {
        // Arrange
        var instanceId = await InstanceIdAsync("db-1");
        var dataDisk = await DiskIdAsync("db-1", "data");

        // Act
        var created = await CreateAsync(new CreateSnapshotGroupRequest(Region) { InstanceId = instanceId, ExcludeDiskIds = [dataDisk] });

        // Assert
        var group = Assert.Single(await _groups.ListAsync(await _db.ActorAsync(DemoWorld.Alice), Region));
        Assert.Equal(created.Value, group.Id);
        Assert.Equal(await DiskIdAsync("db-1", "system"), Assert.Single(group.Snapshots).SourceDiskId);
    }

    [Fact]
    public async Task Create_WithDisksOfTwoZones_IsInvalidParameter()
    {
        // Arrange: web-1 is in cn-hangzhou-h, db-1 in cn-hangzhou-i
        var disks = new[] { await DiskIdAsync("web-1", "data"), await DiskIdAsync("db-1", "data") };

        // Act
        var result = await CreateAsync(new CreateSnapshotGroupRequest(Region) { DiskIds = disks });

        // Assert
        Assert.Equal(CommonErrors.InvalidParameterCode, result.Error?.Code);
    }

    [Fact]
    public async Task Create_WithADiskOutsideTheEssdFamily_IsDiskCategoryNotSupported()
    {
        // Arrange
        var efficiency = await AddDiskAsync("cloud_efficiency", attached: true);

        // Act
        var result = await CreateAsync(new CreateSnapshotGroupRequest(Region) { InstanceId = await InstanceIdAsync("web-1") });
        var without = await CreateAsync(new CreateSnapshotGroupRequest(Region) { InstanceId = await InstanceIdAsync("web-1"), ExcludeDiskIds = [efficiency] });

        // Assert
        Assert.Equal(SnapshotErrors.DiskCategoryNotSupportedCode, result.Error?.Code);
        Assert.True(without.IsSuccess, without.Error?.Code);
    }

    [Fact]
    public async Task Create_WithADetachedDisk_IsIncorrectDiskStatus()
    {
        // Arrange
        var detached = await AddDiskAsync("cloud_essd", attached: false);

        // Act
        var result = await CreateAsync(new CreateSnapshotGroupRequest(Region) { DiskIds = [await DiskIdAsync("web-1", "data"), detached] });

        // Assert
        Assert.Equal(SnapshotErrors.IncorrectDiskStatusCode, result.Error?.Code);
    }

    [Fact]
    public async Task Create_OfAnInstanceThatIsStarting_IsIncorrectInstanceStatus()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Instances.SingleAsync(i => i.Name == "db-1")).Status = InstanceStatus.Starting;
            await db.SaveChangesAsync();
        }

        // Act
        var result = await CreateAsync(new CreateSnapshotGroupRequest(Region) { InstanceId = await InstanceIdAsync("db-1") });

        // Assert
        Assert.Equal(InstanceErrors.IncorrectStatusCode, result.Error?.Code);
    }

    [Fact]
    public async Task Create_WithDiskIdsAndExcludedDisksTogether_OrWithNeither_IsRefused()
    {
        // Arrange
        var disk = await DiskIdAsync("web-1", "data");

        // Act
        var both = await CreateAsync(new CreateSnapshotGroupRequest(Region) { DiskIds = [disk], ExcludeDiskIds = [disk] });
        var neither = await CreateAsync(new CreateSnapshotGroupRequest(Region));

        // Assert
        Assert.Equal((CommonErrors.InvalidParameterCode, CommonErrors.MissingParameterCode), (both.Error?.Code, neither.Error?.Code));
    }

    [Fact]
    public async Task Create_WithMoreThanSixteenDisks_IsInvalidParameter()
    {
        // Act
        var result = await CreateAsync(new CreateSnapshotGroupRequest(Region) { DiskIds = [.. Enumerable.Range(1, 17).Select(i => $"d-many{i}")] });

        // Assert
        Assert.Equal(CommonErrors.InvalidParameterCode, result.Error?.Code);
    }

    [Theory]
    [InlineData(DemoWorld.Bob, CommonErrors.ForbiddenCode)]
    [InlineData(DemoWorld.Carol, InstanceErrors.NotFoundCode)]
    public async Task Create_WithoutTheRoleOrOnAnotherAccountsInstance_IsRefused(string who, string code)
    {
        // Act
        var result = await CreateAsync(new CreateSnapshotGroupRequest(Region) { InstanceId = await InstanceIdAsync("web-1") }, who);

        // Assert
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task Delete_RemovesTheGroupAndEverySnapshotOfIt_EvenWhileTheyAreTaken()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var created = await CreateAsync(new CreateSnapshotGroupRequest(Region) { InstanceId = await InstanceIdAsync("web-1") });

        // Act
        var deleted = await _groups.DeleteAsync(alice, Region, created.Value);
        var again = await _groups.DeleteAsync(alice, Region, created.Value);

        // Assert
        Assert.Equal(2, deleted.Value.Count);
        Assert.Empty(await _groups.ListAsync(alice, Region));
        await using var db = _db.NewContext();
        Assert.False(await db.Snapshots.AnyAsync(s => s.SnapshotGroupId == created.Value));
        Assert.Equal(SnapshotErrors.GroupNotFoundCode, again.Error?.Code);
    }
}
