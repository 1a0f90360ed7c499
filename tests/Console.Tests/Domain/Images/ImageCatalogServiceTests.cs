using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Images;

/// <summary>The catalogue's tabs, search, filters, order and paging over the demo world.</summary>
public sealed class ImageCatalogServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private readonly TestDatabase _db = new();
    private ImageCatalogService _catalog = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _catalog = new ImageCatalogService(_db.Factory);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<ImagePage> ListAsync(string email, ImageListQuery query)
    {
        var result = await _catalog.ListAsync(await _db.ActorAsync(email), query);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    private static ImageListQuery Tab(ImageTab tab, string region = Hangzhou) => new() { RegionId = region, Tab = tab, PageSize = 100 };

    /// <summary>A custom image of <paramref name="account"/> in Hangzhou, with <paramref name="source"/>'s OS, architecture, size and boot mode.</summary>
    private static Image CustomLike(Image source, string id, string name, string account = DemoWorld.AcmeAccountId) => new()
    {
        Id = id, RegionId = Hangzhou, Kind = ImageKind.Custom, OwnerAccountId = account, Name = name, OsName = source.OsName,
        OsType = source.OsType, Platform = source.Platform, Architecture = source.Architecture, SizeGiB = source.SizeGiB,
        BootMode = source.BootMode, Source = ImageSource.Snapshots,
    };

    [Fact]
    public async Task List_CustomTab_ShowsOnlyTheAccountsOwnImagesInTheRegion()
    {
        // Act
        var alice = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom));
        var carol = await ListAsync(DemoWorld.Carol, Tab(ImageTab.Custom));
        var aliceShanghai = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom, "cn-shanghai"));

        // Assert
        Assert.Equal(["acme-base-v1"], alice.Items.Select(i => i.Name));
        Assert.Equal(["globex-community-nginx", "globex-shared-tools"], carol.Items.Select(i => i.Name).Order());
        Assert.Empty(aliceShanghai.Items);
    }

    [Fact]
    public async Task List_SharedTab_ShowsOtherAccountsImagesSharedWithTheAccount()
    {
        // Act
        var acme = await ListAsync(DemoWorld.Bob, Tab(ImageTab.Shared));
        var globex = await ListAsync(DemoWorld.Carol, Tab(ImageTab.Shared));
        var initech = await ListAsync(DemoWorld.Dave, Tab(ImageTab.Shared));

        // Assert
        var shared = Assert.Single(acme.Items);
        Assert.Equal(("globex-shared-tools", DemoWorld.GlobexAccountId), (shared.Name, shared.OwnerAccountId));
        Assert.Empty(globex.Items);
        Assert.Empty(initech.Items);
    }

    [Fact]
    public async Task List_CommunityTab_ShowsOtherAccountsPublishedImagesButNotTheCallersOwn()
    {
        // Act
        var acme = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Community));
        var initech = await ListAsync(DemoWorld.Dave, Tab(ImageTab.Community));

        // Assert
        Assert.Equal(["globex-community-nginx", "initech-hardened-ubuntu", "initech-tps-report-ubuntu"], acme.Items.Select(i => i.Name).Order());
        Assert.All(acme.Items, i => Assert.True(i.IsPublic));
        Assert.Equal(["globex-community-nginx"], initech.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task List_PublicTab_ShowsThePlatformImagesOfTheRegion()
    {
        // Act
        var page = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public, "eu-central-1"));

        // Assert
        Assert.True(page.Total >= 30);
        Assert.All(page.Items, i => Assert.Null(i.OwnerAccountId));
        Assert.Contains(page.Items, i => i.Id == "ubuntu_22_04_x64_20G_alibase_20240130.vhd");
    }

    [Fact]
    public async Task List_MarketplaceTab_ShowsOnlyProductsReleasedInTheRegion()
    {
        // Act
        var hangzhou = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Marketplace));
        var frankfurt = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Marketplace, "eu-central-1"));

        // Assert
        Assert.NotEmpty(hangzhou.Items);
        Assert.All(hangzhou.Items, i => Assert.NotNull(i.ProductCode));
        Assert.Contains(hangzhou.Items, i => i.ProductCode == "cmjj00000002"); // WordPress: Hangzhou, Singapore, Silicon Valley
        Assert.NotEmpty(frankfurt.Items);
        Assert.DoesNotContain(frankfurt.Items, i => i.ProductCode == "cmjj00000002");
    }

    [Fact]
    public async Task List_StatusDefaultsToAvailable_AndDeprecatedShowsOnRequest()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Images.SingleAsync(i => i.RegionId == Hangzhou && i.Id == "debian_11_x64_20G_alibase_20240130.vhd")).Deprecate();
            await db.SaveChangesAsync();
        }

        // Act
        var byDefault = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public));
        var deprecated = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { Statuses = [ImageStatus.Deprecated] });

        // Assert
        Assert.DoesNotContain(byDefault.Items, i => i.Id == "debian_11_x64_20G_alibase_20240130.vhd");
        Assert.Equal(["debian_11_x64_20G_alibase_20240130.vhd"], deprecated.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task List_CustomTabShowsImagesStillBeingCreated()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            (await db.Images.SingleAsync(i => i.Name == "acme-base-v1")).ReportProgress(45);
            await db.SaveChangesAsync();
        }

        // Act
        var page = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom));

        // Assert
        var item = Assert.Single(page.Items);
        Assert.Equal((ImageStatus.Creating, 45), (item.Status, item.Progress));
    }

    [Theory]
    [InlineData("UBUNTU", 5)]
    [InlineData("ubuntu_22", 2)]
    [InlineData("%", 0)]
    [InlineData("_", 31)]
    [InlineData("'", 0)]
    [InlineData("%_%", 0)]
    [InlineData("\"u\" OR ubuntu", 0)]
    [InlineData("UBUNTU_22", 2)]
    public async Task List_SearchByName_IsACaseInsensitiveLiteralSubstring(string search, int expected)
    {
        // Act
        var page = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { Search = search });

        // Assert
        Assert.Equal(expected, page.Total);
    }

    [Fact]
    public async Task List_SearchByName_FollowsARenameAndADeletion()
    {
        // Arrange: the name search reads an index of its own (ImageSearch: FTS5 on SQLite), kept by the database itself
        await using (var db = _db.NewContext())
        {
            await db.Images.Where(i => i.Name == "acme-base-v1").ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, "acme-golden-renamed"));
        }

        // Act
        var byNewName = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { Search = "GOLDEN" });
        var byOldName = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { Search = "base-v1" });
        await using (var db = _db.NewContext())
        {
            await db.Images.Where(i => i.Name == "acme-golden-renamed").ExecuteDeleteAsync();
        }

        var afterDeletion = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { Search = "golden" });

        // Assert
        Assert.Equal(["acme-golden-renamed"], byNewName.Items.Select(i => i.Name));
        Assert.Equal(0, byOldName.Total);
        Assert.Equal(0, afterDeletion.Total);
    }

    [Fact]
    public async Task SearchedCustomTab_ListsAndCountsExactlyTheImagesInTheAskedStatuses_HoweverManyAreAsked()
    {
        // Arrange: one searched custom image in each status (a search makes the query count them itself)
        await using (var db = _db.NewContext())
        {
            var source = await db.Images.FirstAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId);
            foreach (var status in Enum.GetValues<ImageStatus>())
            {
                db.Images.Add(CustomLike(source, $"m-bp1status{status.ToString().ToLowerInvariant(),-12}".Replace(' ', '0'), $"status-is-{status}"));
            }

            await db.SaveChangesAsync();
            foreach (var status in Enum.GetValues<ImageStatus>())
            {
                await db.Images.Where(i => i.Name == $"status-is-{status}").ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, status));
            }
        }

        // Act: every status but one (the tab's default), one, four of six, all
        ImageStatus[][] statusSets =
        [
            [.. ImageListQuery.DefaultStatuses(ImageTab.Custom)], [ImageStatus.Deprecated],
            [ImageStatus.Available, ImageStatus.Creating, ImageStatus.Waiting, ImageStatus.UnAvailable], Enum.GetValues<ImageStatus>(),
        ];
        // each with the search alone, and with an OS type filter all six pass (the status is then an IN list, for the index)
        OsType os;
        await using (var db = _db.NewContext())
        {
            os = (await db.Images.FirstAsync(i => i.Name == "status-is-Available")).OsType;
        }

        var listed = new List<(int Total, string Names)>();
        foreach (var osType in new OsType?[] { null, os })
        {
            foreach (var statuses in statusSets)
            {
                var page = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { Search = "status-is-", Statuses = statuses, OsType = osType });
                listed.Add((page.Total, string.Join(", ", page.Items.Select(i => i.Name).Order(StringComparer.Ordinal))));
            }
        }

        // Assert
        var expected = statusSets.Select(set => (set.Length, string.Join(", ", set.Select(s => $"status-is-{s}").Order(StringComparer.Ordinal))));
        Assert.Equal(expected.Concat(expected), listed);
    }

    [Fact]
    public async Task CustomTabCount_FollowsEveryChangeOfTheAccountsImages()
    {
        // Arrange: on SQLite the custom tab's total comes from counts the database keeps with triggers (CustomImageCounts);
        // an image is added, deprecated, failed, moved to another region and deleted behind the service's back.
        await using (var db = _db.NewContext())
        {
            var source = await db.Images.FirstAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId);
            for (var n = 0; n < 5; n++)
            {
                db.Images.Add(CustomLike(source, $"m-bp1countmeplease0000{n}", $"count-me-{n}"));
            }

            await db.SaveChangesAsync();
            var keys = await db.Images.Where(i => i.Name.StartsWith("count-me-")).OrderBy(i => i.Name).Select(i => i.Key).ToListAsync();
            var (first, second, third, fourth) = (new { Key = keys[0] }, new { Key = keys[1] }, new { Key = keys[2] }, new { Key = keys[3] });
            await db.Images.Where(i => i.Key == first.Key).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ImageStatus.Deprecated));
            await db.Images.Where(i => i.Key == second.Key).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ImageStatus.CreateFailed));
            await db.Images.Where(i => i.Key == third.Key).ExecuteUpdateAsync(u => u.SetProperty(i => i.RegionId, "cn-shanghai"));
            await db.Images.Where(i => i.Key == fourth.Key).ExecuteDeleteAsync();
        }

        // Act
        ImageStatus[][] statusSets = [[.. ImageListQuery.DefaultStatuses(ImageTab.Custom)], [ImageStatus.Deprecated], [ImageStatus.CreateFailed], Enum.GetValues<ImageStatus>()];
        var counted = new List<int>();
        foreach (var region in new[] { Hangzhou, "cn-shanghai" })
        {
            foreach (var statuses in statusSets)
            {
                counted.Add((await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom, region) with { Statuses = statuses })).Total);
            }
        }

        // Assert: each total is the images' own count, and so is every count the database keeps
        await using var check = _db.NewContext();
        var expected = new List<int>();
        foreach (var region in new[] { Hangzhou, "cn-shanghai" })
        {
            foreach (var statuses in statusSets)
            {
                expected.Add(await check.Images.CountAsync(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == DemoWorld.AcmeAccountId
                    && i.RegionId == region && statuses.Contains(i.Status)));
            }
        }

        Assert.Equal(expected, counted);
        Assert.Equal(0, await KeptCounts.DriftAsync(check));
    }

    [PostgresOnlyFact]
    public async Task CustomTabCount_OnPostgres_IsTheSameAfterItsRowsAreCompacted_OneRowAGroup()
    {
        // Arrange: on PostgreSQL the kept counts are +1/-1 rows (CustomImageCountDeltas), folded in the background
        await using var db = _db.NewContext();
        var source = await db.Images.FirstAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId);
        for (var n = 0; n < 4; n++)
        {
            db.Images.Add(CustomLike(source, $"m-bp1compactme00000000{n}", $"compact-me-{n}"));
        }

        await db.SaveChangesAsync();
        await db.Images.Where(i => i.Name == "compact-me-0").ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ImageStatus.Deprecated));
        await db.Images.Where(i => i.Name == "compact-me-1").ExecuteDeleteAsync();
        var before = (await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom))).Total;

        // Act
        var written = await CustomImageCountDeltas.CompactAsync(db);
        var again = await CustomImageCountDeltas.CompactAsync(db);

        // Assert: the same total, every group one row, nothing left to fold
        Assert.True(written > 0);
        Assert.Equal(0, again);
        Assert.Equal(before, (await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom))).Total);
        Assert.Equal(0, await KeptCounts.DriftAsync(db));
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM "CustomImageCountDeltas" GROUP BY "OwnerAccountId", "RegionId", "Status" HAVING count(*) > 1) AS g
            """).SingleAsync());
    }

    [Fact]
    public async Task SearchedCustomTabCount_IsTheImagesListedForTheSearch_AfterEveryChangeOfThem()
    {
        // Arrange: on SQLite a custom tab searched by name or ID is counted from a trigram index the database keeps with
        // triggers (CustomImageCounts); images in every status, with names that differ in case, hold non-ASCII letters or
        // LIKE's own characters, are added and then renamed, given another ID, another status,
        // region and account, and deleted, behind the service's back.
        await using (var db = _db.NewContext())
        {
            var source = await db.Images.FirstAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId);
            Image Custom(string id, string name, string account = DemoWorld.AcmeAccountId) => CustomLike(source, id, name, account);
            foreach (var status in Enum.GetValues<ImageStatus>())
            {
                db.Images.Add(Custom($"m-bp1findme{status.ToString().ToLowerInvariant(),-12}".Replace(' ', '0'), $"Find-Me-Web-{status}"));
            }

            db.Images.AddRange(
                Custom("m-BP1FindMeUpperCase0", "find-me-web-lower"), Custom("m-bp1findmerename00000", "find-me-renamed-away"),
                Custom("m-bp1findmepercent0000", "find_me%web"), Custom("m-bp1findmeunicode0000", "Ünïcode-FIND-me"),
                Custom("m-bp1findmeunicode0001", "ünïcode-find-me"), Custom("m-bp1findmeoldid000000", "find-me-new-id"),
                Custom("m-bp1findmeshanghai000", "find-me-moved"), Custom("m-bp1findmeglobex00000", "find-me-given-away"),
                Custom("m-bp1findmedeleted0000", "find-me-deleted"), Custom("m-bp1findmeglobexown00", "find-me-of-globex", DemoWorld.GlobexAccountId));
            await db.SaveChangesAsync();
            foreach (var status in Enum.GetValues<ImageStatus>())
            {
                await db.Images.Where(i => i.Name == $"Find-Me-Web-{status}").ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, status));
            }

            await db.Images.Where(i => i.Name == "find-me-renamed-away").ExecuteUpdateAsync(u => u.SetProperty(i => i.Name, "renamed-away"));
            await db.Images.Where(i => i.Name == "find-me-new-id").ExecuteUpdateAsync(u => u.SetProperty(i => i.Id, "m-bp1findmegivenid0000"));
            await db.Images.Where(i => i.Name == "find-me-web-lower").ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ImageStatus.Deprecated));
            await db.Images.Where(i => i.Name == "find-me-moved").ExecuteUpdateAsync(u => u.SetProperty(i => i.RegionId, "cn-shanghai"));
            await db.Images.Where(i => i.Name == "find-me-given-away").ExecuteUpdateAsync(u => u.SetProperty(i => i.OwnerAccountId, DemoWorld.GlobexAccountId));
            await db.Images.Where(i => i.Name == "find-me-deleted").ExecuteDeleteAsync();
        }

        // Act: texts by name and by ID, for both accounts, in both regions, with the tab's default and other statuses
        (ImageSearchField By, string Text)[] searches =
        [
            (ImageSearchField.Name, "find-me"), (ImageSearchField.Name, "FIND-ME-WEB"), (ImageSearchField.Name, "me%w"),
            (ImageSearchField.Name, "_me"), (ImageSearchField.Name, "ünï"), (ImageSearchField.Name, "ÜNÏ"), (ImageSearchField.Name, "renamed"),
            (ImageSearchField.Name, "nothing-holds-this"), (ImageSearchField.ImageId, "bp1findme"), (ImageSearchField.ImageId, "BP1FINDMEUPPER"),
            (ImageSearchField.ImageId, "givenid"), (ImageSearchField.ImageId, "oldid"),
        ];
        ImageStatus[][] statusSets =
        [
            [.. ImageListQuery.DefaultStatuses(ImageTab.Custom)], [ImageStatus.Deprecated], [ImageStatus.Creating, ImageStatus.Available, ImageStatus.Deprecated],
            Enum.GetValues<ImageStatus>(),
        ];
        var counted = new List<string>();
        var listed = new List<string>();
        var expected = new List<string>();
        await using var check = _db.NewContext();
        foreach (var (user, region) in new[] { (DemoWorld.Alice, Hangzhou), (DemoWorld.Alice, "cn-shanghai"), (DemoWorld.Carol, Hangzhou) })
        {
            foreach (var (by, text) in searches)
            {
                foreach (var statuses in statusSets)
                {
                    var query = Tab(ImageTab.Custom, region) with { SearchBy = by, Search = text, Statuses = statuses };
                    var first = await ListAsync(user, query);
                    var names = first.Items.Select(i => i.Name).ToList();
                    for (var page = 2; (page - 1) * query.PageSize < first.Total; page++)
                    {
                        names.AddRange((await ListAsync(user, query with { Page = page })).Items.Select(i => i.Name));
                    }

                    // the images themselves, with the LIKE (ILIKE) the catalogue's page query applies
                    var account = (await _db.ActorAsync(user)).AccountId;
                    var images = check.Images.Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == account && i.RegionId == region
                        && statuses.Contains(i.Status));
                    var matching = await (by == ImageSearchField.Name
                        ? images.WhereContainsIgnoringCase(check.Database, i => i.Name, text)
                        : images.WhereContainsIgnoringCase(check.Database, i => i.Id, text)).CountAsync();

                    var label = $"{user} {region} {by} '{text}' [{string.Join(",", statuses)}]: ";
                    counted.Add(label + first.Total);
                    listed.Add(label + names.Count);
                    expected.Add(label + matching);
                }
            }
        }

        // Assert: every total is the number of images whose name or ID holds the text, as is what the pages list
        Assert.Equal(expected, counted);
        Assert.Equal(expected, listed);
        Assert.Contains($"{DemoWorld.Alice} {Hangzhou} Name 'FIND-ME-WEB' [{string.Join(",", Enum.GetValues<ImageStatus>())}]: 7", counted);
        Assert.Contains($"{DemoWorld.Alice} {Hangzhou} Name 'find-me' [{string.Join(",", ImageListQuery.DefaultStatuses(ImageTab.Custom))}]: 8", counted);
        Assert.Contains($"{DemoWorld.Carol} {Hangzhou} Name 'find-me' [{string.Join(",", Enum.GetValues<ImageStatus>())}]: 2", counted);
        Assert.Contains($"{DemoWorld.Alice} cn-shanghai ImageId 'bp1findme' [{string.Join(",", Enum.GetValues<ImageStatus>())}]: 1", counted);
        Assert.Contains($"{DemoWorld.Alice} {Hangzhou} ImageId 'givenid' [{string.Join(",", Enum.GetValues<ImageStatus>())}]: 1", counted);
        Assert.Contains($"{DemoWorld.Alice} {Hangzhou} ImageId 'oldid' [{string.Join(",", Enum.GetValues<ImageStatus>())}]: 0", counted);
        Assert.Contains($"{DemoWorld.Alice} {Hangzhou} Name 'renamed' [{string.Join(",", Enum.GetValues<ImageStatus>())}]: 1", counted);
    }

    [Fact]
    public async Task CustomTabTotal_IsTheNumberOfImagesListed_UnderEachFilter()
    {
        // Arrange: on SQLite a custom tab without filters is counted from what the database keeps (CustomImageCounts);
        // every filter must make the query count. One image differs from the account's others in each filtered property.
        var group = EcsConsole.Domain.ResourceGroups.ResourceGroupRules.IdFor(DemoWorld.AcmeAccountId, "test");
        await using (var db = _db.NewContext())
        {
            var source = await db.Images.FirstAsync(i => i.OwnerAccountId == DemoWorld.AcmeAccountId && i.Kind == ImageKind.Custom);
            db.Images.Add(new Image
            {
                Id = "m-bp1filteredoneoff000", RegionId = Hangzhou, Kind = ImageKind.Custom, OwnerAccountId = DemoWorld.AcmeAccountId,
                Name = "filtered-one-off", OsName = "Windows Server 2022", OsType = OsType.Windows, Platform = "Windows Server 2022",
                Architecture = ImageArchitecture.Arm64, SizeGiB = source.SizeGiB, BootMode = source.BootMode, Source = ImageSource.Snapshots,
                Family = "one-off-family", FeePerHour = 0.25m, ResourceGroupId = group, Tags = [new ImageTag { TagKey = "one-off", TagValue = "yes" }],
            });
            await db.SaveChangesAsync();
        }

        ImageListQuery[] filtered =
        [
            Tab(ImageTab.Custom) with { OsType = OsType.Windows }, Tab(ImageTab.Custom) with { Architecture = ImageArchitecture.Arm64 },
            Tab(ImageTab.Custom) with { Family = "one-off-family" }, Tab(ImageTab.Custom) with { Fee = ImageFee.Paid },
            Tab(ImageTab.Custom) with { TagKey = "one-off" }, Tab(ImageTab.Custom) with { ResourceGroupId = group },
            Tab(ImageTab.Custom) with { Search = "one-off", OsType = OsType.Linux },
        ];

        // Act
        var all = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom));
        var pages = new List<ImagePage>();
        foreach (var query in filtered)
        {
            pages.Add(await ListAsync(DemoWorld.Alice, query));
        }

        // Assert: each total is its page's rows (all fit on one), fewer than the unfiltered tab's
        Assert.All(pages, page => Assert.Equal(page.Items.Count, page.Total));
        Assert.All(pages, page => Assert.True(page.Total < all.Total, $"{page.Total} of {all.Total}"));
        Assert.All(pages.Take(6), page => Assert.Contains("filtered-one-off", page.Items.Select(i => i.Name)));
    }

    [Fact]
    public async Task List_APagePastTheLastRow_IsEmpty_WithTheTotal()
    {
        // Act
        var page = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { Page = 50, PageSize = 10 });

        // Assert
        Assert.Empty(page.Items);
        Assert.True(page.Total > 0);
    }

    [Fact]
    public async Task List_SearchBySnapshotId_FindsTheImagesMadeFromIt()
    {
        // Arrange
        string snapshotId;
        await using (var db = _db.NewContext())
        {
            snapshotId = await db.Snapshots.Where(s => s.Name == "web-1-data-base").Select(s => s.Id).SingleAsync();
        }

        // Act
        var page = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { SearchBy = ImageSearchField.SnapshotId, Search = snapshotId });

        // Assert
        Assert.Equal(["acme-base-v1"], page.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task List_SearchByImageId_MatchesPartOfTheId()
    {
        // Act
        var page = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { SearchBy = ImageSearchField.ImageId, Search = "arm64" });

        // Assert
        Assert.True(page.Total >= 3);
        Assert.All(page.Items, i => Assert.Contains("arm64", i.Id));
    }

    [Fact]
    public async Task List_FiltersByOsTypeArchitectureAndFamily()
    {
        // Act
        var windows = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { OsType = OsType.Windows });
        var arm = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { Architecture = ImageArchitecture.Arm64 });
        var family = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { Family = "acme-base" });
        var noFamily = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { Family = "acme" });

        // Assert
        Assert.All(windows.Items, i => Assert.Equal(OsType.Windows, i.OsType));
        Assert.Equal(5, windows.Total);
        Assert.All(arm.Items, i => Assert.Equal(ImageArchitecture.Arm64, i.Architecture));
        Assert.Equal(["acme-base-v1"], family.Items.Select(i => i.Name));
        Assert.Empty(noFamily.Items);
    }

    [Fact]
    public async Task List_FiltersByTag()
    {
        // Arrange
        await using (var db = _db.NewContext())
        {
            var image = await db.Images.SingleAsync(i => i.Name == "acme-base-v1");
            db.ImageTags.Add(new ImageTag { TagKey = "env", TagValue = "prod" });
            db.Entry(db.ImageTags.Local.Single()).Property("ImageKey").CurrentValue = image.Key;
            await db.SaveChangesAsync();
        }

        // Act
        var byKey = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { TagKey = "env" });
        var byValue = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Custom) with { TagKey = "env", TagValue = "test" });

        // Assert: the row found carries its tags
        var row = Assert.Single(byKey.Items);
        Assert.Equal([KeyValuePair.Create("env", "prod")], row.Tags);
        Assert.Empty(byValue.Items);
    }

    [Fact]
    public async Task List_SortsByCreationTimeOrName()
    {
        // Act
        var newest = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public));
        var oldest = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { Sort = ImageSort.CreatedAsc });
        var byName = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { Sort = ImageSort.NameAsc });

        // Assert
        Assert.Equal(newest.Items.Select(i => i.CreationTime).OrderDescending(), newest.Items.Select(i => i.CreationTime));
        Assert.Equal("centos_6_10_32_20G_alibase_20200319.vhd", oldest.Items[0].Id);
        Assert.Equal(byName.Items.Select(i => i.Name).Order(StringComparer.Ordinal), byName.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task List_PagesWithoutOverlap_AndReportsTheTotal()
    {
        // Act
        var first = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { PageSize = 10, Page = 1 });
        var second = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { PageSize = 10, Page = 2 });
        var last = await ListAsync(DemoWorld.Alice, Tab(ImageTab.Public) with { PageSize = 10, Page = 4 });

        // Assert
        Assert.Equal(10, first.Items.Count);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.Equal(first.Total - 30, last.Items.Count);
        Assert.Equal(4, first.PageCount);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(1, 101)]
    public async Task List_WithAPageOrSizeOutOfRange_ReturnsInvalidParameter(int page, int pageSize)
    {
        // Act
        var result = await _catalog.ListAsync(await _db.ActorAsync(DemoWorld.Alice), Tab(ImageTab.Public) with { Page = page, PageSize = pageSize });

        // Assert
        Assert.Equal(CommonErrors.InvalidParameterCode, result.Error?.Code);
    }

    [Fact]
    public async Task List_ForThePlatformAdmin_HasNoCustomOrSharedImages()
    {
        // Act
        var custom = await ListAsync(DemoWorld.Root, Tab(ImageTab.Custom));
        var shared = await ListAsync(DemoWorld.Root, Tab(ImageTab.Shared));

        // Assert
        Assert.Empty(custom.Items);
        Assert.Empty(shared.Items);
    }
}
