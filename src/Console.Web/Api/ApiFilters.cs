namespace EcsConsole.Web.Api;

/// <summary>The optional filters of the Describe actions that list in memory what the domain already scoped to the actor.</summary>
internal static class ApiFilters
{
    /// <summary>
    /// The items whose <paramref name="value"/> is exactly the parameter <paramref name="name"/>'s, or every item when the
    /// call does not give it (an empty value counts as absent, as in <see cref="ApiParameters.Get"/>).
    /// </summary>
    public static IEnumerable<T> WhereParameter<T>(this IEnumerable<T> items, ApiParameters p, string name, Func<T, string?> value) =>
        p.Get(name) is { } wanted ? items.Where(item => value(item) == wanted) : items;

    /// <summary>The items whose <paramref name="value"/> is the boolean parameter <paramref name="name"/>, or every item without it.</summary>
    public static IEnumerable<T> WhereBool<T>(this IEnumerable<T> items, ApiParameters p, string name, Func<T, bool> value) =>
        p.Bool(name) is { } wanted ? items.Where(item => value(item) == wanted) : items;

    /// <summary>
    /// Filters on a property the product gives every item one value of (<paramref name="answered"/>, as the answer shows
    /// it): a call asking that value keeps every item, one asking another keeps none.
    /// </summary>
    public static IEnumerable<T> WhereAnswered<T>(this IEnumerable<T> items, ApiParameters p, string name, string answered) =>
        p.Get(name) is { } wanted && wanted != answered ? [] : items;

    /// <summary>Tag filters on items that carry no tags yet: any tag asked for keeps none.</summary>
    public static IEnumerable<T> WhereUntagged<T>(this IEnumerable<T> items, ApiParameters p) =>
        p.Tags("Tag", ImageActions.MaxTagFilters).Count > 0 ? [] : items;
}
