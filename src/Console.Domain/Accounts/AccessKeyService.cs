using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace EcsConsole.Domain.Accounts;

/// <summary>An AccessKey pair as its user sees it in the list: never the secret.</summary>
public sealed record AccessKeySummary(string Id, AccessKeyStatus Status, DateTimeOffset CreatedAt);

/// <summary>A pair just created: the only moment its secret is shown.</summary>
public sealed record CreatedAccessKey(string Id, string Secret, DateTimeOffset CreatedAt);

/// <summary>What the API needs to verify a signature and act as the key's user.</summary>
public sealed record AccessKeyCredential(string Id, string UserId, string Secret, AccessKeyStatus Status)
{
    /// <summary>
    /// The key's user as the same read found it (<see cref="AccountService.ActorOf"/> makes the actor of it), so that an API
    /// call reads its key and its caller in one round trip; null when the key's user is gone.
    /// </summary>
    public AccountService.ActorFacts? User { get; init; }

    /// <summary>
    /// Whether the same read found an injected API fault pending (ui-contract §7), for any action: only then does the call
    /// look for one of its own (<see cref="Simulation.SimulationFaults.TakeApiFaultAsync"/>), so a call costs no read of
    /// its own for faults while none is armed.
    /// </summary>
    public bool ApiFaultsPending { get; init; } = true;

    /// <summary>
    /// The database's data version as the same read found it (<see cref="Persistence.DataVersion"/>, ADR-033), before
    /// anything of the call was read: an answer made after this read and kept with it may be given again while the
    /// database holds the same version. Null: none is known, nothing is given from a cache.
    /// </summary>
    public string? DataVersion { get; init; }
}

/// <summary>
/// A user's AccessKey pairs for the ECS-compatible API (ui-contract §2, §5): create (the secret shown once, stored
/// protected through <see cref="ISecretProtector"/>), disable, enable and delete. A user manages only its own pairs;
/// every change is audited.
/// </summary>
public sealed class AccessKeyService(IDbContextFactory<ConsoleDbContext> dbFactory, ISecretProtector protector, TimeProvider time)
{
    /// <summary>As on Alibaba Cloud: at most two pairs per user.</summary>
    public const int MaxPerUser = 2;

    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// Clear secrets by their protected form, so a signed call costs no decryption. The protected form of a pair never
    /// changes, so this cache cannot go stale: whether a pair exists, is Active and whose it is are read from the database
    /// on every call (<see cref="FindCredentialAsync"/>), so a pair disabled or deleted on any node is refused from the next
    /// request on. Bounded: cleared when it grows past <see cref="MaxCachedSecrets"/>.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    private const int MaxCachedSecrets = 10_000;

    private readonly AuditedWrite _write = new(dbFactory, time);

    /// <summary>The actor's pairs, oldest first.</summary>
    public async Task<IReadOnlyList<AccessKeySummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.AccessKeys.AsNoTracking().Where(k => k.UserId == actor.UserId)
            .Select(k => new AccessKeySummary(k.Id, k.Status, k.CreatedAt)).ToListAsync(ct);
        return [.. keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A new Active pair for the actor: ID <c>LTAI5t…</c> (24 characters) and a 30-character secret. Codes:
    /// <see cref="AccessKeyErrors.LimitExceededCode"/> beyond <see cref="MaxPerUser"/>.
    /// </summary>
    public Task<Result<CreatedAccessKey>> CreateAsync(Actor actor, CancellationToken ct = default)
    {
        var secret = RandomNumberGenerator.GetString(Alphanumerics, 30);
        var protectedSecret = protector.Protect(secret);
        var id = "LTAI5t" + RandomNumberGenerator.GetString(Alphanumerics, 18);
        var target = new AuditTarget(AuditActions.CreateAccessKey, ResourceKind.AccessKey, null, null);
        return _write.RunAsync<CreatedAccessKey>(actor, WriteRight.SignedIn, deniedTarget: target, async scope =>
        {
            if (await scope.Db.AccessKeys.CountAsync(k => k.UserId == actor.UserId, ct) >= MaxPerUser)
            {
                scope.Audit(target);
                return AccessKeyErrors.LimitExceeded(MaxPerUser);
            }

            scope.Db.AccessKeys.Add(new AccessKey { Id = id, UserId = actor.UserId, ProtectedSecret = protectedSecret, CreatedAt = scope.Now });
            scope.Audit(target with { ResourceId = id });
            return new CreatedAccessKey(id, secret, scope.Now);
        }, ct);
    }

    /// <summary>Disables (<c>Inactive</c>) or enables (<c>Active</c>) one of the actor's pairs. Codes: <see cref="AccessKeyErrors.NotFoundCode"/>.</summary>
    public Task<Result> SetStatusAsync(Actor actor, string accessKeyId, AccessKeyStatus status, CancellationToken ct = default) =>
        ChangeOwnAsync(actor, accessKeyId, AuditActions.UpdateAccessKey, (_, key) => key.Status = status, ct);

    /// <summary>Deletes one of the actor's pairs; calls signed with it are refused from now on. Codes: <see cref="AccessKeyErrors.NotFoundCode"/>.</summary>
    public Task<Result> DeleteAsync(Actor actor, string accessKeyId, CancellationToken ct = default) =>
        ChangeOwnAsync(actor, accessKeyId, AuditActions.DeleteAccessKey, (db, key) => db.AccessKeys.Remove(key), ct);

    /// <summary>A change to one of the actor's own pairs: audited when made; a refusal (gone, locked out, not its pair) is not.</summary>
    private async Task<Result> ChangeOwnAsync(Actor actor, string accessKeyId, string action, Action<ConsoleDbContext, AccessKey> change, CancellationToken ct)
    {
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.SignedIn, deniedTarget: null, async scope =>
        {
            var key = await scope.Db.AccessKeys.FirstOrDefaultAsync(k => k.Id == accessKeyId && k.UserId == actor.UserId, ct);
            if (key is null)
            {
                return AccessKeyErrors.NotFound(accessKeyId);
            }

            change(scope.Db, key);
            scope.Audit(new AuditTarget(action, ResourceKind.AccessKey, accessKeyId, null));
            return true;
        }, ct);
        return outcome.ToResult();
    }

    /// <summary>
    /// The pair with this ID as the database has it now (its status and its user), with its secret in clear for signature
    /// verification; null when there is none.
    /// </summary>
    public async Task<AccessKeyCredential?> FindCredentialAsync(string accessKeyId, CancellationToken ct = default)
    {
        var credential = await ReadCredentialAsync(accessKeyId, ct);
        if (credential is { Status: AccessKeyStatus.Active, DataVersion: not null })
        {
            if (_credentials.Count >= MaxCachedSecrets)
            {
                _credentials.Clear();
            }

            _credentials[accessKeyId] = credential;
        }
        else
        {
            _credentials.TryRemove(accessKeyId, out _);
        }

        return credential;
    }

    /// <summary>
    /// The Active pair with this ID as this node last read it (<see cref="FindCredentialAsync"/>), with the data version of
    /// that read; null when none is held. Never an answer by itself: a caller uses it only once the database has been seen
    /// to hold the same version (<see cref="SignatureNonceService.UseAsync"/> reads it with the nonce), and reads the pair
    /// again otherwise (ADR-033).
    /// </summary>
    public AccessKeyCredential? HeldCredential(string accessKeyId) =>
        _credentials.TryGetValue(accessKeyId, out var credential) ? credential : null;

    /// <summary>
    /// Active pairs by ID as last read, each with the data version it was read at (<see cref="HeldCredential"/>): what a
    /// pair is at a version never changes, so an entry is right whenever the database still holds its version, and merely
    /// unused otherwise. Bounded like <see cref="_secrets"/>.
    /// </summary>
    private readonly ConcurrentDictionary<string, AccessKeyCredential> _credentials = new(StringComparer.Ordinal);

    private async Task<AccessKeyCredential?> ReadCredentialAsync(string accessKeyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await KeyWithUser.For(db)(db, accessKeyId, ct);
        if (key is null)
        {
            return null;
        }

        if (!_secrets.TryGetValue(key.ProtectedSecret, out var secret))
        {
            secret = protector.Unprotect(key.ProtectedSecret);
            if (_secrets.Count >= MaxCachedSecrets)
            {
                _secrets.Clear();
            }

            _secrets[key.ProtectedSecret] = secret;
        }

        return new AccessKeyCredential(key.Id, key.UserId, secret, key.Status) { User = key.User, ApiFaultsPending = key.ApiFaultsPending, DataVersion = key.DataVersion };
    }

    /// <summary>What <see cref="KeyWithUser"/> reads.</summary>
    private sealed record KeyRow(string Id, string UserId, string ProtectedSecret, AccessKeyStatus Status, AccountService.ActorFacts? User, bool ApiFaultsPending, string? DataVersion);

    /// <summary>
    /// The key, its user, whether any API fault is pending and the data version, in one statement (a key's user is deleted with its keys; the
    /// join is outer all the same). Every API call runs it, so it is compiled once (issue #20): the query is not rebuilt,
    /// funcletized and looked up in EF Core's query cache per call (one compiled query per model).
    /// </summary>
    private static readonly CompiledPerModel<Func<ConsoleDbContext, string, CancellationToken, Task<KeyRow?>>> KeyWithUser = new(() =>
        EF.CompileAsyncQuery((ConsoleDbContext db, string accessKeyId, CancellationToken ct) => (
            from k in db.AccessKeys.AsNoTracking()
            where k.Id == accessKeyId
            join u in db.Users.AsNoTracking() on k.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            select new KeyRow(
                k.Id,
                k.UserId,
                k.ProtectedSecret,
                k.Status,
                u == null ? null : new AccountService.ActorFacts(
                    u.Id, u.Email, u.IsPlatformAdmin, u.LockoutEnabled, u.LockoutEnd,
                    db.AccountMemberships.Where(m => m.UserId == u.Id).OrderByDescending(m => m.Role).Select(m => m.AccountId).FirstOrDefault(),
                    db.AccountMemberships.Where(m => m.UserId == u.Id).OrderByDescending(m => m.Role).Select(m => (AccountRole?)m.Role).FirstOrDefault()),
                db.SimulationFaults.Any(f => f.Kind == Simulation.SimulationFaultKind.Api && f.Remaining > 0),
                db.DataVersions.Where(v => v.Id == Persistence.DataVersion.RowId).Select(v => v.Version).FirstOrDefault()))
            .FirstOrDefault()));
}
