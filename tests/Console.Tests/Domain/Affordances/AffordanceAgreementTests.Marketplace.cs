using EcsConsole.Domain.Marketplace;
using EcsConsole.Domain.Seeding;

namespace EcsConsole.Tests.Domain.Affordances;

/// <summary>ADR-011 for the Marketplace product page: <see cref="MarketplaceAffordances"/> and <see cref="MarketplaceService"/> agree.</summary>
public sealed partial class AffordanceAgreementTests
{
    /// <summary>Hourly; published in cn-hangzhou, ap-southeast-1 and us-west-1, not in cn-shanghai.</summary>
    private const string WordPressProduct = "cmjj00000002";

    public static TheoryData<string, string, bool, MarketplaceAction> MarketplaceCases()
    {
        var cases = new TheoryData<string, string, bool, MarketplaceAction>();
        foreach (var action in Enum.GetValues<MarketplaceAction>())
        {
            foreach (var region in new[] { Hangzhou, "cn-shanghai" })
            {
                cases.Add(DemoWorld.Alice, region, false, action);
                cases.Add(DemoWorld.Alice, region, true, action);
            }

            cases.Add(DemoWorld.Bob, Hangzhou, false, action);
        }

        return cases;
    }

    /// <summary>
    /// Subscribe is answered as the subscribe dialog starts (the page's region when the product is published there, else
    /// the first one); Launch as a subscription in the page's region, whose rules it shares.
    /// </summary>
    [Theory]
    [MemberData(nameof(MarketplaceCases))]
    public async Task Product_AffordanceAndServiceAgree(string user, string regionId, bool withdrawn, MarketplaceAction action)
    {
        var actor = await _db.ActorAsync(user);
        var marketplace = _services.Get<MarketplaceService>();
        var detail = (await marketplace.GetAsync(actor, WordPressProduct)).Value;
        if (withdrawn)
        {
            Assert.True((await marketplace.SetWithdrawnAsync(await _db.ActorAsync(DemoWorld.Root), WordPressProduct, withdrawn: true)).IsSuccess);
            detail.Product.WithdrawnAt = _db.Time.GetUtcNow(); // the page was open when the product was withdrawn
        }

        var answer = MarketplaceAffordances.Check(actor, detail, regionId, action);

        var region = action == MarketplaceAction.Subscribe && !detail.Regions.Contains(regionId) ? detail.Regions[0] : regionId;
        var plan = MarketplaceService.PlansFor(detail.Product.BillingModel)[0];
        var refused = (await marketplace.SubscribeAsync(actor, WordPressProduct, region, plan)).Error;

        Assert.Equal(answer?.Code, refused?.Code);
    }
}
