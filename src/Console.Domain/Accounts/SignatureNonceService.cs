using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace EcsConsole.Domain.Accounts;

/// <summary>
/// The API's replay guard (ADR-017): a <c>SignatureNonce</c> is used once per AccessKey within <see cref="Window"/>,
/// across every node. Each use is one conditional insert (<c>INSERT … ON CONFLICT … DO UPDATE … WHERE expired</c>, the same SQL on
/// SQLite and PostgreSQL; a row whose window has passed is taken over): one row written is a new nonce, none a replay.
/// Expired rows are deleted by one statement at most once a minute per node — housekeeping only, never the answer.
/// The same statement returns the database's data version (<see cref="Persistence.DataVersion"/>, ADR-033), so that an
/// API call whose key and caller a node already holds at that version makes no other round trip before its answer.
/// <para>Group commit (issue #20): the uses that arrive while a write is under way wait for the next one, which writes
/// them all in one statement, each with its own answer (a nonce sent twice in one group is new once: the first use's).
/// An idle node writes a lone use at once; a busy one commits once per group instead of once per call. Nothing is decided in memory: every answer is the database's.</para>
/// </summary>
public sealed class SignatureNonceService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time)
{
    /// <summary>As long as the timestamp window on either side: a nonce older than that is refused by its timestamp.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>The most uses one statement writes (the rest wait for the next).</summary>
    public const int MaxGroup = 256;

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// The group's statement for <paramref name="rows"/> distinct uses: one row comes back per use written (new, or taken
    /// over after its window), none for a replay, each with the data version the statement read.
    /// </summary>
    private static string Insert(int rows) => $"""
        INSERT INTO "SignatureNonces" ("AccessKeyId", "NonceHash", "ExpiresAt")
        VALUES {string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@k{i}, @h{i}, @expires)"))}
        ON CONFLICT ("AccessKeyId", "NonceHash") DO UPDATE SET "ExpiresAt" = excluded."ExpiresAt"
        WHERE "SignatureNonces"."ExpiresAt" <= @now
        RETURNING "AccessKeyId", "NonceHash", (SELECT "Version" FROM "DataVersion" WHERE "Id" = 1)
        """;

    private sealed record Pending(string AccessKeyId, string NonceHash)
    {
        public TaskCompletionSource<NonceUse> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Lock _gate = new();
    private List<Pending> _waiting = [];
    private bool _writing;

    /// <summary>True when the nonce is new (and is now remembered); false on a replay.</summary>
    public async Task<bool> TryUseAsync(string accessKeyId, string nonce, CancellationToken ct = default) =>
        (await UseAsync(accessKeyId, nonce, ct)).Fresh;

    /// <summary>
    /// Uses the nonce: <see cref="NonceUse.Fresh"/> when it is new (and is now remembered), false on a replay; when fresh,
    /// also the data version the database held then. <paramref name="ct"/> stops the wait, never the group's write.
    /// </summary>
    public Task<NonceUse> UseAsync(string accessKeyId, string nonce, CancellationToken ct = default)
    {
        var pending = new Pending(accessKeyId, Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(nonce))));
        bool lead;
        lock (_gate)
        {
            _waiting.Add(pending);
            lead = !_writing;
            _writing = true;
        }

        // The first use of an idle node writes at once, on its own flow; the groups behind it go on a pool thread.
        if (lead)
        {
            _ = WriteGroupsAsync();
        }

        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>Writes the waiting uses a group at a time until none is left.</summary>
    private async Task WriteGroupsAsync()
    {
        for (var first = true; ; first = false)
        {
            if (!first)
            {
                await Task.Yield(); // the call that wrote the first group goes on with its answer
            }

            List<Pending> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                if (_waiting.Count <= MaxGroup)
                {
                    group = _waiting;
                    _waiting = [];
                }
                else
                {
                    group = _waiting[..MaxGroup];
                    _waiting.RemoveRange(0, MaxGroup);
                }
            }

            try
            {
                var answers = await WriteAsync(group);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.TrySetResult(answers[i]);
                }
            }
            catch (Exception e)
            {
                foreach (var pending in group)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
    }

    /// <summary>One group's insert: one statement; each use's own answer, in order.</summary>
    private async Task<NonceUse[]> WriteAsync(List<Pending> group)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        if (now >= _nextSweep)
        {
            _nextSweep = now + SweepEvery;
            await db.SignatureNonces.Where(n => n.ExpiresAt <= now).ExecuteDeleteAsync();
        }

        // A plain command on the context's connection, without EF Core's raw-SQL pipeline (every API call runs it), one
        // per group. The time as the column stores it (a raw statement does not pass through the model's converter).
        // A row whose window has passed but which no sweep has removed yet is taken over (one row updated), so a nonce
        // is free again exactly when its window ends, however late the sweep runs.
        using var turn = await Persistence.SqliteWriteGate.EnterAsync(db);
        return await InsertAsync(db, group, now);
    }

    private static async Task<NonceUse[]> InsertAsync(ConsoleDbContext db, List<Pending> group, DateTimeOffset now)
    {
        // One statement for the group (issue #20: a statement per use, in a transaction, cost a prepared execution and a
        // reader per call in the writer's turn). A nonce sent twice in one group is written once: the first use gets the
        // database's answer, the later ones are replays of it (PostgreSQL refuses a statement that would update one row
        // twice).
        var distinct = new Dictionary<(string Key, string Hash), int>();
        foreach (var pending in group)
        {
            distinct.TryAdd((pending.AccessKeyId, pending.NonceHash), distinct.Count);
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Insert(distinct.Count);
        foreach (var ((key, hash), i) in distinct)
        {
            command.AddParameter($"@k{i}", key);
            command.AddParameter($"@h{i}", hash);
        }

        var converter = ExpiresAtConverter(db);
        command.AddParameter("@expires", converter?.ConvertToProvider(now + Window) ?? now + Window);
        command.AddParameter("@now", converter?.ConvertToProvider(now) ?? now);
        var written = new Dictionary<(string Key, string Hash), string?>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                written[(reader.GetString(0), reader.GetString(1))] = await reader.IsDBNullAsync(2) ? null : reader.GetString(2);
            }
        }

        // The first use of a written nonce takes its answer; a later use of it in the group finds none (a replay).
        var answers = new NonceUse[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            answers[i] = written.Remove((group[i].AccessKeyId, group[i].NonceHash), out var version)
                ? new NonceUse(true, version)
                : new NonceUse(false, null);
        }

        return answers;
    }

    /// <summary>How the model stores <see cref="SignatureNonce.ExpiresAt"/> (SQLite: a number; null: as it is).</summary>
    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? ExpiresAtConverter(ConsoleDbContext db) =>
        db.Model.FindEntityType(typeof(SignatureNonce))!.FindProperty(nameof(SignatureNonce.ExpiresAt))!.GetTypeMapping().Converter;
}

/// <summary>
/// What using a nonce found: <paramref name="Fresh"/> when it was new; <paramref name="DataVersion"/> the database's data
/// version read by the same statement (null on a replay, or where none is kept).
/// </summary>
public readonly record struct NonceUse(bool Fresh, string? DataVersion);
