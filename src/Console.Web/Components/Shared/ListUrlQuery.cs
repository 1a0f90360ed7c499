using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// A list page's state read from its URL query string (the images list, the audit log), so reload and a shared link show
/// the same view. Reading never fails: a value that does not parse is read as its default, and each correction is added
/// to <see cref="Notices"/> for the page to say. <see cref="ListUrlBuilder"/> writes the state back.
/// </summary>
public sealed class ListUrlQuery
{
    /// <summary>The page sizes a list page offers (the domain's largest is 100).</summary>
    public static readonly int[] PageSizes = [10, 20, 50, 100];

    private readonly Dictionary<string, StringValues> _values;
    private readonly bool _trim;
    private readonly NumberStyles _numbers;

    /// <param name="uri">The page's absolute URI.</param>
    /// <param name="trim">Whether values are read trimmed (the audit log) or as they stand (images).</param>
    /// <param name="numbers">
    /// How the page number and size are read: <see cref="NumberStyles.None"/> takes digits only (the audit log),
    /// <see cref="NumberStyles.Integer"/> also a sign and surrounding spaces (images).
    /// </param>
    public ListUrlQuery(string uri, bool trim, NumberStyles numbers)
    {
        _values = QueryHelpers.ParseQuery(new Uri(uri, UriKind.Absolute).Query);
        _trim = trim;
        _numbers = numbers;
    }

    /// <summary>What was corrected, in reading order.</summary>
    public List<string> Notices { get; } = [];

    /// <summary>The parameter's value, or null when it is absent or blank.</summary>
    public string? Get(string key) =>
        _values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? (_trim ? v.ToString().Trim() : v.ToString()) : null;

    /// <summary>
    /// The value of <typeparamref name="T"/> whose word <paramref name="matches"/> the parameter; null when the parameter
    /// is absent, or when no value matches, which is noted with <paramref name="notice"/> (given the word as written).
    /// </summary>
    public T? Choice<T>(string key, Func<T, string, bool> matches, Func<string, string> notice)
        where T : struct, Enum
    {
        if (Get(key) is not { } word)
        {
            return null;
        }

        var found = Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => matches(v!.Value, word));
        if (found is null)
        {
            Notices.Add(notice(word));
        }

        return found;
    }

    /// <summary>
    /// <c>pageSize</c>, then <c>page</c>. A size that is not a positive number is <paramref name="defaultSize"/>; one between
    /// the offered <see cref="PageSizes"/> is rounded up to the next (at most the largest, which is the domain's
    /// <paramref name="maxSize"/>). A page that is not a positive number is page 1. Each correction is noted.
    /// </summary>
    public (int Page, int PageSize) Paging(int defaultSize, int maxSize)
    {
        var pageSize = defaultSize;
        if (Get("pageSize") is { } sizeWord)
        {
            if (!int.TryParse(sizeWord, _numbers, CultureInfo.CurrentCulture, out var size) || size < 1)
            {
                Notices.Add($"Page size \"{sizeWord}\" is not valid; showing {defaultSize} per page.");
            }
            else if (!PageSizes.Contains(size))
            {
                pageSize = PageSizes.FirstOrDefault(s => s >= size, PageSizes[^1]);
                Notices.Add($"Page size {size} is not offered; showing {pageSize} per page (at most {maxSize}).");
            }
            else
            {
                pageSize = size;
            }
        }

        var page = 1;
        if (Get("page") is { } pageWord)
        {
            if (!int.TryParse(pageWord, _numbers, CultureInfo.CurrentCulture, out page) || page < 1)
            {
                Notices.Add($"Page \"{pageWord}\" does not exist; showing page 1.");
                page = 1;
            }
        }

        return (page, pageSize);
    }
}

/// <summary>A list page's relative URL with its state as query parameters, defaults and empty values left out.</summary>
public sealed class ListUrlBuilder(string path)
{
    private readonly List<KeyValuePair<string, string?>> _parameters = [];

    /// <summary>Adds the parameter unless <paramref name="value"/> is null or empty (a default the page leaves out).</summary>
    public ListUrlBuilder Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _parameters.Add(new(key, value));
        }

        return this;
    }

    /// <summary>Adds the parameter whatever its value.</summary>
    public ListUrlBuilder Always(string key, string value)
    {
        _parameters.Add(new(key, value));
        return this;
    }

    /// <summary><c>page</c> unless it is 1, <c>pageSize</c> unless it is <paramref name="defaultSize"/>.</summary>
    public ListUrlBuilder Paging(int page, int pageSize, int defaultSize) =>
        Add("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture))
            .Add("pageSize", pageSize == defaultSize ? null : pageSize.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => QueryHelpers.AddQueryString(path, _parameters);
}
