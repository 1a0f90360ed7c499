using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Instances;

/// <summary>
/// What a batch action (StartInstances, StopInstances) did to one of its instances: its status before and after (null
/// when it is not one of the caller's instances in the region), and its refusal (null when the change was made).
/// </summary>
public sealed record InstanceBatchOutcome(string InstanceId, InstanceStatus? PreviousStatus, InstanceStatus? CurrentStatus, EcsError? Error);

/// <summary>
/// How a batch treats its instances (ECS's <c>BatchOptimization</c>): <see cref="AllTogether"/> changes all of them or
/// none, answering the first refusal; <see cref="SuccessFirst"/> changes each it can and reports each outcome.
/// </summary>
public enum BatchOptimization
{
    AllTogether,
    SuccessFirst,
}

/// <summary>
/// The plural instance actions (StartInstances, StopInstances, DeleteInstances) and RebootInstance: each instance goes
/// through the same audited change as its single action, so the rules, the audit and the live pages are the same.
/// </summary>
public sealed partial class InstanceService
{
    /// <summary>The most instances one batch names (ECS: 100).</summary>
    public const int MaxBatch = 100;

    /// <summary>StartInstances (INS-11): <see cref="StartAsync"/> on each instance, as <paramref name="mode"/> says.</summary>
    public Task<Result<IReadOnlyList<InstanceBatchOutcome>>> StartManyAsync(Actor actor, string regionId, IReadOnlyList<string> instanceIds,
        BatchOptimization mode, CancellationToken ct = default) =>
        BatchAsync(actor, regionId, instanceIds, mode, (who, id) => StartAsync(who, regionId, id, ct), ct);

    /// <summary>StopInstances (INS-11): <see cref="StopAsync(Actor, string, string, CancellationToken)"/> on each instance, as <paramref name="mode"/> says.</summary>
    public Task<Result<IReadOnlyList<InstanceBatchOutcome>>> StopManyAsync(Actor actor, string regionId, IReadOnlyList<string> instanceIds,
        BatchOptimization mode, CancellationToken ct = default) =>
        StopManyAsync(actor, regionId, instanceIds, mode, stopCharging: false, ct);

    /// <summary>StopInstances with its <c>StoppedMode</c> (<see cref="StopAsync(Actor, string, string, bool, CancellationToken)"/>).</summary>
    public Task<Result<IReadOnlyList<InstanceBatchOutcome>>> StopManyAsync(Actor actor, string regionId, IReadOnlyList<string> instanceIds,
        BatchOptimization mode, bool stopCharging, CancellationToken ct = default) =>
        StopManyAsync(actor, regionId, instanceIds, mode, stopCharging, forceStop: false, ct);

    /// <summary>StopInstances with its <c>StoppedMode</c> and <c>ForceStop</c> (<see cref="StopAsync(Actor, string, string, bool, bool, CancellationToken)"/>).</summary>
    public Task<Result<IReadOnlyList<InstanceBatchOutcome>>> StopManyAsync(Actor actor, string regionId, IReadOnlyList<string> instanceIds,
        BatchOptimization mode, bool stopCharging, bool forceStop, CancellationToken ct = default) =>
        BatchAsync(actor, regionId, instanceIds, mode, (who, id) => StopAsync(who, regionId, id, stopCharging, forceStop, ct), ct);

    /// <summary>
    /// DeleteInstances: <see cref="ReleaseAsync(Actor, string, string, InstanceRelease, CancellationToken)"/> on every
    /// instance, all or none (ECS releases a batch together): the first refusal is the answer and nothing is released.
    /// </summary>
    public Task<Result> ReleaseManyAsync(Actor actor, string regionId, IReadOnlyList<string> instanceIds, bool force, CancellationToken ct = default) =>
        ReleaseManyAsync(actor, regionId, instanceIds, new InstanceRelease(force), ct);

    /// <summary>DeleteInstances with its <c>Force</c>, <c>ForceStop</c> and <c>TerminateSubscription</c>.</summary>
    public async Task<Result> ReleaseManyAsync(Actor actor, string regionId, IReadOnlyList<string> instanceIds, InstanceRelease release, CancellationToken ct = default)
    {
        var outcome = await BatchAsync(actor, regionId, instanceIds, BatchOptimization.AllTogether, (who, id) => ReleaseAsync(who, regionId, id, release, ct), ct);
        return outcome.IsSuccess ? Result.Success() : outcome.Error;
    }

    /// <summary>RebootInstance (INS-12) as the console reboots: normally (<see cref="RebootAsync(Actor, string, string, bool, CancellationToken)"/>).</summary>
    public Task<Result> RebootAsync(Actor actor, string regionId, string instanceId, CancellationToken ct = default) =>
        RebootAsync(actor, regionId, instanceId, forceStop: false, ct);

    /// <summary>
    /// RebootInstance (INS-12, IPAR-30): a Running instance restarts — normally Stopping, then Starting, then Running; with
    /// <paramref name="forceStop"/> (the power cut) straight to Starting, then Running. <see cref="InstanceErrors.IncorrectStatusCode"/>
    /// unless Running.
    /// </summary>
    public Task<Result> RebootAsync(Actor actor, string regionId, string instanceId, bool forceStop, CancellationToken ct = default) =>
        ChangeAsync(actor, regionId, instanceId, AuditActions.RebootInstance, (scope, instance, region) =>
        {
            if (InstanceRules.CannotMove(instance.Name, instance.Status, InstanceStatus.Running, "restarted") is { } refused)
            {
                return refused;
            }

            instance.Status = forceStop ? InstanceStatus.Starting : InstanceStatus.Stopping;
            tasks.New(scope.Db, region.Infix, regionId, instance.AccountId, forceStop ? AsyncTaskType.StartInstance : AsyncTaskType.RebootInstance,
                instance.Id, cancellable: false);
            return Result.Success();
        }, ct);

    /// <summary>
    /// The frame of a batch: at most <see cref="MaxBatch"/> distinct instances (<c>InvalidParameter</c>). Every instance is
    /// first checked as a dry run. A refused right is the whole call's answer (it is the caller's, not an instance's), and
    /// so is any refusal <see cref="BatchOptimization.AllTogether"/>: that instance's change is then made for real, so
    /// the refusal is audited as its single action audits it, and nothing else is changed. Otherwise each instance is
    /// changed in its own audited write, a refused one answering its refusal (<see cref="BatchOptimization.SuccessFirst"/>).
    /// </summary>
    private async Task<Result<IReadOnlyList<InstanceBatchOutcome>>> BatchAsync(Actor actor, string regionId, IReadOnlyList<string> instanceIds,
        BatchOptimization mode, Func<Actor, string, Task<Result>> change, CancellationToken ct)
    {
        if (instanceIds.Count == 0)
        {
            return CommonErrors.MissingParameter("InstanceId.N");
        }

        if (instanceIds.Count > MaxBatch)
        {
            return CommonErrors.InvalidParameter("InstanceId.N", $"a call names at most {MaxBatch} instances.");
        }

        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        var checks = new List<(string Id, EcsError? Refusal)>(ids.Count);
        foreach (var id in ids)
        {
            var checkedOne = await change(actor with { DryRun = true }, id);
            checks.Add((id, checkedOne.Error is { Code: CommonErrors.DryRunOperationCode } ? null : checkedOne.Error));
        }

        var whole = checks.FirstOrDefault(c => c.Refusal?.Code == CommonErrors.ForbiddenCode);
        if (whole.Refusal is null && mode == BatchOptimization.AllTogether)
        {
            whole = checks.FirstOrDefault(c => c.Refusal is not null);
        }

        if (whole.Refusal is { } refused)
        {
            return actor.DryRun ? refused : (await change(actor, whole.Id)).Error ?? refused;
        }

        if (actor.DryRun)
        {
            // Every check has run; a dry run changes nothing (SuccessFirst: each refusal is reported).
            return checks.All(c => c.Refusal is null)
                ? CommonErrors.DryRunOperation()
                : checks.Select(c => new InstanceBatchOutcome(c.Id, null, null, c.Refusal)).ToList();
        }

        var before = await StatusesAsync(actor, regionId, ids, ct);
        var done = new Dictionary<string, EcsError?>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var changed = await change(actor, id);
            done[id] = changed.IsSuccess ? null : changed.Error;
        }

        var after = await StatusesAsync(actor, regionId, ids, ct);
        return ids.Select(id => new InstanceBatchOutcome(id, before.GetValueOrDefault(id), after.GetValueOrDefault(id), done[id])).ToList();
    }

    /// <summary>The statuses of those of <paramref name="ids"/> that are the actor's instances in the region.</summary>
    private async Task<Dictionary<string, InstanceStatus?>> StatusesAsync(Actor actor, string regionId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking()
            .Where(i => i.AccountId == actor.AccountId && i.RegionId == regionId && ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (InstanceStatus?)i.Status, ct);
    }
}
