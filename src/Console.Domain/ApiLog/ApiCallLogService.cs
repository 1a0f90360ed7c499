using EcsConsole.Domain.Permissions;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EcsConsole.Domain.ApiLog;

/// <summary>Which calls to show by how they ended.</summary>
public enum ApiCallOutcome
{
    All,

    /// <summary>Answered 2xx without an error code.</summary>
    Success,

    /// <summary>Answered with an ECS error.</summary>
    Error,
}

/// <summary>A page of the API log with its filters; every filter optional, page sizes 1..<see cref="MaxPageSize"/>.</summary>
public sealed record ApiCallQuery
{
    public const int MaxPageSize = 100;

    /// <summary>Only this account's calls; honoured for the platform admin only (everyone else sees the own account).</summary>
    public string? AccountId { get; init; }

    /// <summary>Exact action name, e.g. <c>DescribeImages</c>.</summary>
    public string? Action { get; init; }

    public ApiCallOutcome Outcome { get; init; } = ApiCallOutcome.All;

    /// <summary>Substring of the caller's email or AccessKey ID, literal, case-insensitive.</summary>
    public string? Caller { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>A page of recorded calls, newest first, and how many match.</summary>
public sealed record ApiCallPage(IReadOnlyList<ApiCallRecord> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Reads the API log (ADR-013): every member of an account (admin, operator, read-only) sees the account's calls, the
/// platform admin every account's (with an account filter); anyone else — a user no longer a member, locked out — gets
/// <c>Forbidden</c>. Read-only: only <see cref="ApiCallLogWriter"/> writes and prunes.
/// </summary>
public sealed class ApiCallLogService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time)
{
    /// <summary>A page of the calls the actor may see, newest first. <c>InvalidParameter</c> for bad paging; <c>Forbidden</c>.</summary>
    public async Task<Result<ApiCallPage>> ListAsync(Actor actor, ApiCallQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await Access.ReadScopeAsync(db, actor, time, adminsOnly: false, ct) is not { } scope)
        {
            return Refused();
        }

        if (Paging.Check(query.Page, query.PageSize, ApiCallQuery.MaxPageSize) is { } badPage)
        {
            return badPage;
        }

        var calls = Filter(db.ApiCalls.AsNoTracking(), db.Database, scope.AccountFilter(query.AccountId), query);
        var total = await calls.CountAsync(ct);
        var items = await calls.OrderByDescending(c => c.Id).Page(query.Page, query.PageSize).ToListAsync(ct);
        return new ApiCallPage(items, total, query.Page, query.PageSize);
    }

    /// <summary>The distinct actions in the calls the actor may see (of one account, for the platform admin, when given).</summary>
    public async Task<Result<IReadOnlyList<string>>> ListActionsAsync(Actor actor, string? accountId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await Access.ReadScopeAsync(db, actor, time, adminsOnly: false, ct) is not { } scope)
        {
            return Refused();
        }

        var account = scope.AccountFilter(accountId);
        var actions = await db.ApiCalls.AsNoTracking().Where(c => account == null || c.AccountId == account)
            .Select(c => c.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return Result<IReadOnlyList<string>>.Success(actions);
    }

    private static EcsError Refused() => CommonErrors.Forbidden("Only members of an account or the platform admin may view the API log.");


    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IQueryable<ApiCallRecord> Filter(IQueryable<ApiCallRecord> calls, DatabaseFacade database, string? account, ApiCallQuery q)
    {
        if (account is not null)
        {
            calls = calls.Where(c => c.AccountId == account);
        }

        if (Blank(q.Action) is { } action)
        {
            calls = calls.Where(c => c.Action == action);
        }

        calls = q.Outcome switch
        {
            ApiCallOutcome.Success => calls.Where(c => c.ErrorCode == null),
            ApiCallOutcome.Error => calls.Where(c => c.ErrorCode != null),
            _ => calls,
        };

        if (Blank(q.Caller) is { } caller)
        {
            calls = calls.WhereAnyContainsIgnoringCase(database, [c => c.UserEmail, c => c.AccessKeyId], caller);
        }

        return calls;
    }
}
