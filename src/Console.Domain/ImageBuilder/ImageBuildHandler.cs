using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Storage;
using EcsConsole.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>
/// The phases of a build (image-builder.md §2.5, IB-53…57), one engine step at a time, acting as the user who started
/// it through the services a person uses: <see cref="InstanceService"/> launches, stops and releases the intermediate
/// ("transit") instances, which appear in the instance list as <c>imagebuilder-&lt;exec-id&gt;</c>;
/// <see cref="CreateImageService"/> makes the image from the stopped instance; <see cref="CopyImageService"/> and
/// <see cref="SharingService"/> distribute it. Their quotas, permissions, compatibility rules and audit apply unchanged,
/// and a refusal ends the build with its ECS code.
/// <list type="bullet">
/// <item>PREPARING: transition network, intermediate instance from the base image, Cloud Assistant; waits for Running.</item>
/// <item>REPAIRING (repair mode only): the repair items, three per step.</item>
/// <item>BUILDING: the build steps, three per step (a step "exiting" non-zero fails the build, see
/// <see cref="BuildContentRules"/>); then stop the instance, create the image, wait for Available.</item>
/// <item>TESTING (test content only): a second instance from the new image runs the test steps; a failure is TEST_FAILED.</item>
/// <item>DISTRIBUTING (regions or accounts only): share in the source region, copy to each region, share each copy once
/// Available; a refused or failed copy or share makes the result PARTITION_SUCCESS (IB-72).</item>
/// <item>RELEASING (and CANCELLING): release the instances (kept after FAILED when the template says
/// <c>DeleteInstanceOnFailure=false</c>), remove a half-made image after FAILED or a cancel, then the final state.</item>
/// </list>
/// Every step is safe to repeat (a crash between a service call and the save repeats it): the instance and image a step
/// would make are looked up by their names first, copies by their source.
/// </summary>
public sealed partial class ImageBuildHandler(IServiceProvider services, IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time) : IPhasedTaskHandler
{
    private const int StepsPerTick = 3;

    public AsyncTaskType Type => AsyncTaskType.ImageBuild;

    // Resolved when used: these services queue tasks on the engine that runs this handler.
    private InstanceService Instances => services.GetRequiredService<InstanceService>();

    private T Service<T>()
        where T : notnull => services.GetRequiredService<T>();

    public static string TransitInstanceName(string executionId) => $"imagebuilder-{executionId}";

    public static string TestInstanceName(string executionId) => $"imagebuilder-test-{executionId}";

    public async Task<PhaseStep> StepAsync(AsyncTask task, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var execution = await db.ImagePipelineExecutions.FirstOrDefaultAsync(e => e.Id == task.ResourceId, ct);
        if (execution is null)
        {
            return new PhaseStep(task.Progress, "Failed", PhaseOutcome.Failed, ImageBuilderErrors.ExecutionNotFound());
        }

        var pipeline = await db.ImagePipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == execution.PipelineId, ct);
        if (pipeline is null)
        {
            return new PhaseStep(task.Progress, "Failed", PhaseOutcome.Failed, ImageBuilderErrors.PipelineNotFound(execution.PipelineId));
        }

        var run = new Run(this, db, execution, pipeline, time.GetUtcNow(), ct);
        await run.StepAsync();
        await db.SaveChangesAsync(ct);

        var changes = new List<ResourceChange>
        {
            new(ImageBuildService.ResourceType, execution.Id, execution.RegionId, execution.AccountId),
            new(ImagePipelineService.ResourceType, pipeline.Id, execution.RegionId, execution.AccountId),
        };
        var stage = execution.Status.ToString();
        return execution.Status switch
        {
            BuildStatus.SUCCESS or BuildStatus.PARTITION_SUCCESS => new PhaseStep(100, stage, PhaseOutcome.Finished, null, changes),
            BuildStatus.FAILED or BuildStatus.TEST_FAILED => new PhaseStep(task.Progress, stage, PhaseOutcome.Failed,
                new EcsError(execution.ErrorCode ?? "Failed", 400, execution.ErrorInfo ?? "The build failed."), changes),
            BuildStatus.CANCELLED => new PhaseStep(task.Progress, stage, PhaseOutcome.Cancelled, null, changes),
            _ => new PhaseStep(Math.Max(task.Progress, Progress(execution.Status)), stage, PhaseOutcome.Continue, null, changes),
        };
    }

    private static int Progress(BuildStatus status) => status switch
    {
        BuildStatus.PREPARING => 5,
        BuildStatus.REPAIRING => 25,
        BuildStatus.BUILDING => 35,
        BuildStatus.TESTING => 65,
        BuildStatus.DISTRIBUTING => 80,
        _ => 95,
    };

    /// <summary>One step of one build: the state machine over the execution row.</summary>
    private sealed partial class Run(ImageBuildHandler handler, ConsoleDbContext db, ImagePipelineExecution execution, ImagePipeline pipeline, DateTimeOffset now,
        CancellationToken ct)
    {
        private Actor Actor => execution.Actor;

        private string Region => execution.RegionId;

        public Task StepAsync() => execution.Status switch
        {
            BuildStatus.PREPARING => PrepareAsync(),
            BuildStatus.REPAIRING => RepairAsync(),
            BuildStatus.BUILDING => BuildAsync(),
            BuildStatus.TESTING => TestAsync(),
            BuildStatus.DISTRIBUTING => DistributeAsync(),
            BuildStatus.RELEASING or BuildStatus.CANCELLING => ReleaseAsync(),
            _ => Task.CompletedTask,
        };

        private async Task PrepareAsync()
        {
            if (execution.PhaseTicks == 0)
            {
                execution.PhaseTicks++;
                var suffix = execution.Id[5..17];
                execution.Write($"Create transition vpc \"vpc-{suffix}\" success! Create transition vswitch \"vsw-{suffix}\" success!", now);
                return;
            }

            if (pipeline.BaseImageType == BaseImageType.OSS && !await ImportedAsync())
            {
                return;
            }

            var instance = await RunningAsync(Slot.Transit, execution.BaseImageId,
                id => $"Create intermediate instance {id} ({execution.InstanceTypeId}, pay-as-you-go) from {execution.BaseImageId}.");
            if (instance is null)
            {
                return;
            }

            execution.Write($"The intermediate instance {instance.Id} is Running; Cloud Assistant is installed.", now);
            if (pipeline.RepairMode is not null)
            {
                execution.Enter(BuildStatus.REPAIRING, $"Repairing the guest OS ({pipeline.RepairMode}).", now);
            }
            else
            {
                execution.Enter(BuildStatus.BUILDING, $"Running {execution.BuildSteps.Count} build command(s).", now);
            }
        }

        /// <summary>
        /// IB-38: an OSS base is first imported through ImportImage (its checks and codes; a refusal fails the build),
        /// named <see cref="PipelineImportRules.ImportedImageName"/>, and waited for until Available; a template without an
        /// instance type then gets the smallest one the imported image runs on. True once the instance can be launched.
        /// </summary>
        private async Task<bool> ImportedAsync()
        {
            var options = pipeline.ImportOptions;
            if (execution.ImportedImageId is null)
            {
                var name = PipelineImportRules.ImportedImageName(options, execution.Id);
                var existing = await OwnImageIdAsync(Region, name);
                if (existing is null)
                {
                    var imported = await handler.Service<ImportImageService>()
                        .ImportAsync(Actor, PipelineImportRules.ImportRequest(options, Region, name, pipeline.ResourceGroupId), ct);
                    if (!imported.IsSuccess)
                    {
                        Fail(BuildStatus.FAILED, imported.Error);
                        return false;
                    }

                    existing = imported.Value.ImageId;
                }

                execution.ImportedImageId = existing;
                execution.BaseImageId = existing;
                execution.Write($"Import the base image {existing} ({name}) from oss://{options.Disks[0].OssBucket}/{options.Disks[0].OssObject}.", now);
                return false;
            }

            var image = await ImageAsync(Region, execution.ImportedImageId);
            switch (image?.Status)
            {
                case null:
                    execution.ImportedImageId = null;
                    Fail(BuildStatus.FAILED, ImageErrors.NotFound(execution.BaseImageId));
                    return false;
                case ImageStatus.CreateFailed:
                    Fail(BuildStatus.FAILED, ImageBuilderErrors.CreateImageFailed(image.Id));
                    return false;
                case ImageStatus.Available:
                    break;
                default:
                    execution.Write($"Importing the base image {image.Id} ({image.Status}).", now);
                    return false;
            }

            if (execution.InstanceTypeId.Length == 0)
            {
                var type = await handler.Service<CompatibilityService>().SmallestSupportedTypeAsync(Actor, Region, image.Id, ct);
                if (type is null)
                {
                    Fail(BuildStatus.FAILED, ImageBuilderErrors.InstanceTypeNotFound($"no instance type sold in {Region} runs {image.Id}"));
                    return false;
                }

                execution.InstanceTypeId = type;
                execution.Write($"The imported image {image.Id} is Available; intermediate instance type {type}.", now);
            }

            return true;
        }

        private async Task RepairAsync()
        {
            var windows = await db.Images.AsNoTracking()
                .Where(i => i.RegionId == Region && i.Id == execution.BaseImageId).Select(i => i.OsType).FirstOrDefaultAsync(ct) == OsType.Windows;
            var items = pipeline.RepairMode == "Customized" ? pipeline.RepairItems : ImagePipelineService.RepairItemsOf(pipeline.RepairMode!, windows);
            foreach (var item in items.Skip(execution.StepsDone).Take(StepsPerTick))
            {
                execution.Write($"Repair {item}: done.", now);
                execution.StepsDone++;
            }

            if (execution.StepsDone >= items.Count)
            {
                execution.Enter(BuildStatus.BUILDING, $"Running {execution.BuildSteps.Count} build command(s).", now);
            }
        }

        private async Task BuildAsync()
        {
            if (execution.StepsDone < execution.BuildSteps.Count)
            {
                RunSteps(execution.BuildSteps, BuildStatus.FAILED);
                return;
            }

            if (execution.ImageId is null)
            {
                var instance = await PresentAsync(Slot.Transit);
                if (instance is null)
                {
                    return;
                }

                switch (instance.Status)
                {
                    case InstanceStatus.Running:
                        var stopped = await handler.Instances.StopAsync(Actor, Region, instance.Id, ct);
                        if (!stopped.IsSuccess)
                        {
                            Fail(BuildStatus.FAILED, stopped.Error);
                            return;
                        }

                        execution.Write($"Build commands finished; stopping {instance.Id} to create the image.", now);
                        return;
                    case InstanceStatus.Stopped:
                        break;
                    default:
                        execution.Write($"Waiting for {instance.Id} to stop ({instance.Status}).", now);
                        return;
                }

                var existing = await OwnImageIdAsync(Region, execution.ImageName);
                if (existing is null)
                {
                    var created = await handler.Service<CreateImageService>().CreateAsync(Actor, new CreateImageRequest
                    {
                        RegionId = Region,
                        InstanceId = instance.Id,
                        IncludeDataDisks = false,
                        Name = execution.ImageName,
                        Description = pipeline.ImageDescription,
                        Family = pipeline.ImageFamily,
                        Tags = [.. pipeline.ImageTags.Select(t => (t.Key, t.Value))],
                    }, ct);
                    if (!created.IsSuccess)
                    {
                        Fail(BuildStatus.FAILED, created.Error);
                        return;
                    }

                    existing = created.Value.ImageId;
                }

                execution.ImageId = existing;
                execution.Write($"Create image {existing} ({execution.ImageName}) from {instance.Id}.", now);
                return;
            }

            var image = await ImageAsync(Region, execution.ImageId);
            switch (image?.Status)
            {
                case null:
                    execution.ImageId = null;
                    Fail(BuildStatus.FAILED, ImageErrors.NotFound(execution.ImageName));
                    return;
                case ImageStatus.CreateFailed:
                    Fail(BuildStatus.FAILED, ImageBuilderErrors.CreateImageFailed(image.Id));
                    return;
                case ImageStatus.Available:
                    execution.Write($"The image {image.Id} is Available.", now);
                    AfterBuild();
                    return;
                default:
                    execution.Write($"Creating the image {image.Id}.", now);
                    return;
            }
        }

        private void AfterBuild()
        {
            if (execution.TestSteps.Count > 0)
            {
                execution.Enter(BuildStatus.TESTING, $"Testing the image {execution.ImageId} on a new instance.", now);
            }
            else
            {
                Distribute();
            }
        }

        private void Distribute()
        {
            if (pipeline.ToRegionIds.Count > 0 || pipeline.AddAccounts.Count > 0)
            {
                execution.Enter(BuildStatus.DISTRIBUTING,
                    $"Distributing {execution.ImageId} to {pipeline.ToRegionIds.Count} region(s) and {pipeline.AddAccounts.Count} account(s).", now);
            }
            else
            {
                execution.Outcome = BuildStatus.SUCCESS;
                execution.Enter(BuildStatus.RELEASING, "Releasing the intermediate resources.", now);
            }
        }

        private async Task TestAsync()
        {
            if (await RunningAsync(Slot.Test, execution.ImageId!, id => $"Create test instance {id} from {execution.ImageId}.") is null)
            {
                return;
            }

            if (execution.StepsDone < execution.TestSteps.Count)
            {
                RunSteps(execution.TestSteps, BuildStatus.TEST_FAILED);
                return;
            }

            execution.Write("Every test passed.", now);
            Distribute();
        }
    }
}
