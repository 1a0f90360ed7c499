using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.ImageUpdates;

/// <summary>The parameters of <c>ACS-ECS-UpdateImage</c> the console offers (OOS-02).</summary>
public sealed record UpdateImageRequest
{
    public required string RegionId { get; init; }

    public required string SourceImageId { get; init; }

    /// <summary>Null: the smallest type the source image runs on.</summary>
    public string? InstanceType { get; init; }

    /// <summary>Null: <c>UpdateImage_from_{sourceImageId}_on_{executionId}</c>.</summary>
    public string? TargetImageName { get; init; }

    /// <summary><c>RunShellScript</c> (default), <c>RunBatScript</c>, <c>RunPowerShellScript</c>.</summary>
    public string? CommandType { get; init; }

    /// <summary>Null: <c>echo hello</c>.</summary>
    public string? CommandContent { get; init; }

    public int? TimeoutSeconds { get; init; }

    /// <summary>Tags for the new image.</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];
}

/// <summary>
/// Update image (OOS-40): starts a run of <c>ACS-ECS-UpdateImage</c>, lists runs, cancels one. The run's seven tasks
/// go through <see cref="ImageUpdateHandler"/> on the task engine.
/// </summary>
public sealed class ImageUpdateService(
    IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, CompatibilityService compatibility,
    ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    public const ResourceKind ResourceType = ResourceKind.ImageUpdateExecution;
    public const string Action = AuditActions.UpdateImage;

    /// <summary><see cref="ImageUpdateErrors.ExecutionNotFoundCode"/>, by the name tests use.</summary>
    public const string ExecutionNotFoundCode = ImageUpdateErrors.ExecutionNotFoundCode;

    /// <summary><see cref="ImageUpdateErrors.InvalidStatusCode"/>, by the name tests use.</summary>
    public const string InvalidStatusCode = ImageUpdateErrors.InvalidStatusCode;

    public static IReadOnlyList<string> CommandTypes { get; } = ["RunShellScript", "RunBatScript", "RunPowerShellScript"];

    /// <summary>
    /// Starts a run. Codes: <c>Forbidden</c>; <c>InvalidImageId.NotFound</c> (the source image is not usable here);
    /// <c>InvalidInstanceType.NotFound</c>; <c>InvalidImageName.Malformed</c>; <c>InvalidParameter</c> (command type
    /// not for the image's OS, timeout, empty command). The name check of OOS-10 is the run's first task, as in OOS.
    /// </summary>
    public async Task<Result<string>> StartAsync(Actor actor, UpdateImageRequest request, CancellationToken ct = default)
    {
        // The source and the request are read through the compatibility service before the write; the right is checked
        // first in the write, so a refused actor is refused (unaudited) before any of these refusals (audited).
        var source = await compatibility.ImageAsync(actor, request.RegionId, request.SourceImageId, ct);
        return source.IsSuccess
            ? await StartFromAsync(actor, request, source.Value.OsType, ct)
            : await _write.RunAsync<string>(actor, WriteRight.CanWrite, deniedTarget: null, scope =>
            {
                scope.Audit(new AuditTarget(Action, ResourceType, request.SourceImageId, request.RegionId));
                return Task.FromResult<Result<string>>(source.Error);
            }, ct);
    }

    private async Task<Result<string>> StartFromAsync(Actor actor, UpdateImageRequest request, OsType osType, CancellationToken ct)
    {
        var type = string.IsNullOrEmpty(request.InstanceType)
            ? await compatibility.SmallestSupportedTypeAsync(actor, request.RegionId, request.SourceImageId, ct)
            : request.InstanceType;

        var id = ids.NewExecutionId();
        var name = string.IsNullOrEmpty(request.TargetImageName) ? $"UpdateImage_from_{request.SourceImageId}_on_{id}" : request.TargetImageName;
        var commandType = string.IsNullOrEmpty(request.CommandType) ? "RunShellScript" : request.CommandType;
        var windows = osType == OsType.Windows;
        var error = ImageValidation.Name(name)
            ?? (CommandTypes.Contains(commandType) ? null : CommonErrors.InvalidParameter("commandType", $"it must be one of {string.Join(", ", CommandTypes)}."))
            ?? ((commandType == "RunShellScript") == windows
                ? CommonErrors.InvalidParameter("commandType", windows ? "a Windows image runs RunBatScript or RunPowerShellScript." : "a Linux image runs RunShellScript.")
                : null)
            ?? (request.CommandContent is { } c && string.IsNullOrWhiteSpace(c) ? CommonErrors.InvalidParameter("commandContent", "it must not be empty.") : null)
            ?? (request.TimeoutSeconds is < 10 or > 86400 ? CommonErrors.InvalidParameter("timeout", "it must be 10 to 86400 seconds.") : null)
            ?? ImageValidation.Tags(request.Tags);
        return await _write.RunAsync<string>(actor, WriteRight.CanWrite, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            if (error is not null)
            {
                scope.Audit(new AuditTarget(Action, ResourceType, request.SourceImageId, request.RegionId));
                return error;
            }

            if (type is null || !await db.InstanceTypes.AnyAsync(t => t.Id == type, ct))
            {
                scope.Audit(new AuditTarget(Action, ResourceType, request.SourceImageId, request.RegionId));
                return ImageBuilderErrors.InstanceTypeNotFound(type ?? "none runs this image");
            }

            var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == request.RegionId, ct);
            var now = scope.Now;
            var task = tasks.New(db, region.Infix, region.Id, actor.AccountId!, AsyncTaskType.ImageUpdate, id, cancellable: false);
            db.ImageUpdateRuns.Add(new ImageUpdateRun
            {
                Id = id,
                RegionId = region.Id,
                AccountId = actor.AccountId!,
                SourceImageId = request.SourceImageId,
                InstanceTypeId = type,
                TargetImageName = name,
                CommandType = commandType,
                CommandContent = request.CommandContent ?? "echo hello",
                TimeoutSeconds = request.TimeoutSeconds ?? 600,
                Tags = [.. request.Tags.Select(t => new BuilderTag(t.Key, t.Value))],
                CreationTime = now,
                ModifiedTime = now,
                TaskId = task.Id,
                StartedByUserId = actor.UserId,
                StartedByEmail = actor.Email,
                StartedByRole = actor.Role,
                StartedBySource = actor.Source,
            });
            scope.Audit(new AuditTarget(Action, ResourceType, id, region.Id));
            scope.Publish(new ResourceChange(ResourceType, id, region.Id, actor.AccountId));
            return id;
        }, ct);
    }

    /// <summary>The account's runs in the region, newest first.</summary>
    public async Task<IReadOnlyList<ImageUpdateRun>> ListAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.ImageUpdateRuns.AsNoTracking().Where(r => r.AccountId == actor.AccountId && r.RegionId == regionId).ToListAsync(ct))
            .OrderByDescending(r => r.CreationTime).ThenByDescending(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>One run, or <c>ExecutionNotFound</c>.</summary>
    public async Task<Result<ImageUpdateRun>> GetAsync(Actor actor, string regionId, string executionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ImageUpdateRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == executionId && r.RegionId == regionId && r.AccountId == actor.AccountId, ct);
        return run is null ? ImageUpdateErrors.ExecutionNotFound(executionId) : run;
    }

    /// <summary>
    /// Cancels a run that has not ended: its temporary instance is released (deleteInstance), then it is Cancelled.
    /// Codes: <c>ExecutionNotFound</c>, <c>Forbidden</c>, <c>InvalidStatus</c> (ended).
    /// </summary>
    public async Task<Result> CancelAsync(Actor actor, string regionId, string executionId, CancellationToken ct = default)
    {
        // The right is checked once the run is found; an unknown run is refused unaudited.
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var run = await scope.Db.ImageUpdateRuns.FirstOrDefaultAsync(r => r.Id == executionId && r.RegionId == regionId && r.AccountId == actor.AccountId, ct);
            if (run is null)
            {
                return ImageUpdateErrors.ExecutionNotFound(executionId);
            }

            scope.Audit(new AuditTarget(AuditActions.CancelExecution, ResourceType, executionId, regionId));
            var error = await scope.CheckCanWriteAsync(ct)
                ?? (ImageUpdateRun.IsFinal(run.Status) ? ImageUpdateErrors.Ended(executionId, run.Status) : null);
            if (error is not null)
            {
                return error;
            }

            run.CancelRequested = true;
            run.ModifiedTime = time.GetUtcNow();
            scope.Publish(new ResourceChange(ResourceType, executionId, regionId, actor.AccountId));
            return true;
        }, ct);
        return outcome.ToResult();
    }
}
