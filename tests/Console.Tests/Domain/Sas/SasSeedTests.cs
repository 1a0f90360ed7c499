using EcsConsole.Domain.Sas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Sas;

/// <summary>The demo world's Simple Application Servers (issue #10): Acme's two in cn-hangzhou and one in cn-shanghai.</summary>
public sealed class SasSeedTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await _db.WithDemoWorldAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task Seed_GivesAcmeTwoServersInHangzhouAndOneInShanghai_EachWithASystemDiskAndASystemSnapshot()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var servers = await db.SasServers.Include(s => s.Disks).ToListAsync();
        var snapshots = await db.SasSnapshots.ToListAsync();

        // Assert
        Assert.All(servers, s => Assert.Equal(DemoWorld.AcmeAccountId, s.AccountId));
        Assert.Equal(["sas-docker-1", "sas-wordpress-1"], servers.Where(s => s.RegionId == "cn-hangzhou").Select(s => s.Name).Order());
        Assert.Equal(["sas-lamp-1"], servers.Where(s => s.RegionId == "cn-shanghai").Select(s => s.Name));
        Assert.All(servers, s => Assert.Single(s.Disks, d => d.Type == "system"));
        Assert.All(servers, s => Assert.True(s.Disks.Count(d => d.Type == "data") <= 1));
        Assert.Contains(servers, s => s.Disks.Any(d => d.Type == "data"));
        Assert.All(servers, s => Assert.Contains(snapshots, x => x.ServerId == s.Id && x.DiskType == "system" && x.RegionId == s.RegionId));
        Assert.Empty(await db.SasImages.ToListAsync());
    }

    [Fact]
    public async Task Seed_SasIdsAreWellFormedAndTheSameOnEveryInstall()
    {
        // Arrange
        await using var db = _db.NewContext();
        await using var other = new TestDatabase();
        await other.WithDemoWorldAsync();
        await using var otherDb = other.NewContext();

        // Act
        var servers = await db.SasServers.Include(s => s.Disks).OrderBy(s => s.Name).ToListAsync();
        var snapshots = await db.SasSnapshots.OrderBy(s => s.Name).ToListAsync();
        var otherIds = await otherDb.SasServers.OrderBy(s => s.Name).Select(s => s.Id).ToListAsync();

        // Assert
        Assert.All(servers, s => Assert.Matches("^[0-9a-f]{32}$", s.Id));
        Assert.All(servers.SelectMany(s => s.Disks.Select(d => (s.RegionId, d.Id))), x => Assert.Matches(x.RegionId == "cn-hangzhou" ? "^d-bp[a-z0-9]{18}$" : "^d-uf[a-z0-9]{18}$", x.Id));
        Assert.All(snapshots, s => Assert.Matches(s.RegionId == "cn-hangzhou" ? "^s-bp[a-z0-9]{18}$" : "^s-uf[a-z0-9]{18}$", s.Id));
        Assert.Equal(servers.Select(s => s.Id), otherIds);
    }

    [Fact]
    public async Task Seed_AcmesQuotaIsNine_AndOtherAccountsHaveNone()
    {
        // Arrange
        var ids = new EcsConsole.Domain.Common.IdGenerator();
        var engine = EngineFactory.Create(_db.Factory, _db.Time);
        var service = new SasImageService(_db.Factory, ids, _db.Time, new EcsConsole.Domain.Tasks.TaskService(_db.Factory, engine, ids, _db.Time),
            new EcsConsole.Domain.Common.ChangeNotifier());

        // Act
        var acme = await service.GetQuotaAsync(await _db.ActorAsync(DemoWorld.Bob));
        var globex = await service.GetQuotaAsync(await _db.ActorAsync(DemoWorld.Carol));

        // Assert
        Assert.Equal(new SasImageQuota(0, 9, 3), acme);
        Assert.Equal(new SasImageQuota(0, 0, 0), globex);
    }
}
