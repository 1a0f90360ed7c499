using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Permissions;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcsConsole.Domain.Common;

/// <summary>
/// The one audited write (architecture.md, mechanisms 3, 5, 7, 9; ADR-008): open a context, begin the serialising
/// transaction, re-read the actor's rights on that context, run the body, write the audit entries whatever the outcome,
/// commit, then publish the changes. Every changing service method goes through it. A dry-run actor's write
/// (<see cref="Actor.DryRun"/>) stops before the audit: it is rolled back whole and answers <c>DryRunOperation</c>
/// when its body succeeded, its refusal otherwise (ADR-016).
/// </summary>
public sealed class AuditedWrite(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier? changes = null)
{
    private const string BodySavepoint = "write_body";

    /// <summary>
    /// The general write. <paramref name="deniedTarget"/> is what a refused right is audited against (null: a refused
    /// right is returned unaudited, as some services have always done). <paramref name="why"/> is the Forbidden message
    /// for <see cref="WriteRight.AccountAdmin"/> and <see cref="WriteRight.PlatformAdmin"/>.
    /// </summary>
    public async Task<Result<T>> RunAsync<T>(Actor actor, WriteRight right, AuditTarget? deniedTarget,
        Func<WriteScope, Task<Result<T>>> body, CancellationToken ct, string why = "")
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await BeginSerialisingAsync(db, actor, ct);
        var current = await CurrentAsync(db, actor, right, why, ct);
        var scope = new WriteScope(db, current.IsSuccess ? current.Value : actor, time);
        Result<T> outcome;
        if (!current.IsSuccess)
        {
            if (deniedTarget is not null)
            {
                scope.Audit(deniedTarget);
            }

            outcome = current.Error;
        }
        else
        {
            await tx.CreateSavepointAsync(BodySavepoint, ct);
            outcome = await body(scope);
            if (!outcome.IsSuccess)
            {
                // Nothing of a refused write stays, not even what its body saved on the way: only the audit entry.
                db.ChangeTracker.Clear();
                await tx.RollbackToSavepointAsync(BodySavepoint, ct);
            }
        }

        if (actor.DryRun)
        {
            // A dry run (ADR-016): every check has run; undo everything, audit nothing, publish nothing.
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            return outcome.IsSuccess ? CommonErrors.DryRunOperation() : outcome.Error;
        }

        var error = outcome.IsSuccess ? null : outcome.Error;
        var now = time.GetUtcNow();
        db.AuditEntries.AddRange(scope.Audits.Select(a => AuditEntry.For(scope.AuditedActor ?? actor, a.Action, a.Kind, a.ResourceId, a.RegionId, now, a.Outcome ?? error)));
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
        CreateAsync(actor, right, target, auditDenied, body, created => target with { ResourceId = idOf(created) }, ct, why);

    /// <summary>
    /// Creates one resource somewhere else than what a refusal names (a copy in its destination region): audited against
    /// <paramref name="createdTarget"/> when created, and published there in the actor's account; against
    /// <paramref name="refusedTarget"/> when refused.
    /// </summary>
    public Task<Result<T>> CreateAsync<T>(Actor actor, WriteRight right, AuditTarget refusedTarget, bool auditDenied,
        Func<WriteScope, Task<Result<T>>> body, Func<T, AuditTarget> createdTarget, CancellationToken ct, string why = "") =>
        RunAsync(actor, right, auditDenied ? refusedTarget : null, async scope =>
        {
            var outcome = await body(scope);
            var audited = outcome.IsSuccess ? createdTarget(outcome.Value) : refusedTarget;
            scope.Audit(audited);
            if (outcome.IsSuccess)
            {
                scope.Publish(new ResourceChange(audited.Kind, audited.ResourceId!, audited.RegionId!, actor.AccountId));
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
    /// writer. The one place that differs per database provider (ADR-017): on SQLite, Microsoft.Data.Sqlite begins a
    /// non-deferred transaction as <c>BEGIN IMMEDIATE</c>, which takes the write lock at once (writers queue here). On
    /// PostgreSQL the writes of one account queue on a transaction-level advisory lock keyed by the account (the
    /// system's and a platform admin's writes without an account share one key): every read after it, under READ
    /// COMMITTED, sees what the previous holder committed, so quota and name checks hold across nodes.
    /// </summary>
    private static async Task<IDbContextTransaction> BeginSerialisingAsync(ConsoleDbContext db, Actor actor, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsPostgres())
        {
            await SerialiseAccountAsync(db, actor.AccountId, ct);
        }

        return tx;
    }

    /// <summary>PostgreSQL: waits for, then holds until the transaction ends, the advisory lock of one account.</summary>
    internal static Task SerialiseAccountAsync(ConsoleDbContext db, string? accountId, CancellationToken ct)
    {
        var key = "account:" + (accountId ?? "");
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
    }

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
            WriteRight.SignedIn => null,
            WriteRight.CanWrite => Access.CheckCanWrite(current.Value),
            WriteRight.AccountAdmin => current.Value.IsAccountAdmin ? null : CommonErrors.Forbidden(why),
            _ => current.Value.IsPlatformAdmin ? null : CommonErrors.Forbidden(why),
        };
        return denied is null ? current : denied;
    }
}
