namespace EcsConsole.Domain.Simulation;

/// <summary>Errors of the simulation control (ui-contract §7). Bad input uses the common <c>MissingParameter</c> and <c>InvalidParameter</c>.</summary>
public static class SimulationErrors
{
    /// <summary>How an injected fault is recorded in the audit log: <c>&lt;action or task type&gt;:InjectedFault</c>.</summary>
    public enum AuditReason
    {
        InjectedFault,
    }

    /// <summary>
    /// The error an injected fault answers (an API fault) or ends a task with (a task fault): the code and status the fault
    /// was given; the message says it was injected.
    /// </summary>
    public static EcsError Injected(string code, int httpStatus) =>
        new(code, httpStatus, $"The request processing has failed: a fault ({code}) was injected by the simulation control.");

    /// <summary>A task fault's error: ECS reports a failed task's code with the server-error status.</summary>
    public static EcsError InjectedTaskFailure(string code) => Injected(code, 500);

    public static EcsError NotFaultable(string taskType) =>
        CommonErrors.InvalidParameter("taskType", $"{taskType} tasks are driven by phases of other tasks and cannot be faulted; fault the tasks they start.");

    public static EcsError UnknownTaskType(string taskType) =>
        CommonErrors.InvalidParameter("taskType", $"\"{taskType}\" is not a task type ({string.Join(", ", Enum.GetNames<Tasks.AsyncTaskType>())}).");

    public static EcsError UnknownAction(string action) =>
        CommonErrors.InvalidParameter("action", $"\"{action}\" is not an ECS API action of this console.");

    public static EcsError BothKinds() =>
        CommonErrors.InvalidParameter("action", "A fault names either an API action or a task type, not both.");

    public static EcsError OutOfRange(string name, long min, long max) =>
        CommonErrors.InvalidParameter(name, $"must be a whole number from {min} to {max}.");

    public static EcsError BadCode() =>
        CommonErrors.InvalidParameter("code", "must be 1 to 128 letters, digits, dots, dashes or underscores.");

    public static EcsError BadBody(string why) => CommonErrors.InvalidParameter("body", why);
}
