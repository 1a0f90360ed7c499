using EcsConsole.Domain.Images;
using Microsoft.AspNetCore.WebUtilities;

namespace EcsConsole.Web.Components.Pages.Images;

/// <summary>
/// The images page's whole state as URL query parameters, so reload, back/forward and a shared link show the same
/// view. Parsing never fails: nonsense (<c>page=-1</c>, <c>pageSize=1000</c>, an unknown tab) is normalised, and each
/// correction is reported in <see cref="Notices"/> for the page to say.
/// </summary>
public sealed record ImageListUrl
{
    public static readonly int[] PageSizes = [10, 20, 50, 100];

    public ImageTab Tab { get; init; } = ImageTab.Custom;

    public ImageSearchField SearchBy { get; init; } = ImageSearchField.Name;

    public string? Search { get; init; }

    /// <summary>Null: the tab's default statuses.</summary>
    public IReadOnlyList<ImageStatus>? Statuses { get; init; }

    public OsType? OsType { get; init; }

    public ImageArchitecture? Architecture { get; init; }

    public string? Family { get; init; }

    /// <summary><c>key</c> or <c>key=value</c>.</summary>
    public string? Tag { get; init; }

    public ImageSort Sort { get; init; } = ImageSort.CreatedDesc;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    public IReadOnlyList<string> Notices { get; init; } = [];

    public bool HasFilters => !string.IsNullOrEmpty(Search) || Statuses is not null || OsType is not null || Architecture is not null
        || !string.IsNullOrEmpty(Family) || !string.IsNullOrEmpty(Tag);

    public static string TabWord(ImageTab tab) => tab switch
    {
        ImageTab.Custom => "custom",
        ImageTab.Public => "public",
        ImageTab.Shared => "shared",
        ImageTab.Community => "community",
        ImageTab.Marketplace => "marketplace",
    };

    public static string SortWord(ImageSort sort) => sort switch
    {
        ImageSort.CreatedDesc => "created-desc",
        ImageSort.CreatedAsc => "created-asc",
        ImageSort.NameAsc => "name-asc",
        ImageSort.NameDesc => "name-desc",
    };

    public static string SearchByWord(ImageSearchField field) => field switch
    {
        ImageSearchField.Name => "name",
        ImageSearchField.ImageId => "imageId",
        ImageSearchField.SnapshotId => "snapshotId",
    };

    /// <summary>Reads the state from a URI's query string.</summary>
    public static ImageListUrl Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri, UriKind.Absolute).Query);
        string? Get(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
        var notices = new List<string>();
        var state = new ImageListUrl();

        if (Get("tab") is { } tabWord)
        {
            var tab = Enum.GetValues<ImageTab>().Cast<ImageTab?>().FirstOrDefault(t => TabWord(t!.Value) == tabWord.ToLowerInvariant());
            if (tab is null)
            {
                notices.Add($"There is no \"{tabWord}\" tab; showing Custom Images.");
            }
            else
            {
                state = state with { Tab = tab.Value };
            }
        }

        if (Get("searchBy") is { } byWord)
        {
            var by = Enum.GetValues<ImageSearchField>().Cast<ImageSearchField?>().FirstOrDefault(f => string.Equals(SearchByWord(f!.Value), byWord, StringComparison.OrdinalIgnoreCase));
            if (by is null)
            {
                notices.Add($"Cannot search by \"{byWord}\"; searching by image name.");
            }
            else
            {
                state = state with { SearchBy = by.Value };
            }
        }

        state = state with { Search = Get("q") };

        if (Get("status") is { } statusWords)
        {
            var statuses = new List<ImageStatus>();
            foreach (var word in statusWords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (string.Equals(word, "all", StringComparison.OrdinalIgnoreCase))
                {
                    statuses.AddRange(Enum.GetValues<ImageStatus>());
                }
                else if (Enum.TryParse<ImageStatus>(word, ignoreCase: true, out var status) && Enum.IsDefined(status))
                {
                    statuses.Add(status);
                }
                else
                {
                    notices.Add($"Unknown status \"{word}\" ignored.");
                }
            }

            state = state with { Statuses = statuses.Count == 0 ? null : statuses.Distinct().Order().ToList() };
        }

        if (Get("os") is { } osWord)
        {
            var os = ImageWords.ParseOsType(osWord.ToLowerInvariant());
            notices.AddRange(os is null ? [$"Unknown OS type \"{osWord}\" ignored."] : []);
            state = state with { OsType = os };
        }

        if (Get("arch") is { } archWord)
        {
            var arch = ImageWords.ParseArchitecture(archWord.ToLowerInvariant());
            notices.AddRange(arch is null ? [$"Unknown architecture \"{archWord}\" ignored."] : []);
            state = state with { Architecture = arch };
        }

        state = state with { Family = Get("family"), Tag = Get("tag") };

        if (Get("sort") is { } sortWord)
        {
            var sort = Enum.GetValues<ImageSort>().Cast<ImageSort?>().FirstOrDefault(s => SortWord(s!.Value) == sortWord.ToLowerInvariant());
            if (sort is null)
            {
                notices.Add($"Unknown sort \"{sortWord}\"; newest first.");
            }
            else
            {
                state = state with { Sort = sort.Value };
            }
        }

        if (Get("pageSize") is { } sizeWord)
        {
            if (!int.TryParse(sizeWord, out var size) || size < 1)
            {
                notices.Add($"Page size \"{sizeWord}\" is not valid; showing 10 per page.");
            }
            else if (!PageSizes.Contains(size))
            {
                var allowed = PageSizes.FirstOrDefault(s => s >= size, PageSizes[^1]);
                notices.Add($"Page size {size} is not offered; showing {allowed} per page (at most {ImageListQuery.MaxPageSize}).");
                state = state with { PageSize = allowed };
            }
            else
            {
                state = state with { PageSize = size };
            }
        }

        if (Get("page") is { } pageWord)
        {
            if (!int.TryParse(pageWord, out var page) || page < 1)
            {
                notices.Add($"Page \"{pageWord}\" does not exist; showing page 1.");
            }
            else
            {
                state = state with { Page = page };
            }
        }

        return state with { Notices = notices };
    }

    /// <summary>The domain query for this state in <paramref name="regionId"/>.</summary>
    public ImageListQuery ToQuery(string regionId)
    {
        string? tagKey = null, tagValue = null;
        if (!string.IsNullOrWhiteSpace(Tag))
        {
            var eq = Tag.IndexOf('=', StringComparison.Ordinal);
            (tagKey, tagValue) = eq < 0 ? (Tag.Trim(), null) : (Tag[..eq].Trim(), Tag[(eq + 1)..].Trim());
        }

        return new ImageListQuery
        {
            RegionId = regionId,
            Tab = Tab,
            SearchBy = SearchBy,
            Search = Search,
            Statuses = Statuses,
            OsType = OsType,
            Architecture = Architecture,
            Family = Tab == ImageTab.Custom ? Family : null,
            TagKey = tagKey,
            TagValue = tagValue,
            Sort = Sort,
            Page = Page,
            PageSize = PageSize,
        };
    }

    /// <summary>The relative URL of this state (defaults left out), e.g. <c>images?region=cn-hangzhou&amp;tab=public&amp;page=2</c>.</summary>
    public string ToUrl(string regionId)
    {
        var parameters = new List<KeyValuePair<string, string?>> { new("region", regionId), new("tab", TabWord(Tab)) };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parameters.Add(new(key, value));
            }
        }

        Add("q", Search);
        Add("searchBy", SearchBy == ImageSearchField.Name ? null : SearchByWord(SearchBy));
        Add("status", Statuses is null ? null : string.Join(',', Statuses));
        Add("os", OsType?.ToEcs());
        Add("arch", Architecture?.ToEcs());
        Add("family", Family);
        Add("tag", Tag);
        Add("sort", Sort == ImageSort.CreatedDesc ? null : SortWord(Sort));
        Add("page", Page == 1 ? null : Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("pageSize", PageSize == 10 ? null : PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return QueryHelpers.AddQueryString("images", parameters);
    }
}
