using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Simulation;

/// <summary>A number as a control received it: absent, a whole number, or present but not one (<see cref="Value"/> null).</summary>
public readonly record struct WholeNumber(bool Present, int? Value)
{
    public static WholeNumber Absent => default;

    public static WholeNumber Of(int? value) => value is null ? Absent : new(true, value);

    /// <summary>The value within <paramref name="min"/>..<paramref name="max"/>, null when absent; <c>InvalidParameter</c> otherwise.</summary>
    public int? InRange(string name, int min, int max, out EcsError? invalid)
    {
        invalid = Present && (Value is null || Value < min || Value > max) ? SimulationErrors.OutOfRange(name, min, max) : null;
        return invalid is null ? Value : null;
    }
}

/// <summary>
/// A fault to add (ui-contract §7), as the HTTP control's body or the <c>/simulation</c> page's <c>Add Fault</c> dialog
/// gives it: an API action or a task type, the code, the HTTP status (API faults) and the count (default 1). One set of
/// checks, in one order, for both faces (ADR-013), so bad input answers the same codes: <c>InvalidParameter</c> (both
/// kinds, unknown action or task type, a task type that cannot be faulted, numbers out of range, the code's shape) and
/// <c>MissingParameter</c> (<c>action</c>, <c>code</c>, <c>httpStatus</c>).
/// </summary>
public sealed record FaultRequest(string? Action, string? TaskType, string? Code, WholeNumber HttpStatus, WholeNumber Count)
{
    /// <summary>Checks the request and adds the fault; returns its ID. <paramref name="isApiAction"/> knows the API's actions.</summary>
    public async Task<Result<string>> AddAsync(SimulationFaults faults, AsyncTaskEngine engine, Func<string, bool> isApiAction, CancellationToken ct = default)
    {
        var action = Blank(Action);
        var taskType = Blank(TaskType);
        var code = Blank(Code);
        if (action is not null && taskType is not null)
        {
            return SimulationErrors.BothKinds();
        }

        if (action is null && taskType is null)
        {
            return CommonErrors.MissingParameter("action");
        }

        if (code is null)
        {
            return CommonErrors.MissingParameter("code");
        }

        var count = Count.InRange("count", 1, SimulationFaults.MaxCount, out var invalid) ?? 1;
        if (invalid is not null)
        {
            return invalid;
        }

        if (action is not null)
        {
            var status = HttpStatus.InRange("httpStatus", 400, 599, out invalid);
            if (invalid is not null)
            {
                return invalid;
            }

            if (status is null)
            {
                return CommonErrors.MissingParameter("httpStatus");
            }

            return isApiAction(action)
                ? await faults.AddApiFaultAsync(action, code, status.Value, count, ct)
                : SimulationErrors.UnknownAction(action);
        }

        if (!BuilderRules.TryParseName<AsyncTaskType>(taskType!, out var type))
        {
            return SimulationErrors.UnknownTaskType(taskType!);
        }

        return engine.EndsInStep(type)
            ? await faults.AddTaskFaultAsync(type, code, count, ct)
            : SimulationErrors.NotFaultable(taskType!);
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
