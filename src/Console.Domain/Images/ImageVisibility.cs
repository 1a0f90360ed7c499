using System.Linq.Expressions;

namespace EcsConsole.Domain.Images;

/// <summary>
/// Which images an actor's account can see, as query filters so lists are filtered in the query, never after it
/// (architecture.md, mechanism 3): public images, Marketplace images on sale, its own custom images, custom images shared
/// with it, and community images. Everything else does not exist for it (<c>InvalidImageId.NotFound</c>). Each category
/// is one predicate here, used by the console's tabs, by DescribeImages' owner aliases and by <see cref="VisibleTo"/>.
/// </summary>
public static class ImageVisibility
{
    /// <summary>Every image the account can see, whatever its category (a withdrawn product's images included: instances run on).</summary>
    public static IQueryable<Image> VisibleTo(this IQueryable<Image> images, ConsoleDbContext db, Actor actor)
    {
        var account = actor.AccountId;
        return images.Where(i =>
            i.Kind == ImageKind.Public
            || i.Kind == ImageKind.Marketplace
            || (account != null && i.OwnerAccountId == account)
            || i.IsPublic
            || (account != null && db.ImageShares.Any(s => s.ImageId == i.Id && s.RegionId == i.RegionId && s.AccountId == account)));
    }

    /// <summary>Alibaba Cloud's public images (<c>system</c>).</summary>
    public static Expression<Func<Image, bool>> Public() => i => i.Kind == ImageKind.Public;

    /// <summary>Marketplace images whose product is on sale: a withdrawn product is no longer offered (its instances run on).</summary>
    public static Expression<Func<Image, bool>> OnSale(ConsoleDbContext db) =>
        i => i.Kind == ImageKind.Marketplace && !db.MarketplaceProducts.Any(p => p.Code == i.ProductCode && p.WithdrawnAt != null);

    /// <summary>
    /// Images the account can launch as far as the Marketplace goes (CMP-11, IMGP-02): no product, or a product that
    /// exists, is on sale and that the account subscribed to in the image's region.
    /// </summary>
    public static Expression<Func<Image, bool>> UsableBy(ConsoleDbContext db, string? account) =>
        i => i.ProductCode == null
            || (db.MarketplaceProducts.Any(p => p.Code == i.ProductCode && p.WithdrawnAt == null)
                && db.MarketplaceSubscriptions.Any(s => s.AccountId == account && s.ProductCode == i.ProductCode && s.RegionId == i.RegionId));

    /// <summary>The images <see cref="UsableBy"/> leaves out.</summary>
    public static Expression<Func<Image, bool>> NotUsableBy(ConsoleDbContext db, string? account) =>
        i => i.ProductCode != null
            && (!db.MarketplaceProducts.Any(p => p.Code == i.ProductCode && p.WithdrawnAt == null)
                || !db.MarketplaceSubscriptions.Any(s => s.AccountId == account && s.ProductCode == i.ProductCode && s.RegionId == i.RegionId));

    /// <summary>The account's own custom images (<c>self</c>); none for an actor without an account.</summary>
    public static Expression<Func<Image, bool>> OwnedBy(string? account) =>
        i => i.Kind == ImageKind.Custom && account != null && i.OwnerAccountId == account;

    /// <summary>Another account's custom images published to everyone (community images).</summary>
    public static Expression<Func<Image, bool>> Community(string? account) =>
        i => i.Kind == ImageKind.Custom && i.IsPublic && i.OwnerAccountId != account;

    /// <summary>Another account's custom images shared with this account (<c>others</c>).</summary>
    public static Expression<Func<Image, bool>> SharedWith(ConsoleDbContext db, string? account) =>
        i => i.Kind == ImageKind.Custom && account != null && i.OwnerAccountId != account
            && db.ImageShares.Any(s => s.ImageId == i.Id && s.RegionId == i.RegionId && s.AccountId == account);

    /// <summary>Images matching any of <paramref name="predicates"/> (none: no image), as one predicate the query translates.</summary>
    public static Expression<Func<Image, bool>> AnyOf(IReadOnlyList<Expression<Func<Image, bool>>> predicates)
    {
        if (predicates.Count == 0)
        {
            return _ => false;
        }

        var parameter = predicates[0].Parameters[0];
        var body = predicates[0].Body;
        foreach (var predicate in predicates.Skip(1))
        {
            body = Expression.OrElse(body, new ParameterSwap(predicate.Parameters[0], parameter).Visit(predicate.Body));
        }

        return Expression.Lambda<Func<Image, bool>>(body, parameter);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
