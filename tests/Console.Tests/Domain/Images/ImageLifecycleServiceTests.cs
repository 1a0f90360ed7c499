using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Images;

/// <summary>
/// Modify, deprecate, restore and delete over the demo world: who may, every refusal with its code, that a refusal
/// changes nothing but the audit log, and that a change is audited and announced.
/// </summary>
public sealed class ImageLifecycleServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";
    private const string AcmeBase = "acme-base-v1";
    private const string SharedTools = "globex-shared-tools";
    private const string CommunityNginx = "globex-community-nginx";
    private const string PublicUbuntu = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";
    private const string MarketplaceDocker = "Docker CE on Ubuntu 22.04";
    private const string NotFound = ImageErrors.NotFoundCode;
    private const string Forbidden = CommonErrors.ForbiddenCode;

    private readonly TestDatabase _db = new();
    private readonly ChangeNotifier _changes = new();
    private readonly List<ResourceChange> _published = [];
    private ImageLifecycleService _service = null!;
    private int _nextImage;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _changes.Subscribe(_published.Add);
        _service = new ImageLifecycleService(_db.Factory, _db.Time, _changes);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    // ---- the world ----------------------------------------------------------------------------------------------

    private async Task<string> ImageIdAsync(string name, string region = Hangzhou)
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.RegionId == region && i.Name == name).Select(i => i.Id).SingleAsync();
    }

    private async Task<Image?> FindImageAsync(string id, string region = Hangzhou)
    {
        await using var db = _db.NewContext();
        return await db.Images.AsNoTracking().Include(i => i.DiskMappings).Include(i => i.Tags)
            .SingleOrDefaultAsync(i => i.RegionId == region && i.Id == id);
    }

    private async Task<List<string>> SnapshotIdsOfAsync(string imageId)
    {
        await using var db = _db.NewContext();
        return await db.ImageDiskMappings.Where(m => m.SnapshotId != null)
            .Join(db.Images.Where(i => i.Id == imageId), m => m.ImageKey, i => i.Key, (m, _) => m.SnapshotId!)
            .ToListAsync();
    }

    private async Task<string> SnapshotIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Snapshots.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    /// <summary>A custom image of <paramref name="owner"/>, made now unless told otherwise; the first snapshot is its system disk.</summary>
    private async Task<string> AddImageAsync(
        string name,
        string owner = DemoWorld.AcmeAccountId,
        string region = Hangzhou,
        string? family = null,
        ImageStatus status = ImageStatus.Available,
        ImageArchitecture architecture = ImageArchitecture.X86_64,
        BootMode bootMode = BootMode.UefiPreferred,
        IReadOnlyList<string>? snapshotIds = null,
        DateTimeOffset? created = null,
        string? copyOf = null,
        ImageSource source = ImageSource.Snapshots)
    {
        var id = $"m-bp1lifecycle{++_nextImage:D7}";
        List<ImageDiskMapping> mappings = snapshotIds is { Count: > 0 }
            ? [.. snapshotIds.Select((s, n) => new ImageDiskMapping
            {
                Type = n == 0 ? DiskMappingType.System : DiskMappingType.Data, Device = $"/dev/xvd{(char)('a' + n)}", SnapshotId = s, SizeGiB = 40,
            })]
            : [new ImageDiskMapping { Type = DiskMappingType.System, Device = "/dev/xvda", SizeGiB = 40 }];
        var image = new Image
        {
            Id = id, RegionId = region, Kind = ImageKind.Custom, OwnerAccountId = owner, Name = name, Family = family,
            OsName = "Alibaba Cloud Linux 3.2104 LTS 64 bit", OsType = OsType.Linux, Platform = "Aliyun", Architecture = architecture,
            SizeGiB = 40, BootMode = bootMode, CreationTime = created ?? _db.Time.GetUtcNow(),
            Source = copyOf is null ? source : ImageSource.Copy, IsCopied = copyOf is not null,
            SourceImageId = copyOf, SourceRegionId = copyOf is null ? null : Hangzhou,
            DiskMappings = mappings,
        };
        SetStatus(image, status);
        await using var db = _db.NewContext();
        db.Images.Add(image);
        await db.SaveChangesAsync();
        return id;
    }

    private static void SetStatus(Image image, ImageStatus status)
    {
        switch (status)
        {
            case ImageStatus.Creating:
                image.ReportProgress(40);
                break;
            case ImageStatus.Waiting:
                image.MarkWaiting();
                break;
            case ImageStatus.Available:
                image.MarkAvailable();
                break;
            case ImageStatus.UnAvailable:
                image.MarkUnavailable();
                break;
            case ImageStatus.CreateFailed:
                image.MarkFailed();
                break;
            case ImageStatus.Deprecated:
                image.Deprecate();
                break;
        }
    }

    private async Task SetStatusAsync(string imageId, ImageStatus status, string region = Hangzhou)
    {
        await using var db = _db.NewContext();
        SetStatus(await db.Images.SingleAsync(i => i.RegionId == region && i.Id == imageId), status);
        await db.SaveChangesAsync();
    }

    private async Task<string> AddInstanceAsync(string accountId, string imageId, string name)
    {
        await using var db = _db.NewContext();
        var id = $"i-bp1lifecycle{name.Replace("-", "", StringComparison.Ordinal)}";
        db.Instances.Add(new Instance
        {
            Id = id, RegionId = Hangzhou, ZoneId = "cn-hangzhou-h", AccountId = accountId, Name = name,
            InstanceTypeId = "ecs.g7.large", ImageId = imageId, CreationTime = _db.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task ShareAsync(string imageId, string accountId)
    {
        await using var db = _db.NewContext();
        db.ImageShares.Add(new ImageShare { ImageId = imageId, RegionId = Hangzhou, AccountId = accountId, SharedAt = _db.Time.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    private async Task SetQuotaAsync(string name, int limit, string region = Hangzhou)
    {
        await using var db = _db.NewContext();
        db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = region, Name = name, Limit = limit, UpdatedAt = _db.Time.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var db = _db.NewContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Everything a lifecycle change could touch, except the audit log, as one comparable text.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = _db.NewContext();
        var images = await db.Images.AsNoTracking().Where(i => i.Kind == ImageKind.Custom).OrderBy(i => i.Key)
            .Select(i => $"{i.Id}|{i.RegionId}|{i.Name}|{i.Description}|{i.Family}|{i.BootMode}|{i.Status}|{i.IsPublic}").ToListAsync();
        var mappings = await db.ImageDiskMappings.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.ImageKey}:{m.SnapshotId}").ToListAsync();
        var tags = await db.ImageTags.AsNoTracking().OrderBy(t => t.ImageKey).ThenBy(t => t.TagKey).Select(t => $"{t.ImageKey}:{t.TagKey}").ToListAsync();
        var shares = await db.ImageShares.AsNoTracking().OrderBy(s => s.Id).Select(s => $"{s.ImageId}>{s.AccountId}").ToListAsync();
        var snapshots = await db.Snapshots.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var instances = await db.Instances.AsNoTracking().OrderBy(i => i.Id).Select(i => $"{i.Id}:{i.ImageId}").ToListAsync();
        return string.Join("\n", [.. images, .. mappings, .. tags, .. shares, .. snapshots, .. instances]);
    }

    private static ModifyImageRequest Request(string field, string value) => field switch
    {
        "Name" => new ModifyImageRequest(Name: value),
        "Description" => new ModifyImageRequest(Description: value),
        "Family" => new ModifyImageRequest(Family: value),
        "BootMode" => new ModifyImageRequest(BootMode: ImageWords.ParseBootMode(value) ?? throw new ArgumentException(value)),
        _ => throw new ArgumentException(field),
    };

    // ---- who may: the same matrix for every method ----------------------------------------------------------------

    /// <summary>Case, who asks, the image (by name, in cn-hangzhou), and the access refusal (null: allowed).</summary>
    public static TheoryData<string, string, string, string?> AccessMatrix => new()
    {
        { "owner, Admin", DemoWorld.Alice, AcmeBase, null },
        { "owner's ReadOnly member", DemoWorld.Bob, AcmeBase, Forbidden },
        { "another account's private image", DemoWorld.Dave, AcmeBase, NotFound },
        { "another account's private image (Globex)", DemoWorld.Carol, AcmeBase, NotFound },
        { "share recipient, Admin", DemoWorld.Alice, SharedTools, Forbidden },
        { "share recipient, ReadOnly", DemoWorld.Bob, SharedTools, Forbidden },
        { "shared, but not with the caller", DemoWorld.Dave, SharedTools, NotFound },
        { "another account's community image", DemoWorld.Alice, CommunityNginx, Forbidden },
        { "public image", DemoWorld.Alice, PublicUbuntu, Forbidden },
        { "Marketplace image", DemoWorld.Alice, MarketplaceDocker, Forbidden },
        { "platform admin, private image", DemoWorld.Root, AcmeBase, NotFound },
        { "platform admin, shared image", DemoWorld.Root, SharedTools, NotFound },
        { "platform admin, community image", DemoWorld.Root, CommunityNginx, Forbidden },
        { "platform admin, public image", DemoWorld.Root, PublicUbuntu, Forbidden },
    };

    [Theory]
    [MemberData(nameof(AccessMatrix))]
    public async Task Modify_ByWhoAsks_IsAllowedOnlyForTheOwnersWriters(string @case, string who, string imageName, string? expectedCode)
    {
        // Arrange
        var actor = await _db.ActorAsync(who);
        var imageId = await ImageIdAsync(imageName);

        // Act
        var result = await _service.ModifyAsync(actor, Hangzhou, imageId, new ModifyImageRequest(Description: "Described by the access test"));

        // Assert
        Assert.True(expectedCode == result.Error?.Code, $"{@case}: got {result.Error?.Code ?? "success"}");
        Assert.Equal(expectedCode is null ? "Described by the access test" : null, result.IsSuccess ? result.Value.Description : null);
    }

    [Theory]
    [MemberData(nameof(AccessMatrix))]
    public async Task Deprecate_ByWhoAsks_IsAllowedOnlyForTheOwnersWriters(string @case, string who, string imageName, string? expectedCode)
    {
        // Arrange
        var actor = await _db.ActorAsync(who);
        var imageId = await ImageIdAsync(imageName);

        // Act
        var result = await _service.DeprecateAsync(actor, Hangzhou, imageId);

        // Assert
        Assert.True(expectedCode == result.Error?.Code, $"{@case}: got {result.Error?.Code ?? "success"}");
        Assert.Equal(expectedCode is null ? ImageStatus.Deprecated : ImageStatus.Available, (await FindImageAsync(imageId))!.Status);
    }

    [Theory]
    [MemberData(nameof(AccessMatrix))]
    public async Task Restore_ByWhoAsks_IsAllowedOnlyForTheOwnersWriters(string @case, string who, string imageName, string? expectedCode)
    {
        // Arrange
        var actor = await _db.ActorAsync(who);
        var imageId = await ImageIdAsync(imageName);
        await SetStatusAsync(imageId, ImageStatus.Deprecated);

        // Act
        var result = await _service.RestoreAsync(actor, Hangzhou, imageId);

        // Assert
        Assert.True(expectedCode == result.Error?.Code, $"{@case}: got {result.Error?.Code ?? "success"}");
        Assert.Equal(expectedCode is null ? ImageStatus.Available : ImageStatus.Deprecated, (await FindImageAsync(imageId))!.Status);
    }

    [Theory]
    [MemberData(nameof(AccessMatrix))]
    public async Task Delete_ByWhoAsks_IsAllowedOnlyForTheOwnersWriters(string @case, string who, string imageName, string? expectedCode)
    {
        // Arrange
        var actor = await _db.ActorAsync(who);
        var imageId = await ImageIdAsync(imageName);

        // Act
        var result = await _service.DeleteAsync(actor, Hangzhou, new DeleteImagesRequest([imageId], Force: true));

        // Assert
        Assert.True(expectedCode == result.Error?.Code, $"{@case}: got {result.Error?.Code ?? "success"}");
        Assert.Equal(expectedCode is not null, await FindImageAsync(imageId) is not null);
    }

    [Theory]
    [MemberData(nameof(AccessMatrix))]
    public async Task GetDeleteImpact_ByWhoAsks_ReportsTheAccessRefusal(string @case, string who, string imageName, string? expectedCode)
    {
        // Arrange
        var actor = await _db.ActorAsync(who);
        var imageId = await ImageIdAsync(imageName);

        // Act
        var result = await _service.GetDeleteImpactAsync(actor, Hangzhou, [imageId]);

        // Assert
        var impact = Assert.Single(result.Value);
        Assert.True(expectedCode == impact.Refusal?.Code, $"{@case}: got {impact.Refusal?.Code ?? "no refusal"}");
    }

    [Theory]
    [MemberData(nameof(AccessMatrix))]
    public async Task IsLastAvailableOfFamily_ByWhoAsks_AnswersOnlyTheOwnersWriters(string @case, string who, string imageName, string? expectedCode)
    {
        // Arrange
        var actor = await _db.ActorAsync(who);
        var imageId = await ImageIdAsync(imageName);

        // Act
        var last = await _service.IsLastAvailableOfFamilyAsync(actor, Hangzhou, imageId);

        // Assert: acme-base-v1 is alone in acme-base; for anyone who may not change an image the answer is no.
        Assert.True(last == (expectedCode is null), @case);
    }

    [Fact]
    public async Task Modify_InAnotherRegion_ReturnsNotFound()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);

        // Act
        var result = await _service.ModifyAsync(alice, Shanghai, imageId, new ModifyImageRequest(Name: "moved"));

        // Assert
        Assert.Equal(NotFound, result.Error?.Code);
    }

    [Fact]
    public async Task Modify_WhenAccessIsRefused_AuditsTheRefusalWithItsCodeAndChangesNothing()
    {
        // Arrange
        var bob = await _db.ActorAsync(DemoWorld.Bob);
        var imageId = await ImageIdAsync(AcmeBase);
        var before = await StateAsync();

        // Act
        var result = await _service.ModifyAsync(bob, Hangzhou, imageId, new ModifyImageRequest(Name: "renamed-by-bob"));

        // Assert
        Assert.Equal(Forbidden, result.Error?.Code);
        Assert.Equal(before, await StateAsync());
        var entry = Assert.Single(await AuditAsync(ImageLifecycleService.ModifyAction));
        Assert.Equal((bob.UserId, DemoWorld.AcmeAccountId, imageId, Hangzhou, Forbidden), (entry.UserId, entry.AccountId, entry.ResourceId, entry.RegionId, entry.ErrorCode));
        Assert.Empty(_published);
    }

    // ---- modify -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Modify_WithEveryField_ChangesTheImageAuditsAndNotifies()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        var request = new ModifyImageRequest("acme-web-base", "中文描述: the web base", "acme-web", BootMode.Uefi);

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, imageId, request);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        var image = (await FindImageAsync(imageId))!;
        Assert.Equal(("acme-web-base", "中文描述: the web base", "acme-web", BootMode.Uefi), (image.Name, image.Description, image.Family, image.BootMode));
        var entry = Assert.Single(await AuditAsync(ImageLifecycleService.ModifyAction));
        Assert.Equal((alice.UserId, "image", imageId, (string?)null), (entry.UserId, entry.ResourceType, entry.ResourceId, entry.ErrorCode));
        Assert.Equal(_db.Time.GetUtcNow(), entry.Time);
        Assert.Equal([new ResourceChange(ResourceKind.Image, imageId, Hangzhou, DemoWorld.AcmeAccountId)], _published);
    }

    [Fact]
    public async Task Modify_WithEmptyOrNullFields_KeepsEveryValueAndNeverRemovesTheFamily()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        var before = await StateAsync();

        // Act
        var empty = await _service.ModifyAsync(alice, Hangzhou, imageId, new ModifyImageRequest("", "", ""));
        var nulls = await _service.ModifyAsync(alice, Hangzhou, imageId, new ModifyImageRequest());

        // Assert
        Assert.True(empty.IsSuccess && nulls.IsSuccess);
        Assert.Equal(before, await StateAsync());
        Assert.Equal("acme-base", (await FindImageAsync(imageId))!.Family);
    }

    /// <summary>
    /// One world for every row: acme-base-v1 (UEFI-Preferred, run by an Initech instance), acme-base-v2, an i386
    /// image, an arm64 image, one image Creating and one Waiting — all Acme's, in cn-hangzhou.
    /// </summary>
    [Theory]
    [InlineData("VAL-NAME-02", AcmeBase, "Name", "1st-image", ImageErrors.NameMalformedCode)]
    [InlineData("VAL-NAME-03", AcmeBase, "Name", "acme base", ImageErrors.NameMalformedCode)]
    [InlineData("VAL-NAME-04", AcmeBase, "Name", "aliyun-base", ImageErrors.NameMalformedCode)]
    [InlineData("VAL-DESC-01", AcmeBase, "Description", "http://x", ImageErrors.DescriptionMalformedCode)]
    [InlineData("VAL-FAM-02", AcmeBase, "Family", "acs:base", ImageErrors.FamilyMalformedCode)]
    [InlineData("VAL-NAME-07", AcmeBase, "Name", "acme-base-v2", ImageErrors.NameDuplicatedCode)]
    [InlineData("VAL-NAME-07", AcmeBase, "Name", "ACME-BASE-V2", null)]
    [InlineData("VAL-NAME-07", AcmeBase, "Name", SharedTools, null)]
    [InlineData("VAL-NAME-07", AcmeBase, "Name", AcmeBase, null)]
    [InlineData("IMG-ST-01", "acme-building", "Description", "still building", ImageErrors.StatusIsCreatingCode)]
    [InlineData("IMG-ST-02", "acme-queued", "Name", "queued-renamed", ImageErrors.StatusIsCreatingCode)]
    [InlineData("CRT-GEN-03", "acme-i386", "BootMode", "UEFI", ImageErrors.BootModeNotSupportedCode)]
    [InlineData("CRT-GEN-03", "acme-i386", "BootMode", "UEFI-Preferred", null)]
    [InlineData("IMP-10", "acme-arm", "BootMode", "BIOS", ImageErrors.BootModeNotSupportedCode)]
    [InlineData("UI-MOD-01", AcmeBase, "BootMode", "BIOS", ImageErrors.BootModeInUseCode)]
    [InlineData("UI-MOD-01", AcmeBase, "BootMode", "UEFI-Preferred", null)]
    [InlineData("UI-MOD-01", AcmeBase, "Name", "acme-base-renamed", null)]
    [InlineData("UI-MOD-01", "acme-base-v2", "BootMode", "BIOS", null)]
    [InlineData("FAM-10", "acme-base-v2", "Family", "acme-base", null)]
    public async Task Modify_ByRule_AcceptsOrRefusesWithTheCode(string rule, string imageName, string field, string value, string? expectedCode)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var acmeBase = await ImageIdAsync(AcmeBase);
        await AddInstanceAsync(DemoWorld.InitechAccountId, acmeBase, "runs-acme-base");
        await AddImageAsync("acme-base-v2");
        await AddImageAsync("acme-i386", architecture: ImageArchitecture.I386, bootMode: BootMode.Bios);
        await AddImageAsync("acme-arm", architecture: ImageArchitecture.Arm64, bootMode: BootMode.Uefi);
        await AddImageAsync("acme-building", status: ImageStatus.Creating);
        await AddImageAsync("acme-queued", status: ImageStatus.Waiting);
        var imageId = await ImageIdAsync(imageName);
        var before = await StateAsync();

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, imageId, Request(field, value));

        // Assert
        Assert.True(expectedCode == result.Error?.Code, $"{rule}: {field} = \"{value}\" on {imageName} gave {result.Error?.Code ?? "success"}");
        var entry = Assert.Single(await AuditAsync(ImageLifecycleService.ModifyAction));
        Assert.Equal((imageId, expectedCode), (entry.ResourceId, entry.ErrorCode));
        if (expectedCode is not null)
        {
            Assert.Equal(before, await StateAsync());
            Assert.Empty(_published);
        }
    }

    [Fact]
    public async Task Modify_WhenSeveralFieldsAndOneIsRefused_ChangesNone()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        var before = await StateAsync();

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, imageId, new ModifyImageRequest("acme-renamed", "A new description", "aliyun-family"));

        // Assert
        Assert.Equal(ImageErrors.FamilyMalformedCode, result.Error?.Code);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Modify_IntoAFamilyHoldingOneHundredImages_ReturnsImageQuotaFullImageFamily()
    {
        // Arrange: acme-base-v1 and 99 more make 100, the default limit.
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        for (var n = 2; n <= 100; n++)
        {
            await AddImageAsync($"acme-base-v{n}", family: "acme-base");
        }

        var outsider = await AddImageAsync("acme-outsider");
        var before = await StateAsync();

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, outsider, new ModifyImageRequest(Family: "acme-base"));

        // Assert
        Assert.Equal((ImageErrors.FamilyFullOnModifyCode, 400), (result.Error?.Code, result.Error?.HttpStatus));
        Assert.Equal(before, await StateAsync());
        Assert.Equal(ImageErrors.FamilyFullOnModifyCode, Assert.Single(await AuditAsync(ImageLifecycleService.ModifyAction)).ErrorCode);
    }

    [Theory]
    [InlineData(1, ImageErrors.FamilyFullOnModifyCode)]
    [InlineData(2, null)]
    public async Task Modify_IntoAFamily_FollowsTheAdminsImagesPerFamilyLimit(int limit, string? expectedCode)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await SetQuotaAsync(QuotaCatalogue.ImagesPerFamily, limit);
        var second = await AddImageAsync("acme-base-v2");

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, second, new ModifyImageRequest(Family: "acme-base"));

        // Assert
        Assert.Equal(expectedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Modify_ToANewFamilyWhenTheRegionHasOneHundredFamilies_ReturnsImageFamilyQuotaFull()
    {
        // Arrange: acme-base and 99 more make 100 families, the default limit.
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        for (var n = 1; n <= 99; n++)
        {
            await AddImageAsync($"acme-app-{n}", family: $"acme-app-{n}");
        }

        var outsider = await AddImageAsync("acme-outsider");

        // Act
        var newFamily = await _service.ModifyAsync(alice, Hangzhou, outsider, new ModifyImageRequest(Family: "acme-new"));
        var existingFamily = await _service.ModifyAsync(alice, Hangzhou, outsider, new ModifyImageRequest(Family: "acme-app-1"));

        // Assert
        Assert.Equal((ImageErrors.FamiliesFullOnModifyCode, 400), (newFamily.Error?.Code, newFamily.Error?.HttpStatus));
        Assert.True(existingFamily.IsSuccess, existingFamily.Error?.ToString());
    }

    [Theory]
    [InlineData(Hangzhou, ImageErrors.FamiliesFullOnModifyCode)]
    [InlineData(Shanghai, null)]
    public async Task Modify_ToANewFamily_FollowsTheAdminsFamilyLimitForThatRegion(string quotaRegion, string? expectedCode)
    {
        // Arrange: Acme has one family (acme-base) in cn-hangzhou.
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await SetQuotaAsync(QuotaCatalogue.ImageFamiliesPerRegion, 1, quotaRegion);
        var second = await AddImageAsync("acme-tools-v1");

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, second, new ModifyImageRequest(Family: "acme-tools"));

        // Assert
        Assert.Equal(expectedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Modify_ToANewFamilyFromAFamilyItWasAloneIn_IsAllowedAtTheFamilyLimit()
    {
        // Arrange: one family allowed, one used — by acme-base-v1 alone, so renaming it leaves the count at one.
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await SetQuotaAsync(QuotaCatalogue.ImageFamiliesPerRegion, 1);
        var imageId = await ImageIdAsync(AcmeBase);

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, imageId, new ModifyImageRequest(Family: "acme-next"));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("acme-next", (await FindImageAsync(imageId))!.Family);
    }

    [Fact]
    public async Task Modify_BootModeOfAnImageOnlyItsOwnersInstanceRuns_ReturnsOperationDeinedImageUsingByInstance()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        await AddInstanceAsync(DemoWorld.AcmeAccountId, imageId, "app-1");

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, imageId, new ModifyImageRequest(BootMode: BootMode.Bios));

        // Assert
        Assert.Equal((ImageErrors.BootModeInUseCode, 403), (result.Error?.Code, result.Error?.HttpStatus));
        Assert.Equal(BootMode.UefiPreferred, (await FindImageAsync(imageId))!.BootMode);
    }

    [Fact]
    public async Task Modify_ADeprecatedImage_ChangesItsAttributes()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        await SetStatusAsync(imageId, ImageStatus.Deprecated);

        // Act
        var result = await _service.ModifyAsync(alice, Hangzhou, imageId, new ModifyImageRequest(Description: "Replaced by v2"));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(("Replaced by v2", ImageStatus.Deprecated), (result.Value.Description, result.Value.Status));
    }

    // ---- deprecate and restore ------------------------------------------------------------------------------------

    [Fact]
    public async Task Deprecate_AnAvailableImage_MarksItDeprecatedAuditsAndNotifies()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);

        // Act
        var result = await _service.DeprecateAsync(alice, Hangzhou, imageId);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(ImageStatus.Deprecated, (await FindImageAsync(imageId))!.Status);
        var entry = Assert.Single(await AuditAsync(ImageLifecycleService.ModifyAction));
        Assert.Equal((imageId, (string?)null), (entry.ResourceId, entry.ErrorCode));
        Assert.Equal([new ResourceChange(ResourceKind.Image, imageId, Hangzhou, DemoWorld.AcmeAccountId)], _published);
    }

    [Theory]
    [InlineData("FAM-07", ImageStatus.Creating, false, ImageErrors.StatusIsCreatingCode)]
    [InlineData("FAM-07", ImageStatus.Waiting, false, ImageErrors.StatusIsCreatingCode)]
    [InlineData("FAM-07", ImageStatus.Deprecated, false, ImageErrors.NotAvailableCode)]
    [InlineData("FAM-07", ImageStatus.CreateFailed, false, ImageErrors.NotAvailableCode)]
    [InlineData("FAM-07", ImageStatus.UnAvailable, false, ImageErrors.NotAvailableCode)]
    [InlineData("FAM-08", ImageStatus.Available, true, ImageErrors.UseSharedCode)]
    public async Task Deprecate_ByRule_RefusesWithTheCodeAndChangesNothing(string rule, ImageStatus status, bool shared, string expectedCode)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        await SetStatusAsync(imageId, status);
        if (shared)
        {
            await ShareAsync(imageId, DemoWorld.GlobexAccountId);
        }

        var before = await StateAsync();

        // Act
        var result = await _service.DeprecateAsync(alice, Hangzhou, imageId);

        // Assert
        Assert.True(expectedCode == result.Error?.Code, $"{rule}: {status}{(shared ? ", shared" : "")} gave {result.Error?.Code ?? "success"}");
        Assert.Equal(403, result.Error?.HttpStatus);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(expectedCode, Assert.Single(await AuditAsync(ImageLifecycleService.ModifyAction)).ErrorCode);
        Assert.Empty(_published);
    }

    [Fact]
    public async Task Deprecate_ACommunityImageNobodySharesWith_IsAllowed()
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        var imageId = await ImageIdAsync(CommunityNginx);

        // Act
        var result = await _service.DeprecateAsync(carol, Hangzhou, imageId);

        // Assert
        Assert.Equal(ImageStatus.Deprecated, result.Value.Status);
    }

    [Theory]
    [InlineData(ImageStatus.Deprecated, null)]
    [InlineData(ImageStatus.Available, ImageErrors.NotDeprecatedCode)]
    [InlineData(ImageStatus.Creating, ImageErrors.NotDeprecatedCode)]
    [InlineData(ImageStatus.Waiting, ImageErrors.NotDeprecatedCode)]
    [InlineData(ImageStatus.CreateFailed, ImageErrors.NotDeprecatedCode)]
    [InlineData(ImageStatus.UnAvailable, ImageErrors.NotDeprecatedCode)]
    public async Task Restore_ByStatus_RestoresOnlyADeprecatedImage(ImageStatus status, string? expectedCode)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        await SetStatusAsync(imageId, status);

        // Act
        var result = await _service.RestoreAsync(alice, Hangzhou, imageId);

        // Assert
        Assert.True(expectedCode == result.Error?.Code, $"FAM-07: {status} gave {result.Error?.Code ?? "success"}");
        Assert.Equal(expectedCode is null ? ImageStatus.Available : status, (await FindImageAsync(imageId))!.Status);
        Assert.Equal(expectedCode, Assert.Single(await AuditAsync(ImageLifecycleService.ModifyAction)).ErrorCode);
        Assert.Equal(expectedCode is null ? 1 : 0, _published.Count);
    }

    [Fact]
    public async Task DeprecateThenRestore_RollsTheFamilyBackToTheOlderImageAndForwardAgain()
    {
        // Arrange: acme-base-v2 is newer than acme-base-v1 (FAM-04).
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var v2 = await AddImageAsync("acme-base-v2", family: "acme-base");

        async Task<string?> ResolveAsync()
        {
            await using var db = _db.NewContext();
            var members = await db.Images.Where(i => i.OwnerAccountId == DemoWorld.AcmeAccountId && i.Family == "acme-base")
                .Select(i => new { i.Id, i.Status, i.CreationTime }).ToListAsync();
            return ImageFamilies.Resolve(members.Select(m => (m.Id, m.Status, m.CreationTime)));
        }

        // Act
        var before = await ResolveAsync();
        await _service.DeprecateAsync(alice, Hangzhou, v2);
        var rolledBack = await ResolveAsync();
        await _service.RestoreAsync(alice, Hangzhou, v2);
        var rolledForward = await ResolveAsync();

        // Assert
        Assert.Equal((v2, v1, v2), (before, rolledBack, rolledForward));
    }

    [Theory]
    [InlineData("alone in its family", null, ImageStatus.Available, true)]
    [InlineData("an older Available sibling", "acme-base", ImageStatus.Available, false)]
    [InlineData("a Deprecated sibling", "acme-base", ImageStatus.Deprecated, true)]
    [InlineData("a sibling still Creating", "acme-base", ImageStatus.Creating, true)]
    [InlineData("an Available image in another family", "acme-other", ImageStatus.Available, true)]
    public async Task IsLastAvailableOfFamily_ByTheOtherMembers_AnswersWhetherTheFamilyWouldResolveToNothing(string @case, string? siblingFamily, ImageStatus siblingStatus, bool expected)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        if (siblingFamily is not null)
        {
            await AddImageAsync("acme-sibling", family: siblingFamily, status: siblingStatus, created: _db.Time.GetUtcNow().AddDays(-30));
        }

        // Act
        var last = await _service.IsLastAvailableOfFamilyAsync(alice, Hangzhou, imageId);

        // Assert
        Assert.True(expected == last, @case);
    }

    [Theory]
    [InlineData(ImageStatus.Deprecated)]
    [InlineData(ImageStatus.Creating)]
    public async Task IsLastAvailableOfFamily_ForAnImageThatIsNotAvailable_IsFalse(ImageStatus status)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        await SetStatusAsync(imageId, status);

        // Act
        var last = await _service.IsLastAvailableOfFamilyAsync(alice, Hangzhou, imageId);

        // Assert
        Assert.False(last);
    }

    [Fact]
    public async Task IsLastAvailableOfFamily_ForAnImageWithoutAFamily_IsFalse()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await AddImageAsync("acme-loose");

        // Act
        var last = await _service.IsLastAvailableOfFamilyAsync(alice, Hangzhou, imageId);

        // Assert
        Assert.False(last);
    }

    // ---- delete -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Delete_AnUnusedImage_RemovesItWithItsMappingsAndTagsKeepsItsSnapshotsAuditsAndNotifies()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        var snapshots = await SnapshotIdsOfAsync(imageId);
        await using (var db = _db.NewContext())
        {
            var image = await db.Images.Include(i => i.Tags).SingleAsync(i => i.Id == imageId);
            image.Tags.Add(new ImageTag { TagKey = "env", TagValue = "prod" });
            await db.SaveChangesAsync();
        }

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([imageId]));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([imageId], result.Value.ImageIds);
        Assert.Empty(result.Value.SnapshotIds);
        Assert.Null(await FindImageAsync(imageId));
        await using (var db = _db.NewContext())
        {
            Assert.Equal(2, snapshots.Count);
            Assert.Equal(2, await db.Snapshots.CountAsync(s => snapshots.Contains(s.Id)));
            Assert.Equal(0, await db.ImageTags.CountAsync(t => t.TagKey == "env"));
            Assert.Equal(0, await db.ImageDiskMappings.CountAsync(m => m.SnapshotId != null && snapshots.Contains(m.SnapshotId)));
        }

        var entry = Assert.Single(await AuditAsync(ImageLifecycleService.DeleteAction));
        Assert.Equal((alice.UserId, imageId, Hangzhou, (string?)null), (entry.UserId, entry.ResourceId, entry.RegionId, entry.ErrorCode));
        Assert.Equal([new ResourceChange(ResourceKind.Image, imageId, Hangzhou, DemoWorld.AcmeAccountId)], _published);
    }

    /// <summary>
    /// Each scenario arranges one reason to refuse and names the image (and region) to delete; every row is refused
    /// with its code and leaves the database as it was, apart from the audit entry.
    /// </summary>
    [Theory]
    [InlineData("DEL-02", "run by the owner's instance", false, ImageErrors.UsingByInstanceCode)]
    [InlineData("DEL-02", "run by another account's instance", false, ImageErrors.UsingByInstanceCode)]
    [InlineData("DEL-04", "shared", false, ImageErrors.UseSharedCode)]
    [InlineData("DEL-04", "shared", true, ImageErrors.UseSharedCode)]
    [InlineData("DEL-05", "community", true, ImageErrors.IsPublicCode)]
    [InlineData("DEL-06", "copy in progress", true, ImageErrors.CopyingCode)]
    [InlineData("DEL-06", "copy queued", true, ImageErrors.CopyingCode)]
    [InlineData("DEL-06", "itself a copy in progress", true, ImageErrors.CopyingCode)]
    [InlineData("DEL-06", "being exported", true, ImageErrors.IsExportingCode)]
    [InlineData("DEL-06", "being imported", true, ImageErrors.IsImportingCode)]
    [InlineData("DEL-06", "creating", true, ImageErrors.IsCreatingCode)]
    [InlineData("DEL-06", "waiting", true, ImageErrors.IsCreatingCode)]
    public async Task Delete_ByRule_RefusesWithTheCodeAndChangesNothing(string rule, string scenario, bool force, string expectedCode)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var acmeBase = await ImageIdAsync(AcmeBase);
        var (region, target) = (Hangzhou, acmeBase);
        switch (scenario)
        {
            case "run by the owner's instance":
                await AddInstanceAsync(DemoWorld.AcmeAccountId, acmeBase, "app-1");
                break;
            case "run by another account's instance":
                await AddInstanceAsync(DemoWorld.InitechAccountId, acmeBase, "initech-app");
                break;
            case "shared":
                await ShareAsync(acmeBase, DemoWorld.GlobexAccountId);
                break;
            case "community":
                await using (var db = _db.NewContext())
                {
                    (await db.Images.SingleAsync(i => i.Id == acmeBase)).SetCommunity(true);
                    await db.SaveChangesAsync();
                }

                break;
            case "copy in progress":
                await AddImageAsync("acme-base-v1-copy", region: Shanghai, status: ImageStatus.Creating, copyOf: acmeBase);
                break;
            case "copy queued":
                await AddImageAsync("acme-base-v1-copy", region: Shanghai, status: ImageStatus.Waiting, copyOf: acmeBase);
                break;
            case "itself a copy in progress":
                (region, target) = (Shanghai, await AddImageAsync("acme-base-v1-copy", region: Shanghai, status: ImageStatus.Creating, copyOf: acmeBase));
                break;
            case "being exported":
                await using (var db = _db.NewContext())
                {
                    var now = _db.Time.GetUtcNow();
                    db.AsyncTasks.Add(new AsyncTask
                    {
                        Id = "t-bp1lifecycleexport000", RegionId = Hangzhou, AccountId = DemoWorld.AcmeAccountId, Type = AsyncTaskType.ExportImage,
                        ResourceId = acmeBase, CreatedAt = now, UpdatedAt = now, DueAt = now,
                    });
                    await db.SaveChangesAsync();
                }

                break;
            case "being imported":
                target = await AddImageAsync("acme-imported", status: ImageStatus.Creating, source: ImageSource.Import);
                break;
            case "creating":
                target = await AddImageAsync("acme-building", status: ImageStatus.Creating);
                break;
            case "waiting":
                target = await AddImageAsync("acme-queued", status: ImageStatus.Waiting);
                break;
            default:
                throw new ArgumentException(scenario);
        }

        var before = await StateAsync();

        // Act
        var result = await _service.DeleteAsync(alice, region, new DeleteImagesRequest([target], force, DeleteAssociatedSnapshots: true));

        // Assert
        Assert.True(expectedCode == result.Error?.Code, $"{rule}: {scenario} gave {result.Error?.Code ?? "success"}");
        Assert.Equal(403, result.Error?.HttpStatus);
        Assert.Equal(before, await StateAsync());
        var entry = Assert.Single(await AuditAsync(ImageLifecycleService.DeleteAction));
        Assert.Equal((target, region, expectedCode), (entry.ResourceId, entry.RegionId, entry.ErrorCode));
        Assert.Empty(_published);
    }

    [Fact]
    public async Task Delete_WithForce_DeletesAnImageInstancesRunFromAndLeavesTheInstancesRunning()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        var own = await AddInstanceAsync(DemoWorld.AcmeAccountId, imageId, "app-1");
        var other = await AddInstanceAsync(DemoWorld.InitechAccountId, imageId, "initech-app");

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([imageId], Force: true));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Null(await FindImageAsync(imageId));
        await using var db = _db.NewContext();
        var instances = await db.Instances.Where(i => i.Id == own || i.Id == other).ToListAsync();
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal((imageId, InstanceStatus.Running), (i.ImageId, i.Status)));
    }

    [Fact]
    public async Task Delete_ASourceWhoseCopyIsFinished_KeepsTheCopy()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        var copy = await AddImageAsync("acme-base-v1-copy", region: Shanghai, copyOf: imageId);

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([imageId]));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Null(await FindImageAsync(imageId));
        Assert.NotNull(await FindImageAsync(copy, Shanghai));
    }

    [Fact]
    public async Task Delete_AFinishedCopy_KeepsItsSource()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var imageId = await ImageIdAsync(AcmeBase);
        var copy = await AddImageAsync("acme-base-v1-copy", region: Shanghai, copyOf: imageId);

        // Act
        var result = await _service.DeleteAsync(alice, Shanghai, new DeleteImagesRequest([copy]));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Null(await FindImageAsync(copy, Shanghai));
        Assert.NotNull(await FindImageAsync(imageId));
    }

    [Fact]
    public async Task Delete_SeveralImagesWhenOneIsRefused_DeletesNoneAndAuditsTheRefusedOne()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var v2 = await AddImageAsync("acme-base-v2", family: "acme-base");
        await ShareAsync(v2, DemoWorld.GlobexAccountId);
        var before = await StateAsync();

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([v1, v2], Force: true, DeleteAssociatedSnapshots: true));

        // Assert
        Assert.Equal(ImageErrors.UseSharedCode, result.Error?.Code);
        Assert.Equal(before, await StateAsync());
        var entry = Assert.Single(await AuditAsync(ImageLifecycleService.DeleteAction));
        Assert.Equal((v2, ImageErrors.UseSharedCode), (entry.ResourceId, entry.ErrorCode));
        Assert.Empty(_published);
    }

    [Theory]
    [InlineData(true, ImageErrors.UseSharedCode)]
    [InlineData(false, ImageErrors.IsPublicCode)]
    public async Task Delete_WithSeveralRefusals_ReturnsTheFirstInTheOrderAsked(bool sharedFirst, string expectedCode)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var shared = await AddImageAsync("acme-shared");
        await ShareAsync(shared, DemoWorld.GlobexAccountId);
        var community = await AddImageAsync("acme-community");
        await using (var db = _db.NewContext())
        {
            (await db.Images.SingleAsync(i => i.Id == community)).SetCommunity(true);
            await db.SaveChangesAsync();
        }

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest(sharedFirst ? [shared, community] : [community, shared]));

        // Assert
        Assert.Equal(expectedCode, result.Error?.Code);
    }

    [Fact]
    public async Task Delete_WithAnImageTheCallerCannotSee_DeletesNoneAndReturnsNotFound()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var initechImage = await AddImageAsync("initech-private", owner: DemoWorld.InitechAccountId);

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([v1, initechImage]));

        // Assert
        Assert.Equal(NotFound, result.Error?.Code);
        Assert.NotNull(await FindImageAsync(v1));
        Assert.NotNull(await FindImageAsync(initechImage));
    }

    [Fact]
    public async Task Delete_WithDeleteAssociatedSnapshots_RemovesOnlyTheSnapshotsNoOtherImageUses()
    {
        // Arrange: acme-base-v2 is built on web-1's system snapshot too.
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var system = await SnapshotIdAsync("web-1-system-base");
        var data = await SnapshotIdAsync("web-1-data-base");
        await AddImageAsync("acme-base-v2", snapshotIds: [system]);

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([v1], DeleteAssociatedSnapshots: true));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([data], result.Value.SnapshotIds);
        await using (var db = _db.NewContext())
        {
            Assert.False(await db.Snapshots.AnyAsync(s => s.Id == data));
            Assert.True(await db.Snapshots.AnyAsync(s => s.Id == system));
            Assert.True(await db.Snapshots.AnyAsync(s => s.Name == "db-1-system-daily"));
        }

        var entry = Assert.Single(await AuditAsync(ImageLifecycleService.DeleteSnapshotAction));
        Assert.Equal(("snapshot", data, (string?)null), (entry.ResourceType, entry.ResourceId, entry.ErrorCode));
        Assert.Equal(
            [new ResourceChange(ResourceKind.Image, v1, Hangzhou, DemoWorld.AcmeAccountId), new ResourceChange(ResourceKind.Snapshot, data, Hangzhou, DemoWorld.AcmeAccountId)],
            _published);
    }

    [Fact]
    public async Task Delete_WithoutDeleteAssociatedSnapshots_KeepsEverySnapshot()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var snapshots = await SnapshotIdsOfAsync(v1);

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([v1]));

        // Assert
        Assert.Empty(result.Value.SnapshotIds);
        await using var db = _db.NewContext();
        Assert.Equal(2, await db.Snapshots.CountAsync(s => snapshots.Contains(s.Id)));
        Assert.Empty(await AuditAsync(ImageLifecycleService.DeleteSnapshotAction));
    }

    [Fact]
    public async Task Delete_TwoImagesSharingASnapshotTogether_RemovesTheSharedSnapshotToo()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var system = await SnapshotIdAsync("web-1-system-base");
        var data = await SnapshotIdAsync("web-1-data-base");
        var v2 = await AddImageAsync("acme-base-v2", snapshotIds: [system]);

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([v1, v2], DeleteAssociatedSnapshots: true));

        // Assert
        Assert.Equal([v1, v2], result.Value.ImageIds);
        Assert.Equal([system, data], result.Value.SnapshotIds);
        await using var db = _db.NewContext();
        Assert.False(await db.Snapshots.AnyAsync(s => s.Id == system || s.Id == data));
    }

    [Fact]
    public async Task Delete_WithDeleteAssociatedSnapshots_KeepsASnapshotADiskWasCreatedFrom()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var system = await SnapshotIdAsync("web-1-system-base");
        var data = await SnapshotIdAsync("web-1-data-base");
        await using (var db = _db.NewContext())
        {
            db.Disks.Add(new Disk
            {
                Id = "d-bp1lifecyclerestored0", RegionId = Hangzhou, ZoneId = "cn-hangzhou-h", AccountId = DemoWorld.AcmeAccountId,
                Type = "data", Category = "cloud_essd", SizeGiB = 100, Device = "/dev/xvdc", SourceSnapshotId = data,
            });
            await db.SaveChangesAsync();
        }

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([v1], DeleteAssociatedSnapshots: true));

        // Assert
        Assert.Equal([system], result.Value.SnapshotIds);
        await using var check = _db.NewContext();
        Assert.True(await check.Snapshots.AnyAsync(s => s.Id == data));
    }

    [Fact]
    public async Task Delete_WithNoImageIds_ReturnsMissingParameter()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([]));

        // Assert
        Assert.Equal(CommonErrors.MissingParameterCode, result.Error?.Code);
    }

    [Fact]
    public async Task Delete_WithTheSameIdTwice_DeletesItOnce()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);

        // Act
        var result = await _service.DeleteAsync(alice, Hangzhou, new DeleteImagesRequest([v1, v1]));

        // Assert
        Assert.Equal([v1], result.Value.ImageIds);
        Assert.Single(await AuditAsync(ImageLifecycleService.DeleteAction));
    }

    // ---- delete impact ------------------------------------------------------------------------------------------

    [Fact]
    public async Task GetDeleteImpact_ListsInstancesSharesSnapshotsAndTheRefusalWithAndWithoutForce()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var system = await SnapshotIdAsync("web-1-system-base");
        var data = await SnapshotIdAsync("web-1-data-base");
        var v2 = await AddImageAsync("acme-base-v2", snapshotIds: [system]);
        var app = await AddInstanceAsync(DemoWorld.AcmeAccountId, v1, "app-1");
        await AddInstanceAsync(DemoWorld.InitechAccountId, v1, "initech-app");
        await ShareAsync(v1, DemoWorld.GlobexAccountId);

        // Act
        var result = await _service.GetDeleteImpactAsync(alice, Hangzhou, [v1]);

        // Assert
        var impact = Assert.Single(result.Value);
        Assert.Equal((v1, AcmeBase), (impact.ImageId, impact.ImageName));
        Assert.Equal([new ImageInstanceRef(app, "app-1", InstanceStatus.Running)], impact.OwnInstances);
        Assert.Equal((1, 2, true), (impact.OtherAccountsInstances, impact.InstanceCount, impact.NeedsForce));
        Assert.Equal([DemoWorld.GlobexAccountId], impact.SharedWithAccounts);
        Assert.Equal([system, data], impact.Snapshots.Select(s => s.SnapshotId));
        Assert.Equal([v2], impact.Snapshots[0].AlsoUsedByImages);
        Assert.Equal((true, false), (impact.Snapshots[0].AlwaysKept, impact.Snapshots[1].AlwaysKept));
        Assert.Equal(ImageErrors.UsingByInstanceCode, impact.Refusal?.Code);
        Assert.Equal(ImageErrors.UseSharedCode, impact.RefusalFor(force: true)?.Code);
    }

    [Fact]
    public async Task GetDeleteImpact_ForImagesDeletedTogether_DoesNotKeepASnapshotOnlyTheyShare()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var system = await SnapshotIdAsync("web-1-system-base");
        var v2 = await AddImageAsync("acme-base-v2", snapshotIds: [system]);

        // Act
        var alone = await _service.GetDeleteImpactAsync(alice, Hangzhou, [v1]);
        var together = await _service.GetDeleteImpactAsync(alice, Hangzhou, [v1, v2]);

        // Assert
        Assert.True(alone.Value[0].Snapshots.Single(s => s.SnapshotId == system).AlwaysKept);
        Assert.All(together.Value.SelectMany(i => i.Snapshots), s => Assert.False(s.AlwaysKept));
        Assert.All(together.Value, i => Assert.Null(i.Refusal));
    }

    [Fact]
    public async Task GetDeleteImpact_ForAnImageTheCallerCannotSee_DisclosesNothingAboutIt()
    {
        // Arrange
        var dave = await _db.ActorAsync(DemoWorld.Dave);
        var v1 = await ImageIdAsync(AcmeBase);
        await AddInstanceAsync(DemoWorld.AcmeAccountId, v1, "app-1");
        await ShareAsync(v1, DemoWorld.GlobexAccountId);

        // Act
        var result = await _service.GetDeleteImpactAsync(dave, Hangzhou, [v1]);

        // Assert
        var impact = Assert.Single(result.Value);
        Assert.Equal(NotFound, impact.RefusalFor(force: true)?.Code);
        Assert.Null(impact.ImageName);
        Assert.Empty(impact.OwnInstances);
        Assert.Equal(0, impact.OtherAccountsInstances);
        Assert.Empty(impact.SharedWithAccounts);
        Assert.Empty(impact.Snapshots);
    }

    [Fact]
    public async Task GetDeleteImpact_ChangesNothingAndAuditsNothing()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var v1 = await ImageIdAsync(AcmeBase);
        var before = await StateAsync();

        // Act
        await _service.GetDeleteImpactAsync(alice, Hangzhou, [v1]);

        // Assert
        Assert.Equal(before, await StateAsync());
        Assert.Empty(await AuditAsync(ImageLifecycleService.DeleteAction));
        Assert.Empty(_published);
    }

    [Fact]
    public async Task GetDeleteImpact_WithNoImageIds_ReturnsMissingParameter()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _service.GetDeleteImpactAsync(alice, Hangzhou, []);

        // Assert
        Assert.Equal(CommonErrors.MissingParameterCode, result.Error?.Code);
    }
}
