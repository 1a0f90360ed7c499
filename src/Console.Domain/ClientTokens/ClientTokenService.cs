using System.Buffers.Text;
using System.Security.Cryptography;

namespace EcsConsole.Domain.ClientTokens;

/// <summary>
/// How a call with a <c>ClientToken</c> goes on: it holds the claim (<see cref="ClaimId"/>: run the action, then
/// <see cref="ClientTokenService.CompleteAsync"/> or <see cref="ClientTokenService.ReleaseAsync"/>), or it replays the
/// first call's <see cref="Answer"/>, or it is refused (<see cref="Error"/>).
/// </summary>
public readonly record struct ClientTokenTurn(string? ClaimId, int HttpStatus, string? Answer, EcsError? Error);

/// <summary>
/// Idempotent retries (VAL-TOKEN-01, ADR-021), across every node: the same token from the same account for the same
/// action within <see cref="Window"/> runs once. The claim is one conditional insert (<c>INSERT … ON CONFLICT … DO
/// UPDATE … WHERE</c>, the same SQL on SQLite and PostgreSQL, as <c>SignatureNonceService</c>): one row written is the
/// claim; none means another call has it — its answer is replayed when the parameters are the same, else the action's
/// mismatch code, and <c>IdempotentProcessing</c> while that call is still running. A claim older than the window, or
/// one whose call never answered within <see cref="Abandoned"/> (its node died), is taken over. Only successes are
/// kept: a call that failed created nothing, so its claim is released and a retry runs again.
/// </summary>
public sealed class ClientTokenService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How long a token is remembered (the simulated clock).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>A claim whose call has not answered after this is taken to be lost with its node.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>VAL-TOKEN-01: 1–64 ASCII characters.</summary>
    public static bool IsWellFormed(string token) => token.Length is > 0 and <= ClientTokenClaim.MaxTokenLength && token.All(char.IsAscii);

    /// <summary>Claims <paramref name="token"/> for this call, or says what the call answers instead.</summary>
    public async Task<ClientTokenTurn> ClaimAsync(string accountId, string action, string token, string fingerprint, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (now >= _nextSweep)
        {
            _nextSweep = now + SweepEvery;
            await PruneAsync(db, now, ct);
        }

        // A claim released or pruned between the insert and the read is claimed on the next round.
        for (var round = 0; round < 3; round++)
        {
            var claimId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            var claimedAt = ProviderValue(db, now);
            var expired = ProviderValue(db, now - Window);
            var abandoned = ProviderValue(db, now - Abandoned);
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "ClientTokenClaims" ("AccountId", "Action", "Token", "Fingerprint", "ClaimId", "ClaimedAt", "HttpStatus", "Answer")
                VALUES ({accountId}, {action}, {token}, {fingerprint}, {claimId}, {claimedAt}, NULL, NULL)
                ON CONFLICT ("AccountId", "Action", "Token") DO UPDATE SET "Fingerprint" = excluded."Fingerprint",
                    "ClaimId" = excluded."ClaimId", "ClaimedAt" = excluded."ClaimedAt", "HttpStatus" = NULL, "Answer" = NULL
                WHERE "ClientTokenClaims"."ClaimedAt" <= {expired}
                   OR ("ClientTokenClaims"."Answer" IS NULL AND "ClientTokenClaims"."ClaimedAt" <= {abandoned})
                """,
                ct);
            if (claimed == 1)
            {
                return new ClientTokenTurn(claimId, 0, null, null);
            }

            var held = await db.ClientTokenClaims.AsNoTracking()
                .SingleOrDefaultAsync(c => c.AccountId == accountId && c.Action == action && c.Token == token, ct);
            if (held is null)
            {
                continue;
            }

            return held.Fingerprint != fingerprint ? new ClientTokenTurn(null, 0, null, ClientTokenErrors.Mismatch(action))
                : held.Answer is null ? new ClientTokenTurn(null, 0, null, ClientTokenErrors.Processing())
                : new ClientTokenTurn(null, held.HttpStatus ?? 200, held.Answer, null);
        }

        return new ClientTokenTurn(null, 0, null, ClientTokenErrors.Processing());
    }

    /// <summary>Keeps the first call's answer: every retry within the window replays it.</summary>
    public async Task CompleteAsync(string accountId, string action, string token, string claimId, int httpStatus, string answer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Held(db, accountId, action, token, claimId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.HttpStatus, httpStatus).SetProperty(c => c.Answer, answer), ct);
    }

    /// <summary>Lets the token go (the call failed and created nothing): a retry runs again.</summary>
    public async Task ReleaseAsync(string accountId, string action, string token, string claimId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Held(db, accountId, action, token, claimId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Deletes the claims older than the window (housekeeping: an old claim is taken over anyway).</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PruneAsync(db, time.GetUtcNow(), ct);
    }

    private static Task<int> PruneAsync(ConsoleDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var expired = now - Window;
        return db.ClientTokenClaims.Where(c => c.ClaimedAt <= expired).ExecuteDeleteAsync(ct);
    }

    private static IQueryable<ClientTokenClaim> Held(ConsoleDbContext db, string accountId, string action, string token, string claimId) =>
        db.ClientTokenClaims.Where(c => c.AccountId == accountId && c.Action == action && c.Token == token && c.ClaimId == claimId);

    private static object ProviderValue(ConsoleDbContext db, DateTimeOffset value)
    {
        var property = db.Model.FindEntityType(typeof(ClientTokenClaim))!.FindProperty(nameof(ClientTokenClaim.ClaimedAt))!;
        return property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
    }
}
