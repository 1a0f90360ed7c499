using EcsConsole.Domain.Overview;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Overview;

public sealed class OverviewServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await _db.WithDemoWorldAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task GetCounts_ForAcmeInHangzhou_CountsItsOwnResources()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var counts = await new OverviewService(_db.Factory).GetCountsAsync(alice, "cn-hangzhou");

        // Assert
        Assert.Equal(new OverviewCounts(Instances: 2, RunningInstances: 1, Disks: 4, Snapshots: 4, CustomImages: 1, SharedWithMe: 1,
            PublicImages: counts.PublicImages, TasksInProgress: 0), counts);
        Assert.True(counts.PublicImages >= 30);
    }

    [Fact]
    public async Task GetCounts_ForAcmeInAnotherRegion_IsEmptyButPublicImages()
    {
        // Arrange
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        // Act
        var counts = await new OverviewService(_db.Factory).GetCountsAsync(bob, "cn-shanghai");

        // Assert
        Assert.Equal((0, 0, 0, 0), (counts.Instances, counts.CustomImages, counts.Snapshots, counts.SharedWithMe));
        Assert.True(counts.PublicImages >= 30);
    }
}
