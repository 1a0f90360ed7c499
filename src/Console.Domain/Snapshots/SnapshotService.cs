using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Snapshots;

/// <summary>A manual snapshot of one of the account's disks.</summary>
public sealed record CreateSnapshotRequest(string RegionId, string DiskId, string? Name, string? Description)
{
    /// <summary>The resource group of the new snapshot, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>SNP-03: the days the snapshot is kept (1–65536); null keeps it until it is deleted.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>SDP-02: its tags (the image tag rules).</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];
}

/// <summary>What CreateSnapshot returns at once: the snapshot (progressing) and its task.</summary>
public sealed record CreatedSnapshot(string SnapshotId, string TaskId);

/// <summary>CreateSnapshot and DeleteSnapshot (domain-rules §10).</summary>
public sealed partial class SnapshotService(
    IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, AsyncTaskEngine engine, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>
    /// Starts a manual snapshot of a disk. Codes: <c>Forbidden</c>, <see cref="SnapshotErrors.NameMalformedCode"/>,
    /// <see cref="SnapshotErrors.DescriptionMalformedCode"/>, <see cref="SnapshotErrors.DiskNotFoundCode"/>,
    /// <see cref="InstanceErrors.IncorrectStatusCode"/> (its instance is not Running or Stopped),
    /// <see cref="SnapshotErrors.ConcurrentQuotaCode"/>, <see cref="SnapshotErrors.QuotaCode"/>.
    /// </summary>
    public Task<Result<CreatedSnapshot>> CreateAsync(Actor actor, CreateSnapshotRequest request, CancellationToken ct = default) =>
        _write.CreateAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.CreateSnapshot, ResourceKind.Snapshot, request.DiskId, request.RegionId),
            auditDenied: false, scope => CreateInTransactionAsync(scope.Db, actor, request, ct), created => created.SnapshotId, ct);

    private async Task<Result<CreatedSnapshot>> CreateInTransactionAsync(ConsoleDbContext db, Actor actor, CreateSnapshotRequest request, CancellationToken ct)
    {
        if ((SnapshotValidation.Name(request.Name) ?? SnapshotValidation.Description(request.Description) ?? Retention(request.RetentionDays)
                ?? SnapshotValidation.Tags(request.Tags)) is { } invalid)
        {
            return invalid;
        }

        var disk = await db.Disks.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == request.DiskId && d.AccountId == actor.AccountId && d.RegionId == request.RegionId, ct);
        if (disk is null)
        {
            return SnapshotErrors.DiskNotFound(request.DiskId);
        }

        var group = await ResourceGroupRules.ResolveAsync(db, disk.AccountId, request.ResourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        if (disk.InstanceId is { } instanceId
            && await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Status).FirstAsync(ct) is not (InstanceStatus.Running or InstanceStatus.Stopped))
        {
            return InstanceErrors.IncorrectStatus("The instance of the disk must be Running or Stopped.");
        }

        var taken = await TakeAsync(db, disk, request.Name, request.Description, group.Value, snapshotGroupId: null, ct, request.Tags);
        if (taken.IsSuccess && request.RetentionDays is { } keep)
        {
            // SNP-03: released when its days have passed (the schedule's sweep, as for copies and automatic snapshots).
            var snapshot = db.Snapshots.Local.First(s => s.Id == taken.Value.SnapshotId);
            snapshot.RetentionDays = keep;
            snapshot.RetainUntil = snapshot.CreationTime.AddDays(keep);
        }

        return taken;
    }

    /// <summary>
    /// Starts a manual snapshot of <paramref name="disk"/> (its instance, if any, already checked): the per-disk
    /// concurrency and quota (<see cref="SnapshotErrors.ConcurrentQuotaCode"/>, <see cref="SnapshotErrors.QuotaCode"/>),
    /// then the snapshot, progressing, and its task. Shared by CreateSnapshot and CreateSnapshotGroup (SNP-05, SNP-11).
    /// </summary>
    internal async Task<Result<CreatedSnapshot>> TakeAsync(ConsoleDbContext db, Disk disk, string? name, string? description, string? resourceGroupId,
        string? snapshotGroupId, CancellationToken ct, IReadOnlyList<(string Key, string Value)>? tags = null)
    {
        var taken = await db.Snapshots.Where(s => s.SourceDiskId == disk.Id && s.SnapshotType == "user").ToListAsync(ct);
        if (taken.Count(s => s.Status == SnapshotStatus.Progressing) >= CreateImageService.MaxSnapshotsInProgressPerDisk)
        {
            return SnapshotErrors.ConcurrentQuota(CreateImageService.MaxSnapshotsInProgressPerDisk);
        }

        var limit = await QuotaLimits.GetAsync(db, disk.AccountId, null, QuotaCatalogue.SnapshotsPerDisk, ct);
        if (taken.Count >= limit)
        {
            return SnapshotErrors.Quota(limit);
        }

        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == disk.RegionId, ct);
        var snapshot = await StartTakingAsync(db, disk, ids.NewSnapshotId(region.Infix), string.IsNullOrEmpty(name) ? $"snapshot-{disk.Id}" : name,
            time.GetUtcNow(), snapshotGroupId: snapshotGroupId, ct: ct);
        snapshot.Description = string.IsNullOrEmpty(description) ? null : description;
        snapshot.ResourceGroupId = resourceGroupId;
        snapshot.Tags.AddRange((tags ?? []).Select(t => new SnapshotTag { TagKey = t.Key, TagValue = t.Value ?? "" }));
        var task = tasks.New(db, region.Infix, region.Id, disk.AccountId, AsyncTaskType.CreateSnapshot, snapshot.Id, cancellable: true);
        return new CreatedSnapshot(snapshot.Id, task.Id);
    }

    /// <summary>
    /// Adds a snapshot of <paramref name="disk"/> that starts being taken (progressing at 0 %), with what it records of the
    /// disk and of the image its OS came from (a system disk's). Shared by manual snapshots (<see cref="TakeAsync"/>) and
    /// a policy's automatic ones (<see cref="AutoSnapshotScheduleService"/>); the caller adds the task that takes it.
    /// </summary>
    internal static async Task<Snapshot> StartTakingAsync(ConsoleDbContext db, Disk disk, string id, string name, DateTimeOffset takenAt,
        string snapshotType = "user", string? autoSnapshotPolicyId = null, string? snapshotGroupId = null, CancellationToken ct = default)
    {
        var image = disk.Type == "system" && disk.ImageId is not null
            ? await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.RegionId == disk.RegionId && i.Id == disk.ImageId, ct)
            : null;
        var snapshot = new Snapshot
        {
            Id = id,
            RegionId = disk.RegionId,
            AccountId = disk.AccountId,
            Name = name,
            SourceDiskId = disk.Id,
            SourceDiskType = disk.Type,
            SourceDiskSizeGiB = disk.SizeGiB,
            SourceInstanceId = disk.InstanceId,
            SourceArchitecture = image?.Architecture.ToEcs(),
            SourcePlatform = image?.Platform,
            SnapshotType = snapshotType,
            Encrypted = disk.Encrypted,
            CreationTime = takenAt,
            ResourceGroupId = disk.ResourceGroupId,
            AutoSnapshotPolicyId = autoSnapshotPolicyId,
            SnapshotGroupId = snapshotGroupId,
        };
        snapshot.ReportProgress(0);
        db.Snapshots.Add(snapshot);
        return snapshot;
    }

    /// <summary>
    /// Deletes a snapshot of the account; one still being taken is cancelled (SNP-07). Codes: <c>Forbidden</c>,
    /// <see cref="SnapshotErrors.NotFoundCode"/>, <see cref="SnapshotErrors.CreatedImageCode"/> (a custom image is made of it),
    /// <see cref="SnapshotErrors.CreatedDiskCode"/> (disks were created from it, unless <paramref name="force"/>).
    /// </summary>
    public async Task<Result> DeleteAsync(Actor actor, string regionId, string snapshotId, CancellationToken ct = default, bool force = false)
    {
        // An unknown snapshot is refused unaudited; the right is checked once it is found.
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var snapshot = await db.Snapshots.FirstOrDefaultAsync(s => s.Id == snapshotId && s.RegionId == regionId && s.AccountId == actor.AccountId, ct);
            if (snapshot is null)
            {
                return SnapshotErrors.NotFound(snapshotId);
            }

            scope.Audit(new AuditTarget(AuditActions.DeleteSnapshot, ResourceKind.Snapshot, snapshotId, regionId));
            var usedBy = await db.ImageDiskMappings.Where(m => m.SnapshotId == snapshotId)
                .Join(db.Images, m => m.ImageKey, i => i.Key, (m, i) => i.Id).FirstOrDefaultAsync(ct);
            var diskMade = usedBy is null && !force
                ? await db.Disks.Where(d => d.SourceSnapshotId == snapshotId).OrderBy(d => d.Id).Select(d => d.Id).FirstOrDefaultAsync(ct)
                : null;
            if ((await scope.CheckCanWriteAsync(ct)
                ?? (usedBy is not null ? SnapshotErrors.CreatedImage(usedBy) : diskMade is not null ? SnapshotErrors.CreatedDisk(diskMade) : null)) is { } error)
            {
                return error;
            }

            scope.Publish(new ResourceChange(ResourceKind.Snapshot, snapshotId, regionId, actor.AccountId));
            var running = await db.AsyncTasks.FirstOrDefaultAsync(
                t => t.ResourceId == snapshotId && t.Type == AsyncTaskType.CreateSnapshot && t.Status == AsyncTaskStatus.Processing, ct);
            if (running is not null)
            {
                scope.Publish(await engine.CancelAsync(db, running, ct));
            }

            if (db.Entry(snapshot).State != EntityState.Deleted)
            {
                db.Snapshots.Remove(snapshot);
            }

            return true;
        }, ct);
        return outcome.ToResult();
    }
}
