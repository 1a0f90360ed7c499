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
public sealed class TaskQueryService(IDbContextFactory<ConsoleDbContext> dbFactory, AsyncTaskEngine? engine = null)
{
    /// <summary>
    /// The whole seconds still to go (rounded up) of each of <paramref name="resourceIds"/> that a task of the actor's account
    /// in <paramref name="regionId"/> is still making (a copy, a snapshot): ECS's <c>RemainTime</c>. Resources with no
    /// such task are absent (their <c>RemainTime</c> is 0).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> RemainingSecondsAsync(Actor actor, string regionId, IReadOnlyCollection<string> resourceIds,
        CancellationToken ct = default)
    {
        if (engine is null || resourceIds.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var tasks = await dbFactory.ReadOwnAsync(actor, [], async (db, account) => await db.AsyncTasks.AsNoTracking()
            .Where(t => t.AccountId == account && t.RegionId == regionId && t.Status == AsyncTaskStatus.Processing && resourceIds.Contains(t.ResourceId))
            .Select(t => new { t.ResourceId, t.Progress, t.DueAt }).ToListAsync(ct), ct);
        return tasks.GroupBy(t => t.ResourceId)
            .ToDictionary(g => g.Key, g => g.Max(t => (int)Math.Ceiling(engine.Remaining(t.Progress, t.DueAt).TotalSeconds)));
    }

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
