using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcsConsole.Tests.Domain.Instances;

/// <summary>RunInstances, start, stop, release and replace system disk (domain-rules §9, §11) over the demo world.</summary>
public sealed class InstanceServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string ArmImage = "aliyun_3_arm64_20G_alibase_20250101.vhd";
    private const string X86Image = "aliyun_3_x64_20G_alibase_20250101.vhd";
    private const string Debian = "debian_12_x64_20G_alibase_20250101.vhd";
    private readonly TestDatabase _db = new();
    private AsyncTaskEngine _engine = null!;
    private InstanceService _service = null!;
    private CompatibilityService _compatibility = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _engine = EngineFactory.Create(_db.Factory, _db.Time);
        var ids = new IdGenerator();
        var options = Options.Create(new InstanceOptions());
        _compatibility = new CompatibilityService(_db.Factory, options);
        _service = new InstanceService(_db.Factory, ids, _db.Time, new TaskService(_db.Factory, _engine, ids, _db.Time), new ChangeNotifier(), _compatibility);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private Task<Actor> Alice() => _db.ActorAsync(DemoWorld.Alice);

    private async Task<Instance> InstanceAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Instances.Include(i => i.Disks).SingleAsync(i => i.Name == name);
    }

    private async Task<Instance> InstanceByIdAsync(string id)
    {
        await using var db = _db.NewContext();
        return await db.Instances.Include(i => i.Disks).SingleAsync(i => i.Id == id);
    }

    private static RunInstancesRequest Order(string image = ArmImage, string type = "ecs.g8y.large", string? zone = "cn-hangzhou-i") =>
        new() { RegionId = Hangzhou, ZoneId = zone, ImageId = image, InstanceTypeId = type, InstanceName = "app", Password = "Secret@123" };

    private async Task<string?> LastAuditCodeAsync(string action)
    {
        await using var db = _db.NewContext();
        return await db.AuditEntries.Where(a => a.Action == action).OrderByDescending(a => a.Id).Select(a => a.ErrorCode).FirstAsync();
    }

    [Fact]
    public async Task Run_ArmImageOnArmType_CreatesAPendingInstanceThatReachesRunning()
    {
        var result = await _service.RunAsync(await Alice(), Order());

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var id = Assert.Single(result.Value);
        var created = await InstanceByIdAsync(id);
        Assert.Equal(InstanceStatus.Pending, created.Status);
        Assert.Equal(("app", "ecs.g8y.large", ArmImage, "cn-hangzhou-i"), (created.Name, created.InstanceTypeId, created.ImageId, created.ZoneId));
        Assert.StartsWith("i-bp", id);
        var system = Assert.Single(created.Disks);
        Assert.Equal(("system", "cloud_essd", 40, ArmImage), (system.Type, system.Category, system.SizeGiB, system.ImageId));

        await _engine.RunStepsAsync(_db.Time, 4);
        Assert.Equal(InstanceStatus.Starting, (await InstanceByIdAsync(id)).Status);
        await _engine.RunStepsAsync(_db.Time, 8);
        Assert.Equal(InstanceStatus.Running, (await InstanceByIdAsync(id)).Status);
        Assert.Null(await LastAuditCodeAsync("RunInstances"));
    }

    [Fact]
    public async Task Run_ArmImageOnX86Type_IsRefusedWithTheArchitectureReason()
    {
        var result = await _service.RunAsync(await Alice(), Order(type: "ecs.g7.large", zone: "cn-hangzhou-h"));

        Assert.Equal(ImageCompatibility.NotSupportInstanceTypeCode, result.Error?.Code);
        Assert.Equal(ImageCompatibility.NotSupportInstanceTypeCode, await LastAuditCodeAsync("RunInstances"));
        await using var db = _db.NewContext();
        Assert.Equal(2, await db.Instances.CountAsync(i => i.AccountId == DemoWorld.AcmeAccountId && i.RegionId == Hangzhou));
    }

    [Fact]
    public async Task Run_SeveralInstances_NamesThemWithASuffix()
    {
        var result = await _service.RunAsync(await Alice(), Order() with { Amount = 3 });

        Assert.True(result.IsSuccess, result.Error?.ToString());
        await using var db = _db.NewContext();
        var names = await db.Instances.Where(i => result.Value.Contains(i.Id)).Select(i => i.Name).ToListAsync();
        Assert.Equal(["app001", "app002", "app003"], names.Order());
    }

    [Fact]
    public async Task Run_ImageWithADataDiskSnapshot_CreatesTheMatchingDataDisk()
    {
        await using (var db = _db.NewContext())
        {
            var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Name == "acme-base-v1");
            var result = await _service.RunAsync(await Alice(), Order(image.Id, "ecs.g7.large", "cn-hangzhou-h"));

            Assert.True(result.IsSuccess, result.Error?.ToString());
            var created = await InstanceByIdAsync(result.Value[0]);
            var data = Assert.Single(created.Disks, d => d.Type == "data");
            var mapping = image.DiskMappings.Single(m => m.Type == DiskMappingType.Data);
            Assert.Equal((mapping.SnapshotId, mapping.SizeGiB), (data.SourceSnapshotId, data.SizeGiB));
        }
    }

    [Fact]
    public async Task Run_DataDiskSmallerThanItsSnapshot_IsRefused()
    {
        await using var db = _db.NewContext();
        var image = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Name == "acme-base-v1");
        var snapshot = image.DiskMappings.Single(m => m.Type == DiskMappingType.Data);

        var result = await _service.RunAsync(await Alice(), Order(image.Id, "ecs.g7.large", "cn-hangzhou-h") with
        {
            DataDisks = [new DiskSpec("cloud_essd", snapshot.SizeGiB - 1, snapshot.SnapshotId)],
        });

        Assert.Equal(InstanceErrors.DataDiskSizeCode, result.Error?.Code);
    }

    [Theory]
    [InlineData(0, null, null, null, "InvalidParameter")]
    [InlineData(101, null, null, null, "InvalidParameter")]
    [InlineData(1, "1app", null, null, InstanceErrors.NameMalformedCode)]
    [InlineData(1, "app", "short1A", null, InstanceErrors.PasswordMalformedCode)]
    [InlineData(1, "app", "alllowercase1", null, InstanceErrors.PasswordMalformedCode)]
    [InlineData(1, "app", "Bad\"Quote1a", null, InstanceErrors.PasswordMalformedCode)]
    [InlineData(1, "app", null, "no-such-key", InstanceErrors.KeyPairNotFoundCode)]
    public async Task Run_BadInput_IsRefusedWithItsCode(int amount, string? name, string? password, string? keyPair, string code)
    {
        var result = await _service.RunAsync(await Alice(), Order() with { Amount = amount, InstanceName = name, Password = password, KeyPairName = keyPair });

        Assert.Equal(code, result.Error?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(10)]
    [InlineData(13)]
    public async Task Run_SubscriptionWithoutAValidPeriod_IsRefused(int? period)
    {
        var result = await _service.RunAsync(await Alice(), Order() with { ChargeType = InstanceChargeType.PrePaid, PeriodMonths = period });

        Assert.Equal(InstanceErrors.PeriodInvalidCode, result.Error?.Code);
    }

    [Fact]
    public async Task Run_Subscription_SetsThePeriodAndTheExpiry()
    {
        var result = await _service.RunAsync(await Alice(), Order() with { ChargeType = InstanceChargeType.PrePaid, PeriodMonths = 12 });

        var created = await InstanceByIdAsync(result.Value[0]);
        Assert.Equal((InstanceChargeType.PrePaid, 12), (created.ChargeType, created.PeriodMonths));
        Assert.Equal(_db.Time.GetUtcNow().AddMonths(12), created.ExpiredTime);
    }

    [Fact]
    public async Task Run_KeyPairWithAWindowsImage_IsRefused()
    {
        var result = await _service.RunAsync(await Alice(),
            Order("win2022_21H2_x64_dtc_en-us_40G_alibase_20250101.vhd", "ecs.g7.large", "cn-hangzhou-h") with { Password = null, KeyPairName = "acme-deploy" });

        Assert.Equal(ImageCompatibility.ConflictCode, result.Error?.Code);
    }

    [Fact]
    public async Task Run_LinuxWithTheAccountsKeyPair_RecordsIt()
    {
        var result = await _service.RunAsync(await Alice(), Order() with { Password = null, KeyPairName = "acme-deploy" });

        Assert.Equal("acme-deploy", (await InstanceByIdAsync(result.Value[0])).KeyPairName);
    }

    [Fact]
    public async Task Run_NvmeOnlyTypeWithoutAnEssd_IsRefused()
    {
        var result = await _service.RunAsync(await Alice(), Order() with { SystemDiskCategory = "cloud_efficiency" });

        Assert.Equal(InstanceErrors.SystemDiskCategoryCode, result.Error?.Code);
    }

    [Fact]
    public async Task Run_TypeNotSoldInTheZone_IsRefused()
    {
        var result = await _service.RunAsync(await Alice(), Order(zone: "cn-hangzhou-h"));

        Assert.Equal(CompatibilityErrors.ResourceTypeNotSupportedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Run_OverTheInstanceQuota_IsRefusedAndCreatesNothing()
    {
        await using (var db = _db.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Hangzhou, Name = QuotaCatalogue.InstanceCount, Limit = 3 });
            await db.SaveChangesAsync();
        }

        var result = await _service.RunAsync(await Alice(), Order() with { Amount = 2 });

        Assert.Equal(InstanceErrors.QuotaCode, result.Error?.Code);
        Assert.True((await _service.RunAsync(await Alice(), Order())).IsSuccess);
    }

    [Fact]
    public async Task Run_OverThePayAsYouGoVcpuQuota_IsRefused_ButASubscriptionIsNot()
    {
        await using (var db = _db.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Hangzhou, Name = QuotaCatalogue.VcpuCount, Limit = 5 });
            await db.SaveChangesAsync();
        }

        var refused = await _service.RunAsync(await Alice(), Order());
        var subscription = await _service.RunAsync(await Alice(), Order() with { ChargeType = InstanceChargeType.PrePaid, PeriodMonths = 1 });

        Assert.Equal(InstanceErrors.QuotaCode, refused.Error?.Code);
        Assert.True(subscription.IsSuccess, subscription.Error?.ToString());
    }

    [Fact]
    public async Task Run_ReadOnlyMember_IsForbidden()
    {
        var result = await _service.RunAsync(await _db.ActorAsync(DemoWorld.Bob), Order());

        Assert.Equal(CommonErrors.ForbiddenCode, result.Error?.Code);
    }

    [Fact]
    public async Task Run_ImageSharedWithTheAccount_IsAllowed_ButAnotherAccountsPrivateImageDoesNotExist()
    {
        await using var db = _db.NewContext();
        var shared = await db.Images.SingleAsync(i => i.Name == "globex-shared-tools");
        var acmePrivate = await db.Images.SingleAsync(i => i.Name == "acme-base-v1");

        var allowed = await _service.RunAsync(await Alice(), Order(shared.Id, "ecs.g7.large", "cn-hangzhou-h"));
        var missing = await _service.RunAsync(await _db.ActorAsync(DemoWorld.Carol), Order(acmePrivate.Id, "ecs.g7.large", "cn-hangzhou-h"));

        Assert.True(allowed.IsSuccess, allowed.Error?.ToString());
        Assert.Equal(ImageErrors.NotFoundCode, missing.Error?.Code);
    }

    [Fact]
    public async Task Run_CustomImageOfAnotherRegion_IsNotFoundHere()
    {
        await using var db = _db.NewContext();
        var hangzhouImage = await db.Images.SingleAsync(i => i.Name == "acme-base-v1");

        var result = await _service.RunAsync(await Alice(), Order(hangzhouImage.Id, "ecs.g7.large", "cn-shanghai-e") with { RegionId = "cn-shanghai" });

        Assert.Equal(ImageErrors.NotFoundCode, result.Error?.Code);
        Assert.Contains(Hangzhou, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MarketplaceImageWithoutSubscription_IsRefused()
    {
        await using var db = _db.NewContext();
        var market = await db.Images.FirstAsync(i => i.RegionId == Hangzhou && i.Kind == ImageKind.Marketplace && i.Architecture == ImageArchitecture.X86_64);

        var result = await _service.RunAsync(await Alice(), Order(market.Id, "ecs.g7.large", "cn-hangzhou-h"));

        Assert.Equal(ImageCompatibility.NotSubscribedCode, result.Error?.Code);
    }

    [Fact]
    public async Task StopThenStart_MovesThroughStoppingAndStarting()
    {
        var web = await InstanceAsync("web-1");

        Assert.True((await _service.StopAsync(await Alice(), Hangzhou, web.Id)).IsSuccess);
        Assert.Equal(InstanceStatus.Stopping, (await InstanceAsync("web-1")).Status);
        Assert.Equal(InstanceErrors.IncorrectStatusCode, (await _service.StartAsync(await Alice(), Hangzhou, web.Id)).Error?.Code);
        await _engine.RunStepsAsync(_db.Time, 10);
        Assert.Equal(InstanceStatus.Stopped, (await InstanceAsync("web-1")).Status);

        Assert.True((await _service.StartAsync(await Alice(), Hangzhou, web.Id)).IsSuccess);
        Assert.Equal(InstanceStatus.Starting, (await InstanceAsync("web-1")).Status);
        await _engine.RunStepsAsync(_db.Time, 10);
        Assert.Equal(InstanceStatus.Running, (await InstanceAsync("web-1")).Status);
    }

    [Fact]
    public async Task Start_OfAnotherAccountsInstance_IsNotFound()
    {
        var web = await InstanceAsync("web-1");

        var result = await _service.StartAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, web.Id);

        Assert.Equal(InstanceErrors.NotFoundCode, result.Error?.Code);
    }

    [Fact]
    public async Task Release_RunningWithoutForce_IsRefused_WithForce_RemovesItAndItsDisksButKeepsTheOthers()
    {
        var web = await InstanceAsync("web-1");

        var refused = await _service.ReleaseAsync(await Alice(), Hangzhou, web.Id, force: false);
        var released = await _service.ReleaseAsync(await Alice(), Hangzhou, web.Id, force: true);

        Assert.Equal((InstanceErrors.IncorrectStatusCode, 403), (refused.Error?.Code, refused.Error?.HttpStatus));
        Assert.True(released.IsSuccess);
        await using var db = _db.NewContext();
        Assert.False(await db.Instances.AnyAsync(i => i.Id == web.Id));
        var system = web.Disks.Single(d => d.Type == "system");
        var data = web.Disks.Single(d => d.Type == "data");
        Assert.False(await db.Disks.AnyAsync(d => d.Id == system.Id));
        Assert.Null((await db.Disks.SingleAsync(d => d.Id == data.Id)).InstanceId);
        Assert.True(await db.Snapshots.AnyAsync(s => s.SourceDiskId == system.Id));
        Assert.False((await db.Images.SingleAsync(i => i.RegionId == Hangzhou && i.Id == X86Image)).InUse);
    }

    [Fact]
    public async Task Release_UnexpiredSubscription_IsAChargeTypeViolation_ButOnceExpiredItGoes()
    {
        var created = await _service.RunAsync(await Alice(), Order() with { ChargeType = InstanceChargeType.PrePaid, PeriodMonths = 1 });
        await _engine.RunStepsAsync(_db.Time, 10);
        var id = created.Value[0];
        Assert.True((await _service.StopAsync(await Alice(), Hangzhou, id)).IsSuccess);
        await _engine.RunStepsAsync(_db.Time, 10);

        var refused = await _service.ReleaseAsync(await Alice(), Hangzhou, id, force: false);
        _db.Time.Advance(TimeSpan.FromDays(32));
        var released = await _service.ReleaseAsync(await Alice(), Hangzhou, id, force: false);

        Assert.Equal(InstanceErrors.ChargeTypeViolationCode, refused.Error?.Code);
        Assert.True(released.IsSuccess, released.Error?.ToString());
    }

    [Fact]
    public async Task Release_UnderReleaseProtection_IsRefused()
    {
        var db1 = await InstanceAsync("db-1");
        await using (var db = _db.NewContext())
        {
            (await db.Instances.SingleAsync(i => i.Id == db1.Id)).DeletionProtection = true;
            await db.SaveChangesAsync();
        }

        var result = await _service.ReleaseAsync(await Alice(), Hangzhou, db1.Id, force: true);

        Assert.Equal(InstanceErrors.DeletionProtectionCode, result.Error?.Code);
    }

    [Fact]
    public async Task ReplaceSystemDisk_OfStoppedDb1_WithACompatibleImage_GivesANewDiskAndTheNewImage_ThenRuns()
    {
        var db1 = await InstanceAsync("db-1");
        var oldDisk = db1.Disks.Single(d => d.Type == "system");

        var result = await _service.ReplaceSystemDiskAsync(await Alice(), new() { RegionId = Hangzhou, InstanceId = db1.Id, ImageId = Debian });

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var after = await InstanceAsync("db-1");
        Assert.Equal(Debian, after.ImageId);
        var newDisk = after.Disks.Single(d => d.Type == "system");
        Assert.NotEqual(oldDisk.Id, newDisk.Id);
        Assert.Equal((result.Value.DiskId, oldDisk.Category, oldDisk.SizeGiB, Debian), (newDisk.Id, newDisk.Category, newDisk.SizeGiB, newDisk.ImageId));
        Assert.Equal(InstanceStatus.Starting, after.Status);
        await _engine.RunStepsAsync(_db.Time, 10);
        Assert.Equal(InstanceStatus.Running, (await InstanceAsync("db-1")).Status);
        await using var db = _db.NewContext();
        Assert.False(await db.Disks.AnyAsync(d => d.Id == oldDisk.Id));
        Assert.True(await db.Snapshots.AnyAsync(s => s.SourceDiskId == oldDisk.Id));
        Assert.True((await db.Images.SingleAsync(i => i.RegionId == Hangzhou && i.Id == Debian)).InUse);
        Assert.Null(await LastAuditCodeAsync("ReplaceSystemDisk"));
    }

    [Fact]
    public async Task ReplaceSystemDisk_OfARunningInstance_IsRefused()
    {
        var web = await InstanceAsync("web-1");

        var result = await _service.ReplaceSystemDiskAsync(await Alice(), new() { RegionId = Hangzhou, InstanceId = web.Id, ImageId = Debian });

        Assert.Equal((InstanceErrors.IncorrectStatusCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public async Task ReplaceSystemDisk_WithAnImageThatHasADataDisk_IsRefused()
    {
        var db1 = await InstanceAsync("db-1");
        await using var db = _db.NewContext();
        var acmeBase = await db.Images.SingleAsync(i => i.Name == "acme-base-v1");

        var result = await _service.ReplaceSystemDiskAsync(await Alice(), new() { RegionId = Hangzhou, InstanceId = db1.Id, ImageId = acmeBase.Id });

        Assert.Equal(ImageCompatibility.OperationDeniedCode, result.Error?.Code);
        Assert.Equal(ImageCompatibility.OperationDeniedCode, await LastAuditCodeAsync("ReplaceSystemDisk"));
    }

    [Fact]
    public async Task ReplaceSystemDisk_WithAnImageTheTypeCannotRun_IsRefused()
    {
        var db1 = await InstanceAsync("db-1");

        var result = await _service.ReplaceSystemDiskAsync(await Alice(), new() { RegionId = Hangzhou, InstanceId = db1.Id, ImageId = ArmImage });

        Assert.Equal(ImageCompatibility.NotSupportInstanceTypeCode, result.Error?.Code);
        Assert.Equal(db1.ImageId, (await InstanceAsync("db-1")).ImageId);
    }

    [Fact]
    public async Task ReplaceSystemDisk_WhileASnapshotOfTheDiskIsTaken_IsRefused()
    {
        var db1 = await InstanceAsync("db-1");
        var disk = db1.Disks.Single(d => d.Type == "system");
        var ids = new IdGenerator();
        var snapshots = new EcsConsole.Domain.Snapshots.SnapshotService(_db.Factory, ids, _db.Time, new TaskService(_db.Factory, _engine, ids, _db.Time), _engine, new ChangeNotifier());
        var taken = await snapshots.CreateAsync(await Alice(), new(Hangzhou, disk.Id, "before-swap", null));
        Assert.True(taken.IsSuccess, taken.Error?.ToString());

        var result = await _service.ReplaceSystemDiskAsync(await Alice(), new() { RegionId = Hangzhou, InstanceId = db1.Id, ImageId = Debian });

        Assert.Equal(InstanceErrors.DiskCreatingSnapshotCode, result.Error?.Code);
    }

    [Fact]
    public async Task Compatibility_TypesOfTheZone_ForTheArmImage_AllowOnlyArmTypes()
    {
        var types = await _compatibility.CheckTypesAsync(await Alice(), Hangzhou, "cn-hangzhou-i", ArmImage);

        Assert.True(types.IsSuccess);
        Assert.Contains(types.Value, t => t.Type.Id == "ecs.g8y.large" && t.IsAllowed);
        var g7 = Assert.Single(types.Value, t => t.Type.Id == "ecs.g7.large");
        Assert.Equal("CMP-05", Assert.Single(g7.Refusals).Rule);
        Assert.All(types.Value.Where(t => t.IsAllowed), t => Assert.Equal(ImageArchitecture.Arm64, t.Type.Architecture));
    }

    [Fact]
    public async Task Compatibility_SupportedTypesOf32BitImage_HaveLessThan4GiB()
    {
        var types = await _compatibility.SupportedInstanceTypesAsync(await Alice(), Hangzhou, "centos_6_10_32_20G_alibase_20200319.vhd");

        Assert.True(types.IsSuccess);
        Assert.NotEmpty(types.Value);
        Assert.All(types.Value, t => Assert.True(t.MemoryGiB < 4));
        Assert.Contains(types.Value, t => t.Id == "ecs.t6-c1m1.large");
    }

    [Fact]
    public async Task Compatibility_ImagesForAType_GiveEachImagesReasons()
    {
        var verdicts = await _compatibility.CheckImagesAsync(await Alice(), Hangzhou, "ecs.g7t.large", new LaunchPlan(),
            [X86Image, "ubuntu_22_04_x64_20G_alibase_20240130.vhd", "m-nonexistent"]);

        Assert.Equal(2, verdicts.Count);
        Assert.True(verdicts[X86Image].IsAllowed);
        Assert.Equal("CMP-06", Assert.Single(verdicts["ubuntu_22_04_x64_20G_alibase_20240130.vhd"].Refusals).Rule);
    }
}
