namespace EcsConsole.Domain.Tasks;

/// <summary>Task errors, with ECS's DescribeTaskAttribute and CancelTask codes (ecs-openapi §2.14).</summary>
public static class TaskErrors
{
    public const string NotFoundCode = "InvalidTaskId.NotFound";
    public const string IncorrectStatusCode = "InvalidTaskId.IncorrectTaskStatus";
    public const string CancelNotSupportedCode = "CancelNotSupported";
    public const string TaskActionNotSupportCode = "InvalidTaskId.TaskActionNotSupport";

    /// <summary>DescribeTaskAttribute and CancelTask answer an unknown task with 400 (ecs-openapi §2.14).</summary>
    public static EcsError NotFound(string taskId) => new(NotFoundCode, 400, $"The specified task \"{taskId}\" does not exist.");

    public static EcsError IncorrectStatus() => new(IncorrectStatusCode, 403, "The task has already ended.");

    /// <summary>CancelTask on a task whose kind cannot be cancelled (ecs-openapi §2.14).</summary>
    public static EcsError TaskActionNotSupport() => new(TaskActionNotSupportCode, 403, "This kind of task cannot be cancelled.");
    /// <summary>CancelCopyImage on a copy that cannot be cancelled (ecs-openapi §2.5).</summary>
    public static EcsError CancelNotSupported() => new(CancelNotSupportedCode, 400, "This kind of task cannot be cancelled.");
}
