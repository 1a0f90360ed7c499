using System.Net;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// CreateDisk, AttachDisk, DetachDisk, DeleteDisk, ResetDisk and ReInitDisk over the ECS API, with ECS's codes; the
/// demo world has web-1 (Running, cn-hangzhou-h) and db-1 (Stopped, cn-hangzhou-i), each with a system and a data disk.
/// </summary>
public sealed class EcsApiDiskTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private static readonly (string, string) InRegion = ("RegionId", Region);

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task CreateDisk_MakesAnAvailableDisk_ThatDescribeDisksShowsOnNoInstance(EcsSigning signing)
    {
        // Act
        var created = await api.Alice(signing).CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-h"), ("DiskCategory", "cloud_essd"),
            ("Size", "50"), ("DiskName", $"api-disk-{signing}"), ("Description", "made by the API"), ("PerformanceLevel", "PL0"));
        var diskId = created["DiskId"].GetString()!;
        var described = await api.Alice(signing).CallAsync("DescribeDisks", InRegion, ("DiskIds", $"[\"{diskId}\"]"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("", created["OrderId"].GetString());
        var disk = Assert.Single(described["Disks"].GetProperty("Disk").EnumerateArray());
        Assert.Equal(("Available", "", "data", 50), (disk.GetProperty("Status").GetString(), disk.GetProperty("InstanceId").GetString(),
            disk.GetProperty("Type").GetString(), disk.GetProperty("Size").GetInt32()));
        Assert.Equal(($"api-disk-{signing}", "made by the API", "PL0"),
            (disk.GetProperty("DiskName").GetString(), disk.GetProperty("Description").GetString(), disk.GetProperty("PerformanceLevel").GetString()));
        Assert.True(disk.GetProperty("Portable").GetBoolean());
        Assert.Equal(0, disk.GetProperty("MountInstanceNum").GetInt32());
    }

    [Theory]
    [InlineData("DiskCategory", "cloud", DiskErrors.CategoryCode, HttpStatusCode.BadRequest)]
    [InlineData("Size", "10", DiskErrors.SizeCode, HttpStatusCode.BadRequest)]
    [InlineData("PerformanceLevel", "PL9", DiskErrors.PerformanceLevelCode, HttpStatusCode.BadRequest)]
    [InlineData("KMSKeyId", "0e478b7a-4262-4802-b8cb-00d3fb40826e", DiskErrors.EncryptedIllegalCode, HttpStatusCode.BadRequest)]
    [InlineData("DiskName", "1-starts-with-a-digit", DiskErrors.NameMalformedCode, HttpStatusCode.BadRequest)]
    [InlineData("InstanceId", "i-nothere", DiskErrors.ConflictCode, HttpStatusCode.BadRequest)]
    [InlineData("SnapshotId", "s-nothere", "InvalidSnapshotId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("ZoneId", "cn-hangzhou-z", DiskErrors.ZoneNotFoundCode, HttpStatusCode.NotFound)]
    public async Task CreateDisk_RefusesWhatECSRefuses(string name, string value, string code, HttpStatusCode status)
    {
        // Act
        var refused = await api.Alice().CallAsync("CreateDisk", new Dictionary<string, string>
        {
            ["RegionId"] = Region, ["ZoneId"] = "cn-hangzhou-h", ["Size"] = "40", [name] = value,
        });

        // Assert
        Assert.Equal((status, code), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task CreateDisk_WithoutAZoneOrASize_IsMissingAParameter_AndASmallerSizeThanItsSnapshotIsTooSmall()
    {
        // Arrange
        var snapshotId = await SnapshotIdAsync("db-1-data-daily"); // of db-1's 200 GiB data disk

        // Act
        var noZone = await api.Alice().CallAsync("CreateDisk", InRegion, ("Size", "40"));
        var noSize = await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-i"));
        var tooSmall = await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-i"), ("SnapshotId", snapshotId), ("Size", "100"));
        var fromSnapshot = await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-i"), ("SnapshotId", snapshotId));
        var essdPl3 = await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-i"), ("DiskCategory", "cloud_essd"), ("PerformanceLevel", "PL3"), ("Size", "500"));

        // Assert
        Assert.Equal(("MissingParameter", "MissingParameter"), (noZone.Code, noSize.Code));
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.TooSmallCode), (tooSmall.Status, tooSmall.Code));
        Assert.Equal(200, (await DiskAsync(fromSnapshot["DiskId"].GetString()!)).SizeGiB);
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.PerformanceLevelNotMatchCode), (essdPl3.Status, essdPl3.Code));
    }

    [Fact]
    public async Task ADisk_IsAttached_Detached_AndDeleted_OnlyWhileAvailable_AndItsSnapshotsStay()
    {
        // Arrange: a new disk in web-1's zone
        var alice = api.Alice();
        var web = await InstanceIdAsync("web-1");
        var diskId = (await alice.CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-h"), ("Size", "30")))["DiskId"].GetString()!;

        // Act
        var attached = await alice.CallAsync("AttachDisk", ("DiskId", diskId), ("InstanceId", web), ("DeleteWithInstance", "true"));
        var inUse = await DiskAsync(diskId);
        var attachedAgain = await alice.CallAsync("AttachDisk", ("DiskId", diskId), ("InstanceId", web));
        var deleteInUse = await alice.CallAsync("DeleteDisk", ("DiskId", diskId));
        var snapshot = await alice.CallAsync("CreateSnapshot", ("DiskId", diskId), ("SnapshotName", "api-attached"));
        var detached = await alice.CallAsync("DetachDisk", ("DiskId", diskId), ("InstanceId", web));
        var available = await DiskAsync(diskId);
        var deleted = await alice.CallAsync("DeleteDisk", ("DiskId", diskId));
        var after = await alice.CallAsync("DescribeDisks", InRegion, ("DiskIds", $"[\"{diskId}\"]"));
        var snapshots = await alice.CallAsync("DescribeSnapshots", InRegion, ("DiskId", diskId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, attached.Status);
        Assert.Equal((web, true), (inUse.InstanceId, inUse.DeleteWithInstance));
        Assert.Matches("^/dev/xvd[c-z]$", inUse.Device);
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.IncorrectStatusCode), (attachedAgain.Status, attachedAgain.Code));
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.IncorrectStatusCode), (deleteInUse.Status, deleteInUse.Code));
        Assert.Equal(HttpStatusCode.OK, snapshot.Status);
        Assert.Equal(HttpStatusCode.OK, detached.Status);
        Assert.Null(available.InstanceId);
        Assert.NotNull(available.DetachedTime);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Empty(after["Disks"].GetProperty("Disk").EnumerateArray());
        Assert.Single(snapshots["Snapshots"].GetProperty("Snapshot").EnumerateArray());
    }

    [Fact]
    public async Task AttachDisk_NeedsTheInstancesZone_AFreeDevice_AndNoForce()
    {
        // Arrange: a disk in cn-hangzhou-i (db-1's zone), web-1 in cn-hangzhou-h
        var alice = api.Alice();
        var web = await InstanceIdAsync("web-1");
        var db = await InstanceIdAsync("db-1");
        var diskId = (await alice.CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-i"), ("Size", "20")))["DiskId"].GetString()!;

        // Act
        var otherZone = await alice.CallAsync("AttachDisk", ("DiskId", diskId), ("InstanceId", web));
        var takenDevice = await alice.CallAsync("AttachDisk", ("DiskId", diskId), ("InstanceId", db), ("Device", "/dev/xvdb"));
        var badDevice = await alice.CallAsync("AttachDisk", ("DiskId", diskId), ("InstanceId", db), ("Device", "/dev/sda"));
        var forced = await alice.CallAsync("AttachDisk", ("DiskId", diskId), ("InstanceId", db), ("Force", "true"));
        var bootable = await alice.CallAsync("AttachDisk", ("DiskId", diskId), ("InstanceId", db), ("Bootable", "true"));
        var unknown = await alice.CallAsync("AttachDisk", ("DiskId", "d-nothere"), ("InstanceId", db));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.NotSameZoneCode), (otherZone.Status, otherZone.Code));
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.DeviceInUseCode), (takenDevice.Status, takenDevice.Code));
        Assert.Equal((HttpStatusCode.BadRequest, DiskErrors.DeviceMalformedCode), (badDevice.Status, badDevice.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameterForce.RegionNotSupported"), (forced.Status, forced.Code));
        Assert.Equal((HttpStatusCode.BadRequest, DiskErrors.NotBootableCode), (bootable.Status, bootable.Code));
        Assert.Equal((HttpStatusCode.NotFound, DiskErrors.NotFoundCode), (unknown.Status, unknown.Code));
    }

    [Fact]
    public async Task DetachDisk_RefusesASystemDisk_AndADiskOfAnotherInstance()
    {
        // Arrange
        var web = await InstanceIdAsync("web-1");
        var db = await InstanceIdAsync("db-1");
        var webSystem = await DiskIdAsync(web, "system");
        var dbData = await DiskIdAsync(db, "data");

        // Act
        var system = await api.Alice().CallAsync("DetachDisk", ("DiskId", webSystem), ("InstanceId", web));
        var elsewhere = await api.Alice().CallAsync("DetachDisk", ("DiskId", dbData), ("InstanceId", web));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.NotPortableCode), (system.Status, system.Code));
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.IncorrectStatusCode), (elsewhere.Status, elsewhere.Code));
    }

    [Fact]
    public async Task ResetDisk_TakesOneOfTheDisksOwnSnapshots_WhileItsInstanceIsStopped()
    {
        // Arrange: db-1 is Stopped, web-1 Running
        var web = await InstanceIdAsync("web-1");
        var db = await InstanceIdAsync("db-1");
        var dbData = await DiskIdAsync(db, "data");
        var webData = await DiskIdAsync(web, "data");

        // Act
        var own = await api.Alice().CallAsync("ResetDisk", ("DiskId", dbData), ("SnapshotId", await SnapshotIdAsync("db-1-data-daily")));
        var another = await api.Alice().CallAsync("ResetDisk", ("DiskId", dbData), ("SnapshotId", await SnapshotIdAsync("web-1-data-base")));
        var running = await api.Alice().CallAsync("ResetDisk", ("DiskId", webData), ("SnapshotId", await SnapshotIdAsync("web-1-data-base")));
        var dryRun = await api.Alice().CallAsync("ResetDisk", ("DiskId", dbData), ("SnapshotId", await SnapshotIdAsync("db-1-data-daily")), ("DryRun", "true"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal((HttpStatusCode.Forbidden, DiskErrors.SnapshotOfOtherDiskCode), (another.Status, another.Code));
        Assert.Equal((HttpStatusCode.Forbidden, InstanceErrors.IncorrectStatusCode), (running.Status, running.Code));
        Assert.Equal("DryRunOperation", dryRun.Code);
    }

    [Fact]
    public async Task ReInitDisk_ReInitialisesADiskOfAStoppedInstance_AndCanStartItAfter()
    {
        // Arrange
        var web = await InstanceIdAsync("web-1");
        var stopped = await NewStoppedInstanceAsync("api-reinit");
        var system = await DiskIdAsync(stopped, "system");

        // Act
        var running = await api.Alice().CallAsync("ReInitDisk", ("DiskId", await DiskIdAsync(web, "system")));
        var badPassword = await api.Alice().CallAsync("ReInitDisk", ("DiskId", system), ("Password", "short"));
        var reInit = await api.Alice().CallAsync("ReInitDisk", ("DiskId", system), ("KeyPairName", "acme-deploy"), ("AutoStartInstance", "true"));
        var instance = await InstanceAsync(stopped);

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, InstanceErrors.IncorrectStatusCode), (running.Status, running.Code));
        Assert.Equal((HttpStatusCode.BadRequest, InstanceErrors.PasswordMalformedCode), (badPassword.Status, badPassword.Code));
        Assert.Equal(HttpStatusCode.OK, reInit.Status);
        Assert.Equal((InstanceStatus.Starting, "acme-deploy"), (instance.Status, instance.KeyPairName));
    }

    [Fact]
    public async Task CreateDisk_WithDryRun_AnswersDryRunOperation_AndMakesNoDisk()
    {
        // Act
        var dryRun = await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-h"), ("Size", "20"), ("DiskName", "api-dry-run"), ("DryRun", "true"));
        var refused = await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-h"), ("Size", "5"), ("DryRun", "true"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "DryRunOperation"), (dryRun.Status, dryRun.Code));
        Assert.Equal(DiskErrors.SizeCode, refused.Code);
        await using var db = await DbAsync();
        Assert.False(await db.Disks.AnyAsync(d => d.Name == "api-dry-run"));
    }

    [Theory]
    [InlineData("CreateDisk")]
    [InlineData("DeleteDisk")]
    public async Task AReadOnlyMember_IsForbidden(string action)
    {
        // Arrange
        var diskId = (await api.Alice().CallAsync("CreateDisk", InRegion, ("ZoneId", "cn-hangzhou-h"), ("Size", "20")))["DiskId"].GetString()!;

        // Act
        var refused = await api.As(DemoWorld.Bob).CallAsync(action, InRegion, ("ZoneId", "cn-hangzhou-h"), ("Size", "20"), ("DiskId", diskId));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (refused.Status, refused.Code));
    }

    private async Task<string> NewStoppedInstanceAsync(string name)
    {
        var alice = api.Alice();
        var run = await alice.CallAsync("RunInstances", InRegion, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("InstanceName", name), ("SystemDisk.Category", "cloud_essd"));
        var instanceId = run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
        var clock = api.App.Services.GetRequiredService<EcsConsole.Domain.Simulation.SimulationClockService>();
        await clock.CompleteTasksAsync();
        await alice.CallAsync("StopInstance", ("InstanceId", instanceId));
        await clock.CompleteTasksAsync();
        return instanceId;
    }

    private async Task<Disk> DiskAsync(string diskId)
    {
        await using var db = await DbAsync();
        return await db.Disks.AsNoTracking().SingleAsync(d => d.Id == diskId);
    }

    private async Task<Instance> InstanceAsync(string instanceId)
    {
        await using var db = await DbAsync();
        return await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
    }

    private async Task<string> InstanceIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Instances.Where(i => i.AccountId == DemoWorld.AcmeAccountId && i.Name == name).Select(i => i.Id).SingleAsync();
    }

    private async Task<string> DiskIdAsync(string instanceId, string type)
    {
        await using var db = await DbAsync();
        return await db.Disks.Where(d => d.InstanceId == instanceId && d.Type == type).OrderBy(d => d.Device).Select(d => d.Id).FirstAsync();
    }

    private async Task<string> SnapshotIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Snapshots.Where(s => s.AccountId == DemoWorld.AcmeAccountId && s.Name == name).Select(s => s.Id).SingleAsync();
    }

    private Task<ConsoleDbContext> DbAsync() => api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
