namespace EcsConsole.Domain.Tasks;

/// <summary>Task errors, with ECS's CancelTask codes.</summary>
public static class TaskErrors
{
    public const string NotFoundCode = "InvalidTaskId.NotFound";
    public const string IncorrectStatusCode = "InvalidTaskId.IncorrectTaskStatus";
    public const string CancelNotSupportedCode = "CancelNotSupported";

    public static EcsError NotFound(string taskId) => new(NotFoundCode, 404, $"The specified task \"{taskId}\" does not exist.");

    public static EcsError IncorrectStatus() => new(IncorrectStatusCode, 403, "The task has already ended.");

    public static EcsError CancelNotSupported() => new(CancelNotSupportedCode, 400, "This kind of task cannot be cancelled.");
}
