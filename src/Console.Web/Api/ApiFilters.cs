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
}
