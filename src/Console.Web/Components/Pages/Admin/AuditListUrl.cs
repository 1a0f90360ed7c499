using System.Globalization;
using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace EcsConsole.Web.Components.Pages.Admin;

/// <summary>
/// The audit page's filters and paging as URL query parameters (<c>account</c>, <c>action</c>, <c>resource</c>,
/// <c>user</c>, <c>source</c>, <c>result</c>, <c>from</c>, <c>to</c>, <c>page</c>, <c>pageSize</c>), so reload and a shared
/// link show the same view. Parsing never fails: nonsense is normalised and each correction reported in <see cref="Notices"/>.
/// Dates are UTC days (<c>yyyy-MM-dd</c>); <c>to</c> includes its whole day.
/// </summary>
public sealed record AuditListUrl
{
    public static readonly int[] PageSizes = [10, 20, 50, 100];

    public const int DefaultPageSize = 20;

    public string? AccountId { get; init; }

    public string? Action { get; init; }

    public string? ResourceId { get; init; }

    public string? User { get; init; }

    public ActorSource? Source { get; init; }

    public AuditOutcome Outcome { get; init; } = AuditOutcome.All;

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public IReadOnlyList<string> Notices { get; init; } = [];

    public bool HasFilters => AccountId is not null || Action is not null || ResourceId is not null || User is not null || Source is not null
        || Outcome != AuditOutcome.All || From is not null || To is not null;

    public static string OutcomeWord(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.All => "all",
        AuditOutcome.Succeeded => "succeeded",
        AuditOutcome.Failed => "failed",
    };

    /// <summary>Reads the state from a URI's query string.</summary>
    public static AuditListUrl Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri, UriKind.Absolute).Query);
        string? Get(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        var notices = new List<string>();
        var state = new AuditListUrl { AccountId = Get("account"), Action = Get("action"), ResourceId = Get("resource"), User = Get("user") };

        if (Get("source") is { } sourceWord)
        {
            if (Enum.TryParse<ActorSource>(sourceWord, ignoreCase: true, out var source) && Enum.IsDefined(source) && !int.TryParse(sourceWord, out _))
            {
                state = state with { Source = source };
            }
            else
            {
                notices.Add($"Unknown source \"{sourceWord}\" ignored.");
            }
        }

        if (Get("result") is { } resultWord)
        {
            var outcome = Enum.GetValues<AuditOutcome>().Cast<AuditOutcome?>()
                .FirstOrDefault(o => string.Equals(OutcomeWord(o!.Value), resultWord, StringComparison.OrdinalIgnoreCase));
            if (outcome is null)
            {
                notices.Add($"Unknown result \"{resultWord}\"; showing all results.");
            }
            else
            {
                state = state with { Outcome = outcome.Value };
            }
        }

        DateOnly? Date(string key, string name)
        {
            if (Get(key) is not { } word)
            {
                return null;
            }

            if (DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            notices.Add($"{name} date \"{word}\" is not a date (yyyy-MM-dd); ignored.");
            return null;
        }

        state = state with { From = Date("from", "From"), To = Date("to", "To") };
        if (state is { From: { } from, To: { } to } && to < from)
        {
            notices.Add($"To date {to:yyyy-MM-dd} is before the From date {from:yyyy-MM-dd}; the dates were swapped.");
            state = state with { From = to, To = from };
        }

        if (Get("pageSize") is { } sizeWord)
        {
            if (!int.TryParse(sizeWord, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                notices.Add($"Page size \"{sizeWord}\" is not valid; showing {DefaultPageSize} per page.");
            }
            else if (!PageSizes.Contains(size))
            {
                var allowed = PageSizes.FirstOrDefault(s => s >= size, PageSizes[^1]);
                notices.Add($"Page size {size} is not offered; showing {allowed} per page (at most {AuditQuery.MaxPageSize}).");
                state = state with { PageSize = allowed };
            }
            else
            {
                state = state with { PageSize = size };
            }
        }

        if (Get("page") is { } pageWord)
        {
            if (!int.TryParse(pageWord, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
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

    /// <summary>The domain query for this state; the account filter only counts for the platform admin (the service ignores it otherwise).</summary>
    public AuditQuery ToQuery() => new()
    {
        AccountId = AccountId,
        Action = Action,
        ResourceId = ResourceId,
        UserEmail = User,
        Source = Source,
        Outcome = Outcome,
        From = From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To = To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        Page = Page,
        PageSize = PageSize,
    };

    /// <summary>The relative URL of this state (defaults left out), keeping the region, e.g. <c>admin/audit?region=cn-hangzhou&amp;result=failed</c>.</summary>
    public string ToUrl(string? regionId)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parameters.Add(new(key, value));
            }
        }

        Add("region", regionId);
        Add("account", AccountId);
        Add("action", Action);
        Add("resource", ResourceId);
        Add("user", User);
        Add("source", Source?.ToString());
        Add("result", Outcome == AuditOutcome.All ? null : OutcomeWord(Outcome));
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        return QueryHelpers.AddQueryString("admin/audit", parameters);
    }
}
