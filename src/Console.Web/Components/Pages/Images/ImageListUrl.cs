using System.Globalization;
using EcsConsole.Domain.Images;
using EcsConsole.Web.Components.Shared;

namespace EcsConsole.Web.Components.Pages.Images;

/// <summary>
/// The images page's whole state as URL query parameters, so reload, back/forward and a shared link show the same
/// view. Parsing never fails: nonsense (<c>page=-1</c>, <c>pageSize=1000</c>, an unknown tab) is normalised, and each
/// correction is reported in <see cref="Notices"/> for the page to say.
/// </summary>
public sealed record ImageListUrl
{
    public static readonly int[] PageSizes = ListUrlQuery.PageSizes;

    public const int DefaultPageSize = 10;

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

    /// <summary>Free / Paid (<c>fee=free|paid</c>), on the tabs whose images carry a price (Public, Marketplace); null: all.</summary>
    public ImageFee? Fee { get; init; }

    /// <summary>The Resource Group filter (<c>resourceGroupId=</c>), on the Custom tab only (the account's own images); null: all.</summary>
    public string? ResourceGroupId { get; init; }

    public ImageSort Sort { get; init; } = ImageSort.CreatedDesc;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public IReadOnlyList<string> Notices { get; init; } = [];

    public bool HasFilters => !string.IsNullOrEmpty(Search) || Statuses is not null || OsType is not null || Architecture is not null
        || !string.IsNullOrEmpty(Family) || !string.IsNullOrEmpty(Tag) || Fee is not null || !string.IsNullOrEmpty(ResourceGroupId);

    /// <summary>The tabs whose images carry a price, where the Free / Paid filter applies.</summary>
    public static bool HasFees(ImageTab tab) => tab is ImageTab.Public or ImageTab.Marketplace;

    public static string FeeWord(ImageFee fee) => fee switch
    {
        ImageFee.Free => "free",
        ImageFee.Paid => "paid",
    };

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
        var query = new ListUrlQuery(uri, trim: false, NumberStyles.Integer);
        var state = new ImageListUrl
        {
            Tab = query.Choice<ImageTab>("tab", (tab, word) => TabWord(tab) == word.ToLowerInvariant(),
                word => $"There is no \"{word}\" tab; showing Custom Images.") ?? ImageTab.Custom,
            SearchBy = query.Choice<ImageSearchField>("searchBy", (field, word) => string.Equals(SearchByWord(field), word, StringComparison.OrdinalIgnoreCase),
                word => $"Cannot search by \"{word}\"; searching by image name.") ?? ImageSearchField.Name,
            Search = query.Get("q"),
        };

        if (query.Get("status") is { } statusWords)
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
                    query.Notices.Add($"Unknown status \"{word}\" ignored.");
                }
            }

            state = state with { Statuses = statuses.Count == 0 ? null : statuses.Distinct().Order().ToList() };
        }

        if (query.Get("os") is { } osWord)
        {
            var os = ImageWords.ParseOsType(osWord.ToLowerInvariant());
            query.Notices.AddRange(os is null ? [$"Unknown OS type \"{osWord}\" ignored."] : []);
            state = state with { OsType = os };
        }

        if (query.Get("arch") is { } archWord)
        {
            var arch = ImageWords.ParseArchitecture(archWord.ToLowerInvariant());
            query.Notices.AddRange(arch is null ? [$"Unknown architecture \"{archWord}\" ignored."] : []);
            state = state with { Architecture = arch };
        }

        state = state with
        {
            Family = query.Get("family"),
            Tag = query.Get("tag"),
            ResourceGroupId = state.Tab == ImageTab.Custom ? query.Get(ResourceGroupFilter.QueryKey) : null,
            Fee = HasFees(state.Tab) ? query.Choice<ImageFee>("fee", (fee, word) => FeeWord(fee) == word.ToLowerInvariant(),
                word => $"Unknown fee filter \"{word}\"; showing free and paid images.") : null,
            Sort = query.Choice<ImageSort>("sort", (sort, word) => SortWord(sort) == word.ToLowerInvariant(),
                word => $"Unknown sort \"{word}\"; newest first.") ?? ImageSort.CreatedDesc,
        };
        var (page, pageSize) = query.Paging(DefaultPageSize, ImageListQuery.MaxPageSize);
        return state with { Page = page, PageSize = pageSize, Notices = query.Notices };
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
            Fee = HasFees(Tab) ? Fee : null,
            ResourceGroupId = Tab == ImageTab.Custom ? ResourceGroupId : null,
            Sort = Sort,
            Page = Page,
            PageSize = PageSize,
        };
    }

    /// <summary>The relative URL of this state (defaults left out), e.g. <c>images?region=cn-hangzhou&amp;tab=public&amp;page=2</c>.</summary>
    public string ToUrl(string regionId) => new ListUrlBuilder("images")
        .Always("region", regionId)
        .Always("tab", TabWord(Tab))
        .Add("q", Search)
        .Add("searchBy", SearchBy == ImageSearchField.Name ? null : SearchByWord(SearchBy))
        .Add("status", Statuses is null ? null : string.Join(',', Statuses))
        .Add("os", OsType?.ToEcs())
        .Add("arch", Architecture?.ToEcs())
        .Add("family", Family)
        .Add("tag", Tag)
        .Add("fee", Fee is { } fee && HasFees(Tab) ? FeeWord(fee) : null)
        .Add(ResourceGroupFilter.QueryKey, Tab == ImageTab.Custom ? ResourceGroupId : null)
        .Add("sort", Sort == ImageSort.CreatedDesc ? null : SortWord(Sort))
        .Paging(Page, PageSize, DefaultPageSize)
        .ToString();
}
