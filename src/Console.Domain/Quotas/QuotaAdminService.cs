using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Accounts;

namespace EcsConsole.Domain.Quotas;

/// <summary>
/// Changing limits (domain-rules §12, QTA-13): account admins request an increase with a reason, one pending at a
/// time per quota; the platform admin approves or rejects requests and sets limits directly. Lowering a limit below
/// usage blocks new creates and removes nothing.
/// </summary>
public sealed class QuotaAdminService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time)
{
    public const int MaxLimit = 100_000;

    private readonly AuditedWrite _write = new(dbFactory, time);

    /// <summary>
    /// Requests a higher limit for the actor's account. Codes: <c>Forbidden</c> (not an account admin),
    /// <see cref="QuotaErrors.UnknownQuotaCode"/>, <c>MissingParameter</c> (reason), <see cref="QuotaErrors.InvalidLimitCode"/>
    /// (not above the current limit), <see cref="QuotaErrors.PendingExistsCode"/>.
    /// </summary>
    public Task<Result<QuotaRequest>> RequestIncreaseAsync(Actor actor, string quotaName, string? regionId, int requestedLimit, string? reason, CancellationToken ct = default) =>
        // Refused unaudited: not an account admin, an unknown quota; every outcome past that is audited.
        _write.RunAsync<QuotaRequest>(actor, WriteRight.AccountAdmin, deniedTarget: null, async scope =>
        {
            var definition = QuotaCatalogue.Find(quotaName);
            if (definition is null)
            {
                return QuotaErrors.UnknownQuota(quotaName);
            }

            var db = scope.Db;
            var scopedRegion = definition.Scope == QuotaScope.PerRegion ? regionId : null;
            scope.Audit(new AuditTarget(AuditActions.CreateQuotaApplication, ResourceKind.Quota, quotaName, scopedRegion));
            var account = actor.AccountId!;
            var current = await QuotaLimits.GetAsync(db, account, scopedRegion, quotaName, ct);
            EcsError? error = string.IsNullOrWhiteSpace(reason) ? CommonErrors.MissingParameter("Reason")
                : definition.Scope == QuotaScope.PerRegion && string.IsNullOrEmpty(regionId) ? CommonErrors.MissingParameter("RegionId")
                : requestedLimit <= current || requestedLimit > MaxLimit ? QuotaErrors.InvalidLimit($"Ask for more than the current {current} (at most {MaxLimit}).")
                : await db.QuotaRequests.AnyAsync(r => r.AccountId == account && r.QuotaName == quotaName && r.RegionId == scopedRegion && r.Status == QuotaRequestStatus.Pending, ct)
                    ? QuotaErrors.PendingExists()
                    : null;
            if (error is not null)
            {
                return error;
            }

            var request = new QuotaRequest
            {
                AccountId = account, RegionId = scopedRegion, QuotaName = quotaName, CurrentLimit = current, RequestedLimit = requestedLimit,
                Reason = reason?.Trim() ?? "", RequestedBy = actor.Email, RequestedAt = scope.Now,
            };
            db.QuotaRequests.Add(request);
            return request;
        }, ct, why: "Only an account admin can request a quota increase.");

    /// <summary>Requests the actor may see: its account's (account admin) or every account's (platform admin), newest first.</summary>
    public async Task<Result<IReadOnlyList<QuotaRequest>>> ListRequestsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await Access.CurrentAsync(db, actor, time, ct);
        if (!current.IsSuccess)
        {
            return current.Error;
        }

        actor = current.Value;
        if (!actor.IsAccountAdmin && !actor.IsPlatformAdmin)
        {
            return CommonErrors.Forbidden("Only admins can see quota requests.");
        }

        var all = actor.IsPlatformAdmin;
        return await db.QuotaRequests.AsNoTracking().Where(r => all || r.AccountId == actor.AccountId)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The platform admin approves (the requested limit is set) or rejects a pending request. Codes: <c>Forbidden</c>,
    /// <see cref="QuotaErrors.RequestNotFoundCode"/>, <see cref="QuotaErrors.AlreadyDecidedCode"/>.
    /// </summary>
    public Task<Result<QuotaRequest>> DecideAsync(Actor actor, int requestId, bool approve, CancellationToken ct = default) =>
        // Refused unaudited: not the platform admin, an unknown request; every outcome past that is audited.
        _write.RunAsync<QuotaRequest>(actor, WriteRight.PlatformAdmin, deniedTarget: null, async scope =>
        {
            var request = await scope.Db.QuotaRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null)
            {
                return QuotaErrors.RequestNotFound(requestId);
            }

            scope.Audit(new AuditTarget(approve ? AuditActions.ApproveQuotaApplication : AuditActions.RejectQuotaApplication, ResourceKind.Quota,
                $"{request.AccountId}/{request.QuotaName}", request.RegionId));
            if (request.Status != QuotaRequestStatus.Pending)
            {
                return QuotaErrors.AlreadyDecided();
            }

            request.Decide(approve, actor.Email, scope.Now);
            if (approve)
            {
                await SetInContextAsync(scope.Db, request.AccountId, request.RegionId, request.QuotaName, request.RequestedLimit, scope.Now, ct);
            }

            return request;
        }, ct, why: "Only the platform administrator decides quota requests.");

    /// <summary>
    /// The platform admin sets a limit directly (0 … <see cref="MaxLimit"/>). Codes: <c>Forbidden</c>,
    /// <see cref="QuotaErrors.UnknownQuotaCode"/>, <see cref="QuotaErrors.InvalidLimitCode"/>, <c>InvalidAccount.NotFound</c>.
    /// </summary>
    public async Task<Result> SetLimitAsync(Actor actor, string accountId, string? regionId, string quotaName, int limit, CancellationToken ct = default)
    {
        // Only a limit set is audited; every refusal is returned unaudited.
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.PlatformAdmin, deniedTarget: null, async scope =>
        {
            var definition = QuotaCatalogue.Find(quotaName);
            if (definition is null)
            {
                return QuotaErrors.UnknownQuota(quotaName);
            }

            if (limit is < 0 or > MaxLimit)
            {
                return QuotaErrors.InvalidLimit($"A limit is between 0 and {MaxLimit}.");
            }

            if (!await scope.Db.Accounts.AnyAsync(a => a.Id == accountId, ct))
            {
                return AccountErrors.AccountNotFound(accountId);
            }

            var scopedRegion = definition.Scope == QuotaScope.PerRegion ? regionId : null;
            await SetInContextAsync(scope.Db, accountId, scopedRegion, quotaName, limit, scope.Now, ct);
            scope.Audit(new AuditTarget(AuditActions.ModifyQuota, ResourceKind.Quota, $"{accountId}/{quotaName}", scopedRegion));
            return true;
        }, ct, why: "Only the platform administrator edits limits.");
        return outcome.ToResult();
    }

    private static async Task SetInContextAsync(ConsoleDbContext db, string accountId, string? regionId, string quotaName, int limit, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.Quotas.FirstOrDefaultAsync(q => q.AccountId == accountId && q.RegionId == regionId && q.Name == quotaName, ct);
        if (row is null)
        {
            db.Quotas.Add(new Quota { AccountId = accountId, RegionId = regionId, Name = quotaName, Limit = limit, UpdatedAt = now });
        }
        else
        {
            row.Limit = limit;
            row.UpdatedAt = now;
        }
    }
}
