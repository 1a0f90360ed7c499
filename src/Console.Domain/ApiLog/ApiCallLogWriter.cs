using EcsConsole.Domain.Persistence;

namespace EcsConsole.Domain.ApiLog;

/// <summary>
/// Writes the API log (ADR-013): a batch of records in one insert (no audit entry and no account lock: the log is itself
/// a log; the caller's email and account come with each record, and are read once per batch only for calls refused
/// before the caller was known), then one <see cref="ResourceKind.ApiCall"/> change
/// per account so that open <c>/api-log</c> pages refresh. Pruning keeps <see cref="Retention"/> of the product's time and
/// at most <see cref="MaxPerAccount"/> records per account.
/// </summary>
public sealed class ApiCallLogWriter(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    /// <summary>How long a record is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>The most records kept per account (the oldest go first).</summary>
    public const int MaxPerAccount = 5_000;

    /// <summary>The records kept per account (tests lower it).</summary>
    internal int KeepPerAccount { get; init; } = MaxPerAccount;

    /// <summary>Stores <paramref name="batch"/> in one transaction; returns how many were written.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<ApiCallRecord> batch, CancellationToken ct = default)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        // A plain insert, not an audited write: the log is itself a log, and it takes no lock any other write waits for.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unknown = batch.Where(r => r.UserEmail.Length == 0).Select(r => r.UserId).Distinct().ToList();
        if (unknown.Count > 0)
        {
            // Calls refused before the caller was read (a bad signature, a replay): their key's user as it is now.
            var users = await db.Users.AsNoTracking().Where(u => unknown.Contains(u.Id))
                .Select(u => new
                {
                    u.Id,
                    u.Email,
                    AccountId = db.AccountMemberships.Where(m => m.UserId == u.Id).Select(m => m.AccountId).FirstOrDefault(),
                })
                .ToDictionaryAsync(u => u.Id, ct);
            foreach (var record in batch.Where(r => r.UserEmail.Length == 0))
            {
                if (users.TryGetValue(record.UserId, out var user))
                {
                    record.UserEmail = user.Email ?? "";
                    record.AccountId ??= user.AccountId;
                }
            }
        }

        db.ApiCalls.AddRange(batch);
        using (await SqliteWriteGate.EnterAsync(db, ct))
        {
            await db.SaveChangesAsync(ct);
        }

        foreach (var account in batch.GroupBy(r => r.AccountId))
        {
            changes.Publish(new ResourceChange(ResourceKind.ApiCall, account.Last().RequestId, "", account.Key));
        }

        return batch.Count;
    }

    /// <summary>
    /// Deletes records older than <see cref="Retention"/> and each account's beyond <see cref="MaxPerAccount"/>; returns how
    /// many. In chunks of at most <see cref="PruneChunk"/> rows, each its own short write with a longer pause after it (issue #20):
    /// one delete of a minute's calls at thousands a second held SQLite's one write lock for seconds, and every API call
    /// (its nonce), create and task step of the node waited behind it. The log is housekeeping: no audit, no account lock.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow() - Retention;
        var deleted = await DeleteInChunksAsync(db => db.ApiCalls.Where(c => c.Time < cutoff), ct);

        List<string?> crowded;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            crowded = await db.ApiCalls.GroupBy(c => c.AccountId).Where(g => g.Count() > KeepPerAccount).Select(g => g.Key).ToListAsync(ct);
        }

        foreach (var account in crowded)
        {
            long oldestKept;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                oldestKept = await db.ApiCalls.Where(c => c.AccountId == account).OrderByDescending(c => c.Id)
                    .Skip(KeepPerAccount - 1).Select(c => c.Id).FirstAsync(ct);
            }

            deleted += await DeleteInChunksAsync(db => db.ApiCalls.Where(c => c.AccountId == account && c.Id < oldestKept), ct);
        }

        return deleted;
    }

    /// <summary>The most rows one step of <see cref="PruneAsync"/> deletes.</summary>
    public const int PruneChunk = 200;

    /// <summary>How much longer than a chunk's delete the pause after it is: the prune holds SQLite's write lock at most a fifth of the time.</summary>
    private const int PausePerDelete = 4;

    /// <summary>
    /// Deletes <paramref name="rows"/> oldest first, <see cref="PruneChunk"/> at a time: each chunk is the rows up to the
    /// <see cref="PruneChunk"/>-th one's ID (one read), then one delete in its own autocommit (one turn of the write gate),
    /// then a pause <see cref="PausePerDelete"/> times as long as the delete took, so that other writers get at least
    /// four fifths of the lock while a prune runs (a pause as long as the delete still let a prune of 100,000 rows after
    /// a burst of calls lengthen the API's tail under the side load for half a minute).
    /// </summary>
    private async Task<int> DeleteInChunksAsync(Func<ConsoleDbContext, IQueryable<ApiCallRecord>> rows, CancellationToken ct)
    {
        var deleted = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var chunk = rows(db).OrderBy(c => c.Id);
            var last = await chunk.Skip(PruneChunk - 1).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            int count;
            using (await SqliteWriteGate.EnterAsync(db, ct))
            {
                count = last is { } upTo
                    ? await rows(db).Where(c => c.Id <= upTo).ExecuteDeleteAsync(ct)
                    : await rows(db).ExecuteDeleteAsync(ct);
            }

            deleted += count;
            if (last is null || count == 0)
            {
                return deleted;
            }

            // The machine's time, not the product's: this paces the lock, it decides nothing.
            await Task.Delay(System.Diagnostics.Stopwatch.GetElapsedTime(started) * PausePerDelete, ct);
        }
    }
}
