namespace EcsConsole.Domain.ImageUpdates;

/// <summary>Image update errors, with the codes OOS gives for an execution of <c>ACS-ECS-UpdateImage</c>.</summary>
public static class ImageUpdateErrors
{
    /// <summary>OOS's code for an execution the caller does not have (another account's, or none).</summary>
    public const string ExecutionNotFoundCode = "EntityNotExists.Execution";

    /// <summary>OOS's code for cancelling an execution that has ended.</summary>
    public const string InvalidStatusCode = "InvalidStatus";

    public static EcsError ExecutionNotFound(string executionId) => new(ExecutionNotFoundCode, 404, $"The execution {executionId} does not exist.");

    /// <summary>The run's task finds its execution gone.</summary>
    public static EcsError ExecutionGone() => new(ExecutionNotFoundCode, 404, "The execution no longer exists.");

    public static EcsError Ended(string executionId, OosStatus status) => new(InvalidStatusCode, 400, $"The execution {executionId} has ended ({status}).");
}
