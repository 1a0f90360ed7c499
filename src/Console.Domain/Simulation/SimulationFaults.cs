using System.Text.RegularExpressions;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Simulation;

/// <summary>
/// Injected faults (ui-contract §7, ADR-012): stored as rows so every node sees them, taken one at a time by a
/// conditional update inside the serialising write (two parallel calls never both take the last one), and audited when
/// they fire — as <c>&lt;action&gt;:InjectedFault</c> against the fault, with the injected code — through
/// <see cref="AuditedWrite"/>. Adding and clearing faults is the test suite's control, not a change of the cloud: not audited.
/// </summary>
public sealed partial class SimulationFaults(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, ChangeNotifier? changes = null)
{
    /// <summary>The most calls or tasks one fault may fail.</summary>
    public const int MaxCount = 1_000_000;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// The next <paramref name="count"/> calls of the ECS action <paramref name="action"/> (any caller) answer
    /// <paramref name="code"/> with <paramref name="httpStatus"/>. The caller has checked that the action exists.
    /// Codes: <c>InvalidParameter</c> (code, status 400–599, count 1–<see cref="MaxCount"/>).
    /// </summary>
    public Task<Result<string>> AddApiFaultAsync(string action, string code, int httpStatus, int count, CancellationToken ct = default)
    {
        var invalid = CheckCode(code) ?? CheckCount(count)
            ?? (httpStatus is < 400 or > 599 ? SimulationErrors.OutOfRange("httpStatus", 400, 599) : null);
        return invalid is not null
            ? Task.FromResult<Result<string>>(invalid)
            : AddAsync(new SimulationFault { Id = ids.NewFaultId(), Kind = SimulationFaultKind.Api, Action = action, Code = code, HttpStatus = httpStatus, Remaining = count, CreatedAt = time.GetUtcNow() }, ct);
    }

    /// <summary>
    /// The next <paramref name="count"/> tasks of <paramref name="taskType"/> to reach their end fail there with
    /// <paramref name="code"/>, as a real failure does (the handler's failure path). The caller has checked that the type
    /// runs on a step handler. Codes: <c>InvalidParameter</c> (code, count).
    /// </summary>
    public Task<Result<string>> AddTaskFaultAsync(AsyncTaskType taskType, string code, int count, CancellationToken ct = default)
    {
        var invalid = CheckCode(code) ?? CheckCount(count);
        return invalid is not null
            ? Task.FromResult<Result<string>>(invalid)
            : AddAsync(new SimulationFault { Id = ids.NewFaultId(), Kind = SimulationFaultKind.Task, TaskType = taskType, Code = code, HttpStatus = 500, Remaining = count, CreatedAt = time.GetUtcNow() }, ct);
    }

    /// <summary>Removes every pending fault; returns how many there were.</summary>
    public async Task<int> ClearAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cleared = await db.SimulationFaults.ExecuteDeleteAsync(ct);
        Changed("");
        return cleared;
    }

    /// <summary>The pending faults, oldest first.</summary>
    public async Task<IReadOnlyList<SimulationFault>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. OldestFirst(await db.SimulationFaults.AsNoTracking().Where(f => f.Remaining > 0).ToListAsync(ct))];
    }

    /// <summary>
    /// Before an ECS API call of <paramref name="action"/> runs: the error it answers instead when a fault is pending for
    /// the action (the fault taken, the firing audited as the caller), else null. Costs one indexed read when none is.
    /// </summary>
    public async Task<EcsError?> TakeApiFaultAsync(Actor caller, string action, string? regionId, CancellationToken ct = default)
    {
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await read.SimulationFaults.Where(ForAction(action)).AnyAsync(f => f.Remaining > 0, ct))
            {
                return null;
            }
        }

        EcsError? fired = null;
        await _write.RunAsync<bool>(caller, WriteRight.None, deniedTarget: null, async scope =>
        {
            fired = await TakeAsync(scope, action, ForAction(action), regionId, ct);
            return true;
        }, ct);
        return fired;
    }

    /// <summary>
    /// In the task engine's write, when <paramref name="task"/> reaches its end: the error it fails with when a fault is
    /// pending for its type (taken and audited in the same transaction as the task's end), else null.
    /// </summary>
    internal Task<EcsError?> TakeTaskFaultAsync(WriteScope scope, AsyncTask task, CancellationToken ct)
    {
        var type = task.Type;
        return TakeAsync(scope, type.ToString(), f => f.Kind == SimulationFaultKind.Task && f.TaskType == type, task.RegionId, ct);
    }

    /// <summary>Takes one use of the oldest matching fault (a conditional decrement: atomic on any database), audits it, drops it when used up.</summary>
    private static async Task<EcsError?> TakeAsync(WriteScope scope, string action, System.Linq.Expressions.Expression<Func<SimulationFault, bool>> match,
        string? regionId, CancellationToken ct)
    {
        var db = scope.Db;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var fault = OldestFirst(await db.SimulationFaults.AsNoTracking().Where(match).Where(f => f.Remaining > 0).ToListAsync(ct))
                .FirstOrDefault();
            if (fault is null)
            {
                return null;
            }

            var id = fault.Id;
            var taken = await db.SimulationFaults.Where(f => f.Id == id && f.Remaining > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Remaining, f => f.Remaining - 1), ct);
            if (taken == 1)
            {
                await db.SimulationFaults.Where(f => f.Id == id && f.Remaining <= 0).ExecuteDeleteAsync(ct);
                var error = fault.Kind == SimulationFaultKind.Api
                    ? SimulationErrors.Injected(fault.Code, fault.HttpStatus)
                    : SimulationErrors.InjectedTaskFailure(fault.Code);
                scope.Audit(new AuditTarget(AuditActions.WithReason(action, SimulationErrors.AuditReason.InjectedFault),
                    ResourceKind.SimulationFault, id, regionId, error));
                scope.Publish(new ResourceChange(ResourceKind.SimulationFault, id, regionId ?? "", null));
                return error;
            }
        }

        return null;
    }

    /// <summary>The faults of an ECS API action.</summary>
    private static System.Linq.Expressions.Expression<Func<SimulationFault, bool>> ForAction(string action) =>
        f => f.Kind == SimulationFaultKind.Api && f.Action == action;

    /// <summary>Faults fire and are listed in the order they were added (the ID breaks a tie).</summary>
    private static IEnumerable<SimulationFault> OldestFirst(IEnumerable<SimulationFault> faults) =>
        faults.OrderBy(f => f.CreatedAt).ThenBy(f => f.Id, StringComparer.Ordinal);

    private async Task<Result<string>> AddAsync(SimulationFault fault, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SimulationFaults.Add(fault);
        await db.SaveChangesAsync(ct);
        Changed(fault.Id);
        return fault.Id;
    }

    /// <summary>Tells open <c>/simulation</c> pages that the pending faults changed (ADR-013).</summary>
    private void Changed(string faultId) => changes?.Publish(new ResourceChange(ResourceKind.SimulationFault, faultId, "", null));

    private static EcsError? CheckCode(string code) => CodeShape().IsMatch(code) ? null : SimulationErrors.BadCode();

    private static EcsError? CheckCount(int count) => count is < 1 or > MaxCount ? SimulationErrors.OutOfRange("count", 1, MaxCount) : null;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex CodeShape();
}
