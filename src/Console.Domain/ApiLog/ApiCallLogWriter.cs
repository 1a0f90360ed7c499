namespace EcsConsole.Domain.ApiLog;

/// <summary>
/// Writes the API log (ADR-013): a batch of records in one serialising write as the system (no audit entry: the log is
/// itself a log), the callers' emails and accounts read once per batch, then one <see cref="ResourceKind.ApiCall"/> change
/// per account so that open <c>/api-log</c> pages refresh. Pruning keeps <see cref="Retention"/> of the product's time and
/// at most <see cref="MaxPerAccount"/> records per account.
/// </summary>
public sealed class ApiCallLogWriter(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    /// <summary>How long a record is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>The most records kept per account (the oldest go first).</summary>
    public const int MaxPerAccount = 5_000;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>The records kept per account (tests lower it).</summary>
    internal int KeepPerAccount { get; init; } = MaxPerAccount;

    /// <summary>Stores <paramref name="batch"/> in one transaction; returns how many were written.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<ApiCallRecord> batch, CancellationToken ct = default)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var written = await _write.RunAsync(Actor.System, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var userIds = batch.Select(r => r.UserId).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .Select(u => new
                {
                    u.Id,
                    u.Email,
                    AccountId = db.AccountMemberships.Where(m => m.UserId == u.Id).Select(m => m.AccountId).FirstOrDefault(),
                })
                .ToDictionaryAsync(u => u.Id, ct);
            foreach (var record in batch)
            {
                if (users.TryGetValue(record.UserId, out var user))
                {
                    record.UserEmail = user.Email ?? "";
                    record.AccountId ??= user.AccountId;
                }
            }

            db.ApiCalls.AddRange(batch);
            foreach (var account in batch.GroupBy(r => r.AccountId))
            {
                scope.Publish(new ResourceChange(ResourceKind.ApiCall, account.Last().RequestId, "", account.Key));
            }

            return Result<int>.Success(batch.Count);
        }, ct);
        return written.IsSuccess ? written.Value : 0;
    }

    /// <summary>Deletes records older than <see cref="Retention"/> and each account's beyond <see cref="MaxPerAccount"/>; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var pruned = await _write.RunAsync(Actor.System, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var cutoff = scope.Now - Retention;
            var deleted = await db.ApiCalls.Where(c => c.Time < cutoff).ExecuteDeleteAsync(ct);
            var crowded = await db.ApiCalls.GroupBy(c => c.AccountId).Where(g => g.Count() > KeepPerAccount).Select(g => g.Key).ToListAsync(ct);
            foreach (var account in crowded)
            {
                var oldestKept = await db.ApiCalls.Where(c => c.AccountId == account).OrderByDescending(c => c.Id)
                    .Skip(KeepPerAccount - 1).Select(c => c.Id).FirstAsync(ct);
                deleted += await db.ApiCalls.Where(c => c.AccountId == account && c.Id < oldestKept).ExecuteDeleteAsync(ct);
            }

            return Result<int>.Success(deleted);
        }, ct);
        return pruned.IsSuccess ? pruned.Value : 0;
    }
}
