using System.Text.RegularExpressions;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Instances;

/// <summary>
/// Cloud disks on their own (CreateDisk, AttachDisk, DetachDisk, DeleteDisk, ResetDisk, ReInitDisk and the <c>/disks</c>
/// page). A disk made here is a pay-as-you-go data disk, Available until attached; a data disk comes off its instance
/// and goes on another of its zone (at most <see cref="InstanceValidation.MaxDataDisks"/> a instance); only a detached disk
/// is deleted, and its snapshots stay. Every change needs an Operator or Admin, is audited against the disk and published.
/// </summary>
public sealed partial class DiskService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, ChangeNotifier changes)
{
    /// <summary>The category CreateDisk makes when none is named: ECS's default, the basic disk, is not sold here.</summary>
    public const string DefaultCategory = "cloud_efficiency";

    /// <summary>The largest disk of any category sold here, in GiB.</summary>
    public const int MaxSizeGiB = InstanceValidation.MaxDataDiskGiB;

    private static readonly NameRule DiskName = new(128, ".:_-", NameRule.EcsCharactersReason, NameRule.NoLeadingUrl);

    /// <summary>Why a disk name (CreateDisk's <c>DiskName</c>, RunInstances' <c>SystemDisk.DiskName</c>) is malformed, or null.</summary>
    public static string? DiskNameProblem(string? name) => DiskName.Problem(name);

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// The smallest disk of a category (and ESSD performance level), in GiB: 20 for every disk sold here, 461 for an ESSD
    /// at PL2 and 1,261 at PL3 (ECS's ESSD table).
    /// </summary>
    public static int MinSizeGiB(string? performanceLevel) => performanceLevel switch
    {
        "PL2" => 461,
        "PL3" => 1261,
        _ => InstanceValidation.MinDataDiskGiB,
    };

    /// <summary>The performance levels of an ESSD.</summary>
    public static IReadOnlyList<string> PerformanceLevels { get; } = ["PL0", "PL1", "PL2", "PL3"];

    /// <summary>
    /// A new data disk (CreateDisk). Codes, first wins: <c>MissingParameter</c> (ZoneId or InstanceId; SnapshotId or Size),
    /// <see cref="DiskErrors.ConflictCode"/> (both ZoneId and InstanceId), <see cref="DiskErrors.CategoryCode"/>,
    /// <see cref="DiskErrors.PerformanceLevelCode"/>, <see cref="DiskErrors.NameMalformedCode"/>,
    /// <c>InvalidDescription.Malformed</c>, <see cref="DiskErrors.EncryptedIllegalCode"/>, <see cref="DiskErrors.KmsKeyNotFoundCode"/>,
    /// <c>Forbidden</c>, <c>InvalidResourceGroup.NotFound</c>, <see cref="DiskErrors.ZoneNotFoundCode"/>, the instance's
    /// (<c>InvalidInstanceId.NotFound</c>, <c>IncorrectInstanceStatus</c>, <see cref="DiskErrors.LimitExceededCode"/>), the
    /// snapshot's (<c>InvalidSnapshotId.NotFound</c>, <c>InvalidSnapshotId.NotReady</c>, <see cref="DiskErrors.TooSmallCode"/>),
    /// <see cref="DiskErrors.SizeCode"/>, <see cref="DiskErrors.PerformanceLevelNotMatchCode"/>.
    /// </summary>
    public Task<Result<string>> CreateAsync(Actor actor, CreateDiskRequest request, CancellationToken ct = default)
    {
        var target = new AuditTarget(AuditActions.CreateDisk, ResourceKind.Disk, null, request.RegionId);
        return _write.CreateAsync<string>(actor, WriteRight.CanWrite, target, auditDenied: true, async scope =>
        {
            var created = await CreateInAsync(scope, request, ct);
            if (created.IsSuccess && request.InstanceId is { } instanceId)
            {
                scope.Publish(new ResourceChange(ResourceKind.Instance, instanceId, request.RegionId, actor.AccountId));
            }

            return created;
        }, id => id, ct);
    }

    /// <summary>
    /// AttachDisk: an Available disk goes on a Running or Stopped instance of its zone. Codes: <see cref="DiskErrors.NotFoundCode"/>,
    /// <c>InvalidInstanceId.NotFound</c> (neither audited), <c>Forbidden</c>, <see cref="DiskErrors.NotBootableCode"/> /
    /// <see cref="DiskErrors.NotOriginInstanceCode"/> (as a system disk), <see cref="DiskErrors.IncorrectStatusCode"/>,
    /// <see cref="DiskErrors.NotSameZoneCode"/>, <c>IncorrectInstanceStatus</c> (400), <see cref="DiskErrors.LimitExceededCode"/>,
    /// <see cref="DiskErrors.DeviceMalformedCode"/>, <see cref="DiskErrors.DeviceInUseCode"/>.
    /// </summary>
    public Task<Result> AttachAsync(Actor actor, AttachDiskRequest request, CancellationToken ct = default) =>
        ChangeAsync(actor, request.DiskId, AuditActions.AttachDisk, async (scope, disk) =>
        {
            var db = scope.Db;
            var instance = await db.Instances.Include(i => i.Disks)
                .FirstOrDefaultAsync(i => i.Id == request.InstanceId && i.AccountId == disk.AccountId && i.RegionId == disk.RegionId, ct);
            if (instance is null)
            {
                return InstanceErrors.NotFound(request.InstanceId);
            }

            scope.Publish(new ResourceChange(ResourceKind.Instance, instance.Id, instance.RegionId, instance.AccountId));
            if (request.Bootable)
            {
                return disk.Type == "system" ? DiskErrors.NotOriginInstance(disk.Id) : DiskErrors.NotBootable(disk.Id);
            }

            if (disk.InstanceId is not null)
            {
                return DiskErrors.IncorrectStatus($"The disk \"{disk.Id}\" is In_use on {disk.InstanceId}: only an Available disk can be attached.");
            }

            if (disk.ZoneId != instance.ZoneId)
            {
                return DiskErrors.NotSameZone(disk.ZoneId, instance.ZoneId);
            }

            if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Stopped))
            {
                return InstanceErrors.IncorrectStatus($"A disk can be attached only to a Running or Stopped instance; {instance.Name} is {instance.Status}.");
            }

            if (instance.Disks.Count(d => d.Type == "data") >= InstanceValidation.MaxDataDisks)
            {
                return DiskErrors.LimitExceeded(InstanceValidation.MaxDataDisks);
            }

            var device = request.Device;
            if (device is not null && !DataDevice().IsMatch(device))
            {
                return DiskErrors.DeviceMalformed(device);
            }

            var used = instance.Disks.Select(d => d.Device).ToHashSet(StringComparer.Ordinal);
            if (device is not null && used.Contains(device))
            {
                return DiskErrors.DeviceInUse(device);
            }

            disk.InstanceId = instance.Id;
            disk.Device = device ?? FreeDevice(used);
            disk.DeleteWithInstance = request.DeleteWithInstance ?? false;
            disk.AttachedTime = scope.Now;
            return null;
        }, ct);

    /// <summary>
    /// DetachDisk: a data disk comes off its Running or Stopped instance and is Available. Codes: <see cref="DiskErrors.NotFoundCode"/>,
    /// <c>InvalidInstanceId.NotFound</c> (neither audited), <c>Forbidden</c>, <see cref="DiskErrors.IncorrectStatusCode"/>
    /// (not on that instance), <see cref="DiskErrors.NotPortableCode"/> (a system disk), <c>IncorrectInstanceStatus</c> (403).
    /// <paramref name="deleteWithInstance"/>, given, is kept as the disk's attribute.
    /// </summary>
    public Task<Result> DetachAsync(Actor actor, string diskId, string instanceId, bool? deleteWithInstance, CancellationToken ct = default) =>
        ChangeAsync(actor, diskId, AuditActions.DetachDisk, async (scope, disk) =>
        {
            var instance = await scope.Db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId && i.AccountId == disk.AccountId && i.RegionId == disk.RegionId, ct);
            if (instance is null)
            {
                return InstanceErrors.NotFound(instanceId);
            }

            scope.Publish(new ResourceChange(ResourceKind.Instance, instance.Id, instance.RegionId, instance.AccountId));
            if (disk.InstanceId != instance.Id)
            {
                return DiskErrors.IncorrectStatus($"The disk \"{disk.Id}\" is not attached to {instance.Id}.");
            }

            if (disk.Type == "system")
            {
                return DiskErrors.NotPortable(disk.Id);
            }

            if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Stopped))
            {
                return InstanceErrors.IncorrectStatusForbidden($"A disk can be detached only from a Running or Stopped instance; {instance.Name} is {instance.Status}.");
            }

            disk.InstanceId = null;
            disk.DetachedTime = scope.Now;
            disk.DeleteWithInstance = deleteWithInstance ?? disk.DeleteWithInstance;
            return null;
        }, ct);

    /// <summary>
    /// DeleteDisk: only an Available (detached) disk is released; its manual snapshots stay (SNP-08). Codes:
    /// <see cref="DiskErrors.NotFoundCode"/> (not audited), <c>Forbidden</c>, <see cref="DiskErrors.IncorrectStatusCode"/>.
    /// </summary>
    public Task<Result> DeleteAsync(Actor actor, string diskId, CancellationToken ct = default) =>
        ChangeAsync(actor, diskId, AuditActions.DeleteDisk, async (scope, disk) =>
        {
            if (disk.InstanceId is not null)
            {
                return DiskErrors.IncorrectStatus($"The disk \"{disk.Id}\" is In_use on {disk.InstanceId}: detach it first.");
            }

            await AutoSnapshotPolicyService.ReleaseWithDiskAsync(scope.Db, disk.Id, autoSnapshotsToo: true, ct);
            scope.Db.Disks.Remove(disk);
            return null;
        }, ct);

    /// <summary>
    /// ResetDisk: the disk rolled back to one of its own snapshots; attached, its instance must be Stopped. Codes:
    /// <see cref="DiskErrors.NotFoundCode"/> (not audited), <c>Forbidden</c>, <c>InvalidSnapshotId.NotFound</c>,
    /// <see cref="DiskErrors.SnapshotOfOtherDiskCode"/> (another disk's snapshot), <c>InvalidSnapshotId.NotReady</c>,
    /// <c>IncorrectInstanceStatus</c> (403).
    /// </summary>
    public Task<Result> ResetAsync(Actor actor, string diskId, string snapshotId, CancellationToken ct = default) =>
        ChangeAsync(actor, diskId, AuditActions.ResetDisk, async (scope, disk) =>
        {
            var db = scope.Db;
            var snapshot = await db.Snapshots.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == snapshotId && s.AccountId == disk.AccountId && s.RegionId == disk.RegionId, ct);
            if (snapshot is null)
            {
                return SnapshotErrors.NotFound(snapshotId);
            }

            if (snapshot.SourceDiskId != disk.Id)
            {
                return DiskErrors.SnapshotOfOtherDisk(snapshot.Id, disk.Id);
            }

            if (snapshot.Status != SnapshotStatus.Accomplished)
            {
                return SnapshotErrors.NotReady(snapshot.Id);
            }

            return await StoppedInstanceErrorAsync(db, disk, "rolled back", ct);
        }, ct);

    /// <summary>
    /// ReInitDisk: an attached disk back to its state at creation — a system disk from its image, a data disk from its
    /// snapshot or empty; the instance must be Stopped. A system disk may take a new password or key pair and start the
    /// instance after. Codes: <see cref="DiskErrors.NotFoundCode"/> (not audited), <c>Forbidden</c>,
    /// <see cref="DiskErrors.IncorrectStatusCode"/> (detached), <c>IncorrectInstanceStatus</c> (403),
    /// <c>InvalidImageId.NotFound</c> (its image is gone), <c>InvalidSnapshotId.NotFound</c> (its snapshot is gone),
    /// <c>InvalidPassword.Malformed</c>, <c>InvalidKeyPairName.NotFound</c>.
    /// </summary>
    public Task<Result> ReInitAsync(Actor actor, ReInitDiskRequest request, CancellationToken ct = default) =>
        ChangeAsync(actor, request.DiskId, AuditActions.ReInitDisk, async (scope, disk) =>
        {
            var db = scope.Db;
            if (disk.InstanceId is null)
            {
                return DiskErrors.IncorrectStatus($"The disk \"{disk.Id}\" is Available: only a disk on an instance can be re-initialised.");
            }

            if (await StoppedInstanceErrorAsync(db, disk, "re-initialised", ct) is { } notStopped)
            {
                return notStopped;
            }

            var instance = await db.Instances.FirstAsync(i => i.Id == disk.InstanceId, ct);
            if (disk.Type != "system")
            {
                return disk.SourceSnapshotId is { } source && !await db.Snapshots.AnyAsync(s => s.Id == source && s.RegionId == disk.RegionId, ct)
                    ? SnapshotErrors.NotFound(source)
                    : null;
            }

            var image = await CompatibilityService.FindImageAsync(db, scope.Actor, disk.RegionId, disk.ImageId ?? instance.ImageId, ct);
            if (!image.IsSuccess)
            {
                return image.Error;
            }

            // IPAR-38: the OS is installed again, hardened or not as this call asks.
            instance.Settings = instance.Settings with
            {
                SecurityHardening = InstanceSecurityOptions.Hardened(request.SecurityEnhancementStrategy, image.Value.Kind),
            };
            if (!string.IsNullOrEmpty(request.KeyPairName))
            {
                if (!await db.KeyPairs.AnyAsync(k => k.AccountId == disk.AccountId && k.RegionId == disk.RegionId && k.Name == request.KeyPairName, ct))
                {
                    return InstanceErrors.KeyPairNotFound(request.KeyPairName);
                }

                instance.KeyPairName = request.KeyPairName;
                instance.PasswordSet = false;
            }
            else if (request.Password is not null)
            {
                if (InstanceValidation.Password(request.Password, image.Value.OsType) is { } malformed)
                {
                    return malformed;
                }

                instance.KeyPairName = null;
                instance.PasswordSet = true;
            }

            if (request.AutoStartInstance)
            {
                var infix = await db.Regions.AsNoTracking().Where(r => r.Id == disk.RegionId).Select(r => r.Infix).FirstAsync(ct);
                instance.Status = InstanceStatus.Starting;
                tasks.New(db, infix, disk.RegionId, disk.AccountId, AsyncTaskType.StartInstance, instance.Id, cancellable: false);
            }

            return null;
        }, ct);

    private async Task<Result<string>> CreateInAsync(WriteScope scope, CreateDiskRequest request, CancellationToken ct)
    {
        var db = scope.Db;
        var account = scope.Actor.AccountId!;
        var category = request.Category ?? DefaultCategory;
        var problem = Shape(request, category);
        if (problem is not null)
        {
            return problem;
        }

        var group = await ResourceGroupRules.ResolveAsync(db, account, request.ResourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RegionId, ct);
        if (region is null)
        {
            return CommonErrors.RegionNotFound(request.RegionId);
        }

        Instance? instance = null;
        string zoneId;
        if (request.InstanceId is { } instanceId)
        {
            instance = await db.Instances.Include(i => i.Disks)
                .FirstOrDefaultAsync(i => i.Id == instanceId && i.AccountId == account && i.RegionId == region.Id, ct);
            if (instance is null)
            {
                return InstanceErrors.NotFound(instanceId);
            }

            if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Stopped))
            {
                return InstanceErrors.IncorrectStatusForbidden($"A disk can be created on a Running or Stopped instance only; {instance.Name} is {instance.Status}.");
            }

            if (instance.Disks.Count(d => d.Type == "data") >= InstanceValidation.MaxDataDisks)
            {
                return DiskErrors.LimitExceeded(InstanceValidation.MaxDataDisks);
            }

            zoneId = instance.ZoneId;
        }
        else
        {
            zoneId = request.ZoneId!;
            if (!await db.Zones.AnyAsync(z => z.RegionId == region.Id && z.Id == zoneId, ct))
            {
                return DiskErrors.ZoneNotFound(zoneId);
            }
        }

        var encrypted = request.Encrypted;
        var size = request.SizeGiB;
        if (request.SnapshotId is { } snapshotId)
        {
            var snapshot = await db.Snapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == snapshotId && s.AccountId == account && s.RegionId == region.Id, ct);
            if (snapshot is null)
            {
                return SnapshotErrors.NotFound(snapshotId);
            }

            if (snapshot.Status != SnapshotStatus.Accomplished)
            {
                return SnapshotErrors.NotReady(snapshotId);
            }

            if (size is { } asked && asked < snapshot.SourceDiskSizeGiB)
            {
                return DiskErrors.TooSmall(asked, snapshot.SourceDiskSizeGiB);
            }

            size ??= Math.Max(snapshot.SourceDiskSizeGiB, InstanceValidation.MinDataDiskGiB);
            encrypted |= snapshot.Encrypted; // SNP-10: a disk from an encrypted snapshot is encrypted
        }

        var gib = size!.Value;
        if (gib is < InstanceValidation.MinDataDiskGiB or > MaxSizeGiB)
        {
            return DiskErrors.Size(gib, InstanceValidation.MinDataDiskGiB, MaxSizeGiB);
        }

        if (category == "cloud_essd" && request.PerformanceLevel is { } level && gib < MinSizeGiB(level))
        {
            return DiskErrors.PerformanceLevelNotMatch(level, MinSizeGiB(level));
        }

        var disk = new Disk
        {
            Id = ids.NewDiskId(region.Infix),
            RegionId = region.Id,
            ZoneId = zoneId,
            AccountId = account,
            Type = "data",
            Category = category,
            SizeGiB = gib,
            Device = "",
            SourceSnapshotId = request.SnapshotId,
            Encrypted = encrypted,
            DeleteWithInstance = false,
            Name = string.IsNullOrEmpty(request.Name) ? null : request.Name,
            Description = string.IsNullOrEmpty(request.Description) ? null : request.Description,
            PerformanceLevel = category == "cloud_essd" ? request.PerformanceLevel ?? "PL1" : null,
            CreationTime = scope.Now,
            ResourceGroupId = group.Value,
            // SDP-06: ECS ignores Tag.N for a disk created on an instance (a subscription instance's disk there).
            Tags = instance is null ? [.. request.Tags.Select(t => new DiskTag { TagKey = t.Key, TagValue = t.Value ?? "" })] : [],
        };
        if (instance is not null)
        {
            disk.InstanceId = instance.Id;
            disk.Device = FreeDevice(instance.Disks.Select(d => d.Device).ToHashSet(StringComparer.Ordinal));
            disk.AttachedTime = scope.Now;
        }

        db.Disks.Add(disk);
        return disk.Id;
    }

    /// <summary>What CreateDisk's parameters say on their own, before anything is looked up.</summary>
    private static EcsError? Shape(CreateDiskRequest request, string category)
    {
        if (string.IsNullOrEmpty(request.ZoneId) == string.IsNullOrEmpty(request.InstanceId))
        {
            return string.IsNullOrEmpty(request.ZoneId)
                ? CommonErrors.MissingParameter("ZoneId")
                : DiskErrors.Conflict("ZoneId and InstanceId cannot both be given: a disk created on an instance is in the instance's zone.");
        }

        if (request.SizeGiB is null && request.SnapshotId is null)
        {
            return CommonErrors.MissingParameter("SnapshotId or Size");
        }

        if (!InstancePricing.DiskCategories.Contains(category))
        {
            return DiskErrors.Category(category);
        }

        if (Options(request, category) is { } option)
        {
            return option;
        }

        if (request.PerformanceLevel is { } level && (category != "cloud_essd" || !PerformanceLevels.Contains(level)))
        {
            return DiskErrors.PerformanceLevel(category != "cloud_essd"
                ? "a performance level is set for an Enterprise SSD (cloud_essd) only."
                : "use PL0, PL1, PL2 or PL3.");
        }

        if (DiskName.Problem(request.Name) is { } why)
        {
            return DiskErrors.NameMalformed(why);
        }

        if (SnapshotValidation.Description(request.Description) is { } description)
        {
            return description;
        }

        if (!string.IsNullOrEmpty(request.KmsKeyId))
        {
            return request.Encrypted ? DiskErrors.KmsKeyNotFound(request.KmsKeyId) : DiskErrors.EncryptedIllegal();
        }

        if (SnapshotValidation.Tags(request.Tags) is { } tags)
        {
            return tags;
        }

        // SDP-09: no storage set or dedicated block storage cluster exists here, so any one named is not found.
        if (!string.IsNullOrEmpty(request.StorageSetId) && !string.IsNullOrEmpty(request.StorageClusterId))
        {
            return DiskErrors.StorageClusterConflictsWithStorageSet();
        }

        return !string.IsNullOrEmpty(request.StorageSetId) ? DiskErrors.StorageSetNotFound(request.StorageSetId)
            : !string.IsNullOrEmpty(request.StorageClusterId) ? DiskErrors.StorageClusterNotFound(request.StorageClusterId)
            : null;
    }

    /// <summary>
    /// SDP-07, SDP-08: the ESSD AutoPL options (<c>ProvisionedIops</c>, <c>BurstingEnabled</c>) on a category that is
    /// not <c>cloud_auto</c> (none sold here is), and multi-attach: a bad value, on an instance, on a non-ESSD, and
    /// otherwise the account's missing multi-attach whitelisting.
    /// </summary>
    private static EcsError? Options(CreateDiskRequest request, string category)
    {
        if (request.ProvisionedIops is not null && category != "cloud_auto")
        {
            return DiskErrors.ProvisionedIopsUnsupported(category);
        }

        if (request.BurstingEnabled is not null && category != "cloud_auto")
        {
            return DiskErrors.BurstingUnsupported(category);
        }

        return request.MultiAttach switch
        {
            null or "Disabled" => null,
            not "Enabled" => DiskErrors.MultiAttachInvalid(request.MultiAttach),
            _ when !string.IsNullOrEmpty(request.InstanceId) => DiskErrors.MultiAttachWithInstance(),
            _ when category != "cloud_essd" => DiskErrors.MultiAttachCategory(category),
            _ => DiskErrors.MultiAttachNotWhitelisted(),
        };
    }

    /// <summary>IncorrectInstanceStatus (403) unless the disk is detached or its instance Stopped.</summary>
    private static async Task<EcsError?> StoppedInstanceErrorAsync(ConsoleDbContext db, Disk disk, string verb, CancellationToken ct)
    {
        if (disk.InstanceId is null)
        {
            return null;
        }

        var instance = await db.Instances.AsNoTracking().Where(i => i.Id == disk.InstanceId).Select(i => new { i.Name, i.Status }).FirstAsync(ct);
        return instance.Status == InstanceStatus.Stopped
            ? null
            : InstanceErrors.IncorrectStatusForbidden($"A disk on an instance can be {verb} only while the instance is Stopped; {instance.Name} is {instance.Status}.");
    }

    /// <summary>The first of <c>/dev/xvdb</c>…<c>/dev/xvdz</c> no disk of the instance uses.</summary>
    private static string FreeDevice(IReadOnlySet<string> used)
    {
        for (var letter = 'b'; letter <= 'z'; letter++)
        {
            if (!used.Contains($"/dev/xvd{letter}"))
            {
                return $"/dev/xvd{letter}";
            }
        }

        return "/dev/xvdz";
    }

    /// <summary>
    /// The shared frame of a change to one disk of the actor's account (in any region: the disk names its own): lookup
    /// (<see cref="DiskErrors.NotFoundCode"/>, not audited), then the write right and the change, audited against the disk
    /// whatever the outcome and published when done.
    /// </summary>
    private async Task<Result> ChangeAsync(Actor actor, string diskId, string action, Func<WriteScope, Disk, Task<EcsError?>> change, CancellationToken ct)
    {
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var disk = await scope.Db.Disks.FirstOrDefaultAsync(d => d.Id == diskId && d.AccountId == actor.AccountId, ct);
            if (disk is null)
            {
                return DiskErrors.NotFound(diskId);
            }

            scope.Audit(new AuditTarget(action, ResourceKind.Disk, disk.Id, disk.RegionId));
            scope.Publish(new ResourceChange(ResourceKind.Disk, disk.Id, disk.RegionId, actor.AccountId));
            if (disk.InstanceId is { } attachedTo)
            {
                scope.Publish(new ResourceChange(ResourceKind.Instance, attachedTo, disk.RegionId, actor.AccountId));
            }

            if (await scope.CheckCanWriteAsync(ct) is { } denied)
            {
                return denied;
            }

            return await change(scope, disk) is { } refused ? refused : true;
        }, ct);
        return outcome.ToResult();
    }

    [GeneratedRegex("^/dev/xvd[b-z]$")]
    private static partial Regex DataDevice();
}
