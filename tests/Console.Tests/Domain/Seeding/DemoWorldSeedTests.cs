using EcsConsole.Domain.Marketplace;
using System.Text.RegularExpressions;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Seeding;

/// <summary>The demo world holds what ui-contract §2 promises, and every invariant the services keep.</summary>
public sealed partial class DemoWorldSeedTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await _db.WithDemoWorldAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task Seed_CreatesTheContractUsersAccountsAndRoles()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var members = await db.AccountMemberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.AccountId, m.Role }).ToListAsync();
        var root = await db.Users.SingleAsync(u => u.Email == DemoWorld.Root);

        // Assert
        Assert.Contains(members, m => m is { Email: DemoWorld.Alice, AccountId: DemoWorld.AcmeAccountId, Role: AccountRole.Admin });
        Assert.Contains(members, m => m is { Email: DemoWorld.Bob, AccountId: DemoWorld.AcmeAccountId, Role: AccountRole.ReadOnly });
        Assert.Contains(members, m => m is { Email: DemoWorld.Carol, AccountId: DemoWorld.GlobexAccountId, Role: AccountRole.Admin });
        Assert.Contains(members, m => m is { Email: DemoWorld.Dave, AccountId: DemoWorld.InitechAccountId, Role: AccountRole.Admin });
        Assert.True(root.IsPlatformAdmin);
        Assert.DoesNotContain(members, m => m.Email == DemoWorld.Root);
        Assert.All(await db.Accounts.ToListAsync(), a => Assert.True(Account.IsWellFormedId(a.Id), a.Id));
    }

    [Fact]
    public async Task Seed_DemoPasswordsVerifyAndAccessKeysAreStoredProtected()
    {
        // Arrange
        await using var db = _db.NewContext();
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<ConsoleUser>();

        // Act
        var users = await db.Users.ToListAsync();
        var keys = await db.AccessKeys.ToListAsync();

        // Assert
        Assert.Equal(5, users.Count);
        Assert.All(users, u => Assert.NotEqual(
            Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(u, u.PasswordHash!, DemoWorld.Password)));
        Assert.Equal(3, keys.Count);
        foreach (var (id, secret, _) in DemoWorld.AccessKeys)
        {
            var key = keys.Single(k => k.Id == id);
            Assert.NotEqual(secret, key.ProtectedSecret);
            Assert.Equal(secret, new PlainSecretProtector().Unprotect(key.ProtectedSecret));
        }
    }

    [Fact]
    public void DemoPasswordHash_VerifiesTheDemoPasswordWithoutRehashAndRefusesAnyOther()
    {
        // Arrange
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<ConsoleUser>();
        var user = ConsoleUser.WithPasswordHash(DemoWorld.Alice, DemoWorld.PasswordHash);

        // Act
        var demo = hasher.VerifyHashedPassword(user, DemoWorld.PasswordHash, DemoWorld.Password);
        var other = hasher.VerifyHashedPassword(user, DemoWorld.PasswordHash, DemoWorld.Password + "x");

        // Assert
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, demo);
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, other);
    }

    [Fact]
    public async Task Seed_CreatesSevenRegionsWithInfixesAndAtLeastTwoZonesEach()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var regions = await db.Regions.Include(r => r.Zones).ToDictionaryAsync(r => r.Id);

        // Assert
        var expected = new Dictionary<string, string>
        {
            ["cn-hangzhou"] = "bp", ["cn-shanghai"] = "uf", ["cn-beijing"] = "2ze", ["cn-hongkong"] = "j6",
            ["ap-southeast-1"] = "t4n", ["us-west-1"] = "rj9", ["eu-central-1"] = "gw8",
        };
        Assert.Equal(expected.Keys.Order(), regions.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, regions[e.Key].Infix));
        Assert.All(regions.Values, r => Assert.True(r.Zones.Count >= 2, r.Id));
        Assert.Contains(regions["cn-hangzhou"].Zones, z => z.Id == "cn-hangzhou-h");
    }

    [Theory]
    [InlineData("ecs.g7.large", ImageArchitecture.X86_64, 2, 8, false, false)]
    [InlineData("ecs.g8y.large", ImageArchitecture.Arm64, 2, 8, true, false)]
    [InlineData("ecs.t6-c1m1.large", ImageArchitecture.X86_64, 2, 2, false, false)]
    [InlineData("ecs.g7se.large", ImageArchitecture.X86_64, 2, 8, true, false)]
    [InlineData("ecs.g7t.large", ImageArchitecture.X86_64, 2, 8, false, true)]
    public async Task Seed_FixedInstanceTypesHaveTheirContractAttributes(string id, ImageArchitecture arch, int vcpu, int memory, bool nvmeOnly, bool uefiOnly)
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var type = await db.InstanceTypes.Include(t => t.Zones).SingleAsync(t => t.Id == id);

        // Assert
        Assert.Equal((arch, vcpu, (decimal)memory, nvmeOnly, uefiOnly), (type.Architecture, type.Vcpu, type.MemoryGiB, type.NvmeOnly, type.UefiOnly));
        Assert.NotEmpty(type.Zones);
    }

    [Fact]
    public async Task Seed_InstanceTypesCoverBothArchitecturesSmallMemoryNvmeAndUefiOnly()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var types = await db.InstanceTypes.ToListAsync();

        // Assert
        Assert.True(types.Count >= 12);
        Assert.Contains(types, t => t.Architecture == ImageArchitecture.Arm64);
        Assert.Contains(types, t => t.MemoryGiB < 4);
        Assert.Contains(types, t => t.NvmeOnly);
        Assert.Contains(types, t => t.UefiOnly);
        Assert.True(types.Select(t => t.Family).Distinct().Count() >= 6);
    }

    [Fact]
    public async Task Seed_PublishesTheSameThirtyPublicImagesInEveryRegion()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var publicImages = await db.Images.Where(i => i.Kind == ImageKind.Public).ToListAsync();
        var perRegion = publicImages.GroupBy(i => i.RegionId).ToDictionary(g => g.Key, g => g.Select(i => i.Id).Order().ToList());

        // Assert
        Assert.Equal(7, perRegion.Count);
        Assert.All(perRegion.Values, ids => Assert.True(ids.Count >= 30));
        Assert.All(perRegion.Values, ids => Assert.Equal(perRegion["cn-hangzhou"], ids));
        var hangzhou = publicImages.Where(i => i.RegionId == "cn-hangzhou").ToList();
        Assert.Contains(hangzhou, i => i.Platform == "RedHat" && i.FeePerHour > 0);
        Assert.Contains(hangzhou, i => i.Architecture == ImageArchitecture.I386);
        Assert.Contains(hangzhou, i => i.Architecture == ImageArchitecture.Arm64);
        Assert.Contains(hangzhou, i => i.EndOfLife);
        Assert.Contains(hangzhou, i => i.OsType == OsType.Windows);
        Assert.All(new[] { "Aliyun", "Ubuntu", "CentOS", "Debian" }, p => Assert.Contains(hangzhou, i => i.Platform == p));
    }

    [Theory]
    [InlineData("aliyun_3_x64_20G_alibase_20250101.vhd", ImageArchitecture.X86_64, BootMode.UefiPreferred, true, 20)]
    [InlineData("aliyun_3_arm64_20G_alibase_20250101.vhd", ImageArchitecture.Arm64, BootMode.Uefi, true, 20)]
    [InlineData("ubuntu_22_04_x64_20G_alibase_20240130.vhd", ImageArchitecture.X86_64, BootMode.Bios, true, 20)]
    [InlineData("centos_6_10_32_20G_alibase_20200319.vhd", ImageArchitecture.I386, BootMode.Bios, false, 20)]
    [InlineData("win2022_21H2_x64_dtc_en-us_40G_alibase_20250101.vhd", ImageArchitecture.X86_64, BootMode.UefiPreferred, true, 40)]
    public async Task Seed_FixedPublicImagesHaveTheirContractAttributes(string id, ImageArchitecture arch, BootMode boot, bool nvme, int size)
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var image = await db.Images.SingleAsync(i => i.RegionId == "cn-hangzhou" && i.Id == id);

        // Assert
        Assert.Equal((ImageKind.Public, arch, nvme, size, ImageStatus.Available), (image.Kind, image.Architecture, image.NvmeSupport, image.SizeGiB, image.Status));
        Assert.Equal(boot, image.BootMode);
    }

    [Fact]
    public async Task Seed_MarketplaceImagesExistOnlyInTheRegionsOfTheirProductAndCarryFees()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var products = await db.MarketplaceProducts.ToListAsync();
        var images = await db.Images.Where(i => i.Kind == ImageKind.Marketplace).ToListAsync();

        // Assert
        Assert.True(products.Count >= 25, $"{products.Count} products");
        Assert.All(images, i => Assert.Contains(products, p => p.Code == i.ProductCode));
        Assert.All(products, p => Assert.InRange(images.Where(i => i.ProductCode == p.Code).Select(i => i.RegionId).Distinct().Count(), 1, 7));
        Assert.Contains(products, p => images.Where(i => i.ProductCode == p.Code).Select(i => i.RegionId).Distinct().Count() < 7);
        Assert.All(products, p => Assert.Equal(
            images.Count(i => i.ProductCode == p.Code),
            images.Where(i => i.ProductCode == p.Code).Select(i => i.RegionId).Distinct().Count()
                * images.Where(i => i.ProductCode == p.Code).Select(i => i.ImageVersion).Distinct().Count()));
        Assert.Contains(images, i => i.FeePerHour > 0);
        Assert.Contains(products, p => p.FeePerHour == 0);
        Assert.Equal(MarketplaceCategories.All.Order(), products.Select(p => p.Category).Distinct().Order());
        Assert.Equal(Enum.GetValues<MarketplaceBillingModel>().Order(), products.Select(p => p.BillingModel).Distinct().Order());
        Assert.Contains(products, p => p.ByAlibabaCloud);
        Assert.True(products.Where(p => !p.ByAlibabaCloud).Select(p => p.Supplier).Distinct().Count() >= 5);
        Assert.Contains(products, p => images.Count(i => i.ProductCode == p.Code && i.RegionId == "cn-hangzhou") > 1);
    }

    [Fact]
    public async Task Seed_GivesAcmeTwoInstancesWithSystemAndDataDisksInHangzhou()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var instances = await db.Instances.Include(i => i.Disks).Where(i => i.AccountId == DemoWorld.AcmeAccountId).ToListAsync();

        // Assert
        Assert.Equal(["db-1", "web-1"], instances.Select(i => i.Name).Order());
        Assert.Equal(InstanceStatus.Running, instances.Single(i => i.Name == "web-1").Status);
        Assert.Equal(InstanceStatus.Stopped, instances.Single(i => i.Name == "db-1").Status);
        Assert.All(instances, i => Assert.Equal("cn-hangzhou", i.RegionId));
        Assert.All(instances, i => Assert.Equal(["data", "system"], i.Disks.Select(d => d.Type).Order()));
        Assert.True(await db.Snapshots.CountAsync(s => s.AccountId == DemoWorld.AcmeAccountId) >= 2);
    }

    [Fact]
    public async Task Seed_AcmeOwnsAcmeBaseV1BuiltFromItsSnapshotsAndSeesGlobexSharedTools()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var acmeBase = await db.Images.Include(i => i.DiskMappings).SingleAsync(i => i.Name == "acme-base-v1");
        var globex = await db.Images.SingleAsync(i => i.Name == "globex-shared-tools");
        var shares = await db.ImageShares.Where(s => s.ImageId == globex.Id).ToListAsync();

        // Assert
        Assert.Equal((DemoWorld.AcmeAccountId, "cn-hangzhou", ImageStatus.Available, "acme-base", ImageSource.Snapshots),
            (acmeBase.OwnerAccountId, acmeBase.RegionId, acmeBase.Status, acmeBase.Family, acmeBase.Source));
        var snapshotIds = acmeBase.DiskMappings.Select(m => m.SnapshotId).ToList();
        Assert.Equal(snapshotIds.Count, await db.Snapshots.CountAsync(s => snapshotIds.Contains(s.Id) && s.AccountId == DemoWorld.AcmeAccountId));
        Assert.Equal((DemoWorld.GlobexAccountId, "cn-hangzhou"), (globex.OwnerAccountId, globex.RegionId));
        Assert.Equal([DemoWorld.AcmeAccountId], shares.Select(s => s.AccountId));
    }

    [Fact]
    public async Task Seed_PublishesCommunityImagesOfOtherAccounts()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var community = await db.Images.Where(i => i.IsPublic).ToListAsync();

        // Assert
        Assert.True(community.Count >= 2);
        Assert.All(community, i => Assert.Equal(ImageKind.Custom, i.Kind));
        Assert.DoesNotContain(community, i => i.OwnerAccountId == DemoWorld.AcmeAccountId);
    }

    [Fact]
    public async Task Seed_EveryResourceIdIsWellFormedWithItsRegionInfix()
    {
        // Arrange
        await using var db = _db.NewContext();
        var infix = await db.Regions.ToDictionaryAsync(r => r.Id, r => r.Infix);

        // Act
        var ids = new List<(string Prefix, string Id, string Region)>();
        ids.AddRange((await db.Images.Where(i => i.Kind != ImageKind.Public).ToListAsync()).Select(i => ("m-", i.Id, i.RegionId)));
        ids.AddRange((await db.Snapshots.ToListAsync()).Select(s => ("s-", s.Id, s.RegionId)));
        ids.AddRange((await db.Instances.ToListAsync()).Select(i => ("i-", i.Id, i.RegionId)));
        ids.AddRange((await db.Disks.ToListAsync()).Select(d => ("d-", d.Id, d.RegionId)));

        // Assert
        Assert.NotEmpty(ids);
        Assert.All(ids, x => Assert.Matches($"^{x.Prefix}{infix[x.Region]}[a-z0-9]+$", x.Id));
        Assert.All(ids, x => Assert.Equal(20, x.Id.Length - x.Prefix.Length));
        Assert.All(await db.Images.Where(i => i.Kind == ImageKind.Public).Select(i => i.Id).ToListAsync(), id => Assert.Matches(PublicImageId(), id));
    }

    [Fact]
    public async Task Seed_EveryImageHasOneSystemDiskAndCustomImagesMatchTheirSnapshotsArchitecture()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var images = await db.Images.Include(i => i.DiskMappings).ToListAsync();
        var snapshots = await db.Snapshots.ToDictionaryAsync(s => s.Id);

        // Assert
        Assert.All(images, i => Assert.Single(i.DiskMappings, m => m.Type == DiskMappingType.System));
        foreach (var image in images.Where(i => i.Kind == ImageKind.Custom))
        {
            var system = snapshots[image.DiskMappings.Single(m => m.Type == DiskMappingType.System).SnapshotId!];
            Assert.Equal("system", system.SourceDiskType);
            Assert.Equal(image.Architecture.ToEcs(), system.SourceArchitecture);
            Assert.Equal(image.SizeGiB, system.SourceDiskSizeGiB);
            Assert.All(image.DiskMappings.Where(m => m.Type == DiskMappingType.Data), m => Assert.Equal("data", snapshots[m.SnapshotId!].SourceDiskType));
        }
    }

    [Fact]
    public async Task Seed_ImageUsageMatchesTheInstancesRunningFromIt()
    {
        // Arrange
        await using var db = _db.NewContext();

        // Act
        var used = (await db.Instances.Select(i => new { i.RegionId, i.ImageId }).ToListAsync()).Select(i => (i.RegionId, i.ImageId)).ToHashSet();
        var images = await db.Images.ToListAsync();

        // Assert
        Assert.All(images, i => Assert.Equal(used.Contains((i.RegionId, i.Id)), i.InUse));
        Assert.Contains(images, i => i.InUse);
    }

    [Fact]
    public async Task Seed_OnANonEmptyDatabase_TouchesNothing()
    {
        // Arrange
        await using var before = _db.NewContext();
        var images = await before.Images.CountAsync();
        var users = await before.Users.CountAsync();

        // Act
        var seededAgain = await _db.NewInitializer().SeedAsync();

        // Assert
        await using var after = _db.NewContext();
        Assert.False(seededAgain);
        Assert.Equal((images, users), (await after.Images.CountAsync(), await after.Users.CountAsync()));
    }

    [Fact]
    public async Task Seed_IsRepeatable_TwoFreshDatabasesGetTheSameResourceIds()
    {
        // Arrange
        await using var other = new TestDatabase();
        await other.WithDemoWorldAsync();

        // Act
        await using var a = _db.NewContext();
        await using var b = other.NewContext();
        var idsA = await a.Images.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        var idsB = await b.Images.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();

        // Assert
        Assert.Equal(idsA, idsB);
    }

    [Fact]
    public async Task Seed_WithoutChangeDetection_WritesTheRowsASeedWithChangeDetectionWrites()
    {
        // Arrange: the same world built through a context that detects changes, as the seed did before issue #20.
        await using var detected = new TestDatabase();
        await using (var db = detected.NewContext())
        {
            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
            var world = new WorldBuilder(db, new IdGenerator(new Random(DatabaseInitializer.DemoSeed)), TestDatabase.Start);
            DemoWorld.Build(world, DemoWorld.AccessKeys.ToDictionary(k => k.Id, k => new PlainSecretProtector().Protect(k.Secret)));
            await db.SaveChangesAsync();
        }

        // Act
        var seeded = await RowsAsync(_db);
        var withDetection = await RowsAsync(detected);

        // Assert
        Assert.Equal(withDetection.Keys.Order(), seeded.Keys.Order());
        Assert.All(withDetection, table => Assert.Equal(table.Value, seeded[table.Key]));
    }

    /// <summary>
    /// Every row of every table of the model, as text, sorted; the values a seed draws at random (user IDs and stamps, an
    /// instance's private IP, the data version's token) masked.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> RowsAsync(TestDatabase database)
    {
        string[] random = ["SecurityStamp", "ConcurrencyStamp", "PrivateIpAddress", "UserId"];
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new Dictionary<string, List<string>>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var list = new List<string>();
            while (await reader.ReadAsync())
            {
                list.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i =>
                    random.Contains(reader.GetName(i)) || (table == "AspNetUsers" && reader.GetName(i) == "Id") || table == "DataVersion" ? "*" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            list.Sort(StringComparer.Ordinal);
            rows[table] = list;
        }

        return rows;
    }

    [GeneratedRegex("^[a-z0-9_.-]+\\.vhd$", RegexOptions.IgnoreCase)]
    private static partial Regex PublicImageId();
}
