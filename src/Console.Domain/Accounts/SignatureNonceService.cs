using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace EcsConsole.Domain.Accounts;

/// <summary>
/// The API's replay guard (ADR-017): a <c>SignatureNonce</c> is used once per AccessKey within <see cref="Window"/>,
/// across every node. Each call costs one conditional insert (<c>INSERT … ON CONFLICT … DO UPDATE … WHERE expired</c>, the same SQL on
/// SQLite and PostgreSQL; a row whose window has passed is taken over): one row written is a new nonce, none a replay.
/// Expired rows are deleted by one statement at most once a minute per node — housekeeping only, never the answer.
/// The same statement returns the database's data version (<see cref="Persistence.DataVersion"/>, ADR-033), so that an
/// API call whose key and caller a node already holds at that version makes no other round trip before its answer.
/// </summary>
public sealed class SignatureNonceService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time)
{
    /// <summary>As long as the timestamp window on either side: a nonce older than that is refused by its timestamp.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True when the nonce is new (and is now remembered); false on a replay.</summary>
    public async Task<bool> TryUseAsync(string accessKeyId, string nonce, CancellationToken ct = default) =>
        (await UseAsync(accessKeyId, nonce, ct)).Fresh;

    /// <summary>
    /// Uses the nonce: <see cref="NonceUse.Fresh"/> when it is new (and is now remembered), false on a replay; when fresh,
    /// also the data version the database held then.
    /// </summary>
    public async Task<NonceUse> UseAsync(string accessKeyId, string nonce, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (now >= _nextSweep)
        {
            _nextSweep = now + SweepEvery;
            await db.SignatureNonces.Where(n => n.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        }

        var hash = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));
        // The time as the column stores it (a raw statement does not pass through the model's value converter).
        // A row whose window has passed but which no sweep has removed yet is taken over (one row updated), so a nonce
        // is free again exactly when its window ends, however late the sweep runs. Every API call runs it: a plain
        // command on the context's connection, without EF Core's raw-SQL pipeline (issue #20).
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "SignatureNonces" ("AccessKeyId", "NonceHash", "ExpiresAt") VALUES (@key, @hash, @expires)
            ON CONFLICT ("AccessKeyId", "NonceHash") DO UPDATE SET "ExpiresAt" = excluded."ExpiresAt"
            WHERE "SignatureNonces"."ExpiresAt" <= @now
            RETURNING (SELECT "Version" FROM "DataVersion" WHERE "Id" = 1)
            """;
        Add(command, "@key", accessKeyId);
        Add(command, "@hash", hash);
        var converter = ExpiresAtConverter(db);
        Add(command, "@expires", converter?.ConvertToProvider(now + Window) ?? now + Window);
        Add(command, "@now", converter?.ConvertToProvider(now) ?? now);
        // A row comes back when the nonce was written (new, or taken over after its window); none on a replay.
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return new NonceUse(false, null);
        }

        return new NonceUse(true, await reader.IsDBNullAsync(0, ct) ? null : reader.GetString(0));
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
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
