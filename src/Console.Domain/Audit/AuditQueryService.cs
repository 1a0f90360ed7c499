using EcsConsole.Domain.Permissions;

namespace EcsConsole.Domain.Audit;

/// <summary>Which entries to show by how they ended.</summary>
public enum AuditOutcome
{
    /// <summary>Every entry.</summary>
    All,

    /// <summary>Entries without an error code.</summary>
    Succeeded,

    /// <summary>Entries with an error code (refused or failed changes).</summary>
    Failed,
}

/// <summary>
/// One page of the audit log with its filters. Every filter is optional. Page sizes are 1..100
/// (<see cref="MaxPageSize"/>; the console offers 10, 20, 50 and 100); the service refuses anything else with
/// <c>InvalidParameter</c>.
/// </summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 100;

    /// <summary>Only this account's entries. Honoured for the platform admin only: an account admin always gets the own account.</summary>
    public string? AccountId { get; init; }

    /// <summary>Exact ECS action name, e.g. <c>CreateImage</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Substring of the resource ID, literal (<c>%</c> and <c>_</c> are plain characters), case-insensitive.</summary>
    public string? ResourceId { get; init; }

    /// <summary>Substring of the user's email, literal, case-insensitive.</summary>
    public string? UserEmail { get; init; }

    /// <summary>Only entries made through this face.</summary>
    public ActorSource? Source { get; init; }

    public AuditOutcome Outcome { get; init; } = AuditOutcome.All;

    /// <summary>Entries at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this time (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>A page of audit entries, newest first, and the total number matching the query.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Reads the audit log. An account admin sees the own account's entries, the platform admin every entry (system
/// entries without an account included); anyone else gets <see cref="CommonErrors.Forbidden"/>. The log is append-only:
/// this service only reads, and nothing in the domain updates or deletes an <see cref="AuditEntry"/>.
/// </summary>
public sealed class AuditQueryService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// A page of the entries the actor may see that match <paramref name="query"/>, newest first (then the later
    /// entry first). <c>InvalidParameter</c> for a page below 1, a page size outside 1..100, or <c>To</c> before
    /// <c>From</c>; <c>Forbidden</c> for anyone but an account admin or the platform admin.
    /// </summary>
    public async Task<Result<AuditPage>> ListAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await Access.ReadScopeAsync(db, actor, time, adminsOnly: true, ct) is not { } scope)
        {
            return CommonErrors.Forbidden("Only an account admin or the platform admin may view the audit log.");
        }

        if (Paging.Check(query.Page, query.PageSize, AuditQuery.MaxPageSize) is { } badPage)
        {
            return badPage;
        }

        if (query.From is { } from && query.To is { } to && to < from)
        {
            return CommonErrors.InvalidParameter("EndTime", "must not be before the start time.");
        }

        var account = scope.AccountFilter(query.AccountId);
        var entries = Filter(db, account, query);
        var total = await entries.CountAsync(ct);
        var items = await entries
            .OrderByDescending(e => e.Time).ThenByDescending(e => e.Id)
            .Page(query.Page, query.PageSize)
            .ToListAsync(ct);
        return new AuditPage(items, total, query.Page, query.PageSize);
    }

    /// <summary>The distinct action names in the entries the actor may see (of one account, for the platform admin, when given), in name order.</summary>
    public async Task<Result<IReadOnlyList<string>>> ListActionsAsync(Actor actor, string? accountId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await Access.ReadScopeAsync(db, actor, time, adminsOnly: true, ct) is not { } scope)
        {
            return CommonErrors.Forbidden("Only an account admin or the platform admin may view the audit log.");
        }

        var account = scope.AccountFilter(accountId);
        var actions = await db.AuditEntries.AsNoTracking()
            .Where(e => account == null || e.AccountId == account)
            .Select(e => e.Action).Distinct().OrderBy(a => a)
            .ToListAsync(ct);
        return Result<IReadOnlyList<string>>.Success(actions);
    }


    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IQueryable<AuditEntry> Filter(ConsoleDbContext db, string? account, AuditQuery q)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (account is not null)
        {
            entries = entries.Where(e => e.AccountId == account);
        }

        if (Blank(q.Action) is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (Blank(q.ResourceId) is { } resource)
        {
            entries = entries.Where(e => e.ResourceId != null).WhereContainsIgnoringCase(db.Database, e => e.ResourceId, resource);
        }

        if (Blank(q.UserEmail) is { } email)
        {
            entries = entries.WhereContainsIgnoringCase(db.Database, e => e.UserEmail, email);
        }

        if (q.Source is { } source)
        {
            entries = entries.Where(e => e.Source == source);
        }

        entries = q.Outcome switch
        {
            AuditOutcome.Succeeded => entries.Where(e => e.ErrorCode == null),
            AuditOutcome.Failed => entries.Where(e => e.ErrorCode != null),
            _ => entries,
        };

        if (q.From is { } from)
        {
            entries = entries.Where(e => e.Time >= from);
        }

        if (q.To is { } to)
        {
            entries = entries.Where(e => e.Time < to);
        }

        return entries;
    }
}
