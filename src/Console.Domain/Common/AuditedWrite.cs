using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcsConsole.Domain.Common;

/// <summary>Which right a write asks of its actor, re-read inside the write's transaction (ADR-007, ADR-008).</summary>
public enum WriteRight
{
    /// <summary>No check here: the body decides (e.g. <see cref="Access.OwnedImageForWriteAsync(ConsoleDbContext, Actor, TimeProvider, string, string, CancellationToken)"/>, whose NotFound wins over Forbidden).</summary>
    None,

    /// <summary><see cref="Access.CheckCanWriteAsync(ConsoleDbContext, Actor, TimeProvider, CancellationToken)"/>.</summary>
    CanWrite,

    /// <summary><see cref="Access.CheckAccountAdminAsync(ConsoleDbContext, Actor, TimeProvider, string, CancellationToken)"/>.</summary>
    AccountAdmin,

    /// <summary><see cref="Access.CheckPlatformAdminAsync(ConsoleDbContext, Actor, TimeProvider, string, CancellationToken)"/>.</summary>
    PlatformAdmin,
}

/// <summary>What a write is audited against: the action, the resource's kind, its ID (null when none yet) and region.</summary>
public sealed record AuditTarget(string Action, ResourceKind Kind, string? ResourceId, string? RegionId);

/// <summary>
/// The open write a body works in: its context (inside the serialising transaction), the actor as the database knows it
/// now, the time, and what the body says is to be audited and published.
/// </summary>
public sealed class WriteScope
{
    private readonly List<AuditTarget> _audits = [];
    private readonly List<ResourceChange> _changes = [];

    internal WriteScope(ConsoleDbContext db, Actor actor, DateTimeOffset now)
    {
        Db = db;
        Actor = actor;
        Now = now;
    }

    public ConsoleDbContext Db { get; }

    /// <summary>The actor re-read inside the transaction (its role today); the claimed actor when the right is <see cref="WriteRight.None"/>.</summary>
    public Actor Actor { get; }

    /// <summary>The time of the write, read once.</summary>
    public DateTimeOffset Now { get; }

    internal IReadOnlyList<AuditTarget> Audits => _audits;

    internal IReadOnlyList<ResourceChange> Changes => _changes;

    /// <summary>
    /// Audits the write against <paramref name="target"/>: with no error when it succeeds, with its error code when it is
    /// refused. A body that fails audits the one target its refusal names.
    /// </summary>
    public void Audit(AuditTarget target) => _audits.Add(target);

    /// <summary>Publishes <paramref name="change"/> once the write has committed (never for a refused write).</summary>
    public void Publish(ResourceChange change) => _changes.Add(change);

    /// <summary>Forgets what the body audited and would publish (a refusal found after the first targets were named).</summary>
    public void Reset()
    {
        _audits.Clear();
        _changes.Clear();
    }
}

/// <summary>
/// The one audited write (architecture.md, mechanisms 3, 5, 7, 9; ADR-008): open a context, begin the serialising
/// transaction, re-read the actor's rights on that context, run the body, write the audit entries whatever the outcome,
/// commit, then publish the changes. Every changing service method goes through it.
/// </summary>
public sealed class AuditedWrite(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier? changes = null)
{
    /// <summary>
    /// The general write. <paramref name="deniedTarget"/> is what a refused right is audited against (null: a refused
    /// right is returned unaudited, as some services have always done). <paramref name="why"/> is the Forbidden message
    /// for <see cref="WriteRight.AccountAdmin"/> and <see cref="WriteRight.PlatformAdmin"/>.
    /// </summary>
    public async Task<Result<T>> RunAsync<T>(Actor actor, WriteRight right, AuditTarget? deniedTarget,
        Func<WriteScope, Task<Result<T>>> body, CancellationToken ct, string why = "")
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await BeginSerialisingAsync(db, ct);
        var current = await CurrentAsync(db, actor, right, why, ct);
        if (!current.IsSuccess)
        {
            if (deniedTarget is not null)
            {
                db.AuditEntries.Add(AuditEntry.For(actor, deniedTarget.Action, deniedTarget.Kind, deniedTarget.ResourceId, deniedTarget.RegionId, time.GetUtcNow(), current.Error));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }

            return current.Error;
        }

        var scope = new WriteScope(db, current.Value, time.GetUtcNow());
        var outcome = await body(scope);
        var error = outcome.IsSuccess ? null : outcome.Error;
        if (error is not null)
        {
            db.ChangeTracker.Clear();
        }

        var now = time.GetUtcNow();
        db.AuditEntries.AddRange(scope.Audits.Select(a => AuditEntry.For(actor, a.Action, a.Kind, a.ResourceId, a.RegionId, now, error)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (error is null)
        {
            foreach (var change in scope.Changes)
            {
                changes?.Publish(change);
            }
        }

        return outcome;
    }

    /// <summary>
    /// Creates one resource: audited against its new ID (<paramref name="idOf"/>) when created, against
    /// <paramref name="target"/>'s ID when refused; the new resource is published in the actor's account.
    /// </summary>
    public Task<Result<T>> CreateAsync<T>(Actor actor, WriteRight right, AuditTarget target, bool auditDenied,
        Func<WriteScope, Task<Result<T>>> body, Func<T, string> idOf, CancellationToken ct, string why = "") =>
        RunAsync(actor, right, auditDenied ? target : null, async scope =>
        {
            var outcome = await body(scope);
            if (outcome.IsSuccess)
            {
                var id = idOf(outcome.Value);
                scope.Audit(target with { ResourceId = id });
                scope.Publish(new ResourceChange(target.Kind, id, target.RegionId!, actor.AccountId));
            }
            else
            {
                scope.Audit(target);
            }

            return outcome;
        }, ct, why);

    /// <summary>
    /// Changes (or removes) one resource, audited against <paramref name="target"/> whatever the outcome and, unless
    /// <paramref name="publish"/> is false (the body names its own changes), published in the actor's account when done.
    /// </summary>
    public async Task<Result> ChangeAsync(Actor actor, WriteRight right, AuditTarget target, bool auditDenied,
        Func<WriteScope, Task<EcsError?>> body, CancellationToken ct, string why = "", bool publish = true)
    {
        var outcome = await RunAsync<bool>(actor, right, auditDenied ? target : null, async scope =>
        {
            scope.Audit(target);
            if (publish)
            {
                scope.Publish(new ResourceChange(target.Kind, target.ResourceId!, target.RegionId!, actor.AccountId)); // first; the body may add more
            }

            return await body(scope) is { } error ? error : true;
        }, ct, why);
        return outcome.IsSuccess ? Result.Success() : outcome.Error;
    }

    /// <summary>
    /// The serialising transaction, begun before the first read so that a check and the write it guards see no other
    /// writer. The one place that differs per database provider: on SQLite, Microsoft.Data.Sqlite begins a non-deferred
    /// transaction as <c>BEGIN IMMEDIATE</c>, which takes the write lock at once (writers queue here).
    /// </summary>
    private static Task<IDbContextTransaction> BeginSerialisingAsync(ConsoleDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(ct);

    private async Task<Result<Actor>> CurrentAsync(ConsoleDbContext db, Actor actor, WriteRight right, string why, CancellationToken ct)
    {
        if (right == WriteRight.None)
        {
            return actor;
        }

        var current = await Access.CurrentAsync(db, actor, time, ct);
        if (!current.IsSuccess)
        {
            return current;
        }

        var denied = right switch
        {
            WriteRight.CanWrite => Access.CheckCanWrite(current.Value),
            WriteRight.AccountAdmin => current.Value.IsAccountAdmin ? null : CommonErrors.Forbidden(why),
            _ => current.Value.IsPlatformAdmin ? null : CommonErrors.Forbidden(why),
        };
        return denied is null ? current : denied;
    }
}
