using System.Globalization;
using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using EcsConsole.Web.Components.Shared;

namespace EcsConsole.Web.Components.Pages.Admin;

/// <summary>
/// The audit page's filters and paging as URL query parameters (<c>account</c>, <c>action</c>, <c>resource</c>,
/// <c>user</c>, <c>source</c>, <c>result</c>, <c>from</c>, <c>to</c>, <c>page</c>, <c>pageSize</c>), so reload and a shared
/// link show the same view. Parsing never fails: nonsense is normalised and each correction reported in <see cref="Notices"/>.
/// Dates are UTC days (<c>yyyy-MM-dd</c>); <c>to</c> includes its whole day.
/// </summary>
public sealed record AuditListUrl
{
    public static readonly int[] PageSizes = ListUrlQuery.PageSizes;

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
        var query = new ListUrlQuery(uri, trim: true, NumberStyles.None);
        var state = new AuditListUrl
        {
            AccountId = query.Get("account"),
            Action = query.Get("action"),
            ResourceId = query.Get("resource"),
            User = query.Get("user"),
            Source = query.Choice<ActorSource>("source",
                (source, word) => Enum.TryParse<ActorSource>(word, ignoreCase: true, out var parsed) && parsed == source && !int.TryParse(word, out _),
                word => $"Unknown source \"{word}\" ignored."),
            Outcome = query.Choice<AuditOutcome>("result", (outcome, word) => string.Equals(OutcomeWord(outcome), word, StringComparison.OrdinalIgnoreCase),
                word => $"Unknown result \"{word}\"; showing all results.") ?? AuditOutcome.All,
        };

        DateOnly? Date(string key, string name)
        {
            if (query.Get(key) is not { } word)
            {
                return null;
            }

            if (DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            query.Notices.Add($"{name} date \"{word}\" is not a date (yyyy-MM-dd); ignored.");
            return null;
        }

        state = state with { From = Date("from", "From"), To = Date("to", "To") };
        if (state is { From: { } from, To: { } to } && to < from)
        {
            query.Notices.Add($"To date {to:yyyy-MM-dd} is before the From date {from:yyyy-MM-dd}; the dates were swapped.");
            state = state with { From = to, To = from };
        }

        var (page, pageSize) = query.Paging(DefaultPageSize, AuditQuery.MaxPageSize);
        return state with { Page = page, PageSize = pageSize, Notices = query.Notices };
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
    public string ToUrl(string? regionId) => new ListUrlBuilder("admin/audit")
        .Add("region", regionId)
        .Add("account", AccountId)
        .Add("action", Action)
        .Add("resource", ResourceId)
        .Add("user", User)
        .Add("source", Source?.ToString())
        .Add("result", Outcome == AuditOutcome.All ? null : OutcomeWord(Outcome))
        .Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Paging(Page, PageSize, DefaultPageSize)
        .ToString();
}
