using System.Globalization;
using EcsConsole.Domain.ApiLog;
using EcsConsole.Web.Components.Shared;

namespace EcsConsole.Web.Components.Pages.ApiLog;

/// <summary>
/// The API log page's filters and paging as URL query parameters (<c>account</c>, <c>action</c>, <c>status</c> —
/// <c>success</c> or <c>error</c> —, <c>caller</c>, <c>page</c>, <c>pageSize</c>), so reload and a shared link show the
/// same view. Nonsense is normalised and each correction reported in <see cref="Notices"/>.
/// </summary>
public sealed record ApiLogUrl
{
    public const int DefaultPageSize = 20;

    public string? AccountId { get; init; }

    public string? Action { get; init; }

    public ApiCallOutcome Outcome { get; init; } = ApiCallOutcome.All;

    public string? Caller { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public IReadOnlyList<string> Notices { get; init; } = [];

    public bool HasFilters => AccountId is not null || Action is not null || Outcome != ApiCallOutcome.All || Caller is not null;

    public static string? OutcomeWord(ApiCallOutcome outcome) => outcome switch
    {
        ApiCallOutcome.Success => "success",
        ApiCallOutcome.Error => "error",
        _ => null,
    };

    public static ApiLogUrl Parse(string uri)
    {
        var query = new ListUrlQuery(uri, trim: true, NumberStyles.None);
        var state = new ApiLogUrl
        {
            AccountId = query.Get("account"),
            Action = query.Get("action"),
            Caller = query.Get("caller"),
            Outcome = query.Choice<ApiCallOutcome>("status", (outcome, word) => string.Equals(OutcomeWord(outcome), word, StringComparison.OrdinalIgnoreCase),
                word => $"Unknown status \"{word}\"; showing every call.") ?? ApiCallOutcome.All,
        };
        var (page, pageSize) = query.Paging(DefaultPageSize, ApiCallQuery.MaxPageSize);
        return state with { Page = page, PageSize = pageSize, Notices = query.Notices };
    }

    /// <summary>The domain query; the account filter only counts for the platform admin.</summary>
    public ApiCallQuery ToQuery() => new()
    {
        AccountId = AccountId,
        Action = Action,
        Outcome = Outcome,
        Caller = Caller,
        Page = Page,
        PageSize = PageSize,
    };

    public string ToUrl(string? regionId) => new ListUrlBuilder("api-log")
        .Add("region", regionId)
        .Add("account", AccountId)
        .Add("action", Action)
        .Add("status", OutcomeWord(Outcome))
        .Add("caller", Caller)
        .Paging(Page, PageSize, DefaultPageSize)
        .ToString();
}
