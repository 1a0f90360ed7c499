using EcsConsole.Domain.Common;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Web.Api;

/// <summary>DescribeTasks, DescribeTaskAttribute and CancelTask (ecs-openapi §2.14) over the console's task list.</summary>
internal static class TaskActions
{
    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("DescribeTasks", BindDescribeTasks, async (call, region, a) =>
        {
            var tasks = (await call.Service<TaskQueryService>().ListAsync(call.Actor, region.Id, call.Ct))
                .Where(t => a.Ids.Count == 0 || a.Ids.Contains(t.Id))
                .Where(t => a.Action is null || t.Type.ToString() == a.Action)
                .Where(t => a.Status is not ("Finished" or "Processing" or "Failed" or "Cancelled") || t.Status.ToString() == a.Status)
                .Where(t => a.Resources.Count == 0 || a.Resources.Contains(t.ResourceId))
                .Where(t => (a.From is null || t.CreatedAt >= a.From) && (a.To is null || t.CreatedAt <= a.To))
                .ToList();
            return a.Paging.Of(tasks).Pages(call, "TaskSet", "Task", t => new
            {
                TaskId = t.Id,
                TaskAction = t.Type.ToString(),
                TaskStatus = t.Status.ToString(),
                SupportCancel = SupportCancel(t),
                CreationTime = ApiTime.Format(t.CreatedAt),
                FinishedTime = ApiTime.Format(t.FinishedAt) ?? "",
                t.ResourceId,
            }, regionId: region.Id);
        }),
        EcsAction.InRegion("DescribeTaskAttribute", p => p.Required("TaskId"), DescribeTaskAttributeAsync),

        // CancelTask's region is required but the task names its own.
        EcsAction.InRegion("CancelTask", p => p.Required("TaskId"), async (call, _, taskId) =>
            call.Done(await call.Service<TaskService>().CancelAsync(call.Actor, taskId, call.Ct)), changing: true),
    ];

    private static (IReadOnlyList<string> Ids, string? Action, string? Status, IReadOnlyList<string> Resources, DateTimeOffset? From, DateTimeOffset? To, ApiPaging Paging)
        BindDescribeTasks(ApiParameters p) =>
        (p.CommaList("TaskIds", 100, CommonErrors.InvalidParameter("TaskIds", "it holds at most 100 task IDs.")), p.Get("TaskAction"), p.Get("TaskStatus"),
            p.List("ResourceIds"), p.Time("StartTime"), p.Time("EndTime"), ApiPaging.Read(p, PagingStyle.Pages));

    private static async Task<ApiReply> DescribeTaskAttributeAsync(ApiCall call, Domain.Regions.Region region, string taskId)
    {
        var task = (await call.Service<TaskQueryService>().ListAsync(call.Actor, region.Id, call.Ct)).FirstOrDefault(t => t.Id == taskId);
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
            TaskProcess = ApiJson.Percent(task.Progress),
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

    private static string SupportCancel(TaskListItem t) => t.Cancellable && t.Status == AsyncTaskStatus.Processing ? "true" : "false";
}
