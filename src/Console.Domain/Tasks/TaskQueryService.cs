namespace EcsConsole.Domain.Tasks;

/// <summary>An asynchronous task as the task list shows it; the runner's bookkeeping (payload, lease, due time) stays out.</summary>
public sealed record TaskListItem(
    string Id,
    AsyncTaskType Type,
    string ResourceId,
    AsyncTaskStatus Status,
    int Progress,
    string Stage,
    bool Cancellable,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? ErrorCode,
    string? ErrorMessage);

/// <summary>Reads the actor's asynchronous tasks.</summary>
public sealed class TaskQueryService(IDbContextFactory<ConsoleDbContext> dbFactory)
{
    /// <summary>
    /// The tasks of the actor's account in <paramref name="regionId"/>, newest first. An actor without an account has none;
    /// another account's tasks never appear.
    /// </summary>
    public Task<IReadOnlyList<TaskListItem>> ListAsync(Actor actor, string regionId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync<IReadOnlyList<TaskListItem>>(actor, [], async (db, account) => await db.AsyncTasks.AsNoTracking()
            .Where(t => t.AccountId == account && t.RegionId == regionId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new TaskListItem(
                t.Id, t.Type, t.ResourceId, t.Status, t.Progress, t.Stage, t.Cancellable, t.CreatedAt, t.FinishedAt, t.ErrorCode, t.ErrorMessage))
            .ToListAsync(ct), ct);
}
