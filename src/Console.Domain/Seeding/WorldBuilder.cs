using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Marketplace;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Domain.Seeding;

/// <summary>
/// Builds a world of regions, accounts, users, instances, disks, snapshots and images into a context, keeping the
/// invariants the real services keep (IDs from <see cref="IdGenerator"/>, a custom image's architecture from its
/// system snapshot, <c>InUse</c> from the instances). The demo-world seeder uses it, and so do tests and benchmarks.
/// Nothing is saved: the caller saves, in one transaction.
/// </summary>
public sealed class WorldBuilder(ConsoleDbContext db, IdGenerator ids, DateTimeOffset now)
{
    /// <summary>
    /// Fixed seed of the Simple Application Server IDs. They come from a generator of their own, so the IDs of everything
    /// seeded before SAS existed stay what they were, whatever is added after.
    /// </summary>
    public const int SasIdSeed = 20200601;

    private readonly Dictionary<string, Region> _regions = [];
    private readonly IdGenerator _sasIds = new(new Random(SasIdSeed));

    /// <summary>Seed of the instances' private addresses: a world is the same rows wherever it is built (DemoWorldScript).</summary>
    public const int AddressSeed = 17216;

    private readonly Random _addresses = new(AddressSeed);

    /// <summary>
    /// Users' IDs and stamps come from a seed of their own, like every other ID of the world: the same on every install,
    /// so that a world is the same rows wherever it is built (DemoWorldScript writes it as a script). A user's stamps
    /// change as Identity changes them (a new password, a new email); cookies and tokens are protected by each install's
    /// own key ring, so equal values across installs vouch for nothing.
    /// </summary>
    public const int UserSeed = 20261207;

    private readonly Random _users = new(UserSeed);
    private readonly List<(string Id, ImageArchitecture Arch, OsType Os, string Platform, string OsName, int Size, BootMode Boot, bool Nvme)> _publicImages = [];

    public ConsoleDbContext Db => db;

    public DateTimeOffset Now => now;

    public Region AddRegion(string id, string name, string infix, int order, params (string Suffix, string Name)[] zones)
    {
        var region = new Region
        {
            Id = id,
            Name = name,
            Infix = infix,
            SortOrder = order,
            Zones = zones.Select(z => new Zone { Id = $"{id}-{z.Suffix}", RegionId = id, Name = z.Name }).ToList(),
        };
        db.Regions.Add(region);
        _regions[id] = region;
        return region;
    }

    public Region Region(string id) => _regions[id];

    public IEnumerable<Region> Regions => _regions.Values;

    /// <summary>
    /// An instance type offered in <paramref name="zoneIds"/> (every zone of every region when none are given), with its
    /// <paramref name="hardware"/> facts (defaults when none are given).
    /// </summary>
    public InstanceType AddInstanceType(string id, int vcpu, decimal memoryGiB, ImageArchitecture arch, decimal pricePerHour,
        bool nvmeOnly = false, bool uefiOnly = false, bool biosOnly = false, IEnumerable<string>? zoneIds = null, InstanceTypeHardware? hardware = null)
    {
        var zones = zoneIds ?? _regions.Values.SelectMany(r => r.Zones).Select(z => z.Id);
        var type = new InstanceType
        {
            Id = id,
            Family = id[..id.LastIndexOf('.')],
            Vcpu = vcpu,
            MemoryGiB = memoryGiB,
            Architecture = arch,
            PricePerHour = pricePerHour,
            NvmeOnly = nvmeOnly,
            UefiOnly = uefiOnly,
            BiosOnly = biosOnly,
            Hardware = hardware ?? new InstanceTypeHardware(),
            Zones = zones.Select(z => new InstanceTypeZone { InstanceTypeId = id, ZoneId = z }).ToList(),
        };
        db.InstanceTypes.Add(type);
        return type;
    }

    public Account AddAccount(string id, string name)
    {
        var account = new Account { Id = id, Name = name, CreatedAt = now };
        db.Accounts.Add(account);
        return account;
    }

    /// <summary>A resource group beside the account's default one, its ID derived from the account and name.</summary>
    public ResourceGroups.ResourceGroup AddResourceGroup(string accountId, string name, string displayName)
    {
        var group = new ResourceGroups.ResourceGroup
        {
            Id = ResourceGroups.ResourceGroupRules.IdFor(accountId, name), AccountId = accountId, Name = name, DisplayName = displayName, CreationTime = now,
        };
        db.ResourceGroups.Add(group);
        return group;
    }

    /// <summary>A user with a hashed password, confirmed email, and (unless platform admin) a membership.</summary>
    public ConsoleUser AddUser(string email, string password, string? accountId, AccountRole role, bool platformAdmin = false)
    {
        // The demo password's hash is made once, beforehand (DemoWorld.PasswordHash): five PBKDF2 hashes were a tenth of a fresh start.
        var user = password == DemoWorld.Password
            ? ConsoleUser.WithPasswordHash(email, DemoWorld.PasswordHash, platformAdmin)
            : ConsoleUser.Create(email, password, platformAdmin);
        user.Id = NewGuid().ToString();
        user.SecurityStamp = NewGuid().ToString("N").ToUpperInvariant();
        user.ConcurrencyStamp = NewGuid().ToString();
        db.Users.Add(user);
        if (accountId is not null)
        {
            db.AccountMemberships.Add(new AccountMembership { AccountId = accountId, UserId = user.Id, Role = role, JoinedAt = now });
        }

        return user;
    }

    /// <summary>A version-4 GUID from <see cref="UserSeed"/>'s sequence.</summary>
    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _users.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public void AddAccessKey(ConsoleUser user, string accessKeyId, string protectedSecret) =>
        db.AccessKeys.Add(new AccessKey { Id = accessKeyId, UserId = user.Id, ProtectedSecret = protectedSecret, CreatedAt = now });

    /// <summary>A platform image, published in every region added so far under the same ID.</summary>
    public void AddPublicImage(string id, string osName, OsType os, string platform, ImageArchitecture arch, int sizeGiB, BootMode boot,
        bool nvme, DateTimeOffset created, decimal feePerHour = 0, bool endOfLife = false, string? family = null)
    {
        foreach (var region in _regions.Values)
        {
            db.Images.Add(new Image
            {
                Id = id,
                RegionId = region.Id,
                Kind = ImageKind.Public,
                Name = id,
                Description = osName,
                Family = family,
                OsName = osName,
                OsType = os,
                Platform = platform,
                Architecture = arch,
                SizeGiB = sizeGiB,
                BootMode = boot,
                NvmeSupport = nvme,
                CreationTime = created,
                Source = ImageSource.Platform,
                LicenseType = feePerHour > 0 ? "Aliyun" : "Auto",
                FeePerHour = feePerHour,
                EndOfLife = endOfLife,
                IsSupportCloudinit = os == OsType.Linux,
                DiskMappings = [new ImageDiskMapping { Type = DiskMappingType.System, Device = "/dev/xvda", SizeGiB = sizeGiB }],
            });
        }

        _publicImages.Add((id, arch, os, platform, osName, sizeGiB, boot, nvme));
    }

    public (ImageArchitecture Arch, OsType Os, string Platform, string OsName, int Size, BootMode Boot, bool Nvme) PublicImage(string id)
    {
        var p = _publicImages.Single(i => i.Id == id);
        return (p.Arch, p.Os, p.Platform, p.OsName, p.Size, p.Boot, p.Nvme);
    }

    /// <summary>
    /// A Marketplace product with one image per region for <paramref name="version"/>, then one per older version (newest
    /// first). The billing model defaults from the fee and <paramref name="billing"/>; prices default to one tier at the fee.
    /// </summary>
    public MarketplaceProduct AddMarketplaceProduct(string code, string name, string category, string supplier, string description,
        decimal feePerHour, string billing, string basePublicImageId, IEnumerable<string> regionIds, string version = "1.0",
        MarketplaceBillingModel? model = null, bool byAlibabaCloud = false, string? usageNotes = null,
        IReadOnlyList<string>? olderVersions = null, IReadOnlyList<(int MinVcpu, decimal FeePerHour)>? prices = null)
    {
        var billingModel = model ?? (feePerHour == 0 ? MarketplaceBillingModel.Free
            : billing == "PrePaid" ? MarketplaceBillingModel.Subscription : MarketplaceBillingModel.Hourly);
        var tiers = prices ?? (feePerHour > 0 ? [(1, feePerHour)] : []);
        var product = new MarketplaceProduct
        {
            Code = code,
            Name = name,
            Category = category,
            Supplier = supplier,
            ByAlibabaCloud = byAlibabaCloud,
            Description = description,
            UsageNotes = usageNotes,
            BillingModel = billingModel,
            FeePerHour = feePerHour,
            BillingMethods = billing,
            Version = version,
            Prices = tiers.Select(t => new MarketplacePrice { ProductCode = code, MinVcpu = t.MinVcpu, FeePerHour = t.FeePerHour }).ToList(),
        };
        db.MarketplaceProducts.Add(product);
        var regions = regionIds.ToList();
        AddMarketplaceImages(product, basePublicImageId, regions, version, name, now.AddDays(-60));
        var age = 60;
        foreach (var older in olderVersions ?? [])
        {
            age += 90;
            AddMarketplaceImages(product, basePublicImageId, regions, older, $"{name} (v{older})", now.AddDays(-age));
        }

        return product;
    }

    private void AddMarketplaceImages(MarketplaceProduct product, string basePublicImageId, IEnumerable<string> regionIds, string version,
        string name, DateTimeOffset created)
    {
        var size = Math.Max(PublicImage(basePublicImageId).Size, 40);
        foreach (var regionId in regionIds)
        {
            db.Images.Add(ImageFrom(basePublicImageId, regionId, ImageKind.Marketplace, name, product.Description, size, created, ImageSource.Marketplace,
                [new ImageDiskMapping { Type = DiskMappingType.System, Device = "/dev/xvda", SizeGiB = size }], version: version, product: product));
        }
    }

    /// <summary>
    /// A new image in <paramref name="regionId"/> with the OS of the public image <paramref name="basePublicImageId"/>
    /// (Marketplace and custom images are made from one), sold as <paramref name="product"/> when it is a Marketplace image.
    /// </summary>
    private Image ImageFrom(string basePublicImageId, string regionId, ImageKind kind, string name, string? description, int sizeGiB,
        DateTimeOffset created, ImageSource source, List<ImageDiskMapping> mappings, string? ownerAccountId = null, string? family = null,
        string? version = null, MarketplaceProduct? product = null)
    {
        var b = PublicImage(basePublicImageId);
        return new Image
        {
            Id = ids.NewImageId(Region(regionId).Infix),
            RegionId = regionId,
            Kind = kind,
            OwnerAccountId = ownerAccountId,
            Name = name,
            Description = description,
            Family = family,
            ImageVersion = version,
            OsName = b.OsName,
            OsType = b.Os,
            Platform = b.Platform,
            Architecture = b.Arch,
            SizeGiB = sizeGiB,
            BootMode = b.Boot,
            NvmeSupport = b.Nvme,
            CreationTime = created,
            Source = source,
            ProductCode = product?.Code,
            SupplierName = product?.Supplier,
            FeePerHour = product?.FeePerHour ?? 0,
            DiskMappings = mappings,
        };
    }

    /// <summary>
    /// An SSH key pair of an account in a region, with a public key derived from its account, region and name (the same in
    /// every seeded world; no private key exists for it, as for an imported pair).
    /// </summary>
    public KeyPair AddKeyPair(string accountId, string regionId, string name)
    {
        var publicKey = SeedPublicKey($"{accountId}/{regionId}/{name}");
        var pair = new KeyPair
        {
            AccountId = accountId,
            RegionId = regionId,
            Name = name,
            FingerPrint = publicKey.FingerPrint,
            PublicKey = publicKey.ToString(),
            CreationTime = now.AddDays(-60),
        };
        db.KeyPairs.Add(pair);
        return pair;
    }

    /// <summary>An <c>ssh-rsa</c> public key whose 2048-bit modulus is SHA-256 output of <paramref name="seed"/>, run on.</summary>
    private static SshPublicKey SeedPublicKey(string seed)
    {
        var modulus = new byte[256];
        for (var block = 0; block < modulus.Length / 32; block++)
        {
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}#{block}")).CopyTo(modulus, block * 32);
        }

        modulus[0] |= 0x80;
        modulus[^1] |= 0x01;
        using var blob = new MemoryStream();
        foreach (var part in new[] { "ssh-rsa"u8.ToArray(), [0x01, 0x00, 0x01], [0x00, .. modulus] })
        {
            blob.Write([(byte)(part.Length >> 24), (byte)(part.Length >> 16), (byte)(part.Length >> 8), (byte)part.Length]);
            blob.Write(part);
        }

        return new SshPublicKey("ssh-rsa", blob.ToArray());
    }

    /// <summary>An instance launched from a public image, with its system disk and optional data disk.</summary>
    public Instance AddInstance(string accountId, string regionId, string zoneId, string name, string typeId, string publicImageId,
        InstanceStatus status, int systemDiskGiB = 40, int? dataDiskGiB = null, InstanceChargeType charge = InstanceChargeType.PostPaid)
    {
        var infix = Region(regionId).Infix;
        var instanceId = ids.NewInstanceId(infix);
        var instance = new Instance
        {
            Id = instanceId,
            RegionId = regionId,
            ZoneId = zoneId,
            AccountId = accountId,
            Name = name,
            InstanceTypeId = typeId,
            ImageId = publicImageId,
            Status = status,
            ChargeType = charge,
            CreationTime = now.AddDays(-30),
            ExpiredTime = charge == InstanceChargeType.PrePaid ? now.AddMonths(1) : null,
            PrivateIpAddress = $"172.16.{_addresses.Next(1, 250)}.{_addresses.Next(2, 250)}",
        };
        instance.Disks.Add(new Disk
        {
            Id = ids.NewDiskId(infix), RegionId = regionId, ZoneId = zoneId, AccountId = accountId, InstanceId = instanceId,
            Type = "system", Category = "cloud_essd", SizeGiB = systemDiskGiB, Device = "/dev/xvda", ImageId = publicImageId,
            CreationTime = instance.CreationTime,
        });
        if (dataDiskGiB is { } dataSize)
        {
            instance.Disks.Add(new Disk
            {
                Id = ids.NewDiskId(infix), RegionId = regionId, ZoneId = zoneId, AccountId = accountId, InstanceId = instanceId,
                Type = "data", Category = "cloud_essd", SizeGiB = dataSize, Device = "/dev/xvdb", DeleteWithInstance = false,
                CreationTime = instance.CreationTime,
            });
        }

        db.Instances.Add(instance);
        return instance;
    }

    /// <summary>An accomplished user snapshot of a disk; a system-disk snapshot records the OS it holds.</summary>
    public Snapshot AddSnapshot(Disk disk, string name, DateTimeOffset created, string? instanceImageId = null)
    {
        var arch = instanceImageId is null ? (ImageArchitecture?)null : PublicImage(instanceImageId).Arch;
        var snapshot = new Snapshot
        {
            Id = ids.NewSnapshotId(Region(disk.RegionId).Infix),
            RegionId = disk.RegionId,
            AccountId = disk.AccountId,
            Name = name,
            SourceDiskId = disk.Id,
            SourceDiskType = disk.Type,
            SourceDiskSizeGiB = disk.SizeGiB,
            SourceInstanceId = disk.InstanceId,
            SourceArchitecture = disk.Type == "system" ? arch?.ToEcs() : null,
            SourcePlatform = disk.Type == "system" && instanceImageId is not null ? PublicImage(instanceImageId).Platform : null,
            CreationTime = created,
        };
        db.Snapshots.Add(snapshot);
        return snapshot;
    }

    /// <summary>
    /// An Available custom image made from a system-disk snapshot (plus data-disk snapshots), OS attributes taken from
    /// the public image the snapshotted disk came from.
    /// </summary>
    public Image AddCustomImage(string accountId, string regionId, string name, string basePublicImageId, Snapshot systemSnapshot,
        IEnumerable<Snapshot>? dataSnapshots = null, string? family = null, string? description = null, DateTimeOffset? created = null)
    {
        var mappings = new List<ImageDiskMapping>
        {
            new() { Type = DiskMappingType.System, Device = "/dev/xvda", SnapshotId = systemSnapshot.Id, SizeGiB = systemSnapshot.SourceDiskSizeGiB },
        };
        var device = 'b';
        foreach (var data in dataSnapshots ?? [])
        {
            mappings.Add(new ImageDiskMapping { Type = DiskMappingType.Data, Device = $"/dev/xvd{device++}", SnapshotId = data.Id, SizeGiB = data.SourceDiskSizeGiB });
        }

        var image = ImageFrom(basePublicImageId, regionId, ImageKind.Custom, name, description, systemSnapshot.SourceDiskSizeGiB,
            created ?? now.AddDays(-7), ImageSource.Snapshots, mappings, ownerAccountId: accountId, family: family);
        db.Images.Add(image);
        return image;
    }

    public void Share(Image image, string recipientAccountId) =>
        db.ImageShares.Add(new ImageShare { ImageId = image.Id, RegionId = image.RegionId, AccountId = recipientAccountId, SharedAt = now.AddDays(-3) });

    /// <summary>A running simple application server, launched a month ago from a public OS, with a system and optional data disk.</summary>
    public Sas.SasServer AddSasServer(string accountId, string regionId, string name, string plan, string imageName, string publicImageId,
        int systemDiskGiB, int? dataDiskGiB = null)
    {
        var b = PublicImage(publicImageId);
        var infix = Region(regionId).Infix;
        var id = _sasIds.NewSasServerId();
        var server = new Sas.SasServer
        {
            Id = id,
            RegionId = regionId,
            AccountId = accountId,
            Name = name,
            Plan = plan,
            ImageName = imageName,
            OsName = b.OsName,
            OsType = b.Os,
            Platform = b.Platform,
            Architecture = b.Arch,
            BootMode = b.Boot,
            NvmeSupport = b.Nvme,
            CreationTime = now.AddDays(-30),
            ExpiredTime = now.AddMonths(11),
            Disks = [new Sas.SasDisk { Id = _sasIds.NewDiskId(infix), ServerId = id, Type = "system", SizeGiB = systemDiskGiB }],
        };
        if (dataDiskGiB is { } data)
        {
            server.Disks.Add(new Sas.SasDisk { Id = _sasIds.NewDiskId(infix), ServerId = id, Type = "data", SizeGiB = data });
        }

        db.SasServers.Add(server);
        return server;
    }

    /// <summary>A snapshot of a simple application server's disk.</summary>
    public Sas.SasSnapshot AddSasSnapshot(Sas.SasServer server, Sas.SasDisk disk, string name, DateTimeOffset created)
    {
        var snapshot = new Sas.SasSnapshot
        {
            Id = _sasIds.NewSnapshotId(Region(server.RegionId).Infix),
            RegionId = server.RegionId,
            AccountId = server.AccountId,
            ServerId = server.Id,
            DiskId = disk.Id,
            DiskType = disk.Type,
            SizeGiB = disk.SizeGiB,
            Name = name,
            CreationTime = created,
        };
        db.SasSnapshots.Add(snapshot);
        return snapshot;
    }
}
