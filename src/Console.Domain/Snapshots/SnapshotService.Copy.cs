using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// CopySnapshot: copy the account's snapshot <paramref name="SnapshotId"/> of <paramref name="RegionId"/> to
/// <paramref name="DestinationRegionId"/>. <paramref name="Encrypted"/> encrypts the copy (SNP-10: the one way to an
/// encrypted snapshot of an unencrypted one; a copy of an encrypted snapshot stays encrypted).
/// </summary>
public sealed record CopySnapshotRequest(string RegionId, string SnapshotId, string DestinationRegionId, string? Name, string? Description, bool Encrypted = false)
{
    /// <summary>SNP-03: the copy's retention, 1–65536 days; null keeps it until deleted.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>A customer master key; needs <see cref="Encrypted"/> and, the emulated account having none, is never found.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>The copy's resource group, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>SDP-02: the copy's tags (the image tag rules); the source's are not copied.</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];
}

/// <summary>What ModifySnapshotAttribute changes; a null value leaves that attribute as it is.</summary>
public sealed record ModifySnapshotRequest(string RegionId, string SnapshotId, string? Name, string? Description)
{
    /// <summary>SNP-03: 1–65536 days.</summary>
    public int? RetentionDays { get; init; }
}

public sealed partial class SnapshotService
{
    /// <summary>
    /// Copies a snapshot to another region of the account: a new snapshot there, <c>progressing</c> until its
    /// <see cref="CopySnapshotHandler"/> task fills it. Codes, checked in this order: <c>Forbidden</c>;
    /// <see cref="SnapshotErrors.NameMalformedCode"/>, <see cref="SnapshotErrors.DescriptionMalformedCode"/>,
    /// <c>InvalidParameter</c> (RetentionDays), <see cref="CopyErrors.EncryptedIllegalCode"/> / <see cref="CopyErrors.KmsKeyNotFoundCode"/>;
    /// <see cref="CopyErrors.DestinationRegionNotFoundCode"/>; <see cref="SnapshotErrors.NotFoundCode"/>;
    /// <see cref="SnapshotErrors.CopyInSameRegionCode"/>; <see cref="SnapshotErrors.NotReadyCode"/> (not accomplished);
    /// <see cref="SnapshotErrors.UnfinishedCopyCode"/> (a copy of a snapshot of the same disk is still being made there);
    /// <c>InvalidResourceGroup.NotFound</c>.
    /// </summary>
    public Task<Result<CreatedSnapshot>> CopyAsync(Actor actor, CopySnapshotRequest request, CancellationToken ct = default) =>
        _write.CreateAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.CopySnapshot, ResourceKind.Snapshot, request.SnapshotId, request.RegionId),
            auditDenied: false, scope => CopyInTransactionAsync(scope.Db, actor, request, ct),
            copied => new AuditTarget(AuditActions.CopySnapshot, ResourceKind.Snapshot, copied.SnapshotId, request.DestinationRegionId), ct);

    private async Task<Result<CreatedSnapshot>> CopyInTransactionAsync(ConsoleDbContext db, Actor actor, CopySnapshotRequest request, CancellationToken ct)
    {
        var account = actor.AccountId!;
        if ((SnapshotValidation.Name(request.Name) ?? SnapshotValidation.Description(request.Description) ?? Retention(request.RetentionDays)
            ?? SnapshotValidation.Tags(request.Tags)
            ?? (request.KmsKeyId is { Length: > 0 } key ? request.Encrypted ? CopyErrors.KmsKeyNotFound(key) : CopyErrors.EncryptedIllegal() : null)) is { } malformed)
        {
            return malformed;
        }

        var destination = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.DestinationRegionId, ct);
        if (destination is null)
        {
            return CopyErrors.DestinationRegionNotFound(request.DestinationRegionId);
        }

        var source = await db.Snapshots.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == request.SnapshotId && s.RegionId == request.RegionId && s.AccountId == account, ct);
        if (source is null)
        {
            return SnapshotErrors.NotFound(request.SnapshotId);
        }

        if (source.RegionId == destination.Id)
        {
            return SnapshotErrors.CopyInSameRegion();
        }

        if (source.Status != SnapshotStatus.Accomplished)
        {
            return SnapshotErrors.NotReady(source.Id);
        }

        if (await UnfinishedCopyAsync(db, source, destination.Id, ct) is { } unfinished)
        {
            return SnapshotErrors.UnfinishedCopy(unfinished);
        }

        var group = await ResourceGroupRules.ResolveAsync(db, account, request.ResourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var (copy, task) = NewCopy(db, source, destination, request, group.Value);
        return new CreatedSnapshot(copy.Id, task.Id);
    }

    /// <summary>
    /// SDP-16: the cross-region copy of a policy's new automatic snapshot, made when the snapshot is accomplished, by
    /// CopySnapshot's path: to the policy's target region, encrypted when the policy says so (or the source is), kept for
    /// <c>CopiedSnapshotsRetentionDays</c> (-1: until deleted). None when copying is off, the region is gone, or a copy of
    /// a snapshot of the same disk is still being made there (<see cref="SnapshotErrors.UnfinishedCopyCode"/>: ECS skips it).
    /// Runs in the caller's write.
    /// </summary>
    internal async Task<Snapshot?> CopyForPolicyAsync(ConsoleDbContext db, Snapshot source, AutoSnapshotPolicy policy, CancellationToken ct)
    {
        if (!policy.EnableCrossRegionCopy || policy.TargetCopyRegions is not { } target || target == source.RegionId)
        {
            return null;
        }

        var destination = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == target, ct);
        if (destination is null || await UnfinishedCopyAsync(db, source, destination.Id, ct) is not null)
        {
            return null;
        }

        var request = new CopySnapshotRequest(source.RegionId, source.Id, destination.Id, null, null, policy.CopyEncrypted)
        {
            RetentionDays = policy.CopiedSnapshotsRetentionDays is > 0 and var days ? days : null,
        };
        return NewCopy(db, source, destination, request, source.ResourceGroupId).Copy;
    }

    /// <summary>A copy of a snapshot of <paramref name="source"/>'s disk still being made in <paramref name="destinationRegionId"/>, or null.</summary>
    private static Task<string?> UnfinishedCopyAsync(ConsoleDbContext db, Snapshot source, string destinationRegionId, CancellationToken ct) =>
        db.Snapshots.AsNoTracking()
            .Where(s => s.RegionId == destinationRegionId && s.AccountId == source.AccountId && s.SourceRegionId == source.RegionId
                && s.SourceDiskId == source.SourceDiskId && s.SourceSnapshotId != null && s.Status == SnapshotStatus.Progressing)
            .Select(s => s.Id).FirstOrDefaultAsync(ct);

    /// <summary>The copy of <paramref name="source"/> in <paramref name="destination"/>, <c>progressing</c>, and the task that fills it.</summary>
    private (Snapshot Copy, AsyncTask Task) NewCopy(ConsoleDbContext db, Snapshot source, Regions.Region destination, CopySnapshotRequest request, string? groupId)
    {
        var copy = new Snapshot
        {
            Id = ids.NewSnapshotId(destination.Infix),
            RegionId = destination.Id,
            AccountId = source.AccountId,
            Name = string.IsNullOrEmpty(request.Name) ? source.Name : request.Name,
            Description = string.IsNullOrEmpty(request.Description) ? source.Description : request.Description,
            SourceDiskId = source.SourceDiskId,
            SourceDiskType = source.SourceDiskType,
            SourceDiskSizeGiB = source.SourceDiskSizeGiB,
            SourceInstanceId = source.SourceInstanceId,
            SourceArchitecture = source.SourceArchitecture,
            SourcePlatform = source.SourcePlatform,
            Encrypted = source.Encrypted || request.Encrypted,
            CreationTime = time.GetUtcNow(),
            ResourceGroupId = groupId,
            RetentionDays = request.RetentionDays,
            // SNP-03: released when its days have passed (the schedule's sweep, as for automatic snapshots).
            RetainUntil = request.RetentionDays is { } keep ? time.GetUtcNow().AddDays(keep) : null,
            SourceSnapshotId = source.Id,
            SourceRegionId = source.RegionId,
            Tags = [.. request.Tags.Select(t => new SnapshotTag { TagKey = t.Key, TagValue = t.Value ?? "" })],
        };
        copy.ReportProgress(0);
        db.Snapshots.Add(copy);
        var task = tasks.New(db, destination.Infix, destination.Id, source.AccountId, AsyncTaskType.CopySnapshot, copy.Id, cancellable: true);
        return (copy, task);
    }

    /// <summary>
    /// ModifySnapshotAttribute: renames, re-describes or sets the retention of the account's snapshot. Codes:
    /// <see cref="SnapshotErrors.NameMalformedCode"/>, <see cref="SnapshotErrors.DescriptionMalformedCode"/>,
    /// <c>InvalidParameter</c> (RetentionDays), <see cref="SnapshotErrors.NotFoundCode"/>, <c>Forbidden</c> (read-only member).
    /// </summary>
    public async Task<Result> ModifyAttributeAsync(Actor actor, ModifySnapshotRequest request, CancellationToken ct = default)
    {
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            if ((SnapshotValidation.Name(request.Name) ?? SnapshotValidation.Description(request.Description) ?? Retention(request.RetentionDays)) is { } malformed)
            {
                return malformed;
            }

            var snapshot = await scope.Db.Snapshots
                .FirstOrDefaultAsync(s => s.Id == request.SnapshotId && s.RegionId == request.RegionId && s.AccountId == actor.AccountId, ct);
            if (snapshot is null)
            {
                return SnapshotErrors.NotFound(request.SnapshotId);
            }

            scope.Audit(new AuditTarget(AuditActions.ModifySnapshotAttribute, ResourceKind.Snapshot, snapshot.Id, snapshot.RegionId));
            if (await scope.CheckCanWriteAsync(ct) is { } denied)
            {
                return denied;
            }

            if (!string.IsNullOrEmpty(request.Name))
            {
                snapshot.Name = request.Name;
            }

            if (!string.IsNullOrEmpty(request.Description))
            {
                snapshot.Description = request.Description;
            }

            if (request.RetentionDays is { } days)
            {
                // SNP-03: counted from the snapshot's creation; released by the schedule's sweep once they have passed.
                snapshot.RetentionDays = days;
                snapshot.RetainUntil = snapshot.CreationTime.AddDays(days);
            }

            scope.Publish(new ResourceChange(ResourceKind.Snapshot, snapshot.Id, snapshot.RegionId, actor.AccountId));
            return true;
        }, ct);
        return outcome.ToResult();
    }

    private static EcsError? Retention(int? days) => days is null or (>= 1 and <= SnapshotErrors.MaxRetentionDays) ? null : SnapshotErrors.RetentionDays();
}
