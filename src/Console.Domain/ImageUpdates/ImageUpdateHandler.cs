using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Domain.ImageUpdates;

/// <summary>
/// The seven tasks of <c>ACS-ECS-UpdateImage</c> (OOS-10…17), one engine step at a time, acting as the user who
/// started the run through <see cref="InstanceService"/> and <see cref="CreateImageService"/>:
/// checkNewImageName (a name in use fails the run at once, creating nothing) → runInstances (pay-as-you-go, waits for
/// Running) → installCloudAssistant → runCommand (a command ending in <c>exit N</c>, N ≠ 0, fails with
/// <c>ExitCodeNonzero</c>, see <see cref="BuildContentRules"/>) → stopInstance → createImage (no family; waits for
/// Available) → deleteInstance (force). A failure after the instance exists jumps to deleteInstance (OnError) and the
/// run ends <c>Failed</c> (OOS-19); a cancel does the same and ends <c>Cancelled</c>. Steps are safe to repeat: the
/// instance and the image are looked up by name first.
/// </summary>
public sealed class ImageUpdateHandler(IServiceProvider services, IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time) : IPhasedTaskHandler
{
    public AsyncTaskType Type => AsyncTaskType.ImageUpdate;

    public static string InstanceName(string executionId) => $"oos-updateimage-{executionId}";

    public async Task<PhaseStep> StepAsync(AsyncTask task, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ImageUpdateRuns.FirstOrDefaultAsync(r => r.Id == task.ResourceId, ct);
        if (run is null)
        {
            return new PhaseStep(task.Progress, "Failed", PhaseOutcome.Failed, ImageUpdateErrors.ExecutionGone());
        }

        var now = time.GetUtcNow();
        if (run.Status == OosStatus.Started)
        {
            run.Status = OosStatus.Running;
        }

        await new Step(services, db, run, now, ct).RunAsync();
        await db.SaveChangesAsync(ct);
        var changes = new List<ResourceChange> { new(ImageUpdateService.ResourceType, run.Id, run.RegionId, run.AccountId) };
        var done = run.Steps.Count(s => s.Status is OosStepStatus.Success or OosStepStatus.Skipped or OosStepStatus.Failed);
        var progress = Math.Min(99, done * 100 / run.Steps.Count);
        return run.Status switch
        {
            OosStatus.Success => new PhaseStep(100, "Success", PhaseOutcome.Finished, null, changes),
            OosStatus.Failed => new PhaseStep(progress, "Failed", PhaseOutcome.Failed,
                new EcsError(run.ErrorCode ?? "Failed", 400, run.ErrorInfo ?? "The execution failed."), changes),
            OosStatus.Cancelled => new PhaseStep(progress, "Cancelled", PhaseOutcome.Cancelled, null, changes),
            _ => new PhaseStep(progress, run.CurrentStep.Name, PhaseOutcome.Continue, null, changes),
        };
    }

    private sealed class Step(IServiceProvider services, ConsoleDbContext db, ImageUpdateRun run, DateTimeOffset now, CancellationToken ct)
    {
        private Actor Actor => run.Actor;

        private InstanceService Instances => services.GetRequiredService<InstanceService>();

        public async Task RunAsync()
        {
            if (run.CancelRequested && run.CurrentStep.Name != "deleteInstance")
            {
                Abort("Cancelled", "The execution was cancelled.", cancelled: true);
            }

            var current = run.Steps.FirstOrDefault(s => s.Status is OosStepStatus.Running or OosStepStatus.Pending);
            if (current is null)
            {
                return;
            }

            if (current.Status == OosStepStatus.Pending)
            {
                run.Mark(current.Name, OosStepStatus.Running, null, now);
            }

            await (current.Name switch
            {
                "checkNewImageName" => CheckNewImageNameAsync(current.Name),
                "runInstances" => RunInstanceAsync(current.Name),
                "installCloudAssistant" => InstallCloudAssistant(current.Name),
                "runCommand" => RunCommand(current.Name),
                "stopInstance" => StopAsync(current.Name),
                "createImage" => CreateImageAsync(current.Name),
                "deleteInstance" => DeleteInstanceAsync(current.Name),
                _ => Task.CompletedTask,
            });
        }

        private async Task CheckNewImageNameAsync(string step)
        {
            var taken = await db.Images.AnyAsync(i => i.RegionId == run.RegionId && i.OwnerAccountId == run.AccountId && i.Kind == ImageKind.Custom
                && i.Name == run.TargetImageName && i.Id != run.ImageId, ct);
            if (taken)
            {
                Failed(step, $"DescribeImages(ImageName={run.TargetImageName}): TotalCount is not 0.", ImageErrors.NameDuplicated(run.TargetImageName));
                return;
            }

            Done(step, $"DescribeImages(ImageName={run.TargetImageName}): TotalCount=0.");
        }

        private Task InstallCloudAssistant(string step)
        {
            if (run.Ticks++ < 1)
            {
                run.Mark(step, OosStepStatus.Running, "InstallCloudAssistant, then reboot.", now);
            }
            else
            {
                Done(step, "DescribeCloudAssistantStatus: CloudAssistantStatus=true.");
            }

            return Task.CompletedTask;
        }

        private Task RunCommand(string step)
        {
            var exit = BuildContentRules.SimulatedExitCode(run.CommandContent);
            if (exit != 0)
            {
                FailedOnError(step, $"{run.CommandType}: InvocationStatus=Failed, ExitCode={exit}.",
                    ImageBuilderErrors.ExitCodeNonzeroCode, $"The command exited with code {exit}.");
            }
            else
            {
                Done(step, $"{run.CommandType}: InvocationStatus=Finished, ExitCode=0.");
            }

            return Task.CompletedTask;
        }

        private async Task RunInstanceAsync(string step)
        {
            var instance = await InstanceAsync();
            if (instance is null)
            {
                var launched = await IntermediateInstances.LaunchOnceAsync(db, Instances, Actor, run.RegionId, InstanceName(run.Id), run.InstanceTypeId,
                    run.SourceImageId, null, ct);
                if (!launched.IsSuccess)
                {
                    Failed(step, $"RunInstances: {launched.Error.Code}.", launched.Error);
                    return;
                }

                run.InstanceId = launched.Value;
                run.Mark(step, OosStepStatus.Running, $"RunInstances: {run.InstanceId} (pay-as-you-go); waiting for Running.", now);
                return;
            }

            run.InstanceId = instance.Id;
            if (instance.Status == InstanceStatus.Running)
            {
                Done(step, $"{instance.Id} is Running.");
            }
        }

        private async Task StopAsync(string step)
        {
            var instance = await InstanceAsync();
            switch (instance?.Status)
            {
                case null:
                    Failed(step, "The instance no longer exists.", InstanceErrors.NotFound(run.InstanceId ?? InstanceName(run.Id)));
                    return;
                case InstanceStatus.Running:
                    var stopped = await Instances.StopAsync(Actor, run.RegionId, instance.Id, ct);
                    if (!stopped.IsSuccess)
                    {
                        // OOS-15: stopInstance has no OnError handler; the instance is left as it is.
                        Failed(step, $"StopInstance: {stopped.Error.Code}.", stopped.Error);
                        return;
                    }

                    run.Mark(step, OosStepStatus.Running, $"StopInstance {instance.Id}; waiting for Stopped.", now);
                    return;
                case InstanceStatus.Stopped:
                    Done(step, $"{instance.Id} is Stopped.");
                    return;
            }
        }

        private async Task CreateImageAsync(string step)
        {
            if (run.ImageId is null)
            {
                var existing = await db.Images.AsNoTracking()
                    .Where(i => i.RegionId == run.RegionId && i.OwnerAccountId == run.AccountId && i.Kind == ImageKind.Custom && i.Name == run.TargetImageName
                        && i.SourceInstanceId == run.InstanceId)
                    .Select(i => i.Id).FirstOrDefaultAsync(ct);
                if (existing is null)
                {
                    var created = await services.GetRequiredService<CreateImageService>().CreateAsync(Actor, new CreateImageRequest
                    {
                        RegionId = run.RegionId,
                        InstanceId = run.InstanceId,
                        IncludeDataDisks = false,
                        Name = run.TargetImageName,
                        Tags = [.. run.Tags.Select(t => (t.Key, t.Value))],
                    }, ct);
                    if (!created.IsSuccess)
                    {
                        FailedOnError(step, $"CreateImage: {created.Error.Code}.", created.Error.Code, created.Error.Message);
                        return;
                    }

                    existing = created.Value.ImageId;
                }

                run.ImageId = existing;
                run.Mark(step, OosStepStatus.Running, $"CreateImage: {existing}; waiting for Available.", now);
                return;
            }

            var image = await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.RegionId == run.RegionId && i.Id == run.ImageId, ct);
            switch (image?.Status)
            {
                case ImageStatus.Available:
                    Done(step, $"{image.Id} is Available.");
                    return;
                case null or ImageStatus.CreateFailed or ImageStatus.UnAvailable:
                    FailedOnError(step, $"The image {run.ImageId} was not created.", "CreateImage.Failed", $"The image {run.ImageId} was not created.");
                    return;
            }
        }

        private async Task DeleteInstanceAsync(string step)
        {
            var instance = await InstanceAsync();
            if (instance is not null)
            {
                if (IntermediateInstances.IsSettling(instance))
                {
                    run.Mark(step, OosStepStatus.Running, $"Waiting for {instance.Id} ({instance.Status}).", now);
                    return;
                }

                var released = await Instances.ReleaseAsync(Actor, run.RegionId, instance.Id, force: true, ct);
                if (!released.IsSuccess)
                {
                    Failed(step, $"DeleteInstance: {released.Error.Code}.", released.Error);
                    return;
                }
            }

            Done(step, instance is null ? "No instance to delete." : $"DeleteInstance {instance.Id} (Force=true).");
            run.InstanceId = null;
            if (run.CancelRequested)
            {
                End(OosStatus.Cancelled, null);
            }
            else if (run.ErrorCode is not null)
            {
                End(OosStatus.Failed, null);
            }
            else
            {
                End(OosStatus.Success, null);
            }
        }

        private void Done(string step, string result)
        {
            run.Mark(step, OosStepStatus.Success, result, now);
            run.Ticks = 0;
        }

        /// <summary>A step without an OnError handler fails: its result is recorded and the run ends Failed with <paramref name="error"/>.</summary>
        private void Failed(string step, string result, EcsError error)
        {
            run.Mark(step, OosStepStatus.Failed, result, now);
            End(OosStatus.Failed, error);
        }

        /// <summary>A step with OnError fails: its result is recorded and the run skips to deleteInstance (<see cref="Abort"/>).</summary>
        private void FailedOnError(string step, string result, string code, string message)
        {
            run.Mark(step, OosStepStatus.Failed, result, now);
            Abort(code, message, cancelled: false);
        }

        /// <summary>OnError (or a cancel): skip to deleteInstance, which runs, then the run ends.</summary>
        private void Abort(string code, string message, bool cancelled)
        {
            if (!cancelled)
            {
                run.ErrorCode = code;
                run.ErrorInfo = message;
            }

            var delete = run.IndexOf("deleteInstance");
            for (var i = 0; i < delete; i++)
            {
                if (run.Steps[i].Status is OosStepStatus.Pending)
                {
                    run.Mark(run.Steps[i].Name, OosStepStatus.Skipped, null, now);
                }
                else if (run.Steps[i].Status is OosStepStatus.Running)
                {
                    run.Mark(run.Steps[i].Name, cancelled ? OosStepStatus.Skipped : OosStepStatus.Failed, cancelled ? "Cancelled." : null, now);
                }
            }
        }

        private void End(OosStatus status, EcsError? error)
        {
            if (error is not null)
            {
                run.ErrorCode = error.Code;
                run.ErrorInfo = error.Message;
            }

            foreach (var pending in run.Steps.Where(s => s.Status == OosStepStatus.Pending).ToList())
            {
                run.Mark(pending.Name, OosStepStatus.Skipped, null, now);
            }

            run.Status = status;
            run.ModifiedTime = now;
        }

        private Task<Instance?> InstanceAsync() =>
            db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.RegionId == run.RegionId && i.AccountId == run.AccountId
                && (i.Id == run.InstanceId || i.Name == InstanceName(run.Id)), ct);
    }
}
