using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>DescribeImagePipelineExecutions filters (IB-59).</summary>
public sealed record ImageBuildQuery : BuilderListQuery
{
    public string? ImagePipelineId { get; init; }

    /// <summary>One execution ID or a comma-separated list of at most 20.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>A comma-separated list of the 12 states; empty means all.</summary>
    public string? Status { get; init; }

    /// <summary>The console lists every build of the region; the API needs a template or an execution (IB-59).</summary>
    public bool AllOfRegion { get; init; }
}

/// <summary>
/// Builds (IB-50…60): start one from a template (everything that can change since the template was made is checked
/// again), cancel one in its early phases, list them. The phases run in <see cref="ImageBuildHandler"/>.
/// </summary>
public sealed class ImageBuildService(
    IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, CompatibilityService compatibility,
    ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    public const ResourceKind ResourceType = ResourceKind.ImagePipelineExecution;

    /// <summary>
    /// StartImagePipelineExecution. Codes: <c>Forbidden</c>; <see cref="ImageBuilderErrors.PipelineNotFoundCode"/>;
    /// tag codes; <see cref="ImageBuilderErrors.HasRunningExecutionCode"/> (one build at a time per template, checked in
    /// the write transaction); <see cref="ImageBuilderErrors.BaseImageNotFoundCode"/> (gone or not Available);
    /// <see cref="ImageBuilderErrors.FamilyBaseImageNotFoundCode"/>; component and content codes;
    /// <see cref="ImageBuilderErrors.InstanceTypeNotFoundCode"/>; <c>InvalidImageName.Duplicated</c>.
    /// </summary>
    public async Task<Result<string>> StartAsync(Actor actor, string regionId, string pipelineId, IReadOnlyList<BuilderTag>? tags = null,
        CancellationToken ct = default)
    {
        // The smallest type the base image runs on is chosen from the compatibility table before the write transaction.
        string? defaultType = null;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            var template = await read.ImagePipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pipelineId && p.RegionId == regionId && p.AccountId == actor.AccountId, ct);
            if (template is { InstanceType: null, BaseImageType: not BaseImageType.OSS })
            {
                var image = template.BaseImageType == BaseImageType.IMAGE
                    ? template.BaseImage
                    : (await ImagePipelineService.FamilyImageAsync(read, actor, regionId, template.BaseImage!, ct))?.Id;
                if (image is not null)
                {
                    defaultType = await compatibility.SmallestSupportedTypeAsync(actor, regionId, image, ct);
                }
            }
        }

        return await _write.RunAsync(actor, WriteRight.CanWrite, deniedTarget: null, async scope =>
        {
            scope.Audit(new AuditTarget(AuditActions.StartImagePipelineExecution, ImagePipelineService.ResourceType, pipelineId, regionId));
            var outcome = await StartInTransactionAsync(scope.Db, actor, regionId, pipelineId, tags ?? [], defaultType, ct);
            if (outcome.IsSuccess)
            {
                scope.Publish(new ResourceChange(ResourceType, outcome.Value, regionId, actor.AccountId));
                scope.Publish(new ResourceChange(ImagePipelineService.ResourceType, pipelineId, regionId, actor.AccountId));
            }

            return outcome;
        }, ct);
    }

    /// <summary>
    /// CancelImagePipelineExecution (IB-57/58): the build goes CANCELLING, then (its intermediate resources released,
    /// a half-made image removed) CANCELLED. Codes: <see cref="ImageBuilderErrors.ExecutionNotFoundCode"/>; <c>Forbidden</c>;
    /// <see cref="ImageBuilderErrors.CancelFailedCode"/> (ended); <see cref="ImageBuilderErrors.NotCancellableCode"/> (TESTING and later).
    /// </summary>
    public async Task<Result> CancelAsync(Actor actor, string regionId, string executionId, CancellationToken ct = default)
    {
        // The right is checked once the execution is found; an unknown execution is refused unaudited.
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var execution = await db.ImagePipelineExecutions.FirstOrDefaultAsync(e => e.Id == executionId && e.RegionId == regionId && e.AccountId == actor.AccountId, ct);
            if (execution is null)
            {
                return ImageBuilderErrors.ExecutionNotFound();
            }

            scope.Audit(new AuditTarget(AuditActions.CancelImagePipelineExecution, ResourceType, executionId, regionId));
            var error = await scope.CheckCanWriteAsync(ct)
                ?? (BuildStatuses.IsFinal(execution.Status) ? ImageBuilderErrors.CancelFailed() : null)
                ?? (!BuildStatuses.IsCancellable(execution.Status) ? ImageBuilderErrors.NotCancellable(execution.Status) : null);
            if (error is not null)
            {
                return error;
            }

            execution.Outcome = BuildStatus.CANCELLED;
            execution.Enter(BuildStatus.CANCELLING, $"Cancelled by {actor.Email}: releasing the intermediate resources.", scope.Now);
            scope.Publish(new ResourceChange(ResourceType, executionId, regionId, actor.AccountId));
            return true;
        }, ct);
        return outcome.ToResult();
    }

    /// <summary>
    /// DescribeImagePipelineExecutions (IB-59), newest first. Codes: <see cref="ImageBuilderErrors.MissingPipelineIdCode"/>;
    /// <see cref="ImageBuilderErrors.ExecutionIdSizeCode"/>; <see cref="ImageBuilderErrors.StatusParameterCode"/>;
    /// <see cref="ImageBuilderErrors.PipelineNotFoundCode"/>; paging codes. An unknown execution ID is an empty list.
    /// </summary>
    public async Task<Result<TokenPage<ImagePipelineExecution>>> ListAsync(Actor actor, ImageBuildQuery query, CancellationToken ct = default)
    {
        var executionIds = (query.ExecutionId ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!query.AllOfRegion && string.IsNullOrEmpty(query.ImagePipelineId) && executionIds.Length == 0)
        {
            return ImageBuilderErrors.MissingPipelineId();
        }

        if (executionIds.Length > 20)
        {
            return ImageBuilderErrors.ExecutionIdSize(executionIds.Length);
        }

        var statuses = new List<BuildStatus>();
        foreach (var word in (query.Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!BuilderRules.TryParseName<BuildStatus>(word, out var status))
            {
                return ImageBuilderErrors.StatusParameter(word);
            }

            statuses.Add(status);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!string.IsNullOrEmpty(query.ImagePipelineId)
            && !await db.ImagePipelines.AnyAsync(p => p.Id == query.ImagePipelineId && p.RegionId == query.RegionId && p.AccountId == actor.AccountId, ct))
        {
            return ImageBuilderErrors.PipelineNotFound(query.ImagePipelineId);
        }

        var rows = db.ImagePipelineExecutions.AsNoTracking().Where(e => e.AccountId == actor.AccountId && e.RegionId == query.RegionId);
        if (!string.IsNullOrEmpty(query.ImagePipelineId))
        {
            rows = rows.Where(e => e.PipelineId == query.ImagePipelineId);
        }

        if (executionIds.Length > 0)
        {
            rows = rows.Where(e => executionIds.Contains(e.Id));
        }

        if (statuses.Count > 0)
        {
            rows = rows.Where(e => statuses.Contains(e.Status));
        }

        var all = (await rows.ToListAsync(ct)).OrderByDescending(e => e.CreationTime).ThenByDescending(e => e.Id, StringComparer.Ordinal);
        return query.Page(all, e => e.Tags);
    }

    /// <summary>One build of the actor's account, with its log; <see cref="ImageBuilderErrors.ExecutionNotFoundCode"/> otherwise.</summary>
    public async Task<Result<ImagePipelineExecution>> GetAsync(Actor actor, string regionId, string executionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ImagePipelineExecutions.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == executionId && e.RegionId == regionId && e.AccountId == actor.AccountId, ct);
        return found is null ? ImageBuilderErrors.ExecutionNotFound() : found;
    }

    private async Task<Result<string>> StartInTransactionAsync(ConsoleDbContext db, Actor actor, string regionId, string pipelineId,
        IReadOnlyList<BuilderTag> tags, string? defaultType, CancellationToken ct)
    {
        var pipeline = await db.ImagePipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pipelineId && p.RegionId == regionId && p.AccountId == actor.AccountId, ct);
        if (pipeline is null)
        {
            return ImageBuilderErrors.PipelineNotFound(pipelineId);
        }

        if (BuilderRules.Tags(tags) is { } badTags)
        {
            return badTags;
        }

        var final = BuildStatuses.Final;
        var running = await db.ImagePipelineExecutions.AnyAsync(e => e.PipelineId == pipelineId && !final.Contains(e.Status), ct);
        if (TemplateRules.CannotChangeWhileBuilding(pipelineId, running) is { } building)
        {
            return building;
        }

        Image? baseImage;
        if (pipeline.BaseImageType == BaseImageType.OSS)
        {
            // IB-52: the files must still be there; the import itself is PREPARING's first step (IB-38).
            if (await PipelineImportRules.LookupAsync(db, actor, regionId, pipeline.ImportOptions, PipelineImportRules.StartObjectNotFoundCode, ct) is { } gone)
            {
                return gone;
            }

            baseImage = null;
        }
        else if (pipeline.BaseImageType == BaseImageType.IMAGE_FAMILY)
        {
            baseImage = await ImagePipelineService.FamilyImageAsync(db, actor, regionId, pipeline.BaseImage!, ct);
            if (baseImage is null)
            {
                return ImageBuilderErrors.FamilyBaseImageNotFound();
            }
        }
        else
        {
            var found = await CompatibilityService.FindImageAsync(db, actor, regionId, pipeline.BaseImage!, ct);
            if (!found.IsSuccess || found.Value.Status != ImageStatus.Available)
            {
                return ImageBuilderErrors.BaseImageNotFound(pipeline.BaseImage!);
            }

            baseImage = found.Value;
        }

        var system = PipelineImportRules.BuildSystem(baseImage, baseImage is null ? pipeline.ImportOptions : null);
        var build = await StepsAsync(db, actor, regionId, pipeline.BuildContent, ContentKind.BuildContent, system, ct);
        if (!build.IsSuccess)
        {
            return build.Error;
        }

        var test = await StepsAsync(db, actor, regionId, pipeline.TestContent, ContentKind.TestContent, system, ct);
        if (!test.IsSuccess)
        {
            return test.Error;
        }

        // An OSS base without a type gets the smallest one its imported image runs on, once imported (IB-35, IB-38).
        var type = pipeline.InstanceType ?? defaultType;
        if (type is null && baseImage is null)
        {
            type = "";
        }
        else if (type is null || !await db.InstanceTypes.AnyAsync(t => t.Id == type, ct))
        {
            return ImageBuilderErrors.InstanceTypeNotFound(type ?? $"no instance type sold in {regionId} runs {baseImage?.Id}");
        }

        var id = ids.NewExecutionId();
        var name = pipeline.ImageNameSuffixDisabled ? pipeline.ImageName! : $"{pipeline.ImageName ?? "IB"}_{id}";
        if (await ImagePipelineService.NameTakenAsync(db, actor, pipeline.ToRegionIds.Prepend(regionId), name, ct) is { } taken)
        {
            return taken;
        }

        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == regionId, ct);
        var now = time.GetUtcNow();
        var task = tasks.New(db, region.Infix, regionId, actor.AccountId!, AsyncTaskType.ImageBuild, id, cancellable: false);
        var execution = new ImagePipelineExecution
        {
            Id = id,
            RegionId = regionId,
            AccountId = actor.AccountId!,
            PipelineId = pipelineId,
            CreationTime = now,
            ModifiedTime = now,
            Tags = [.. tags],
            TaskId = task.Id,
            StartedByUserId = actor.UserId,
            StartedByEmail = actor.Email,
            StartedByRole = actor.Role,
            StartedBySource = actor.Source,
            BaseImageId = baseImage?.Id ?? "",
            InstanceTypeId = type,
            BuildSteps = build.Value,
            TestSteps = test.Value,
            ImageName = name,
        };
        execution.Write(pipeline.BaseImageType switch
        {
            BaseImageType.OSS => $"Build started: the base is imported from OSS ({pipeline.ImportOptions.Disks[0].OssBucket}/{pipeline.ImportOptions.Disks[0].OssObject}) first.",
            BaseImageType.IMAGE_FAMILY => $"Build started: the family {pipeline.BaseImage} resolves to {baseImage?.Id}; intermediate instance type {type}.",
            _ => $"Build started from {baseImage?.Id}; intermediate instance type {type}.",
        }, now);
        db.ImagePipelineExecutions.Add(execution);
        await db.SaveChangesAsync(ct);
        return id;
    }

    private static async Task<Result<List<BuildStep>>> StepsAsync(ConsoleDbContext db, Actor actor, string regionId, string? content, ContentKind kind,
        BuildSystemType system, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return new List<BuildStep>();
        }

        var parsed = BuildContentRules.Parse(content, kind, system);
        return parsed.IsSuccess ? await BuildPlan.ResolveAsync(db, actor, regionId, parsed.Value, kind, system, ct) : parsed.Error;
    }
}
