namespace EcsConsole.Domain.Images;

/// <summary>
/// The image catalogue of one region: the five tabs with the visibility rule of each (domain-rules §1.4), search,
/// filters, order and server-side paging. Every rule is part of the SQL, so a page costs two indexed queries
/// whatever the size of the table.
/// </summary>
public sealed class ImageCatalogService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    /// <summary>
    /// A page of <paramref name="query"/>'s tab for the actor's account. Returns <c>InvalidParameter</c> for a page below
    /// 1 or a page size outside 1..100; an actor without an account has no custom, shared images of its own.
    /// </summary>
    public async Task<Result<ImagePage>> ListAsync(Actor actor, ImageListQuery query, CancellationToken ct = default)
    {
        if (Paging.Check(query.Page, query.PageSize, ImageListQuery.MaxPageSize) is { } badPage)
        {
            return badPage;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await ResourceGroupRules.FilterAsync(db, actor.AccountId, query.ResourceGroupId, ct);

        // The custom tab's total can come from what the database keeps (CustomImageCounts), before the rows: on SQLite a
        // search it counts in more of the account's images than the trigram probe hands on as keys is not probed (the
        // probe's matches, in every account and region, are at least as many; 1,001 keys read for nothing, ~1 ms).
        var kept = await CustomImageCounts.CountAsync(db, actor.AccountId, query, Narrowing(query, groups), Statuses(query), ct);
        var images = await FilterAsync(db, actor, query, probe: kept is not > ImageSearch.MaxKeys, ct);
        if (groups is not null)
        {
            var account = actor.AccountId;
            images = images.Where(i => i.OwnerAccountId == account && i.ResourceGroupId != null && groups.Contains(i.ResourceGroupId));
        }

        var total = kept ?? await images.CountAsync(ct);
        var rows = Paging.IsPastTheEnd(total, query.Page, query.PageSize) ? [] : await PageRows(db, images, query)
            .Select(i => new KeyedItem(i.Key, new ImageListItem(
                i.Id, i.RegionId, i.Name, i.Description, i.Family, i.OsName, i.Platform, i.OsType, i.Architecture, i.SizeGiB,
                i.BootMode, i.Status, i.Progress, i.CreationTime, i.OwnerAccountId, i.IsPublic, i.InUse, i.FeePerHour,
                i.ProductCode, i.SupplierName, i.EndOfLife, i.IsCopied, i.NvmeSupport, i.ImdsSupport)
            {
                ResourceGroupId = i.ResourceGroupId,
            }))
            .ToListAsync(ct);
        var items = query.Tab == ImageTab.Custom && rows.Count > 0 ? await WithTagsAsync(db, rows, ct) : [.. rows.Select(r => r.Item)];

        return new ImagePage(items, total, query.Page, query.PageSize);
    }

    /// <summary>
    /// DescribeImages (domain-rules §1.4, ecs-openapi §2.2): the images the actor sees in the region, across owner aliases
    /// (empty: <c>system</c>, <c>self</c> and <c>others</c>), with their disk mappings and tags, newest first. The
    /// visibility rule is one <see cref="ImageVisibility"/> category per alias, applied in the query. <c>others</c> are images shared
    /// with the account, or with <see cref="ImageDescribeQuery.IsPublic"/> community images. Returns <c>InvalidParameter</c>
    /// for a page below 1 or a page size outside 1..100.
    /// </summary>
    public async Task<Result<ImageDescribePage>> DescribeAsync(Actor actor, ImageDescribeQuery query, CancellationToken ct = default)
    {
        if (Paging.Check(query.Page, query.PageSize, ImageListQuery.MaxPageSize) is { } badPage)
        {
            return badPage;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runsOn = query.RunsOnInstanceType is { } typeId
            ? await db.InstanceTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == typeId, ct)
            : null;
        if (query.RunsOnInstanceType is not null && runsOn is null)
        {
            return Instances.CompatibilityErrors.InstanceTypeNotSupported(query.RunsOnInstanceType);
        }

        var account = actor.AccountId;
        var region = query.RegionId;
        var aliases = query.OwnerAliases is { Count: > 0 } ? query.OwnerAliases : [ImageOwnerAlias.System, ImageOwnerAlias.Self, ImageOwnerAlias.Others];
        bool system = aliases.Contains(ImageOwnerAlias.System), self = aliases.Contains(ImageOwnerAlias.Self),
            others = aliases.Contains(ImageOwnerAlias.Others), marketplace = aliases.Contains(ImageOwnerAlias.Marketplace);
        var community = query.IsPublic == true;
        var images = (await ImageSearch.RowsAsync(db, ImageSearchField.Name, query.NameContains, ct)).Where(i => i.RegionId == region);

        // Each alias is one category of ImageVisibility; several are their union, in one predicate the indexes serve.
        var categories = new List<System.Linq.Expressions.Expression<Func<Image, bool>>>();
        if (system)
        {
            categories.Add(ImageVisibility.Public());
        }

        if (marketplace)
        {
            categories.Add(ImageVisibility.OnSale(db));
        }

        if (self)
        {
            categories.Add(ImageVisibility.OwnedBy(account));
        }

        if (others)
        {
            categories.Add(community ? ImageVisibility.Community(account) : ImageVisibility.SharedWith(db, account));
        }

        images = images.Where(ImageVisibility.AnyOf(categories));

        if (query.ImageIds is { Count: > 0 } ids)
        {
            images = images.Where(i => ids.Contains(i.Id));
        }

        images = WithStatus(images, query.Statuses is { Count: > 0 } ? query.Statuses : [ImageStatus.Available],
            query.OsType, query.Architecture);

        if (!string.IsNullOrEmpty(query.NameContains))
        {
            images = images.WhereContainsIgnoringCase(db.Database, i => i.Name, query.NameContains);
        }

        if (!string.IsNullOrEmpty(query.Family))
        {
            images = images.Where(i => i.Family == query.Family);
        }

        if (!string.IsNullOrEmpty(query.SnapshotId))
        {
            images = await images.WhereMadeFromSnapshotAsync(db, query.SnapshotId, ct);
        }

        if (query.OsType is { } os)
        {
            images = images.Where(i => i.OsType == os);
        }

        if (query.Architecture is { } arch)
        {
            images = images.Where(i => i.Architecture == arch);
        }

        if (query.InUse is { } inUse)
        {
            images = images.Where(i => i.InUse == inUse);
        }

        if (await ResourceGroupRules.FilterAsync(db, account, query.ResourceGroupId, ct) is { } groups)
        {
            images = images.Where(i => i.OwnerAccountId == account && i.ResourceGroupId != null && groups.Contains(i.ResourceGroupId));
        }

        if (query.OwnerAccountId is { } owner)
        {
            images = images.Where(i => i.OwnerAccountId == owner);
        }

        if (query.IsSupportCloudinit is { } cloudinit)
        {
            images = images.Where(i => i.IsSupportCloudinit == cloudinit);
        }

        if (query.IsSupportIoOptimized is { } ioOptimized)
        {
            images = images.Where(i => i.IsSupportIoOptimized == ioOptimized);
        }

        if (runsOn is not null)
        {
            images = images.Where(Instances.ImageCompatibility.RunsOn(runsOn));
        }

        foreach (var (key, value) in query.Tags)
        {
            images = string.IsNullOrEmpty(value)
                ? images.Where(i => i.Tags.Any(t => t.TagKey == key))
                : images.Where(i => i.Tags.Any(t => t.TagKey == key && t.TagValue == value));
        }

        if (query.CreatedFrom is { } from)
        {
            images = images.Where(i => i.CreationTime >= from);
        }

        if (query.CreatedTo is { } to)
        {
            images = images.Where(i => i.CreationTime <= to);
        }

        if (query.ForSystemDiskReplacement)
        {
            images = images.Where(i => !i.DiskMappings.Any(m => m.Type == DiskMappingType.Data));
        }

        if (query.Usable is { } usable)
        {
            images = images.Where(usable ? ImageVisibility.UsableBy(db, account) : ImageVisibility.NotUsableBy(db, account));
        }

        var total = await images.CountAsync(ct);
        var page = Paging.IsPastTheEnd(total, query.Page, query.PageSize) ? [] : await images.OrderByDescending(i => i.CreationTime).ThenByDescending(i => i.Key)
            .Page(query.Page, query.PageSize)
            .Include(i => i.DiskMappings).Include(i => i.Tags).AsSingleQuery()
            .ToListAsync(ct);
        foreach (var image in page)
        {
            image.DiskMappings.Sort((a, b) => string.CompareOrdinal(a.Device, b.Device));
        }

        var own = page.Where(i => i.OwnerAccountId == account).Select(i => i.Id).ToList();
        var shared = own.Count == 0
            ? []
            : await db.ImageShares.AsNoTracking().Where(s => s.RegionId == region && own.Contains(s.ImageId)).Select(s => s.ImageId).Distinct().ToListAsync(ct);
        var codes = page.Where(i => i.ProductCode != null).Select(i => i.ProductCode!).Distinct().ToList();
        HashSet<string> notUsable = new(StringComparer.Ordinal), subscribed = new(StringComparer.Ordinal);
        if (codes.Count > 0)
        {
            var onSale = await db.MarketplaceProducts.AsNoTracking().Where(p => codes.Contains(p.Code) && p.WithdrawnAt == null).Select(p => p.Code).ToListAsync(ct);
            var mine = await db.MarketplaceSubscriptions.AsNoTracking().Where(s => s.AccountId == account && s.RegionId == region && codes.Contains(s.ProductCode))
                .Select(s => s.ProductCode).ToListAsync(ct);
            foreach (var image in page.Where(i => i.ProductCode != null))
            {
                if (mine.Contains(image.ProductCode!))
                {
                    subscribed.Add(image.Id);
                }

                if (!mine.Contains(image.ProductCode!) || !onSale.Contains(image.ProductCode!))
                {
                    notUsable.Add(image.Id);
                }
            }
        }

        return new ImageDescribePage(page, total, query.Page, query.PageSize, shared.ToHashSet(StringComparer.Ordinal))
        {
            NotUsable = notUsable,
            Subscribed = subscribed,
        };
    }

    /// <summary>The account's image families in the region, for the family filter.</summary>
    public async Task<IReadOnlyList<string>> ListFamiliesAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Images.AsNoTracking()
            .Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == actor.AccountId && i.RegionId == regionId && i.Family != null)
            .Select(i => i.Family!).Distinct().OrderBy(f => f).ToListAsync(ct);
    }

    /// <summary>The page's rows with their tags, read in one query for the whole page by the images' keys.</summary>
    private static async Task<List<ImageListItem>> WithTagsAsync(ConsoleDbContext db, List<KeyedItem> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => r.Key).ToList();
        var tags = await db.ImageTags.AsNoTracking().Where(t => keys.Contains(t.ImageKey))
            .Select(t => new { t.ImageKey, t.TagKey, t.TagValue })
            .ToListAsync(ct);
        var byImage = tags.GroupBy(t => t.ImageKey)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.TagKey, t.TagValue)).ToList());
        return [.. rows.Select(r => byImage.TryGetValue(r.Key, out var own) ? r.Item with { Tags = own } : r.Item)];
    }

    /// <summary>A row of the page with the image's key, by which its tags are read.</summary>
    private sealed record KeyedItem(int Key, ImageListItem Item);

    private static IReadOnlyCollection<ImageStatus> Statuses(ImageListQuery q) =>
        q.Statuses is { Count: > 0 } ? q.Statuses : ImageListQuery.DefaultStatuses(q.Tab);

    /// <summary>
    /// The images with one of <paramref name="statuses"/>. Walking the time or name index (a page, a search), SQLite tests
    /// the status on each entry, and the shorter list is cheaper there: the Custom tab's default is every status but
    /// Deprecated, and <c>"Status" &lt;&gt; 'Deprecated'</c> is one comparison where a five-value <c>IN</c> probes a list
    /// (about 1 of page 100's 2.3 ms, tested on the 9,900 entries it skips; issue #20). With an OS type or architecture
    /// filter (<paramref name="os"/>, <paramref name="architecture"/>; the query applies it) the <c>IN</c> list stays: the
    /// count index holds the status before them, so each listed status is one seek (an OS and architecture no image has:
    /// 0.6 ms; 8 ms with <c>&lt;&gt;</c>, a scan).
    /// </summary>
    private static IQueryable<Image> WithStatus(IQueryable<Image> images, IReadOnlyCollection<ImageStatus> statuses, OsType? os,
        ImageArchitecture? architecture)
    {
        var seek = os is not null || architecture is not null;
        var wanted = statuses.Distinct().ToList();
        var others = Enum.GetValues<ImageStatus>().Except(wanted).ToList();
        if (others.Count == 0)
        {
            return images;
        }

        if (seek || wanted.Count <= others.Count)
        {
            return images.Where(i => wanted.Contains(i.Status));
        }

        if (others.Count == 1)
        {
            var other = others[0];
            return images.Where(i => i.Status != other);
        }

        return images.Where(i => !others.Contains(i.Status));
    }

    /// <summary>
    /// What narrows <paramref name="q"/> beyond its tab and statuses, for <see cref="CustomImageCounts"/>, which answers some
    /// counts (the query itself the rest): every filter <see cref="FilterAsync"/> applies, and the resource groups'
    /// (<paramref name="groups"/>). A filter added there is added here, or the kept count ignores it.
    /// </summary>
    private static CatalogueNarrowing Narrowing(ImageListQuery q, IReadOnlyList<string>? groups) =>
        groups is not null || q.OsType is not null || q.Architecture is not null || !string.IsNullOrWhiteSpace(q.Family) || q.Fee is not null
            || !string.IsNullOrWhiteSpace(q.TagKey) ? CatalogueNarrowing.Other
        : !string.IsNullOrWhiteSpace(q.Search) ? CatalogueNarrowing.Search
        : CatalogueNarrowing.None;

    /// <summary>The tab's images with the query's statuses, search and filters (each one named in <see cref="Narrowing"/>);
    /// with <paramref name="probe"/>, a search the trigram index answers with few keys reads those first (<see cref="ImageSearch"/>).</summary>
    private static async Task<IQueryable<Image>> FilterAsync(ConsoleDbContext db, Actor actor, ImageListQuery q, bool probe,
        CancellationToken ct)
    {
        var account = actor.AccountId;
        var region = q.RegionId;
        var images = (probe ? await ImageSearch.RowsAsync(db, q.SearchBy, q.Search, ct) : db.Images.AsNoTracking()).Where(i => i.RegionId == region);
        images = q.Tab switch
        {
            ImageTab.Custom => images.Where(ImageVisibility.OwnedBy(account)),
            ImageTab.Public => images.Where(ImageVisibility.Public()),
            ImageTab.Marketplace => images.Where(ImageVisibility.OnSale(db)),
            ImageTab.Community => images.Where(ImageVisibility.Community(account)),
            // Driven from the account's shares (few) rather than from every custom image of the region (many).
            ImageTab.Shared => db.ImageShares.Where(s => s.AccountId == account && s.RegionId == region)
                .Join(images, s => s.ImageId, i => i.Id, (s, i) => i)
                .Where(i => i.Kind == ImageKind.Custom && account != null && i.OwnerAccountId != account),
        };

        images = WithStatus(images, Statuses(q), q.OsType, q.Architecture);

        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            images = q.SearchBy switch
            {
                // Case-insensitive; %, _ and \ in the text are literal (ImageSearch).
                ImageSearchField.Name => images.WhereContainsIgnoringCase(db.Database, i => i.Name, text),
                ImageSearchField.ImageId => images.WhereContainsIgnoringCase(db.Database, i => i.Id, text),
                ImageSearchField.SnapshotId => await images.WhereMadeFromSnapshotAsync(db, text, ct),
            };
        }

        if (q.OsType is { } os)
        {
            images = images.Where(i => i.OsType == os);
        }

        if (q.Architecture is { } arch)
        {
            images = images.Where(i => i.Architecture == arch);
        }

        if (!string.IsNullOrWhiteSpace(q.Family))
        {
            var family = q.Family.Trim();
            images = images.Where(i => i.Family == family);
        }

        // FeePerHour is stored as a REAL on SQLite (ConsoleDbContext converts decimals to double) and a numeric on
        // PostgreSQL: an equality with zero is exact on both, and no image has a negative fee.
        if (q.Fee is { } fee)
        {
            images = fee == ImageFee.Paid ? images.Where(i => i.FeePerHour != 0m) : images.Where(i => i.FeePerHour == 0m);
        }

        if (!string.IsNullOrWhiteSpace(q.TagKey))
        {
            var key = q.TagKey.Trim();
            var value = q.TagValue;
            images = value is null
                ? images.Where(i => i.Tags.Any(t => t.TagKey == key))
                : images.Where(i => i.Tags.Any(t => t.TagKey == key && t.TagValue == value));
        }

        return images;
    }

    /// <summary>
    /// The images of the query's page, in its order. On PostgreSQL the page's keys come first, from the catalogue's indexes
    /// alone, then its rows: its executor reads the row of every image an OFFSET skips when the query wants columns the
    /// index lacks (46 ms for page 1,000 of 10 at 100,000 images, 10 ms this way). SQLite reads a skipped row only for
    /// the columns it tests, which its indexes hold, so it takes the page straight.
    /// </summary>
    private static IQueryable<Image> PageRows(ConsoleDbContext db, IQueryable<Image> images, ImageListQuery query)
    {
        var ordered = Order(images, query.Sort);
        if (!db.Database.IsNpgsql())
        {
            return ordered.Page(query.Page, query.PageSize);
        }

        // Skip and Take inside the lambda, over captured values, so that the page is a parameter (a Page() call built
        // outside would put its numbers into the SQL as constants: a cached query per page number).
        var (skip, take) = ((query.Page - 1) * query.PageSize, query.PageSize);
        return Order(db.Images.AsNoTracking().Where(i => ordered.Skip(skip).Take(take).Select(o => o.Key).Contains(i.Key)), query.Sort);
    }

    private static IQueryable<Image> Order(IQueryable<Image> images, ImageSort sort) => sort switch
    {
        ImageSort.CreatedDesc => images.OrderByDescending(i => i.CreationTime).ThenByDescending(i => i.Key),
        ImageSort.CreatedAsc => images.OrderBy(i => i.CreationTime).ThenBy(i => i.Key),
        ImageSort.NameAsc => images.OrderBy(i => i.Name).ThenBy(i => i.Key),
        ImageSort.NameDesc => images.OrderByDescending(i => i.Name).ThenByDescending(i => i.Key),
    };
}
