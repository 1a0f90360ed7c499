using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Sharing;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>The build's last phases (distribute, share, release), its two intermediate instances, and the steps' shared endings and lookups.</summary>
public sealed partial class ImageBuildHandler
{
    /// <summary>The build's two intermediate instances: the transit one it builds on, and the test one it tests the new image on.</summary>
    private enum Slot
    {
        Transit,
        Test,
    }

    private sealed partial class Run
    {
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
            foreach (var slot in new[] { Slot.Test, Slot.Transit })
            {
                var id = InstanceIdIn(slot);
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
                        execution.Write($"Release the {Label(slot)} instance {instance.Id}.", now);
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

                SetInstanceIdIn(slot, null);
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

            if (!await ImportedImageSettledAsync())
            {
                return;
            }

            var suffix = execution.Id[5..17];
            execution.Write($"Delete transition vswitch \"vsw-{suffix}\" and vpc \"vpc-{suffix}\".", now);
            if (!pipeline.RetainCloudAssistant && execution.Outcome is BuildStatus.SUCCESS or BuildStatus.PARTITION_SUCCESS)
            {
                execution.Write("Cloud Assistant is removed from the image (RetainCloudAssistant=false).", now);
            }

            End(execution.Outcome ?? BuildStatus.SUCCESS);
        }

        /// <summary>
        /// IB-38: the image an OSS base was imported as stays or goes by the template's retention strategy (a build
        /// "succeeded" when it ends SUCCESS or PARTITION_SUCCESS); false while it is still being imported.
        /// </summary>
        private async Task<bool> ImportedImageSettledAsync()
        {
            if (execution.ImportedImageId is not { } importedId)
            {
                return true;
            }

            var options = pipeline.ImportOptions;
            var succeeded = execution.Outcome is null or BuildStatus.SUCCESS or BuildStatus.PARTITION_SUCCESS;
            if (options.Keeps(succeeded))
            {
                execution.Write($"The imported image {importedId} is kept (RetentionStrategy={options.EffectiveRetention}).", now);
            }
            else
            {
                var image = await ImageAsync(Region, importedId);
                if (image is { Status: ImageStatus.Creating or ImageStatus.Waiting })
                {
                    execution.Write($"Waiting for the imported image {importedId} to settle before removing it.", now);
                    return false;
                }

                if (image is not null)
                {
                    var deleted = await handler.Service<ImageLifecycleService>()
                        .DeleteAsync(Actor, Region, new DeleteImagesRequest([importedId], Force: true, DeleteAssociatedSnapshots: true), ct);
                    execution.Write(deleted.IsSuccess
                        ? $"Delete the imported image {importedId} (RetentionStrategy={options.EffectiveRetention})."
                        : $"Could not delete the imported image {importedId}: {deleted.Error.Code}.", now);
                }
            }

            execution.ImportedImageId = null;
            return true;
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
                || (outcome == BuildStatus.FAILED && execution.ImageId is not null) || execution.ImportedImageId is not null;
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

        /// <summary>
        /// The slot's instance once it is Running, else null: a slot without one launches it from <paramref name="imageId"/>
        /// (and logs <paramref name="launched"/> of its ID), one that is starting is waited for, and one that cannot be
        /// launched or is gone fails the build (<see cref="PresentAsync"/>).
        /// </summary>
        private async Task<Instance?> RunningAsync(Slot slot, string imageId, Func<string, string> launched)
        {
            if (InstanceIdIn(slot) is null)
            {
                var launch = await IntermediateInstances.LaunchOnceAsync(db, handler.Instances, Actor, Region, NameOf(slot), execution.InstanceTypeId, imageId,
                    pipeline.SystemDiskSize, ct);
                if (!launch.IsSuccess)
                {
                    Fail(FailureOf(slot), launch.Error);
                    return null;
                }

                SetInstanceIdIn(slot, launch.Value);
                execution.Write(launched(launch.Value), now);
                return null;
            }

            var instance = await PresentAsync(slot);
            if (instance is { Status: not InstanceStatus.Running })
            {
                execution.Write($"Waiting for the {Label(slot)} instance {instance.Id} to start ({instance.Status}).", now);
                return null;
            }

            return instance;
        }

        /// <summary>The slot's instance, or null when it is gone: the slot is emptied and the build fails with <c>InvalidInstanceId.NotFound</c>.</summary>
        private async Task<Instance?> PresentAsync(Slot slot)
        {
            var instance = await InstanceAsync(InstanceIdIn(slot));
            if (instance is null)
            {
                SetInstanceIdIn(slot, null);
                Fail(FailureOf(slot), InstanceErrors.NotFound(NameOf(slot)));
            }

            return instance;
        }

        private string? InstanceIdIn(Slot slot) => slot == Slot.Test ? execution.TestInstanceId : execution.TransitInstanceId;

        private void SetInstanceIdIn(Slot slot, string? id)
        {
            if (slot == Slot.Test)
            {
                execution.TestInstanceId = id;
            }
            else
            {
                execution.TransitInstanceId = id;
            }
        }

        private string NameOf(Slot slot) => slot == Slot.Test ? TestInstanceName(execution.Id) : TransitInstanceName(execution.Id);

        private static BuildStatus FailureOf(Slot slot) => slot == Slot.Test ? BuildStatus.TEST_FAILED : BuildStatus.FAILED;

        private static string Label(Slot slot) => slot == Slot.Test ? "test" : "intermediate";

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
