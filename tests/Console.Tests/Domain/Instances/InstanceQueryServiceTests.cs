using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Instances;

/// <summary>The instance list: the actor's account and region only, with type sizes and disks.</summary>
public sealed class InstanceQueryServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private InstanceQueryService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new InstanceQueryService(_db.Factory);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task List_ForAcmeInHangzhou_ReturnsWebAndDbWithTypeSizeAndDisks()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var instances = await _service.ListAsync(alice, "cn-hangzhou");

        // Assert
        Assert.Equal(["db-1", "web-1"], instances.Select(i => i.Name).Order());
        var web = instances.Single(i => i.Name == "web-1");
        Assert.Equal(InstanceStatus.Running, web.Status);
        Assert.Equal(InstanceStatus.Stopped, instances.Single(i => i.Name == "db-1").Status);
        Assert.Equal(("ecs.g7.large", 2, 8m), (web.InstanceTypeId, web.Vcpu, web.MemoryGiB));
        Assert.Equal("aliyun_3_x64_20G_alibase_20250101.vhd", web.ImageId);
        Assert.Equal("cn-hangzhou-h", web.ZoneId);
        Assert.Equal(InstanceChargeType.PostPaid, web.ChargeType);
        Assert.Equal([("system", 40), ("data", 100)], web.Disks.Select(d => (d.Type, d.SizeGiB)));
        Assert.All(instances, i => Assert.StartsWith("i-bp", i.Id));
    }

    [Fact]
    public async Task List_ForAReadOnlyMember_ReturnsTheAccountsInstances()
    {
        // Arrange
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        // Act
        var instances = await _service.ListAsync(bob, "cn-hangzhou");

        // Assert
        Assert.Equal(2, instances.Count);
    }

    [Fact]
    public async Task List_ForAnotherAccount_NeverShowsAcmesInstances()
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);

        // Act
        var instances = await _service.ListAsync(carol, "cn-hangzhou");

        // Assert
        Assert.Equal(["tools-1"], instances.Select(i => i.Name));
    }

    [Fact]
    public async Task List_InARegionWhereTheAccountHasNothing_IsEmpty()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var instances = await _service.ListAsync(alice, "cn-shanghai");

        // Assert
        Assert.Empty(instances);
    }

    [Fact]
    public async Task List_ForThePlatformAdminWithoutAnAccount_IsEmpty()
    {
        // Arrange
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        var instances = await _service.ListAsync(root, "cn-hangzhou");

        // Assert
        Assert.Empty(instances);
    }
}
