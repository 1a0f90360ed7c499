using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Snapshots;

/// <summary>
/// An automatic snapshot policy runs on the product's clock (SNP-01, SNP-02): at its hour (UTC+8) on its weekday it takes
/// an <c>auto</c> snapshot of each of its disks, once however often the runner looks; it releases them when their
/// retention has passed, and at 1,000 automatic snapshots of a disk the oldest makes room. The test clock starts on
/// Monday 2026-11-23 at 10:00 UTC, 18:00 in UTC+8.
/// </summary>
public sealed class AutoSnapshotScheduleTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";

    /// <summary>Tuesday 2026-11-24 02:00 UTC+8: the first run of a policy of 02:00 on Tuesdays.</summary>
    private static readonly DateTimeOffset TuesdayTwoAm = new(2026, 11, 24, 2, 0, 0, TimeSpan.FromHours(8));

    private readonly TestDatabase _db = new();
    private DomainServices _services = null!;
    private Actor _alice = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _services = new DomainServices(_db);
        _alice = await _db.ActorAsync(DemoWorld.Alice);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private AutoSnapshotPolicyService Policies => _services.Get<AutoSnapshotPolicyService>();

    private AutoSnapshotScheduleService Schedule => _services.Get<AutoSnapshotScheduleService>();

    [Theory]
    [InlineData("2026-11-23T10:00:00Z", "2026-11-23T18:00:00Z")] // Monday 18:00 UTC+8: Tuesday 02:00 UTC+8 is 8 hours on
    [InlineData("2026-11-23T18:00:00Z", "2026-11-30T18:00:00Z")] // exactly at a run: the next is a week later
    [InlineData("2026-11-23T17:59:59Z", "2026-11-23T18:00:00Z")]
    public void TheNextRun_IsTheFirstOfItsHoursOnItsWeekdays_InUtcPlus8(string after, string expected)
    {
        // Act
        var next = AutoSnapshotSchedule.Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), [2], [2]);

        // Assert
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public async Task AdvancingPastThePolicysHour_TakesOneAutoSnapshotOfEachDisk_AtThatHour()
    {
        // Arrange: 02:00 on Tuesdays, on one of Acme's disks
        var diskId = await PolicyOnADiskAsync(retentionDays: -1);

        // Act: just before the hour, then past it
        _db.Time.Advance(TuesdayTwoAm - _db.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        var before = await Schedule.RunDueAsync();
        _db.Time.Advance(TimeSpan.FromMinutes(5));
        await Schedule.RunDueAsync();

        // Assert
        Assert.Equal(0, before);
        var snapshot = Assert.Single(await AutoSnapshotsAsync(diskId));
        Assert.Equal(("auto", TuesdayTwoAm.ToUniversalTime()), (snapshot.SnapshotType, snapshot.CreationTime.ToUniversalTime()));
        Assert.Equal("auto2.0_20261124_1", snapshot.Name);
        Assert.Null(snapshot.RetainUntil);
    }

    [Fact]
    public async Task ASecondRunner_AtTheSameTime_TakesNothingTwice()
    {
        // Arrange
        var diskId = await PolicyOnADiskAsync(retentionDays: -1);
        _db.Time.Advance(TuesdayTwoAm - _db.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Schedule.RunDueAsync();

        // Act: the same runner again, and another node's
        await Schedule.RunDueAsync();
        await using var otherNode = new DomainServices(_db);
        await otherNode.Get<AutoSnapshotScheduleService>().RunDueAsync();

        // Assert
        Assert.Single(await AutoSnapshotsAsync(diskId));
    }

    [Fact]
    public async Task AnAutoSnapshot_IsReleased_WhenItsRetentionDaysHavePassed()
    {
        // Arrange: a snapshot kept one day, taken and finished
        var diskId = await PolicyOnADiskAsync(retentionDays: 1);
        _db.Time.Advance(TuesdayTwoAm - _db.Time.GetUtcNow());
        await Schedule.RunDueAsync();
        await _services.RunUntilAsync(async () => (await AutoSnapshotsAsync(diskId)).All(s => s.Status == SnapshotStatus.Accomplished));
        var taken = Assert.Single(await AutoSnapshotsAsync(diskId));

        // Act: to a minute before the day is out, then past it
        _db.Time.Advance(TuesdayTwoAm.AddDays(1) - _db.Time.GetUtcNow() - TimeSpan.FromMinutes(1));
        await Schedule.RunDueAsync();
        var kept = await AutoSnapshotsAsync(diskId);
        _db.Time.Advance(TimeSpan.FromMinutes(2));
        await Schedule.RunDueAsync();

        // Assert
        Assert.Equal([taken.Id], kept.Select(s => s.Id));
        Assert.Empty(await AutoSnapshotsAsync(diskId));
    }

    [Fact]
    public async Task AtAThousandAutoSnapshotsOfADisk_TheOldestMakesRoom()
    {
        // Arrange: the disk already has 1,000 automatic snapshots
        var diskId = await PolicyOnADiskAsync(retentionDays: -1);
        await using (var db = _db.NewContext())
        {
            var disk = await db.Disks.SingleAsync(d => d.Id == diskId);
            db.Snapshots.AddRange(Enumerable.Range(0, AutoSnapshotScheduleService.MaxAutoSnapshotsPerDisk).Select(i => new Snapshot
            {
                Id = $"s-old-{i:D4}", AccountId = disk.AccountId, RegionId = disk.RegionId, Name = $"auto2.0_old_{i}", SourceDiskId = disk.Id, SourceDiskType = disk.Type,
                SourceDiskSizeGiB = disk.SizeGiB, SnapshotType = "auto", CreationTime = TestDatabase.Start.AddDays(-2000 + i),
            }));
            await db.SaveChangesAsync();
        }

        // Act
        _db.Time.Advance(TuesdayTwoAm - _db.Time.GetUtcNow());
        await Schedule.RunDueAsync();

        // Assert
        var autos = await AutoSnapshotsAsync(diskId);
        Assert.Equal(AutoSnapshotScheduleService.MaxAutoSnapshotsPerDisk, autos.Count);
        Assert.DoesNotContain(autos, s => s.Id == "s-old-0000");
        Assert.Contains(autos, s => s.CreationTime == TuesdayTwoAm);
    }

    [Fact]
    public async Task ACancelledPolicy_TakesNoMoreSnapshotsOfTheDisk()
    {
        // Arrange
        var diskId = await PolicyOnADiskAsync(retentionDays: -1);
        Assert.True((await Policies.CancelAsync(_alice, Hangzhou, [diskId])).IsSuccess);

        // Act
        _db.Time.Advance(TuesdayTwoAm - _db.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Schedule.RunDueAsync();

        // Assert
        Assert.Empty(await AutoSnapshotsAsync(diskId));
    }

    /// <summary>A policy of 02:00 (UTC+8) on Tuesdays, applied to Acme's first data disk in Hangzhou; returns the disk.</summary>
    [Fact]
    public async Task AManualSnapshotGivenRetentionDays_IsReleasedByTheSameSweep_WhenTheyHavePassed()
    {
        // Arrange: one of Acme's manual snapshots that no image or disk was made from, kept one day from its creation
        string snapshotId;
        DateTimeOffset created;
        await using (var db = _db.NewContext())
        {
            var unused = await db.Snapshots.AsNoTracking()
                .Where(s => s.AccountId == DemoWorld.AcmeAccountId && s.RegionId == Hangzhou && s.Status == SnapshotStatus.Accomplished)
                .Where(s => !db.ImageDiskMappings.Any(m => m.SnapshotId == s.Id) && !db.Disks.Any(d => d.SourceSnapshotId == s.Id))
                .OrderBy(s => s.Id).FirstAsync();
            (snapshotId, created) = (unused.Id, unused.CreationTime);
        }

        var modified = await _services.Get<SnapshotService>().ModifyAttributeAsync(_alice, new ModifySnapshotRequest(Hangzhou, snapshotId, null, null) { RetentionDays = 1 });
        Assert.True(modified.IsSuccess, modified.Error?.Code);

        // Act: to the end of its day (or now, when that has already passed), then a sweep
        var end = created.AddDays(1);
        if (end > _db.Time.GetUtcNow())
        {
            _db.Time.Advance(end - _db.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        }

        await Schedule.RunDueAsync();

        // Assert
        await using var after = _db.NewContext();
        Assert.False(await after.Snapshots.AnyAsync(s => s.Id == snapshotId));
    }

    private async Task<string> PolicyOnADiskAsync(int retentionDays)
    {
        string diskId;
        await using (var db = _db.NewContext())
        {
            diskId = await db.Disks.Where(d => d.AccountId == DemoWorld.AcmeAccountId && d.RegionId == Hangzhou && d.Type == "data").OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        }

        var created = await Policies.CreateAsync(_alice, new CreateAutoSnapshotPolicyRequest(Hangzhou, "tuesdays", [2], [2], retentionDays));
        Assert.True(created.IsSuccess, created.Error?.Code);
        var applied = await Policies.ApplyAsync(_alice, Hangzhou, created.Value, [diskId]);
        Assert.True(applied.IsSuccess, applied.Error?.Code);
        return diskId;
    }

    private async Task<List<Snapshot>> AutoSnapshotsAsync(string diskId)
    {
        await using var db = _db.NewContext();
        return await db.Snapshots.AsNoTracking().Where(s => s.SourceDiskId == diskId && s.SnapshotType == "auto").ToListAsync();
    }
}
