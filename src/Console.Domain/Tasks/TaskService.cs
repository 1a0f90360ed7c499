namespace EcsConsole.Domain.Tasks;

/// <summary>Creating and cancelling asynchronous tasks; the <see cref="AsyncTaskEngine"/> runs them.</summary>
public sealed class TaskService(IDbContextFactory<ConsoleDbContext> dbFactory, AsyncTaskEngine engine, IdGenerator ids, TimeProvider time)
{
    private readonly AuditedWrite _write = new(dbFactory, time, engine.Notifier);

    /// <summary>
    /// A new Processing task at 0%, due one step from now, to be added to <paramref name="db"/> by the caller in the same
    /// transaction as the resource it makes.
    /// </summary>
    public AsyncTask New(ConsoleDbContext db, string regionInfix, string regionId, string accountId, AsyncTaskType type, string resourceId,
        bool cancellable, string? payload = null)
    {
        var now = time.GetUtcNow();
        var task = new AsyncTask
        {
            Id = ids.NewTaskId(regionInfix),
            RegionId = regionId,
            AccountId = accountId,
            Type = type,
            ResourceId = resourceId,
            Cancellable = cancellable,
            Payload = payload,
            Stage = "Queued",
            CreatedAt = now,
            UpdatedAt = now,
            DueAt = engine.FirstDueAt(now),
        };
        db.AsyncTasks.Add(task);
        return task;
    }

    /// <summary>
    /// Cancels a Processing task of the actor's account and undoes what it made. Codes:
    /// <see cref="TaskErrors.NotFoundCode"/> (no such task in the account), <c>Forbidden</c> (read-only member),
    /// <see cref="TaskErrors.TaskActionNotSupportCode"/>, <see cref="TaskErrors.IncorrectStatusCode"/> (already ended).
    /// </summary>
    public async Task<Result> CancelAsync(Actor actor, string taskId, CancellationToken ct = default)
    {
        // The right is checked once the task is found; an unknown task is refused unaudited.
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var task = await scope.Db.AsyncTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.AccountId == actor.AccountId, ct);
            if (task is null)
            {
                return TaskErrors.NotFound(taskId);
            }

            scope.Audit(new AuditTarget(AuditActions.CancelTask, ResourceKind.Task, taskId, task.RegionId));
            var error = await scope.CheckCanWriteAsync(ct)
                ?? (!task.Cancellable ? TaskErrors.TaskActionNotSupport() : null)
                ?? (task.Status != AsyncTaskStatus.Processing ? TaskErrors.IncorrectStatus() : null);
            if (error is not null)
            {
                return error;
            }

            scope.Publish(await engine.CancelAsync(scope.Db, task, ct)); // what cancelling the task changed
            return true;
        }, ct);
        return outcome.ToResult();
    }
}
