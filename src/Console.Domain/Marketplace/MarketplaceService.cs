using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Marketplace;

/// <summary>How the product list is ordered.</summary>
public enum MarketplaceSort
{
    NameAsc,
    PriceAsc,
    PriceDesc,
    Newest,
}

/// <summary>The <c>/marketplace</c> list: search, filters, order and paging, as the URL carries them.</summary>
public sealed record MarketplaceQuery
{
    public const int MaxPageSize = 60;

    /// <summary>The region the console is in: "available in this region" and the card's badge use it.</summary>
    public required string RegionId { get; init; }

    public string? Search { get; init; }

    public string? Category { get; init; }

    public string? Vendor { get; init; }

    public OsType? OsType { get; init; }

    public ImageArchitecture? Architecture { get; init; }

    public MarketplaceBillingModel? Billing { get; init; }

    public bool AvailableInRegionOnly { get; init; }

    public MarketplaceSort Sort { get; init; } = MarketplaceSort.NameAsc;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 12;
}

/// <summary>A product card: who sells it, what it runs, how it is billed, the "from" price, whether it is in the region.</summary>
public sealed record ProductCard(
    string Code,
    string Name,
    string Category,
    string Supplier,
    bool ByAlibabaCloud,
    string? Description,
    MarketplaceBillingModel BillingModel,
    decimal FromPricePerHour,
    string OsName,
    OsType OsType,
    ImageArchitecture Architecture,
    string Version,
    bool AvailableInRegion,
    int RegionCount,
    bool Withdrawn);

public sealed record ProductCardPage(IReadOnlyList<ProductCard> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>One version of a product in one region: the <c>m-</c> image that launches it.</summary>
public sealed record ProductVersion(string Version, string RegionId, string ImageId, DateTimeOffset Released);

/// <summary>The product page: the product, its versions per region, prices, regions and the account's subscriptions to it.</summary>
public sealed record ProductDetail(
    MarketplaceProduct Product,
    string OsName,
    OsType OsType,
    ImageArchitecture Architecture,
    IReadOnlyList<ProductVersion> Versions,
    IReadOnlyList<string> Regions,
    IReadOnlyList<MarketplacePrice> Prices,
    IReadOnlyList<MarketplaceSubscription> Subscriptions)
{
    /// <summary>The newest version's image in a region, or null when the product is not published there.</summary>
    public string? LatestImageIn(string regionId) =>
        Versions.Where(v => v.RegionId == regionId).OrderByDescending(v => v.Released).Select(v => v.ImageId).FirstOrDefault();

    public bool SubscribedIn(string regionId) => Subscriptions.Any(s => s.RegionId == regionId);
}

/// <summary>
/// The image Marketplace: the product catalogue (cards, product pages), subscriptions per account and region (CMP-11),
/// and the platform admin's withdrawal of a product. The buy page, the catalogue's Marketplace tab and the compatibility
/// service read the same products and images.
/// </summary>
public sealed class MarketplaceService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>The plans each billing model can be subscribed with.</summary>
    public static IReadOnlyList<MarketplacePlan> PlansFor(MarketplaceBillingModel model) => model switch
    {
        MarketplaceBillingModel.Free => [MarketplacePlan.Free],
        MarketplaceBillingModel.Byol => [MarketplacePlan.Byol],
        MarketplaceBillingModel.Hourly => [MarketplacePlan.PayAsYouGo, MarketplacePlan.Monthly, MarketplacePlan.Yearly],
        MarketplaceBillingModel.Subscription => [MarketplacePlan.Monthly, MarketplacePlan.Yearly],
    };

    /// <summary>The software fee per hour on an instance type with <paramref name="vcpu"/> vCPUs: the largest tier it reaches.</summary>
    public static decimal FeeFor(IReadOnlyCollection<MarketplacePrice> prices, int vcpu, decimal fallback) =>
        prices.Count == 0
            ? fallback
            : prices.Where(p => p.MinVcpu <= vcpu).OrderByDescending(p => p.MinVcpu).Select(p => p.FeePerHour).FirstOrDefault(
                prices.OrderBy(p => p.MinVcpu).First().FeePerHour);

    /// <summary>The vendors, for the vendor filter.</summary>
    public async Task<IReadOnlyList<string>> VendorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vendors = await db.MarketplaceProducts.AsNoTracking().Where(p => p.WithdrawnAt == null).Select(p => p.Supplier).Distinct().ToListAsync(ct);
        return [.. vendors.Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// A page of product cards. Withdrawn products are listed only for the platform admin. <c>InvalidParameter</c> for a
    /// page below 1 or a page size outside 1..<see cref="MarketplaceQuery.MaxPageSize"/>.
    /// </summary>
    public async Task<Result<ProductCardPage>> SearchAsync(Actor actor, MarketplaceQuery query, CancellationToken ct = default)
    {
        if (Paging.Check(query.Page, query.PageSize, MarketplaceQuery.MaxPageSize) is { } badPage)
        {
            return badPage;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.MarketplaceProducts.AsNoTracking().Include(p => p.Prices).ToListAsync(ct);
        // The products' own images, found by code (IX_Images_ProductCode): a product's card needs no other image.
        var codes = products.Select(p => p.Code).ToList();
        var images = await db.Images.AsNoTracking()
            .Where(i => i.Kind == ImageKind.Marketplace && i.ProductCode != null && codes.Contains(i.ProductCode))
            .Select(i => new { i.ProductCode, i.RegionId, i.OsName, i.OsType, i.Architecture, i.CreationTime })
            .ToListAsync(ct);
        var byProduct = images.GroupBy(i => i.ProductCode!).ToDictionary(g => g.Key, g => g.ToList());

        var cards = products
            .Where(p => byProduct.ContainsKey(p.Code) && (p.WithdrawnAt is null || actor.IsPlatformAdmin))
            .Select(p =>
            {
                var mine = byProduct[p.Code];
                var newest = mine.OrderByDescending(i => i.CreationTime).First();
                var from = p.Prices.Count == 0 ? p.FeePerHour : p.Prices.Min(x => x.FeePerHour);
                return new ProductCard(p.Code, p.Name, p.Category, p.Supplier, p.ByAlibabaCloud, p.Description, p.BillingModel, from,
                    newest.OsName, newest.OsType, newest.Architecture, p.Version, mine.Any(i => i.RegionId == query.RegionId),
                    mine.Select(i => i.RegionId).Distinct().Count(), p.WithdrawnAt is not null);
            });

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var words = query.Search.Trim();
            cards = cards.Where(c => c.Name.Contains(words, StringComparison.OrdinalIgnoreCase)
                || c.Supplier.Contains(words, StringComparison.OrdinalIgnoreCase)
                || c.Code.Equals(words, StringComparison.OrdinalIgnoreCase)
                || (c.Description?.Contains(words, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        if (!string.IsNullOrEmpty(query.Category))
        {
            cards = cards.Where(c => c.Category.Equals(query.Category, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrEmpty(query.Vendor))
        {
            cards = cards.Where(c => c.Supplier.Equals(query.Vendor, StringComparison.OrdinalIgnoreCase));
        }

        if (query.OsType is { } os)
        {
            cards = cards.Where(c => c.OsType == os);
        }

        if (query.Architecture is { } arch)
        {
            cards = cards.Where(c => c.Architecture == arch);
        }

        if (query.Billing is { } billing)
        {
            cards = cards.Where(c => c.BillingModel == billing);
        }

        if (query.AvailableInRegionOnly)
        {
            cards = cards.Where(c => c.AvailableInRegion);
        }

        cards = query.Sort switch
        {
            MarketplaceSort.NameAsc => cards.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase),
            MarketplaceSort.PriceAsc => cards.OrderBy(c => c.FromPricePerHour).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase),
            MarketplaceSort.PriceDesc => cards.OrderByDescending(c => c.FromPricePerHour).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase),
            MarketplaceSort.Newest => cards.OrderByDescending(c => byProduct[c.Code].Max(i => i.CreationTime)).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase),
        };

        var all = cards.ToList();
        return new ProductCardPage([.. all.Page(query.Page, query.PageSize)], all.Count, query.Page, query.PageSize);
    }

    /// <summary>A product page, with the actor's account's subscriptions to it. <see cref="MarketplaceErrors.NotFoundCode"/> when unknown (or withdrawn, except for the platform admin).</summary>
    public async Task<Result<ProductDetail>> GetAsync(Actor actor, string productCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.MarketplaceProducts.AsNoTracking().Include(p => p.Prices).FirstOrDefaultAsync(p => p.Code == productCode, ct);
        if (product is null || (product.WithdrawnAt is not null && !actor.IsPlatformAdmin))
        {
            return MarketplaceErrors.NotFound(productCode);
        }

        var images = await db.Images.AsNoTracking()
            .Where(i => i.Kind == ImageKind.Marketplace && i.ProductCode == productCode)
            .ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => r.Id).ToListAsync(ct);
        var newest = images.OrderByDescending(i => i.CreationTime).First();
        var versions = images
            .Select(i => new ProductVersion(i.ImageVersion ?? product.Version, i.RegionId, i.Id, i.CreationTime))
            .OrderByDescending(v => v.Released).ThenBy(v => regions.IndexOf(v.RegionId))
            .ToList();
        var subscriptions = actor.AccountId is null
            ? []
            : await db.MarketplaceSubscriptions.AsNoTracking()
                .Where(s => s.AccountId == actor.AccountId && s.ProductCode == productCode)
                .ToListAsync(ct);
        return new ProductDetail(product, newest.OsName, newest.OsType, newest.Architecture, versions,
            [.. regions.Where(r => images.Any(i => i.RegionId == r))], [.. product.Prices.OrderBy(p => p.MinVcpu)], subscriptions);
    }

    /// <summary>The actor's account's subscriptions, newest first, with each product's name.</summary>
    public async Task<IReadOnlyList<(MarketplaceSubscription Subscription, string ProductName)>> SubscriptionsAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.AccountId is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
            from s in db.MarketplaceSubscriptions.AsNoTracking()
            join p in db.MarketplaceProducts.AsNoTracking() on s.ProductCode equals p.Code
            where s.AccountId == actor.AccountId
            select new { s, p.Name }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.s.SubscribedAt).Select(r => (r.s, r.Name))];
    }

    /// <summary>
    /// Subscribes the actor's account to a product in a region with a plan. Codes: <c>Forbidden</c>;
    /// <see cref="MarketplaceErrors.NotFoundCode"/>; <see cref="MarketplaceErrors.RemovedCode"/>;
    /// <see cref="MarketplaceErrors.NotPublishedCode"/> (not in that region); <see cref="MarketplaceErrors.ChargeTypeCode"/>
    /// (a plan the billing model does not offer). Subscribing again replaces the plan.
    /// </summary>
    public Task<Result> SubscribeAsync(Actor actor, string productCode, string regionId, MarketplacePlan plan, CancellationToken ct = default) =>
        _write.ChangeAsync(actor, WriteRight.CanWrite, ProductTarget(AuditActions.SubscribeMarketplaceProduct, productCode, regionId), auditDenied: false, async scope =>
        {
            var db = scope.Db;
            var product = await db.MarketplaceProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Code == productCode, ct);
            EcsError? error = product is null ? MarketplaceErrors.NotFound(productCode)
                : MarketplaceRules.Withdrawn(product)
                    ?? MarketplaceRules.NotPublished(productCode, regionId,
                        await db.Images.AnyAsync(i => i.Kind == ImageKind.Marketplace && i.ProductCode == productCode && i.RegionId == regionId, ct))
                    ?? (PlansFor(product.BillingModel).Contains(plan) ? null : MarketplaceErrors.PlanNotSupported(product.BillingModel, plan));
            if (error is not null)
            {
                return error;
            }

            var existing = await FindSubscriptionAsync(db, actor, productCode, regionId, ct);
            if (existing is null)
            {
                existing = new MarketplaceSubscription { AccountId = actor.AccountId!, ProductCode = productCode, RegionId = regionId };
                db.MarketplaceSubscriptions.Add(existing);
            }

            // Subscribing again replaces the plan, in the same save as the audit entry.
            existing.Plan = plan;
            existing.SubscribedAt = scope.Now;
            existing.SubscribedBy = actor.Email;
            return null;
        }, ct);

    /// <summary>Ends the account's subscription in a region; running instances keep running. <see cref="MarketplaceErrors.NotSubscribedCode"/> when there is none.</summary>
    public Task<Result> UnsubscribeAsync(Actor actor, string productCode, string regionId, CancellationToken ct = default) =>
        _write.ChangeAsync(actor, WriteRight.CanWrite, ProductTarget(AuditActions.UnsubscribeMarketplaceProduct, productCode, regionId), auditDenied: false, async scope =>
        {
            var existing = await FindSubscriptionAsync(scope.Db, actor, productCode, regionId, ct);
            if (existing is null)
            {
                return MarketplaceErrors.NotSubscribed(productCode, regionId);
            }

            scope.Db.MarketplaceSubscriptions.Remove(existing);
            return null;
        }, ct);

    /// <summary>
    /// The platform admin withdraws a product (or puts it back on sale): new launches of its images and of images derived
    /// from it are refused with <c>ImageRemovedInMarket</c>; existing instances run on. <c>Forbidden</c> for anyone else.
    /// </summary>
    public async Task<Result> SetWithdrawnAsync(Actor actor, string productCode, bool withdrawn, CancellationToken ct = default)
    {
        // Refused unaudited: not the platform admin, an unknown product.
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.PlatformAdmin, deniedTarget: null, async scope =>
        {
            var product = await scope.Db.MarketplaceProducts.FirstOrDefaultAsync(p => p.Code == productCode, ct);
            if (product is null)
            {
                return MarketplaceErrors.NotFound(productCode);
            }

            product.WithdrawnAt = withdrawn ? product.WithdrawnAt ?? scope.Now : null;
            scope.Audit(ProductTarget(withdrawn ? AuditActions.WithdrawMarketplaceProduct : AuditActions.ReinstateMarketplaceProduct, productCode, null));
            scope.Publish(new ResourceChange(ResourceKind.MarketplaceProduct, productCode, "", null)); // every account's pages
            return true;
        }, ct, why: "Only the platform admin can withdraw a Marketplace product.");
        return outcome.ToResult();
    }

    private static AuditTarget ProductTarget(string action, string productCode, string? regionId) =>
        new(action, ResourceKind.MarketplaceProduct, productCode, regionId);

    private static Task<MarketplaceSubscription?> FindSubscriptionAsync(ConsoleDbContext db, Actor actor, string productCode, string regionId, CancellationToken ct) =>
        db.MarketplaceSubscriptions.FirstOrDefaultAsync(s => s.AccountId == actor.AccountId && s.ProductCode == productCode && s.RegionId == regionId, ct);

    /// <summary>The price tiers of a product (empty for free and BYOL products or an unknown code).</summary>
    public async Task<IReadOnlyList<MarketplacePrice>> PricesAsync(string productCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MarketplacePrices.AsNoTracking().Where(p => p.ProductCode == productCode).OrderBy(p => p.MinVcpu).ToListAsync(ct);
    }
}
