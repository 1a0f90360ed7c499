using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Instances;

/// <summary>
/// Instances: create (RunInstances; CreateInstance, made Stopped), start, stop, reboot, release (DeleteInstance), the
/// batches (InstanceService.Batch.cs), attribute changes (InstanceService.Attributes.cs) and replace the system disk.
/// Every change checks the actor may write, is audited, and is published to open pages; state transitions run on the
/// task engine (Pending → Starting → Running, Stopping → Stopped).
/// </summary>
public sealed partial class InstanceService(
    IDbContextFactory<ConsoleDbContext> dbFactory,
    IdGenerator ids,
    TimeProvider time,
    TaskService tasks,
    ChangeNotifier changes,
    CompatibilityService compatibility)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// Creates <see cref="RunInstancesRequest.Amount"/> instances in <c>Pending</c>, each with a system disk from the
    /// image and its data disks, and queues their start. Codes: <c>Forbidden</c>; validation (<c>InvalidParameter</c>
    /// for Amount, <see cref="InstanceErrors.PeriodInvalidCode"/>, <see cref="InstanceErrors.NameMalformedCode"/>,
    /// <see cref="InstanceErrors.PasswordMalformedCode"/>, disk codes); lookups (<c>InvalidRegionId.NotFound</c>,
    /// <c>InvalidImageId.NotFound</c>, instance type and zone codes of <see cref="CompatibilityService"/>,
    /// <see cref="InstanceErrors.KeyPairNotFoundCode"/>); the first compatibility refusal; <see cref="InstanceErrors.QuotaCode"/>.
    /// </summary>
    public Task<Result<IReadOnlyList<string>>> RunAsync(Actor actor, RunInstancesRequest request, CancellationToken ct = default) =>
        _write.RunAsync(actor, WriteRight.CanWrite, deniedTarget: null, async scope =>
        {
            // Audited per new instance when launched; once, with no instance ID, when refused.
            var outcome = await RunInTransactionAsync(scope.Db, actor, request, ct);
            var launched = outcome.IsSuccess ? [.. outcome.Value] : new List<string?> { null };
            foreach (var id in launched)
            {
                scope.Audit(new AuditTarget(request.Start ? AuditActions.RunInstances : AuditActions.CreateInstance, ResourceKind.Instance, id, request.RegionId));
                if (id is not null)
                {
                    scope.Publish(new ResourceChange(ResourceKind.Instance, id, request.RegionId, actor.AccountId));
                }
            }

            scope.Publish(new ResourceChange(ResourceKind.Image, request.ImageId, request.RegionId, actor.AccountId));
            return outcome;
        }, ct);

    /// <summary>StartInstance: a Stopped instance goes Starting, then Running. <see cref="InstanceErrors.IncorrectStatusCode"/> otherwise.</summary>
    public Task<Result> StartAsync(Actor actor, string regionId, string instanceId, CancellationToken ct = default) =>
        TransitionAsync(actor, regionId, instanceId, AuditActions.StartInstance, "started", InstanceStatus.Stopped, InstanceStatus.Starting, AsyncTaskType.StartInstance, ct);

    /// <summary>StopInstance: a Running instance goes Stopping, then Stopped. <see cref="InstanceErrors.IncorrectStatusCode"/> otherwise.</summary>
    public Task<Result> StopAsync(Actor actor, string regionId, string instanceId, CancellationToken ct = default) =>
        StopAsync(actor, regionId, instanceId, stopCharging: false, ct);

    /// <summary>
    /// StopInstance with its <c>StoppedMode</c>: <paramref name="stopCharging"/> stops a pay-as-you-go instance in economical
    /// mode (<c>StopCharging</c>, as DescribeInstances then shows); a subscription instance always keeps charging.
    /// </summary>
    public Task<Result> StopAsync(Actor actor, string regionId, string instanceId, bool stopCharging, CancellationToken ct = default) =>
        StopAsync(actor, regionId, instanceId, stopCharging, forceStop: false, ct);

    /// <summary>
    /// StopInstance with <c>StoppedMode</c> and <c>ForceStop</c> (IPAR-30): a normal stop passes through Stopping on the task
    /// engine; a forced one (ECS: the power is cut) leaves the instance Stopped at once.
    /// </summary>
    public Task<Result> StopAsync(Actor actor, string regionId, string instanceId, bool stopCharging, bool forceStop, CancellationToken ct = default) =>
        ChangeAsync(actor, regionId, instanceId, AuditActions.StopInstance, (scope, instance, region) =>
        {
            if (InstanceRules.CannotMove(instance.Name, instance.Status, InstanceStatus.Running, "stopped") is { } refused)
            {
                return refused;
            }

            instance.StoppedMode = stopCharging && instance.ChargeType == InstanceChargeType.PostPaid ? "StopCharging" : null;
            if (forceStop)
            {
                instance.Status = InstanceStatus.Stopped;
                return Result.Success();
            }

            instance.Status = InstanceStatus.Stopping;
            tasks.New(scope.Db, region.Infix, regionId, instance.AccountId, AsyncTaskType.StopInstance, instance.Id, cancellable: false);
            return Result.Success();
        }, ct);

    /// <summary>Moves an instance from <paramref name="from"/> into <paramref name="through"/> and queues the task that ends the move.</summary>
    private Task<Result> TransitionAsync(Actor actor, string regionId, string instanceId, string action, string verb,
        InstanceStatus from, InstanceStatus through, AsyncTaskType taskType, CancellationToken ct) =>
        ChangeAsync(actor, regionId, instanceId, action, (scope, instance, region) =>
        {
            if (InstanceRules.CannotMove(instance.Name, instance.Status, from, verb) is { } refused)
            {
                return refused;
            }

            instance.Status = through;
            tasks.New(scope.Db, region.Infix, regionId, instance.AccountId, taskType, instance.Id, cancellable: false);
            return Result.Success();
        }, ct);

    /// <summary>
    /// DeleteInstance (INS-05) as the console releases: a Running instance forcibly (<paramref name="force"/>) and at once,
    /// an expired subscription too (<see cref="ReleaseAsync(Actor, string, string, InstanceRelease, CancellationToken)"/>).
    /// </summary>
    public Task<Result> ReleaseAsync(Actor actor, string regionId, string instanceId, bool force, CancellationToken ct = default) =>
        ReleaseAsync(actor, regionId, instanceId, new InstanceRelease(force), ct);

    /// <summary>
    /// DeleteInstance (INS-05, IPAR-31/32): pay-as-you-go, or a subscription once expired and only with
    /// <see cref="InstanceRelease.TerminateSubscription"/> (<see cref="InstanceErrors.ChargeTypeViolationCode"/>), not under
    /// release protection (<see cref="InstanceErrors.DeletionProtectionCode"/>), Stopped — or Running with
    /// <see cref="InstanceRelease.Force"/> (<see cref="InstanceErrors.IncorrectStatusCode"/>, 403). A forced release with
    /// <see cref="InstanceRelease.ForceStop"/> false stops the instance normally first: it is Stopping, and released when
    /// the stop ends (<see cref="ReleaseInstanceHandler"/>). Disks that delete with the instance go with it; the others stay
    /// as detached disks; manual snapshots stay (SNP-08).
    /// </summary>
    public Task<Result> ReleaseAsync(Actor actor, string regionId, string instanceId, InstanceRelease release, CancellationToken ct = default) =>
        ChangeAsync(actor, regionId, instanceId, AuditActions.DeleteInstance, async (scope, instance, region) =>
        {
            var db = scope.Db;
            var now = time.GetUtcNow();
            if (InstanceRules.CannotReleaseByCharge(instance.ChargeType, instance.ExpiredTime, now, release.TerminateSubscription) is { } charged)
            {
                return charged;
            }

            if (instance.DeletionProtection)
            {
                return InstanceErrors.DeletionProtection();
            }

            if (InstanceRules.CannotReleaseInStatus(instance.Name, instance.Status, release.Force) is { } busy)
            {
                return busy;
            }

            if (instance.Status == InstanceStatus.Running && !release.ForceStop)
            {
                instance.Status = InstanceStatus.Stopping;
                tasks.New(db, region.Infix, regionId, instance.AccountId, AsyncTaskType.ReleaseInstance, instance.Id, cancellable: false);
                return Result.Success();
            }

            await ReleaseNowAsync(db, instance, now, exceptTaskId: null, ct);
            await db.SaveChangesAsync(ct);
            return Result.Success();
        }, ct, loadDisks: true);

    /// <summary>
    /// Releases <paramref name="instance"/> (loaded with its disks) in <paramref name="db"/>: its disks that delete with it
    /// (and their policy links and automatic snapshots), the others detached; its running tasks but
    /// <paramref name="exceptTaskId"/> cancelled; its image's Usage refreshed. The caller saves.
    /// </summary>
    internal static async Task ReleaseNowAsync(ConsoleDbContext db, Instance instance, DateTimeOffset now, string? exceptTaskId, CancellationToken ct)
    {
        foreach (var disk in instance.Disks.ToList())
        {
            if (disk.DeleteWithInstance)
            {
                await Snapshots.AutoSnapshotPolicyService.ReleaseWithDiskAsync(db, disk.Id, autoSnapshotsToo: true, ct);
                db.Disks.Remove(disk);
            }
            else
            {
                disk.InstanceId = null;
                disk.DetachedTime = now;
            }
        }

        var pending = await db.AsyncTasks
            .Where(t => t.ResourceId == instance.Id && t.Status == AsyncTaskStatus.Processing && t.Id != exceptTaskId)
            .ToListAsync(ct);
        foreach (var task in pending)
        {
            task.Status = AsyncTaskStatus.Cancelled;
            task.FinishedAt = now;
            task.UpdatedAt = now;
        }

        db.Instances.Remove(instance);
        await RefreshInUseAsync(db, instance.RegionId, [instance.ImageId], ct, releasedInstanceId: instance.Id);
    }

    private async Task<Result<IReadOnlyList<string>>> RunInTransactionAsync(ConsoleDbContext db, Actor actor, RunInstancesRequest request, CancellationToken ct)
    {
        var account = actor.AccountId!;
        var error = InstanceValidation.Amount(request.Amount)
            ?? InstanceValidation.Period(request.ChargeType, request.PeriodMonths)
            ?? InstanceValidation.Name(request.InstanceName)
            ?? InstanceValidation.Description(request.Description);
        if (error is not null)
        {
            return error;
        }

        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RegionId, ct);
        if (region is null)
        {
            return CommonErrors.RegionNotFound(request.RegionId);
        }

        var group = await ResourceGroupRules.ResolveAsync(db, account, request.ResourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var network = await NetworkZoneAsync(db, account, region, request, ct);
        if (!network.IsSuccess)
        {
            return network.Error;
        }

        request = request with { ZoneId = network.Value };
        var image = await CompatibilityService.FindImageAsync(db, actor, region.Id, request.ImageId, ct);
        if (!image.IsSuccess)
        {
            return image.Error;
        }

        var type = await CompatibilityService.FindTypeAsync(db, region.Id, request.ZoneId, request.InstanceTypeId, ct);
        if (!type.IsSuccess)
        {
            return type.Error;
        }

        var zoneId = request.ZoneId ?? await db.Zones.AsNoTracking()
            .Where(z => z.RegionId == region.Id && type.Value.Zones.Select(tz => tz.ZoneId).Contains(z.Id))
            .OrderBy(z => z.Id).Select(z => z.Id).FirstAsync(ct);

        var systemSize = request.SystemDiskSizeGiB ?? ImageCompatibility.DefaultSystemDiskGiB(image.Value);
        var logon = LogonOf(request.Password, request.KeyPairName);
        var plan = new LaunchPlan(request.ChargeType, systemSize, logon, MainlandChinaRegion: ImageCompatibility.IsMainlandChina(region.Id),
            PeriodMonths: request.ChargeType == InstanceChargeType.PrePaid ? request.PeriodMonths : null);
        if ((await compatibility.VerdictAsync(db, actor, image.Value, type.Value, plan, ct)).FirstError is { } refused)
        {
            return refused;
        }

        var dataDisks = request.DataDisks ?? DataDisksOf(image.Value);
        var snapshotSizes = image.Value.DiskMappings
            .Where(m => m.Type == DiskMappingType.Data && m.SnapshotId != null)
            .GroupBy(m => m.SnapshotId!)
            .ToDictionary(g => g.Key, g => g.Max(m => m.SizeGiB));
        error = InstanceValidation.SystemDiskCategory(request.SystemDiskCategory, type.Value.NvmeOnly)
            ?? InstanceValidation.DataDisks(dataDisks, snapshotSizes)
            ?? InstanceValidation.HostName(request.HostName, image.Value.OsType)
            ?? request.Options.HostNames.Select(h => InstanceValidation.HostName(h, image.Value.OsType)).FirstOrDefault(e => e is not null)
            ?? SystemDiskLevelError(request, systemSize)
            ?? CpuOptionsError(request.Options.Settings, type.Value.Vcpu)
            ?? InstanceSecurityOptions.Error(request.Options.Settings, type.Value.Id)
            ?? InstanceSecurityOptions.QueueNumberError(request.Options.Settings.QueueNumber, type.Value.Id, type.Value.Hardware.MaximumQueueNumberPerEni)
            ?? await LaunchOptionsErrorAsync(db, account, region, zoneId, request.Options, ct)
            ?? await LogonErrorAsync(db, account, region.Id, request.Password, request.KeyPairName, image.Value.OsType, ct)
            ?? AutoReleaseTimeError(request.Options.AutoReleaseTime, time.GetUtcNow());
        if (error is not null)
        {
            return error;
        }

        // MinAmount: as many as the quotas leave room for, down to MinAmount; else the quota's refusal for the amount asked.
        error = await QuotaErrorAsync(db, account, region.Id, type.Value, request, ct);
        for (var fewer = request.Amount - 1; error is not null && fewer >= (request.Options.MinAmount ?? request.Amount); fewer--)
        {
            if (await QuotaErrorAsync(db, account, region.Id, type.Value, request with { Amount = fewer }, ct) is null)
            {
                request = request with { Amount = fewer };
                error = null;
            }
        }

        if (error is not null)
        {
            return error;
        }

        var now = time.GetUtcNow();
        var created = new List<string>(request.Amount);
        for (var n = 1; n <= request.Amount; n++)
        {
            var instanceId = ids.NewInstanceId(region.Infix);
            var name = string.IsNullOrEmpty(request.InstanceName)
                ? instanceId
                : request.Amount == 1 ? request.InstanceName : $"{request.InstanceName}{n:000}";
            var instance = new Instance
            {
                Id = instanceId,
                RegionId = region.Id,
                ZoneId = zoneId,
                AccountId = account,
                Name = name,
                InstanceTypeId = type.Value.Id,
                ImageId = image.Value.Id,
                Status = request.Start ? InstanceStatus.Pending : InstanceStatus.Stopped,
                Description = string.IsNullOrEmpty(request.Description) ? null : request.Description,
                HostName = HostNameOf(request, n),
                DeletionProtection = request.DeletionProtection,
                UserData = request.Options.UserData,
                Tags = [.. request.Options.Tags.Select(t => new InstanceTag { TagKey = t.Key, TagValue = t.Value })],
                AutoReleaseTime = request.Options.AutoReleaseTime,
                InternetChargeType = request.Options.InternetChargeType,
                InternetMaxBandwidthOut = request.Options.InternetMaxBandwidthOut,
                InternetMaxBandwidthIn = request.Options.InternetMaxBandwidthIn,
                SpotStrategy = request.Options.SpotStrategy is null or "NoSpot" ? null : request.Options.SpotStrategy,
                SpotPriceLimit = request.Options.SpotStrategy == "SpotWithPriceLimit" ? request.Options.SpotPriceLimit : null,
                SpotDuration = request.Options.SpotStrategy is null or "NoSpot" ? null : request.Options.SpotDuration,
                SpotInterruptionBehavior = request.Options.SpotStrategy is null or "NoSpot" ? null : request.Options.SpotInterruptionBehavior,
                HttpEndpoint = request.Options.HttpEndpoint,
                HttpTokens = request.Options.HttpTokens,
                HttpPutResponseHopLimit = request.Options.HttpPutResponseHopLimit,
                Settings = request.Options.Settings with
                {
                    SecurityHardening = InstanceSecurityOptions.Hardened(request.Options.SecurityEnhancementStrategy, image.Value.Kind),
                },
                AutoRenewMonths = request.ChargeType == InstanceChargeType.PrePaid ? request.Options.AutoRenewMonths : null,
                ChargeType = request.ChargeType,
                PeriodMonths = request.ChargeType == InstanceChargeType.PrePaid ? request.PeriodMonths : null,
                CreationTime = now,
                ExpiredTime = request.ChargeType == InstanceChargeType.PrePaid ? now.AddMonths(request.PeriodMonths!.Value) : null,
                PrivateIpAddress = request.Options.PrivateIpAddress ?? $"172.16.{(Math.Abs(instanceId.GetHashCode(StringComparison.Ordinal)) % 250) + 1}.{n + 1}",
                KeyPairName = string.IsNullOrEmpty(request.KeyPairName) ? null : request.KeyPairName,
                PasswordSet = (request.Password is not null || request.Options.PasswordInherit) && string.IsNullOrEmpty(request.KeyPairName),
                ResourceGroupId = group.Value,
            };
            var systemDisk = new Disk
            {
                Id = ids.NewDiskId(region.Infix), RegionId = region.Id, ZoneId = zoneId, AccountId = account, InstanceId = instanceId,
                Type = "system", Category = request.SystemDiskCategory, SizeGiB = systemSize, Device = "/dev/xvda",
                ImageId = image.Value.Id, CreationTime = now, ResourceGroupId = group.Value,
                Name = request.Options.SystemDiskName, Description = request.Options.SystemDiskDescription,
                PerformanceLevel = request.Options.SystemDiskPerformanceLevel, Encrypted = request.Options.SystemDiskEncrypted,
            };
            instance.Disks.Add(systemDisk);
            if (request.Options.SystemDiskAutoSnapshotPolicyId is { } policyId)
            {
                db.DiskAutoSnapshotPolicies.Add(new Snapshots.DiskAutoSnapshotPolicy
                {
                    AccountId = account, RegionId = region.Id, DiskId = systemDisk.Id, PolicyId = policyId, AppliedAt = now,
                });
            }

            var device = 'b';
            foreach (var data in dataDisks)
            {
                instance.Disks.Add(new Disk
                {
                    Id = ids.NewDiskId(region.Infix), RegionId = region.Id, ZoneId = zoneId, AccountId = account, InstanceId = instanceId,
                    Type = "data", Category = data.Category, SizeGiB = data.SizeGiB, Device = $"/dev/xvd{device++}",
                    SourceSnapshotId = data.SnapshotId, CreationTime = now, ResourceGroupId = group.Value,
                });
            }

            db.Instances.Add(instance);
            if (request.Start)
            {
                tasks.New(db, region.Infix, region.Id, account, AsyncTaskType.StartInstance, instanceId, cancellable: false);
            }

            created.Add(instanceId);
        }

        var imageRow = await db.Images.FirstAsync(i => i.RegionId == region.Id && i.Id == image.Value.Id, ct);
        imageRow.InUse = true;
        return created;
    }

    /// <summary>
    /// The zone the network options put the instances in (<see cref="DefaultNetwork"/>): the vSwitch's zone, which must be
    /// <see cref="RunInstancesRequest.ZoneId"/> when both are given; every security group must be the account's default.
    /// </summary>
    private static async Task<Result<string?>> NetworkZoneAsync(ConsoleDbContext db, string account, Regions.Region region, RunInstancesRequest request, CancellationToken ct)
    {
        var defaultGroup = DefaultNetwork.SecurityGroupId(account, region.Id, region.Infix);
        if (request.SecurityGroupIds.FirstOrDefault(g => g != defaultGroup) is { } unknownGroup)
        {
            return InstanceErrors.SecurityGroupNotFound(unknownGroup);
        }

        if (string.IsNullOrEmpty(request.VSwitchId))
        {
            return request.ZoneId;
        }

        var zones = await db.Zones.AsNoTracking().Where(z => z.RegionId == region.Id).Select(z => z.Id).ToListAsync(ct);
        var zone = zones.FirstOrDefault(z => DefaultNetwork.VSwitchId(account, z, region.Infix) == request.VSwitchId);
        if (zone is null)
        {
            return InstanceErrors.VSwitchNotFound(request.VSwitchId);
        }

        return request.ZoneId is { Length: > 0 } asked && asked != zone ? InstanceErrors.ZoneMismatch(request.VSwitchId, asked) : zone;
    }

    /// <summary>
    /// The host name of the <paramref name="n"/>th instance: its own of <c>HostNames.N</c>, else the one host name, with
    /// <c>UniqueSuffix</c> and several instances followed by <c>001</c>, <c>002</c>…; null: ECS's default.
    /// </summary>
    private static string? HostNameOf(RunInstancesRequest request, int n)
    {
        if (request.Options.HostNames.Count >= n)
        {
            return request.Options.HostNames[n - 1];
        }

        if (string.IsNullOrEmpty(request.HostName))
        {
            return null;
        }

        return request.Options.UniqueSuffix && request.Amount > 1 ? $"{request.HostName}{n:000}" : request.HostName;
    }

    /// <summary>AutoReleaseTime: at least 30 minutes and at most 3 years from now on the simulated clock.</summary>
    private static EcsError? AutoReleaseTimeError(DateTimeOffset? releaseAt, DateTimeOffset now) => releaseAt switch
    {
        null => null,
        { } at when at < now.AddMinutes(30) => InstanceErrors.AutoReleaseTime("it must be at least 30 minutes from now."),
        { } at when at > now.AddYears(3) => InstanceErrors.AutoReleaseTime("it must be at most 3 years from now."),
        _ => null,
    };

    /// <summary>
    /// IPAR-37: <c>CpuOptions.Core</c> × <c>CpuOptions.ThreadsPerCore</c> cannot exceed the type's vCPUs
    /// (<see cref="InstanceErrors.CpuOptionsCode"/>, 400).
    /// </summary>
    internal static EcsError? CpuOptionsError(InstanceSettings settings, int vcpu)
    {
        if (settings.CoreCount is null && settings.ThreadsPerCore is null)
        {
            return null;
        }

        var threads = settings.ThreadsPerCore ?? (vcpu > 1 ? 2 : 1);
        var cores = settings.CoreCount ?? Math.Max(1, vcpu / threads);
        return cores * threads <= vcpu
            ? null
            : InstanceErrors.CpuOptions($"{cores} cores of {threads} threads are more than the type's {vcpu} vCPUs.");
    }

    /// <summary>An ESSD system disk at PL2 or PL3 must be at least that level's smallest size (<see cref="DiskErrors.PerformanceLevelNotMatchCode"/>).</summary>
    private static EcsError? SystemDiskLevelError(RunInstancesRequest request, int systemSize) =>
        request.Options.SystemDiskPerformanceLevel is { } level && systemSize < DiskService.MinSizeGiB(level)
            ? DiskErrors.PerformanceLevelNotMatch(level, DiskService.MinSizeGiB(level))
            : null;

    /// <summary>
    /// The launch options that need the world: the private address must be in the zone's vSwitch
    /// (<see cref="InstanceErrors.PrivateIpAddressCode"/>) and not another instance's (<see cref="InstanceErrors.PrivateIpAddressTakenCode"/>);
    /// the system disk's snapshot policy must be the account's in the region (<see cref="Snapshots.AutoSnapshotPolicyErrors.ParameterInvalidCode"/>).
    /// </summary>
    private static async Task<EcsError?> LaunchOptionsErrorAsync(ConsoleDbContext db, string account, Regions.Region region, string zoneId,
        InstanceLaunchOptions options, CancellationToken ct)
    {
        if (options.PrivateIpAddress is { } address)
        {
            var withZones = await db.Regions.AsNoTracking().Include(r => r.Zones).FirstAsync(r => r.Id == region.Id, ct);
            var cidr = DefaultNetworkLayout.VSwitches(account, withZones).First(v => v.ZoneId == zoneId).CidrBlock;
            if (!PrivateAddresses.InCidr(address, cidr))
            {
                return InstanceErrors.PrivateIpAddressNotInVSwitch(address, cidr);
            }

            if (await db.Instances.AnyAsync(i => i.AccountId == account && i.RegionId == region.Id && i.PrivateIpAddress == address, ct))
            {
                return InstanceErrors.PrivateIpAddressTaken(address);
            }
        }

        if (options.SystemDiskAutoSnapshotPolicyId is { } policyId
            && !await db.AutoSnapshotPolicies.AnyAsync(p => p.Id == policyId && p.AccountId == account && p.RegionId == region.Id, ct))
        {
            return Snapshots.AutoSnapshotPolicyErrors.NotFound(policyId);
        }

        return null;
    }

    /// <summary>The data disks an image brings (CMP-14): one per data mapping, at its size, from its snapshot.</summary>
    public static IReadOnlyList<DiskSpec> DataDisksOf(Image image) =>
        image.DiskMappings
            .Where(m => m.Type == DiskMappingType.Data)
            .OrderBy(m => m.Device, StringComparer.Ordinal)
            .Select(m => new DiskSpec("cloud_essd", Math.Max(m.SizeGiB, InstanceValidation.MinDataDiskGiB), m.SnapshotId))
            .ToList();

    private static LogonMethod LogonOf(string? password, string? keyPair) =>
        !string.IsNullOrEmpty(keyPair) ? LogonMethod.KeyPair : password is not null ? LogonMethod.Password : LogonMethod.SetLater;

    private static async Task<EcsError?> LogonErrorAsync(ConsoleDbContext db, string account, string regionId, string? password, string? keyPair,
        OsType osType, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(keyPair))
        {
            return await db.KeyPairs.AnyAsync(k => k.AccountId == account && k.RegionId == regionId && k.Name == keyPair, ct)
                ? null
                : InstanceErrors.KeyPairNotFound(keyPair);
        }

        return InstanceValidation.Password(password, osType);
    }

    private static async Task<EcsError?> QuotaErrorAsync(ConsoleDbContext db, string account, string regionId, InstanceType type,
        RunInstancesRequest request, CancellationToken ct)
    {
        var mine = db.Instances.Where(i => i.AccountId == account && i.RegionId == regionId);
        var count = await mine.CountAsync(ct);
        var countLimit = await QuotaLimits.GetAsync(db, account, regionId, QuotaCatalogue.InstanceCount, ct);
        if (count + request.Amount > countLimit)
        {
            return InstanceErrors.Quota("instance", count, request.Amount, countLimit);
        }

        if (request.ChargeType != InstanceChargeType.PostPaid)
        {
            return null;
        }

        var vcpus = await (
            from i in mine
            where i.ChargeType == InstanceChargeType.PostPaid
            join t in db.InstanceTypes on i.InstanceTypeId equals t.Id
            select t.Vcpu).SumAsync(ct);
        var vcpuLimit = await QuotaLimits.GetAsync(db, account, regionId, QuotaCatalogue.VcpuCount, ct);
        var asked = type.Vcpu * request.Amount;
        return vcpus + asked > vcpuLimit ? InstanceErrors.Quota("pay-as-you-go vCPU", vcpus, asked, vcpuLimit) : null;
    }

    /// <summary>Keeps <see cref="Image.InUse"/> (the catalogue's Usage column) true while some instance in the region runs from the image.</summary>
    private static async Task RefreshInUseAsync(ConsoleDbContext db, string regionId, IEnumerable<string> imageIds, CancellationToken ct,
        string? releasedInstanceId = null)
    {
        foreach (var imageId in imageIds.Distinct())
        {
            var image = await db.Images.FirstOrDefaultAsync(i => i.RegionId == regionId && i.Id == imageId, ct);
            if (image is not null)
            {
                image.InUse = await db.Instances.AnyAsync(i => i.RegionId == regionId && i.ImageId == imageId && i.Id != releasedInstanceId, ct);
            }
        }
    }

    private Task<Result> ChangeAsync(Actor actor, string regionId, string instanceId, string action,
        Func<WriteScope, Instance, Regions.Region, Result> change, CancellationToken ct) =>
        ChangeAsync(actor, regionId, instanceId, action, (scope, instance, region) => Task.FromResult(change(scope, instance, region)), ct);

    /// <summary>
    /// The shared frame of a change to one instance of the actor's account: lookup (<see cref="InstanceErrors.NotFoundCode"/>,
    /// not audited), then write permission and the change, audited whatever the outcome and published when done.
    /// </summary>
    private async Task<Result> ChangeAsync(Actor actor, string regionId, string instanceId, string action,
        Func<WriteScope, Instance, Regions.Region, Task<Result>> change, CancellationToken ct, bool loadDisks = false)
    {
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var query = scope.Db.Instances.Where(i => i.Id == instanceId && i.RegionId == regionId && i.AccountId == actor.AccountId);
            var instance = loadDisks ? await query.Include(i => i.Disks).FirstOrDefaultAsync(ct) : await query.FirstOrDefaultAsync(ct);
            if (instance is null)
            {
                return InstanceErrors.NotFound(instanceId);
            }

            scope.Audit(new AuditTarget(action, ResourceKind.Instance, instanceId, regionId));
            scope.Publish(new ResourceChange(ResourceKind.Instance, instanceId, regionId, actor.AccountId));
            var region = await scope.Db.Regions.AsNoTracking().FirstAsync(r => r.Id == regionId, ct);
            var changed = await scope.CheckCanWriteAsync(ct) is { } denied ? Result.Failure(denied) : await change(scope, instance, region);
            return changed.IsSuccess ? true : changed.Error;
        }, ct);
        return outcome.ToResult();
    }
}
