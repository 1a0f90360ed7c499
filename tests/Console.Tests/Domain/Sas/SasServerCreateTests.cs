using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Sas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Sas;

/// <summary>Creating simple application servers from a custom image (SAS-13…16), asserted by their error codes.</summary>
public sealed class SasServerCreateTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";
    private static readonly SasPlan SmallPlan = SasPlans.All.First(p => p.SystemDiskGiB == 40);
    private static readonly SasPlan LargePlan = SasPlans.All[^1];
    private readonly TestDatabase _db = new();
    private readonly ChangeNotifier _changes = new();
    private readonly List<ResourceChange> _published = [];
    private SasImageService _images = null!;
    private SasServerService _servers = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        var engine = EngineFactory.Create(_db.Factory, _db.Time, _changes);
        var ids = new IdGenerator();
        _images = new SasImageService(_db.Factory, ids, _db.Time, new TaskService(_db.Factory, engine, ids, _db.Time), _changes);
        _servers = new SasServerService(_db.Factory, ids, _db.Time, _changes);
        _changes.Subscribe(_published.Add);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private Task<Actor> Alice() => _db.ActorAsync(DemoWorld.Alice);

    /// <summary>Alice's custom image of the seeded server <paramref name="serverName"/>, from its system (and data) snapshot.</summary>
    private async Task<SasImage> ImageOfAsync(string serverName, bool withData = false)
    {
        string regionId, serverId, system;
        string? data;
        await using (var db = _db.NewContext())
        {
            var server = await db.SasServers.SingleAsync(s => s.Name == serverName);
            (regionId, serverId) = (server.RegionId, server.Id);
            system = await db.SasSnapshots.Where(s => s.Name == $"{serverName}-system").Select(s => s.Id).SingleAsync();
            data = withData ? await db.SasSnapshots.Where(s => s.Name == $"{serverName}-data").Select(s => s.Id).SingleAsync() : null;
        }

        var created = await _images.CreateAsync(await Alice(), new CreateSasImageRequest(regionId, serverId, $"{serverName}-golden", system, data));
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    private async Task<Result<IReadOnlyList<SasServer>>> CreateAsync(string regionId, string imageId, SasPlan? plan = null, string? name = "from-image",
        int amount = 1, Actor? actor = null) =>
        await _servers.CreateAsync(actor ?? await Alice(), new CreateSasServersRequest(regionId, imageId, (plan ?? LargePlan).Id, name, amount));

    private async Task<int> ServerCountAsync(string regionId)
    {
        await using var db = _db.NewContext();
        return await db.SasServers.CountAsync(s => s.AccountId == DemoWorld.AcmeAccountId && s.RegionId == regionId);
    }

    [Fact]
    public async Task Create_FromACustomImage_IsARunningServerWithTheImagesOsApplicationDisksAndSourceImage()
    {
        // Arrange
        var image = await ImageOfAsync("sas-wordpress-1", withData: true);

        // Act
        var result = await CreateAsync(Hangzhou, image.Id, SasPlans.All.First(p => p.SystemDiskGiB == 60));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        var server = Assert.Single(result.Value);
        await using var db = _db.NewContext();
        var stored = await db.SasServers.Include(s => s.Disks).SingleAsync(s => s.Id == server.Id);
        Assert.Matches("^[0-9a-f]{32}$", stored.Id);
        Assert.Equal(("from-image", "WordPress 6.5", image.Id, SasServerStatus.Running), (stored.Name, stored.ImageName, stored.SourceImageId, stored.Status));
        Assert.Equal((image.OsName, image.Architecture, image.BootMode, "2 vCPU · 4 GiB · 5 Mbps"), (stored.OsName, stored.Architecture, stored.BootMode, stored.Plan));
        Assert.Equal([("system", 60), ("data", 20)], stored.Disks.OrderByDescending(d => d.Type).Select(d => (d.Type, d.SizeGiB)));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CreateInstances && a.ResourceId == server.Id && a.ErrorCode == null));
        Assert.Contains(new ResourceChange(ResourceKind.SasServer, server.Id, Hangzhou, DemoWorld.AcmeAccountId), _published);
    }

    [Fact]
    public async Task Create_ThreeAtOnce_NumbersTheirNamesAndRaisesTheCustomImageQuota()
    {
        // Arrange
        var image = await ImageOfAsync("sas-docker-1");
        var limitBefore = (await _images.GetQuotaAsync(await Alice())).Limit;

        // Act
        var result = await CreateAsync(Hangzhou, image.Id, name: "web", amount: 3);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(["web-1", "web-2", "web-3"], result.Value.Select(s => s.Name));
        Assert.Equal(Math.Min(limitBefore + 9, SasErrors.MaxImagesPerAccount), (await _images.GetQuotaAsync(await Alice())).Limit);
    }

    [Fact]
    public async Task Create_WithoutAName_IsNamedByItsId()
    {
        // Arrange
        var image = await ImageOfAsync("sas-docker-1");

        // Act
        var result = await CreateAsync(Hangzhou, image.Id, name: null);

        // Assert
        Assert.Equal(result.Value[0].Id, result.Value[0].Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SasErrors.MaxServersPerOrder + 1)]
    public async Task Create_WithAnAmountOutsideOneToTwenty_IsInvalidParameter(int amount)
    {
        // Arrange
        var image = await ImageOfAsync("sas-docker-1");

        // Act
        var result = await CreateAsync(Hangzhou, image.Id, amount: amount);

        // Assert
        Assert.Equal((CommonErrors.InvalidParameterCode, 400), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Create_WithAMalformedName_IsInvalidInstanceNameMalformed()
    {
        // Arrange
        var image = await ImageOfAsync("sas-docker-1");

        // Act
        var result = await CreateAsync(Hangzhou, image.Id, name: "1-starts-with-a-digit");

        // Assert
        Assert.Equal(InstanceErrors.NameMalformedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Create_WithAnUnknownPlan_IsInvalidPlanIdNotFound()
    {
        // Arrange
        var image = await ImageOfAsync("sas-docker-1");

        // Act
        var result = await _servers.CreateAsync(await Alice(), new CreateSasServersRequest(Hangzhou, image.Id, "swas.no-such-plan"));

        // Assert
        Assert.Equal((SasErrors.PlanNotFoundCode, 404), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Create_FromAnImageOfAnotherRegion_IsImageNotFound_AndIsAudited()
    {
        // Arrange: the image is in cn-hangzhou
        var image = await ImageOfAsync("sas-docker-1");

        // Act
        var result = await CreateAsync(Shanghai, image.Id);

        // Assert
        Assert.Equal((SasErrors.ImageNotFoundCode, 404), (result.Error?.Code, result.Error?.HttpStatus));
        Assert.Equal(1, await ServerCountAsync(Shanghai));
        await using var db = _db.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CreateInstances && a.ResourceId == image.Id && a.ErrorCode == SasErrors.ImageNotFoundCode));
    }

    [Fact]
    public async Task Create_FromAnEcsImageId_IsImageNotFound()
    {
        // Arrange
        string ecsImage;
        await using (var db = _db.NewContext())
        {
            ecsImage = await db.Images.Where(i => i.RegionId == Hangzhou && i.OwnerAccountId == DemoWorld.AcmeAccountId).Select(i => i.Id).FirstAsync();
        }

        // Act
        var result = await CreateAsync(Hangzhou, ecsImage);

        // Assert
        Assert.Equal(SasErrors.ImageNotFoundCode, result.Error?.Code);
    }

    [Theory]
    [InlineData(ImageStatus.Creating)]
    [InlineData(ImageStatus.CreateFailed)]
    public async Task Create_FromAnImageThatIsNotAvailable_IsIncorrectImageStatus(ImageStatus status)
    {
        // Arrange
        var image = await ImageOfAsync("sas-docker-1");
        await using (var db = _db.NewContext())
        {
            var stored = await db.SasImages.SingleAsync(i => i.Id == image.Id);
            if (status == ImageStatus.Creating)
            {
                stored.ReportProgress(40);
            }
            else
            {
                stored.MarkFailed();
            }

            await db.SaveChangesAsync();
        }

        // Act
        var result = await CreateAsync(Hangzhou, image.Id);

        // Assert
        Assert.Equal((SasErrors.IncorrectImageStatusCode, 400), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task Create_WithAPlanWhoseSystemDiskIsSmallerThanTheImage_IsLessThanImageSize()
    {
        // Arrange: sas-lamp-1's system disk is 60 GiB
        var image = await ImageOfAsync("sas-lamp-1");

        // Act
        var tooSmall = await CreateAsync(Shanghai, image.Id, SmallPlan);
        var justRight = await CreateAsync(Shanghai, image.Id, SasPlans.All.First(p => p.SystemDiskGiB == 60));

        // Assert
        Assert.Equal((SasErrors.DiskLessThanImageSizeCode, 404), (tooSmall.Error?.Code, tooSmall.Error?.HttpStatus));
        Assert.True(justRight.IsSuccess, justRight.Error?.ToString());
    }

    [Fact]
    public async Task Create_BeyondFiftyServersInTheRegion_IsExceedAccountQuota_AndCreatesNone()
    {
        // Arrange: 48 servers in cn-hangzhou (2 seeded), so 2 more fit
        var image = await ImageOfAsync("sas-docker-1");
        foreach (var amount in new[] { 20, 20, 6 })
        {
            Assert.True((await CreateAsync(Hangzhou, image.Id, amount: amount)).IsSuccess);
        }

        Assert.Equal(SasErrors.MaxServersPerRegion - 2, await ServerCountAsync(Hangzhou));

        // Act
        var threeMore = await CreateAsync(Hangzhou, image.Id, amount: 3);
        var twoMore = await CreateAsync(Hangzhou, image.Id, amount: 2);

        // Assert
        Assert.Equal((SasErrors.ServerQuotaCode, 400), (threeMore.Error?.Code, threeMore.Error?.HttpStatus));
        Assert.True(twoMore.IsSuccess, twoMore.Error?.ToString());
        Assert.Equal(SasErrors.MaxServersPerRegion, await ServerCountAsync(Hangzhou));
    }

    [Fact]
    public async Task Create_ByAReadOnlyMember_IsForbidden_AndCreatesNothing()
    {
        // Arrange
        var image = await ImageOfAsync("sas-docker-1");

        // Act
        var result = await CreateAsync(Hangzhou, image.Id, actor: await _db.ActorAsync(DemoWorld.Bob));

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, result.Error?.Code);
        Assert.Equal(2, await ServerCountAsync(Hangzhou));
    }

    [Fact]
    public async Task Create_AsADryRun_AnswersDryRunOperation_AndCreatesNothing()
    {
        // Arrange
        var image = await ImageOfAsync("sas-docker-1");

        // Act
        var result = await CreateAsync(Hangzhou, image.Id, actor: (await Alice()) with { DryRun = true });

        // Assert
        Assert.Equal(CommonErrors.DryRunOperationCode, result.Error?.Code);
        Assert.Equal(2, await ServerCountAsync(Hangzhou));
    }
}
