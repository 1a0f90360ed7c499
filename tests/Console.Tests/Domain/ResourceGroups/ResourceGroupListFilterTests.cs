using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.ResourceGroups;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.ResourceGroups;

/// <summary>
/// The console's Resource Group filter on the list queries (snapshots, disks, instances, custom images): the rule of the
/// API's <c>ResourceGroupId</c> filter (<see cref="ResourceGroupRules.FilterAsync"/>), applied in the query. The demo
/// world has db-1's data disk and its daily snapshot in Acme's Test group; everything else is in the default group.
/// </summary>
public sealed class ResourceGroupListFilterTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private static readonly string AcmeTest = ResourceGroupRules.IdFor(DemoWorld.AcmeAccountId, "test");
    private static readonly string AcmeDefault = ResourceGroupRules.DefaultIdFor(DemoWorld.AcmeAccountId);
    private static readonly string GlobexTest = ResourceGroupRules.IdFor(DemoWorld.GlobexAccountId, "test");

    private readonly TestDatabase _db = new();
    private Actor _alice = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _alice = await _db.ActorAsync(DemoWorld.Alice);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private Task<IReadOnlyList<SnapshotListItem>> SnapshotsAsync(string? group) => new SnapshotQueryService(_db.Factory).ListAsync(_alice, Hangzhou, group);

    private Task<IReadOnlyList<Disk>> DisksAsync(string? group) => new DiskQueryService(_db.Factory).ListAsync(_alice, Hangzhou, group);

    private Task<IReadOnlyList<InstanceListItem>> InstancesAsync(string? group) => new InstanceQueryService(_db.Factory).ListAsync(_alice, Hangzhou, group);

    private async Task<IReadOnlyList<ImageListItem>> CustomImagesAsync(string? group) =>
        (await new ImageCatalogService(_db.Factory).ListAsync(_alice, new ImageListQuery { RegionId = Hangzhou, Tab = ImageTab.Custom, ResourceGroupId = group })).Value.Items;

    [Fact]
    public async Task TheTestGroup_KeepsOnlyDb1sDataDiskAndItsDailySnapshot()
    {
        // Act
        var snapshots = await SnapshotsAsync(AcmeTest);
        var disks = await DisksAsync(AcmeTest);
        var instances = await InstancesAsync(AcmeTest);

        // Assert
        var snapshot = Assert.Single(snapshots);
        Assert.Equal(("db-1-data-daily", AcmeTest), (snapshot.Name, snapshot.ResourceGroupId));
        var disk = Assert.Single(disks);
        Assert.Equal(("data", AcmeTest), (disk.Type, disk.ResourceGroupId));
        Assert.Equal(snapshot.SourceDiskId, disk.Id);
        Assert.Empty(instances);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("default")]
    public async Task NoGroup_OrTheDefaultGroup_KeepsEverything_AsTheApiDoes(string? group)
    {
        // Arrange: IB-09, the default group's filter keeps every resource
        var filter = group is null ? null : AcmeDefault;

        // Act
        var snapshots = await SnapshotsAsync(filter);
        var disks = await DisksAsync(filter);
        var instances = await InstancesAsync(filter);

        // Assert
        Assert.Equal(4, snapshots.Count);
        Assert.Equal(4, disks.Count);
        Assert.Equal(2, instances.Count);
    }

    [Fact]
    public async Task AnotherAccountsGroup_KeepsNothing()
    {
        // Act
        var snapshots = await SnapshotsAsync(GlobexTest);
        var disks = await DisksAsync(GlobexTest);
        var instances = await InstancesAsync(GlobexTest);
        var images = await CustomImagesAsync(GlobexTest);

        // Assert
        Assert.Empty(snapshots);
        Assert.Empty(disks);
        Assert.Empty(instances);
        Assert.Empty(images);
    }

    [Fact]
    public async Task ACustomImageJoinedToTheTestGroup_IsTheOnlyOneItsFilterKeeps()
    {
        // Arrange
        var all = await CustomImagesAsync(null);
        var moved = all.Single(i => i.Name == "acme-base-v1");
        var groups = new ResourceGroupService(_db.Factory, _db.Time, new ChangeNotifier());
        Assert.Empty(await CustomImagesAsync(AcmeTest));

        // Act
        var joined = await groups.JoinAsync(_alice, Hangzhou, "image", moved.Id, AcmeTest);
        var inTest = await CustomImagesAsync(AcmeTest);

        // Assert
        Assert.True(joined.IsSuccess);
        var image = Assert.Single(inTest);
        Assert.Equal((moved.Id, AcmeTest), (image.Id, image.ResourceGroupId));
        Assert.Equal(all.Count, (await CustomImagesAsync(AcmeDefault)).Count);
    }

    [Fact]
    public async Task AnInstanceJoinedToTheTestGroup_IsListedThere_WithItsGroup()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            var web = await db.Instances.SingleAsync(i => i.Name == "web-1");
            web.ResourceGroupId = AcmeTest;
            await db.SaveChangesAsync();
        }

        // Act
        var instances = await InstancesAsync(AcmeTest);

        // Assert
        var instance = Assert.Single(instances);
        Assert.Equal(("web-1", AcmeTest), (instance.Name, instance.ResourceGroupId));
        Assert.Equal(2, instance.Disks.Count);
    }
}
