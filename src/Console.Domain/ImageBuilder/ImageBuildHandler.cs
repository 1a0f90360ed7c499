using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
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
public sealed class ImageBuildHandler(IServiceProvider services, IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time) : IPhasedTaskHandler
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
    private sealed class Run(ImageBuildHandler handler, ConsoleDbContext db, ImagePipelineExecution execution, ImagePipeline pipeline, DateTimeOffset now,
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

            if (execution.TransitInstanceId is null)
            {
                var launched = await LaunchAsync(TransitInstanceName(execution.Id), execution.BaseImageId);
                if (!launched.IsSuccess)
                {
                    Fail(BuildStatus.FAILED, launched.Error);
                    return;
                }

                execution.TransitInstanceId = launched.Value;
                execution.Write($"Create intermediate instance {launched.Value} ({execution.InstanceTypeId}, pay-as-you-go) from {execution.BaseImageId}.", now);
                return;
            }

            var instance = await InstanceAsync(execution.TransitInstanceId);
            if (instance is null)
            {
                execution.TransitInstanceId = null;
                Fail(BuildStatus.FAILED, InstanceErrors.NotFound(TransitInstanceName(execution.Id)));
                return;
            }

            if (instance.Status != InstanceStatus.Running)
            {
                execution.Write($"Waiting for the intermediate instance {instance.Id} to start ({instance.Status}).", now);
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
                var instance = await InstanceAsync(execution.TransitInstanceId);
                if (instance is null)
                {
                    execution.TransitInstanceId = null;
                    Fail(BuildStatus.FAILED, InstanceErrors.NotFound(TransitInstanceName(execution.Id)));
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
            if (execution.TestInstanceId is null)
            {
                var launched = await LaunchAsync(TestInstanceName(execution.Id), execution.ImageId!);
                if (!launched.IsSuccess)
                {
                    Fail(BuildStatus.TEST_FAILED, launched.Error);
                    return;
                }

                execution.TestInstanceId = launched.Value;
                execution.Write($"Create test instance {launched.Value} from {execution.ImageId}.", now);
                return;
            }

            var instance = await InstanceAsync(execution.TestInstanceId);
            if (instance is null)
            {
                execution.TestInstanceId = null;
                Fail(BuildStatus.TEST_FAILED, InstanceErrors.NotFound(TestInstanceName(execution.Id)));
                return;
            }

            if (instance.Status != InstanceStatus.Running)
            {
                execution.Write($"Waiting for the test instance {instance.Id} to start ({instance.Status}).", now);
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

        private async Task DistributeAsync()
        {
            var accounts = pipeline.AddAccounts;
            if (!execution.SourceShared)
            {
                execution.SourceShared = true;
                if (accounts.Count > 0 && await ShareAsync(execution.ImageId!, Region) is { } shareError)
                {
                    Partial(shareError);
                }
            }

            var copies = execution.Copies.ToList();
            foreach (var region in pipeline.ToRegionIds.Where(r => copies.All(c => c.RegionId != r)))
            {
                var existing = await db.Images.AsNoTracking()
                    .Where(i => i.RegionId == region && i.OwnerAccountId == execution.AccountId && i.IsCopied && i.SourceImageId == execution.ImageId)
                    .Select(i => i.Id).FirstOrDefaultAsync(ct);
                if (existing is not null)
                {
                    copies.Add(new BuildCopy(region, existing, null));
                    continue;
                }

                var copied = await handler.Service<CopyImageService>().CopyAsync(Actor,
                    new CopyImageRequest(Region, execution.ImageId!, region, execution.ImageName, pipeline.ImageDescription), ct);
                if (copied.IsSuccess)
                {
                    copies.Add(new BuildCopy(region, copied.Value.ImageId, null));
                    execution.Write($"Copy {execution.ImageId} to {region}: {copied.Value.ImageId}.", now);
                }
                else
                {
                    copies.Add(new BuildCopy(region, null, copied.Error.Code));
                    Partial(copied.Error);
                }
            }

            for (var i = 0; i < copies.Count; i++)
            {
                var copy = copies[i];
                if (copy.ErrorCode is not null || copy.Shared)
                {
                    continue;
                }

                var image = await ImageAsync(copy.RegionId, copy.ImageId!);
                switch (image?.Status)
                {
                    case null or ImageStatus.CreateFailed or ImageStatus.UnAvailable:
                        copies[i] = copy with { ErrorCode = "CopyImage.Failed" };
                        Partial(ImageBuilderErrors.CopyImageFailed(execution.ImageId!, copy.RegionId));
                        break;
                    case ImageStatus.Available:
                        var shareError = accounts.Count > 0 ? await ShareAsync(copy.ImageId!, copy.RegionId) : null;
                        copies[i] = copy with { Shared = true, ErrorCode = shareError?.Code };
                        if (shareError is not null)
                        {
                            Partial(shareError);
                        }
                        else
                        {
                            execution.Write($"The copy {copy.ImageId} in {copy.RegionId} is Available{(accounts.Count > 0 ? " and shared" : "")}.", now);
                        }

                        break;
                }
            }

            execution.Copies = copies;
            if (copies.Count == pipeline.ToRegionIds.Count && copies.All(c => c.ErrorCode is not null || c.Shared))
            {
                execution.Outcome ??= BuildStatus.SUCCESS;
                execution.Enter(BuildStatus.RELEASING, "Releasing the intermediate resources.", now);
            }
        }

        private async Task<EcsError?> ShareAsync(string imageId, string regionId)
        {
            var sharing = handler.Service<SharingService>();
            foreach (var chunk in pipeline.AddAccounts.Chunk(SharingService.AccountsPerCall))
            {
                var shared = await sharing.ModifyAsync(Actor, regionId, imageId, new ModifySharePermissionRequest(AddAccounts: chunk), ct);
                if (!shared.IsSuccess)
                {
                    return shared.Error;
                }
            }

            execution.Write($"Share {imageId} in {regionId} with {string.Join(", ", pipeline.AddAccounts)}.", now);
            return null;
        }

        private async Task ReleaseAsync()
        {
            foreach (var which in new[] { "test", "transit" })
            {
                var id = which == "test" ? execution.TestInstanceId : execution.TransitInstanceId;
                if (id is null)
                {
                    continue;
                }

                var instance = await InstanceAsync(id);
                if (instance is not null)
                {
                    if (IntermediateInstances.IsSettling(instance))
                    {
                        execution.Write($"Waiting for {instance.Id} ({instance.Status}) before releasing it.", now);
                        return;
                    }

                    var released = await handler.Instances.ReleaseAsync(Actor, Region, instance.Id, force: true, ct);
                    if (released.IsSuccess)
                    {
                        execution.Write($"Release the {(which == "test" ? "test" : "intermediate")} instance {instance.Id}.", now);
                    }
                    else
                    {
                        execution.Write($"Could not release {instance.Id}: {released.Error.Code}.", now);
                        if (execution.Outcome == BuildStatus.SUCCESS)
                        {
                            Partial(released.Error);
                        }
                    }
                }

                if (which == "test")
                {
                    execution.TestInstanceId = null;
                }
                else
                {
                    execution.TransitInstanceId = null;
                }
            }

            // IB-55 / cancel: no half-made image stays behind.
            if (execution.Outcome is BuildStatus.FAILED or BuildStatus.CANCELLED && execution.ImageId is { } imageId)
            {
                var image = await ImageAsync(Region, imageId);
                if (image is { Status: ImageStatus.Creating or ImageStatus.Waiting })
                {
                    execution.Write($"Waiting for the image {imageId} to settle before removing it.", now);
                    return;
                }

                if (image is not null)
                {
                    var deleted = await handler.Service<ImageLifecycleService>()
                        .DeleteAsync(Actor, Region, new DeleteImagesRequest([imageId], Force: true, DeleteAssociatedSnapshots: true), ct);
                    execution.Write(deleted.IsSuccess ? $"Remove the unfinished image {imageId}." : $"Could not remove the image {imageId}: {deleted.Error.Code}.", now);
                }

                execution.ImageId = null;
            }

            var suffix = execution.Id[5..17];
            execution.Write($"Delete transition vswitch \"vsw-{suffix}\" and vpc \"vpc-{suffix}\".", now);
            if (!pipeline.RetainCloudAssistant && execution.Outcome is BuildStatus.SUCCESS or BuildStatus.PARTITION_SUCCESS)
            {
                execution.Write("Cloud Assistant is removed from the image (RetainCloudAssistant=false).", now);
            }

            End(execution.Outcome ?? BuildStatus.SUCCESS);
        }

        private void RunSteps(List<BuildStep> steps, BuildStatus failure)
        {
            foreach (var step in steps.Skip(execution.StepsDone).Take(StepsPerTick))
            {
                execution.StepsDone++;
                var text = step.Text.Length > 200 ? step.Text[..200] + "…" : step.Text;
                if (step.ExitCode is { } code && code != 0)
                {
                    execution.Write($"[{step.Source}] {step.Keyword} {text}: exit code {code}.", now);
                    Fail(failure, ImageBuilderErrors.ExitCodeNonzero(step.Source, $"{step.Keyword} {text}", code));
                    return;
                }

                execution.Write($"[{step.Source}] {step.Keyword} {text}: exit code 0.", now);
            }
        }

        /// <summary>The build cannot produce its result: release what must be released, or end at once.</summary>
        private void Fail(BuildStatus outcome, EcsError error)
        {
            execution.ErrorCode = error.Code;
            execution.ErrorInfo = error.Message;
            execution.Outcome = outcome;
            execution.Write($"{execution.Status} failed: {error.Code}: {error.Message}", now);
            var keep = outcome == BuildStatus.FAILED && !pipeline.DeleteInstanceOnFailure;
            if (keep && execution.TransitInstanceId is not null)
            {
                execution.Write($"The intermediate instance {execution.TransitInstanceId} is kept (DeleteInstanceOnFailure=false); release it yourself.", now);
            }

            var somethingToRelease = (!keep && execution.TransitInstanceId is not null) || execution.TestInstanceId is not null
                || (outcome == BuildStatus.FAILED && execution.ImageId is not null);
            if (somethingToRelease)
            {
                if (keep)
                {
                    execution.TransitInstanceId = null;
                }

                execution.Enter(BuildStatus.RELEASING, "Releasing the intermediate resources.", now);
            }
            else
            {
                End(outcome);
            }
        }

        private void Partial(EcsError error)
        {
            execution.Outcome = BuildStatus.PARTITION_SUCCESS;
            execution.ErrorCode ??= error.Code;
            execution.ErrorInfo ??= error.Message;
            execution.Write($"{error.Code}: {error.Message}", now);
        }

        private void End(BuildStatus final)
        {
            execution.Status = final;
            execution.Write($"Build ended: {final}.", now);
        }

        private Task<Result<string>> LaunchAsync(string name, string imageId) =>
            IntermediateInstances.LaunchOnceAsync(db, handler.Instances, Actor, Region, name, execution.InstanceTypeId, imageId, pipeline.SystemDiskSize, ct);

        private Task<Instance?> InstanceAsync(string? id) =>
            id is null ? Task.FromResult<Instance?>(null) : db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.RegionId == Region, ct);

        private Task<Image?> ImageAsync(string regionId, string id) =>
            db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.RegionId == regionId && i.Id == id, ct);

        private Task<string?> OwnImageIdAsync(string regionId, string name) =>
            db.Images.AsNoTracking()
                .Where(i => i.RegionId == regionId && i.OwnerAccountId == execution.AccountId && i.Kind == ImageKind.Custom && i.Name == name)
                .Select(i => i.Id).FirstOrDefaultAsync(ct);
    }
}
