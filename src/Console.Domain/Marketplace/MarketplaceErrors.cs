namespace EcsConsole.Domain.Marketplace;

/// <summary>Marketplace errors, with ECS's codes (domain-rules §15).</summary>
public static class MarketplaceErrors
{
    public const string NotFoundCode = "InvalidMarketImage.NotFound";
    public const string RemovedCode = "ImageRemovedInMarket";
    public const string NotPublishedCode = "OperationDenied.NotPublished";
    public const string ChargeTypeCode = "InvalidMarketImageChargeType.NotSupport";
    public const string NotSubscribedCode = "ImageNotSubscribed";

    public static EcsError NotFound(string code) => new(NotFoundCode, 404, $"The Marketplace product \"{code}\" does not exist.");

    public static EcsError Removed(string code) => new(RemovedCode, 403, $"The Marketplace product {code} has been removed from the Marketplace.");

    public static EcsError NotPublished(string code, string regionId) => new(NotPublishedCode, 403, $"The Marketplace product {code} is not published in {regionId}.");

    public static EcsError PlanNotSupported(MarketplaceBillingModel model, MarketplacePlan plan) =>
        new(ChargeTypeCode, 400, $"A {model} product cannot be subscribed with the {plan} plan.");

    public static EcsError NotSubscribed(string code, string regionId) =>
        new(NotSubscribedCode, 403, $"Your account has no subscription to {code} in {regionId}.");
}
