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

        using (await SqliteWriteGate.EnterAsync(db, ct))
        {
            if (db.Database.IsSqlite())
            {
                await InsertPlainAsync(db, batch, ct);
            }
            else
            {
                db.ApiCalls.AddRange(batch);
                await db.SaveChangesAsync(ct);
            }
        }

        foreach (var account in batch.GroupBy(r => r.AccountId))
        {
            changes.Publish(new ResourceChange(ResourceKind.ApiCall, account.Last().RequestId, "", account.Key));
        }

        return batch.Count;
    }

    /// <summary>
    /// The batch on SQLite: one prepared insert run once per record in one transaction, its columns and stored forms taken
    /// from the model (issue #20). EF Core's change tracking of a batch of 150 records held SQLite's one write lock for
    /// about 10 ms, a quarter of the time under wrk, while every API call's nonce waited for it; this holds it for about a
    /// tenth of that. (On PostgreSQL, which has no file-wide write lock, EF Core sends the batch in one round trip.)
    /// The records' IDs are the database's; they are not read back (nothing uses a written record again).
    /// </summary>
    private static async Task InsertPlainAsync(ConsoleDbContext db, IReadOnlyList<ApiCallRecord> batch, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(ApiCallRecord))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = Columns.Select(c => (Property: entity.FindProperty(c.Name)!, c.Value)).ToArray();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) => command.AddParameter($"@p{i}", DBNull.Value)).ToArray();
        var converters = columns.Select(c => c.Property.GetTypeMapping().Converter).ToArray();
        foreach (var record in batch)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var value = columns[i].Value(record);
                parameters[i].Value = value is null ? DBNull.Value : converters[i]?.ConvertToProvider(value) ?? value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>What a record writes (every property but the database's <see cref="ApiCallRecord.Id"/>).</summary>
    private static readonly (string Name, Func<ApiCallRecord, object?> Value)[] Columns =
    [
        (nameof(ApiCallRecord.RequestId), r => r.RequestId),
        (nameof(ApiCallRecord.Time), r => r.Time),
        (nameof(ApiCallRecord.Action), r => r.Action),
        (nameof(ApiCallRecord.AccountId), r => r.AccountId),
        (nameof(ApiCallRecord.UserId), r => r.UserId),
        (nameof(ApiCallRecord.UserEmail), r => r.UserEmail),
        (nameof(ApiCallRecord.AccessKeyId), r => r.AccessKeyId),
        (nameof(ApiCallRecord.HttpStatus), r => r.HttpStatus),
        (nameof(ApiCallRecord.ErrorCode), r => r.ErrorCode),
        (nameof(ApiCallRecord.DurationMs), r => r.DurationMs),
        (nameof(ApiCallRecord.Parameters), r => r.Parameters),
    ];

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
