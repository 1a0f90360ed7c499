using EcsConsole.Domain.Images;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Instances;

/// <summary>ReplaceSystemDisk: a stopped instance gets a new system disk from another image.</summary>
public sealed partial class InstanceService
{
    /// <summary>
    /// ReplaceSystemDisk (INS-06/07): the instance must be Stopped (<see cref="InstanceErrors.IncorrectStatusCode"/>, 403),
    /// not expired (<see cref="InstanceErrors.ExpiredOrInArrearsCode"/>), with no snapshot being taken of its system disk
    /// (<see cref="InstanceErrors.DiskCreatingSnapshotCode"/>); the image must pass every compatibility rule for the
    /// instance's type (a data-disk image: <c>OperationDenied</c>). A new system disk (new ID, same category) replaces the
    /// old one, which is released; the instance then starts.
    /// </summary>
    public async Task<Result<ReplacedSystemDisk>> ReplaceSystemDiskAsync(Actor actor, ReplaceSystemDiskRequest request, CancellationToken ct = default)
    {
        ReplacedSystemDisk? made = null;
        var result = await ChangeAsync(actor, request.RegionId, request.InstanceId, AuditActions.ReplaceSystemDisk, async (scope, instance, region) =>
        {
            var db = scope.Db;
            if (InstanceRules.CannotReplaceSystemDisk(instance.Name, instance.Status) is { } notStopped)
            {
                return notStopped;
            }

            var now = time.GetUtcNow();
            if (instance.ChargeType == InstanceChargeType.PrePaid && instance.ExpiredTime is { } expires && expires <= now)
            {
                return InstanceErrors.ExpiredOrInArrears();
            }

            var systemDisk = instance.Disks.FirstOrDefault(d => d.Type == "system");
            if (systemDisk is null)
            {
                return InstanceErrors.NoSystemDisk();
            }

            if (request.DiskId is { } named && named != systemDisk.Id)
            {
                return DiskErrors.NotFound(named);
            }

            if (await db.Snapshots.AnyAsync(s => s.SourceDiskId == systemDisk.Id && s.Status == SnapshotStatus.Progressing, ct))
            {
                return InstanceErrors.DiskCreatingSnapshot();
            }

            var current = await db.Images.AsNoTracking()
                .Where(i => i.RegionId == instance.RegionId && i.Id == instance.ImageId)
                .Select(i => (OsType?)i.OsType)
                .FirstOrDefaultAsync(ct);
            var image = await CompatibilityService.FindImageAsync(db, actor, request.RegionId, request.ImageId, ct);
            if (!image.IsSuccess)
            {
                return image.Error;
            }

            if (request.DiskId is not null && OsDescriptionError(request, image.Value) is { } mismatch)
            {
                return mismatch;
            }

            var size = request.SystemDiskSizeGiB ?? Math.Max(systemDisk.SizeGiB, ImageCompatibility.MinimumSystemDiskGiB(image.Value));
            var logon = LogonOf(request.Password, request.KeyPairName);
            var plan = new LaunchPlan(instance.ChargeType, size, logon, ReplacingSystemDisk: true, CurrentOsType: current,
                MainlandChinaRegion: ImageCompatibility.IsMainlandChina(request.RegionId), PeriodMonths: instance.PeriodMonths);
            var type = await db.InstanceTypes.AsNoTracking().FirstAsync(t => t.Id == instance.InstanceTypeId, ct);
            if ((await compatibility.VerdictAsync(db, actor, image.Value, type, plan, ct)).FirstError is { } refused)
            {
                return refused;
            }

            if (await LogonErrorAsync(db, instance.AccountId, request.RegionId, request.Password, request.KeyPairName, image.Value.OsType, ct) is { } logonError)
            {
                // ReplaceSystemDisk answers an unknown key pair with 400 (ecs-openapi §2.20), RunInstances with 404.
                return logonError.Code == InstanceErrors.KeyPairNotFoundCode ? logonError with { HttpStatus = 400 } : logonError;
            }

            var oldImage = instance.ImageId;
            var disk = new Disk
            {
                Id = ids.NewDiskId(region.Infix),
                RegionId = instance.RegionId,
                ZoneId = instance.ZoneId,
                AccountId = instance.AccountId,
                InstanceId = instance.Id,
                Type = "system",
                Category = systemDisk.Category,
                SizeGiB = size,
                Device = systemDisk.Device,
                ImageId = image.Value.Id,
                CreationTime = now,
                Encrypted = request.Encrypted,
            };
            await Snapshots.AutoSnapshotPolicyService.ReleaseWithDiskAsync(db, systemDisk.Id, autoSnapshotsToo: false, ct); // SNP-09
            db.Disks.Remove(systemDisk);
            db.Disks.Add(disk);
            instance.ImageId = image.Value.Id;
            instance.Settings = instance.Settings with
            {
                SecurityHardening = InstanceSecurityOptions.Hardened(request.SecurityEnhancementStrategy, image.Value.Kind),
                AdditionalService = request.UseAdditionalService ?? instance.Settings.AdditionalService,
            };
            instance.KeyPairName = request.KeyPairName ?? (request.Password is null ? instance.KeyPairName : null);
            instance.PasswordSet = request.Password is not null || request.PasswordInherit || (request.KeyPairName is null && instance.PasswordSet);
            instance.Status = InstanceStatus.Starting;
            tasks.New(db, region.Infix, request.RegionId, instance.AccountId, AsyncTaskType.StartInstance, instance.Id, cancellable: false);
            await db.SaveChangesAsync(ct);
            await RefreshInUseAsync(db, request.RegionId, [oldImage, image.Value.Id], ct);
            made = new ReplacedSystemDisk(instance.Id, disk.Id, image.Value.Id);
            foreach (var imageId in new[] { oldImage, made.ImageId }.Distinct())
            {
                scope.Publish(new ResourceChange(ResourceKind.Image, imageId, request.RegionId, actor.AccountId));
            }

            return Result.Success();
        }, ct, loadDisks: true);
        return result.IsSuccess ? made! : result.Error;
    }

    /// <summary>
    /// IPAR-42: with <c>DiskId</c>, <c>Architecture</c> and <c>Platform</c> describe the new OS, and the new system disk is
    /// made from the image: they must be the image's (<c>InvalidParameter</c>, 400, *Unclear*).
    /// </summary>
    private static EcsError? OsDescriptionError(ReplaceSystemDiskRequest request, Image image)
    {
        if (request.Architecture is { } architecture && !string.Equals(architecture, image.Architecture.ToEcs(), StringComparison.OrdinalIgnoreCase))
        {
            return CommonErrors.InvalidParameter("Architecture", $"the new OS is the image's {image.Architecture.ToEcs()}, not {architecture}.");
        }

        return request.Platform is { } platform && !string.Equals(platform, image.Platform, StringComparison.OrdinalIgnoreCase)
            ? CommonErrors.InvalidParameter("Platform", $"the new OS is the image's {image.Platform}, not {platform}.")
            : null;
    }
}
