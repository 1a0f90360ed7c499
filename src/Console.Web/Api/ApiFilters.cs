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

    /// <summary>
    /// <c>Filter.N</c> of DescribeImages and DescribeInstances: <c>CreationStartTime</c> and <c>CreationEndTime</c>
    /// (<c>yyyy-MM-ddTHH:mmZ</c>). Another key goes to <paramref name="otherKey"/>, which reads it and answers false for
    /// one it does not know either (<c>InvalidFilterKey.NotFound</c> / 404, <paramref name="keys"/> naming the known ones).
    /// </summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) CreationWindow(ApiParameters p, string keys, Func<string?, string?, bool>? otherKey = null)
    {
        DateTimeOffset? from = null, to = null;
        foreach (var filter in p.Objects("Filter"))
        {
            var (key, value) = (filter.GetValueOrDefault("Key"), filter.GetValueOrDefault("Value"));
            switch (key)
            {
                case "CreationStartTime":
                    from = p.Time("Filter.N.Value", value);
                    break;
                case "CreationEndTime":
                    to = p.Time("Filter.N.Value", value);
                    break;
                default:
                    if (otherKey?.Invoke(key, value) != true)
                    {
                        p.Fail(ApiErrors.Invalid("InvalidFilterKey.NotFound", 404, $"The filter key must be {keys}."));
                    }

                    break;
            }
        }

        return (from, to);
    }

    /// <summary>
    /// <c>Tag.N</c> filters (at most <see cref="ImageActions.MaxTagFilters"/>): the items carrying every tag asked for, a
    /// filter without a value matching the key with any value.
    /// </summary>
    public static IEnumerable<T> WhereTagged<T>(this IEnumerable<T> items, ApiParameters p, Func<T, IEnumerable<(string Key, string Value)>> tags)
    {
        var wanted = p.Tags("Tag", ImageActions.MaxTagFilters);
        return wanted.Count == 0
            ? items
            : items.Where(item => wanted.All(w => tags(item).Any(t => t.Key == w.Key && (w.Value.Length == 0 || t.Value == w.Value))));
    }

    /// <summary>Tag filters on items that carry no tags yet: any tag asked for keeps none.</summary>
    public static IEnumerable<T> WhereUntagged<T>(this IEnumerable<T> items, ApiParameters p) =>
        p.Tags("Tag", ImageActions.MaxTagFilters).Count > 0 ? [] : items;
}
