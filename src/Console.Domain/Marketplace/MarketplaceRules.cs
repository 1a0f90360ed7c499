using EcsConsole.Domain.Permissions;

namespace EcsConsole.Domain.Marketplace;

/// <summary>
/// The rules of subscribing to and launching a Marketplace product, one function each: <see cref="MarketplaceService"/>
/// refuses with them and <see cref="MarketplaceAffordances"/> asks them for what the console shows as enabled
/// (ADR-011). Null when allowed.
/// </summary>
public static class MarketplaceRules
{
    /// <summary>A product withdrawn by the platform admin is no longer sold: no new subscription, no new launch.</summary>
    public static EcsError? Withdrawn(MarketplaceProduct product) =>
        product.WithdrawnAt is null ? null : MarketplaceErrors.Removed(product.Code);

    /// <summary>A product is subscribed to, and launched, only in a region where it is published (has an image).</summary>
    public static EcsError? NotPublished(string productCode, string regionId, bool publishedThere) =>
        publishedThere ? null : MarketplaceErrors.NotPublished(productCode, regionId);
}

/// <summary>What can be done with a product from its page.</summary>
public enum MarketplaceAction
{
    /// <summary>Open the subscribe dialog (its region is chosen there).</summary>
    Subscribe,

    /// <summary>Open the buy page with the product's newest image in the page's region.</summary>
    Launch,
}

/// <summary>
/// The affordance query for Marketplace products (ADR-011): null when the actor may do the action now, else the
/// <see cref="EcsError"/> <see cref="MarketplaceService.SubscribeAsync"/> would refuse with, from the same rules
/// (<see cref="Access.CheckCanWrite"/>, <see cref="MarketplaceRules"/>). Launching needs the product on sale and
/// published in the region, as a subscription there does; the instance service refuses a withdrawn product with the
/// same code.
/// </summary>
public static class MarketplaceAffordances
{
    public static EcsError? Check(Actor actor, ProductDetail detail, string regionId, MarketplaceAction action) =>
        Access.CheckCanWrite(actor) ?? MarketplaceRules.Withdrawn(detail.Product) ?? action switch
        {
            MarketplaceAction.Subscribe => null,
            MarketplaceAction.Launch => MarketplaceRules.NotPublished(detail.Product.Code, regionId, detail.LatestImageIn(regionId) is not null),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
}
