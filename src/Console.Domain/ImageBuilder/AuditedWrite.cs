using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>
/// How every Image Builder change is written (architecture.md, mechanisms 3, 5, 7, 9): the permission check first, then
/// the checks and the write in one transaction begun before the first read (<c>BEGIN IMMEDIATE</c>, so a quota check
/// and the insert it guards see no other writer), the audit entry in the same commit whatever the outcome, and the
/// change published after it.
/// </summary>
internal sealed class AuditedWrite(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    /// <summary>Creates a resource; <paramref name="create"/> returns its new ID or the refusal.</summary>
    public async Task<Result<string>> CreateAsync(Actor actor, string action, ResourceKind resourceType, string regionId,
        Func<ConsoleDbContext, Task<Result<string>>> create, CancellationToken ct)
    {
        if (await Access.CheckCanWriteAsync(dbFactory, actor, time, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = await create(db);
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(AuditEntry.For(actor, action, resourceType, outcome.IsSuccess ? outcome.Value : null, regionId, time.GetUtcNow(), outcome.Error));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (outcome.IsSuccess)
        {
            changes.Publish(new ResourceChange(resourceType, outcome.Value, regionId, actor.AccountId));
        }

        return outcome;
    }

    /// <summary>Changes (or removes) one resource; <paramref name="change"/> stages the change or returns the refusal.</summary>
    public async Task<Result> ChangeAsync(Actor actor, string action, ResourceKind resourceType, string regionId, string resourceId,
        Func<ConsoleDbContext, Task<EcsError?>> change, CancellationToken ct)
    {
        if (await Access.CheckCanWriteAsync(dbFactory, actor, time, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var error = await change(db);
        if (error is not null)
        {
            db.ChangeTracker.Clear();
        }

        db.AuditEntries.Add(AuditEntry.For(actor, action, resourceType, resourceId, regionId, time.GetUtcNow(), error));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (error is not null)
        {
            return error;
        }

        changes.Publish(new ResourceChange(resourceType, resourceId, regionId, actor.AccountId));
        return Result.Success();
    }
}
