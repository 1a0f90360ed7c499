using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Sas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcsConsole.Tests.Domain.Sas;

/// <summary>
/// SAS-06/07 through the ECS instance services: a SAS image shared to ECS creates instances and replaces system disks
/// under the buy page's compatibility rules; unshared, ECS can no longer use it, and the instances made from it keep running.
/// </summary>
public sealed class SasSharedImageInEcsTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private SasImageService _images = null!;
    private InstanceService _instances = null!;
    private CompatibilityService _compatibility = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        var engine = EngineFactory.Create(_db.Factory, _db.Time);
        var ids = new IdGenerator();
        var tasks = new TaskService(_db.Factory, engine, ids, _db.Time);
        var options = Options.Create(new InstanceOptions());
        _images = new SasImageService(_db.Factory, ids, _db.Time, tasks, new ChangeNotifier());
        _compatibility = new CompatibilityService(_db.Factory, options);
        _instances = new InstanceService(_db.Factory, ids, _db.Time, tasks, new ChangeNotifier(), _compatibility);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private Task<Actor> Alice() => _db.ActorAsync(DemoWorld.Alice);

    /// <summary>A custom image of the server, shared to ECS.</summary>
    private async Task<string> SharedImageAsync(string server, string name, bool withData = false)
    {
        await using var db = _db.NewContext();
        var serverId = await db.SasServers.Where(s => s.Name == server).Select(s => s.Id).SingleAsync();
        var system = await db.SasSnapshots.Where(s => s.ServerId == serverId && s.DiskType == "system").Select(s => s.Id).FirstAsync();
        var data = withData ? await db.SasSnapshots.Where(s => s.ServerId == serverId && s.DiskType == "data").Select(s => s.Id).FirstAsync() : null;
        var image = (await _images.CreateAsync(await Alice(), new CreateSasImageRequest(Hangzhou, serverId, name, system, data))).Value;
        Assert.True((await _images.ModifyShareStatusAsync(await Alice(), Hangzhou, image.Id, share: true)).IsSuccess);
        return image.Id;
    }

    private static RunInstancesRequest Order(string image, string type = "ecs.g7.large") =>
        new() { RegionId = Hangzhou, ZoneId = "cn-hangzhou-h", ImageId = image, InstanceTypeId = type, InstanceName = "from-sas", Password = "Secret@123" };

    [Fact]
    public async Task RunInstances_FromASharedSasImage_CreatesTheInstanceWithTheImagesDataDisk()
    {
        // Arrange
        var image = await SharedImageAsync("sas-wordpress-1", "wp-to-ecs", withData: true);

        // Act
        var result = await _instances.RunAsync(await Alice(), Order(image));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        await using var db = _db.NewContext();
        var instance = await db.Instances.Include(i => i.Disks).SingleAsync(i => i.Id == result.Value[0]);
        Assert.Equal(image, instance.ImageId);
        Assert.Contains(instance.Disks, d => d.Type == "data" && d.SizeGiB >= 20);
    }

    [Fact]
    public async Task Compatibility_OfASharedSasImage_FollowsItsServersOs()
    {
        // Arrange: sas-wordpress-1 runs Alibaba Cloud Linux 3, x86_64
        var image = await SharedImageAsync("sas-wordpress-1", "wp-to-ecs");

        // Act
        var arm = await _compatibility.CheckAsync(await Alice(), Hangzhou, "cn-hangzhou-i", image, "ecs.g8y.large", new LaunchPlan());
        var x86 = await _compatibility.CheckAsync(await Alice(), Hangzhou, "cn-hangzhou-h", image, "ecs.g7.large", new LaunchPlan());

        // Assert
        Assert.True(x86.IsSuccess, x86.Error?.ToString());
        Assert.True(arm.IsSuccess, arm.Error?.ToString());
        Assert.True(x86.Value.IsAllowed);
        Assert.False(arm.Value.IsAllowed);
    }

    [Fact]
    public async Task ReplaceSystemDisk_WithASharedSasImage_IsAllowed_AfterUnshareEcsCannotFindIt_TheInstanceKeepsItsImage()
    {
        // Arrange: db-1 is stopped; sas-docker-1 (Ubuntu 22.04, system disk only)
        var image = await SharedImageAsync("sas-docker-1", "docker-to-ecs");
        await using var db = _db.NewContext();
        var db1 = await db.Instances.SingleAsync(i => i.Name == "db-1");

        // Act
        var replaced = await _instances.ReplaceSystemDiskAsync(await Alice(), new() { RegionId = Hangzhou, InstanceId = db1.Id, ImageId = image });
        await _images.ModifyShareStatusAsync(await Alice(), Hangzhou, image, share: false);
        var again = await _compatibility.CheckAsync(await Alice(), Hangzhou, db1.ZoneId, image, db1.InstanceTypeId, new LaunchPlan(ReplacingSystemDisk: true));
        var run = await _instances.RunAsync(await Alice(), Order(image));

        // Assert
        Assert.True(replaced.IsSuccess, replaced.Error?.ToString());
        Assert.Equal(ImageErrors.NotFoundCode, again.Error?.Code);
        Assert.Equal(ImageErrors.NotFoundCode, run.Error?.Code);
        await using var after = _db.NewContext();
        Assert.Equal(image, (await after.Instances.SingleAsync(i => i.Id == db1.Id)).ImageId);
    }
}
