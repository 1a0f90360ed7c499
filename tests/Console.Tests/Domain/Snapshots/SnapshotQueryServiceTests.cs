using EcsConsole.Domain.Images;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Snapshots;

/// <summary>The snapshot list: the actor's account and region only, and which of the account's images use each snapshot.</summary>
public sealed class SnapshotQueryServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private SnapshotQueryService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new SnapshotQueryService(_db.Factory);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<string> ImageIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    [Fact]
    public async Task List_ForAcmeInHangzhou_ReturnsItsFourSnapshotsNewestFirst()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var snapshots = await _service.ListAsync(alice, "cn-hangzhou");

        // Assert
        Assert.Equal(["db-1-data-daily", "db-1-system-daily", "web-1-data-base", "web-1-system-base"], snapshots.Select(s => s.Name));
        Assert.All(snapshots, s => Assert.Equal(SnapshotStatus.Accomplished, s.Status));
        var system = snapshots.Single(s => s.Name == "web-1-system-base");
        Assert.Equal(("system", 40), (system.SourceDiskType, system.SourceDiskSizeGiB));
        Assert.StartsWith("d-bp", system.SourceDiskId);
    }

    [Fact]
    public async Task List_ForAcme_NamesAcmeBaseV1OnTheTwoWeb1SnapshotsOnly()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var acmeBase = await ImageIdAsync("acme-base-v1");

        // Act
        var snapshots = await _service.ListAsync(alice, "cn-hangzhou");

        // Assert
        Assert.Equal([acmeBase], snapshots.Single(s => s.Name == "web-1-system-base").UsedByImageIds);
        Assert.Equal([acmeBase], snapshots.Single(s => s.Name == "web-1-data-base").UsedByImageIds);
        Assert.Empty(snapshots.Single(s => s.Name == "db-1-system-daily").UsedByImageIds);
        Assert.Empty(snapshots.Single(s => s.Name == "db-1-data-daily").UsedByImageIds);
    }

    [Fact]
    public async Task List_WhenAnotherAccountsImageMapsTheSnapshot_DoesNotNameThatImage()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await using (var db = _db.NewContext())
        {
            var snapshotId = await db.Snapshots.Where(s => s.Name == "db-1-data-daily").Select(s => s.Id).SingleAsync();
            var foreign = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Name == "globex-shared-tools");
            foreign.DiskMappings.Add(new ImageDiskMapping { Type = DiskMappingType.Data, Device = "/dev/xvdb", SnapshotId = snapshotId, SizeGiB = 200 });
            await db.SaveChangesAsync();
        }

        // Act
        var snapshots = await _service.ListAsync(alice, "cn-hangzhou");

        // Assert
        Assert.Empty(snapshots.Single(s => s.Name == "db-1-data-daily").UsedByImageIds);
    }

    [Fact]
    public async Task List_ForAnotherAccount_ReturnsOnlyItsOwnSnapshots()
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        var shared = await ImageIdAsync("globex-shared-tools");

        // Act
        var snapshots = await _service.ListAsync(carol, "cn-hangzhou");

        // Assert
        Assert.Equal(["tools-1-nginx", "tools-1-system"], snapshots.Select(s => s.Name));
        Assert.Equal([shared], snapshots.Single(s => s.Name == "tools-1-system").UsedByImageIds);
    }

    [Fact]
    public async Task List_InARegionWhereTheAccountHasNothing_IsEmpty()
    {
        // Arrange
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        // Act
        var snapshots = await _service.ListAsync(bob, "cn-shanghai");

        // Assert
        Assert.Empty(snapshots);
    }

    [Fact]
    public async Task List_WithAProgressingSnapshot_ReportsItsStatusAndProgress()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await using (var db = _db.NewContext())
        {
            var snapshot = await db.Snapshots.SingleAsync(s => s.Name == "db-1-data-daily");
            snapshot.ReportProgress(45);
            await db.SaveChangesAsync();
        }

        // Act
        var snapshots = await _service.ListAsync(alice, "cn-hangzhou");

        // Assert
        var progressing = snapshots.Single(s => s.Name == "db-1-data-daily");
        Assert.Equal((SnapshotStatus.Progressing, 45), (progressing.Status, progressing.Progress));
        Assert.Equal("progressing", progressing.Status.ToEcs());
    }

    [Theory]
    [InlineData(SnapshotStatus.Progressing, "progressing")]
    [InlineData(SnapshotStatus.Accomplished, "accomplished")]
    [InlineData(SnapshotStatus.Failed, "failed")]
    public void ToEcs_ForEachStatus_IsTheLowerCaseEcsWord(SnapshotStatus status, string word)
    {
        // Act
        var actual = status.ToEcs();

        // Assert
        Assert.Equal(word, actual);
    }
}
