using EcsConsole.Domain.Common;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Web.Api;

/// <summary>DescribeTasks, DescribeTaskAttribute and CancelTask (ecs-openapi §2.14) over the console's task list.</summary>
internal static class TaskActions
{
    public static void Register(IDictionary<string, ApiAction> actions)
    {
        actions["DescribeTasks"] = DescribeTasksAsync;
        actions["DescribeTaskAttribute"] = DescribeTaskAttributeAsync;
        actions["CancelTask"] = CancelTaskAsync;
    }

    private static async Task<ApiReply> DescribeTasksAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var ids = p.CommaList("TaskIds", 100, CommonErrors.InvalidParameter("TaskIds", "it holds at most 100 task IDs."));
        var action = p.Get("TaskAction");
        var status = p.Get("TaskStatus");
        var resources = p.List("ResourceIds");
        var from = p.Time("StartTime");
        var to = p.Time("EndTime");
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var tasks = (await call.Service<TaskQueryService>().ListAsync(call.Actor, region!.Id, call.Ct))
            .Where(t => ids.Count == 0 || ids.Contains(t.Id))
            .Where(t => action is null || t.Type.ToString() == action)
            .Where(t => status is not ("Finished" or "Processing" or "Failed" or "Cancelled") || t.Status.ToString() == status)
            .Where(t => resources.Count == 0 || resources.Contains(t.ResourceId))
            .Where(t => (from is null || t.CreatedAt >= from) && (to is null || t.CreatedAt <= to))
            .ToList();
        var page = ApiPage<TaskListItem>.Read(p, tasks, tokens: false);
        if (p.Error is { } badPage)
        {
            return badPage;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            RegionId = region.Id,
            TotalCount = page.Total,
            page.PageNumber,
            page.PageSize,
            TaskSet = new
            {
                Task = page.Items.Select(t => new
                {
                    TaskId = t.Id,
                    TaskAction = t.Type.ToString(),
                    TaskStatus = t.Status.ToString(),
                    SupportCancel = SupportCancel(t),
                    CreationTime = ApiTime.Format(t.CreatedAt),
                    FinishedTime = ApiTime.Format(t.FinishedAt) ?? "",
                    t.ResourceId,
                }).ToList(),
            },
        });
    }

    private static async Task<ApiReply> DescribeTaskAttributeAsync(ApiCall call)
    {
        var region = await call.RegionAsync();
        var taskId = call.P.Required("TaskId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var task = (await call.Service<TaskQueryService>().ListAsync(call.Actor, region!.Id, call.Ct)).FirstOrDefault(t => t.Id == taskId);
        if (task is null)
        {
            return TaskErrors.NotFound(taskId);
        }

        var succeeded = task.Status == AsyncTaskStatus.Finished;
        var failed = task.Status is AsyncTaskStatus.Failed or AsyncTaskStatus.Cancelled;
        return ApiReply.Ok(new
        {
            call.RequestId,
            RegionId = region.Id,
            TaskId = task.Id,
            TaskAction = task.Type.ToString(),
            TaskStatus = task.Status.ToString(),
            TaskProcess = ImageActions.Percent(task.Progress),
            SupportCancel = SupportCancel(task),
            CreationTime = ApiTime.Format(task.CreatedAt),
            FinishedTime = ApiTime.Format(task.FinishedAt) ?? "",
            TotalCount = 1,
            SuccessCount = succeeded ? 1 : 0,
            FailedCount = failed ? 1 : 0,
            OperationProgressSet = new
            {
                OperationProgress = new[]
                {
                    new
                    {
                        OperationStatus = succeeded ? "Success" : failed ? "Failed" : "Processing",
                        ErrorCode = task.ErrorCode ?? "",
                        ErrorMsg = task.ErrorMessage ?? "",
                        RelatedItemSet = new { RelatedItem = new[] { new { Name = "ResourceId", Value = task.ResourceId } } },
                    },
                },
            },
        });
    }

    private static async Task<ApiReply> CancelTaskAsync(ApiCall call)
    {
        await call.RegionAsync();
        var taskId = call.P.Required("TaskId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var cancelled = await call.Service<TaskService>().CancelAsync(call.Actor, taskId, call.Ct);
        return cancelled.IsSuccess ? ApiReply.Ok(new { call.RequestId }) : cancelled.Error;
    }

    private static string SupportCancel(TaskListItem t) => t.Cancellable && t.Status == AsyncTaskStatus.Processing ? "true" : "false";
}
