using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// CreateSnapshotGroup: the disks of <see cref="InstanceId"/> (less <see cref="ExcludeDiskIds"/>), or the named
/// <see cref="DiskIds"/> (of that instance when one is named, else of any instances of one zone).
/// </summary>
public sealed record CreateSnapshotGroupRequest(string RegionId)
{
    public string? InstanceId { get; init; }

    public IReadOnlyList<string> DiskIds { get; init; } = [];

    public IReadOnlyList<string> ExcludeDiskIds { get; init; } = [];

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ResourceGroupId { get; init; }

    /// <summary>SDP-02: tags put on each snapshot of the group (the image tag rules).</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];
}

/// <summary>A group's snapshot as DescribeSnapshotGroups lists it.</summary>
public sealed record SnapshotGroupMember(string SnapshotId, string SourceDiskId, string SourceDiskType, SnapshotStatus Status, int Progress)
{
    /// <summary>SDP-02: the snapshot's tags (the group's, given at CreateSnapshotGroup), by key.</summary>
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];
}

/// <summary>A snapshot-consistent group with its snapshots, and its status read from theirs.</summary>
public sealed record SnapshotGroupItem(
    string Id, string? Name, string? Description, string? InstanceId, string? ResourceGroupId, DateTimeOffset CreationTime, IReadOnlyList<SnapshotGroupMember> Snapshots)
{
    /// <summary><c>progressing</c>, <c>accomplished</c> or <c>failed</c> (<see cref="SnapshotGroupStatus"/>).</summary>
    public string Status => SnapshotGroupStatus.Of(Snapshots.Select(s => s.Status));
}

/// <summary>
/// Snapshot-consistent groups (SNP-11): created of up to 16 ESSD-family disks of one zone, all In_use on Running or
/// Stopped instances, 32 TiB at most; listed with their snapshots; deleted with their snapshots.
/// </summary>
public sealed class SnapshotGroupService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, SnapshotService snapshots,
    AsyncTaskEngine engine, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>The disk categories a group takes: ESSD, ESSD AutoPL and ESSD Entry.</summary>
    public static readonly IReadOnlySet<string> EssdFamily = new HashSet<string>(StringComparer.Ordinal) { "cloud_essd", "cloud_auto", "cloud_essd_entry" };

    private static readonly NameRule GroupName = new(128, ".:_-", NameRule.EcsCharactersReason, NameRule.NoLeadingUrl);

    /// <summary>
    /// Creates a group and starts a snapshot of each of its disks. Codes, in this order: <c>Forbidden</c>;
    /// <c>InvalidParameter</c> (Name, DiskId.N with ExcludeDiskId.N, more than 16 of either); <see cref="SnapshotErrors.DescriptionMalformedCode"/>;
    /// <c>MissingParameter</c> (neither InstanceId nor DiskId.N); <see cref="InstanceErrors.NotFoundCode"/>;
    /// <see cref="SnapshotErrors.DiskNotFoundCode"/> (a named disk not in the region, or not on the named instance);
    /// <c>InvalidResourceGroup.NotFound</c>; <see cref="SnapshotErrors.DiskCategoryNotSupportedCode"/>;
    /// <see cref="SnapshotErrors.IncorrectDiskStatusCode"/> (not In_use); <c>InvalidParameter</c> (zones differ, more than
    /// 16 disks or 32 TiB, none left); <see cref="InstanceErrors.IncorrectStatusCode"/> (an instance not Running or Stopped);
    /// the per-disk snapshot concurrency and quota.
    /// </summary>
    public Task<Result<string>> CreateAsync(Actor actor, CreateSnapshotGroupRequest request, CancellationToken ct = default) =>
        _write.CreateAsync(actor, WriteRight.CanWrite,
            new AuditTarget(AuditActions.CreateSnapshotGroup, ResourceKind.SnapshotGroup, request.InstanceId ?? request.DiskIds.FirstOrDefault(), request.RegionId),
            auditDenied: false, scope => CreateInTransactionAsync(scope.Db, actor, request, ct), id => id, ct);

    private async Task<Result<string>> CreateInTransactionAsync(ConsoleDbContext db, Actor actor, CreateSnapshotGroupRequest request, CancellationToken ct)
    {
        var account = actor.AccountId!;
        if (Malformed(request) is { } malformed)
        {
            return malformed;
        }

        var picked = await DisksAsync(db, account, request, ct);
        if (!picked.IsSuccess)
        {
            return picked.Error;
        }

        var resourceGroup = await ResourceGroupRules.ResolveAsync(db, account, request.ResourceGroupId, ct);
        if (!resourceGroup.IsSuccess)
        {
            return resourceGroup.Error;
        }

        var disks = picked.Value;
        if (await CheckDisksAsync(db, disks, ct) is { } refused)
        {
            return refused;
        }

        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == request.RegionId, ct);
        var group = new SnapshotGroup
        {
            Id = ids.NewSnapshotGroupId(region.Infix),
            RegionId = region.Id,
            AccountId = account,
            Name = string.IsNullOrEmpty(request.Name) ? null : request.Name,
            Description = string.IsNullOrEmpty(request.Description) ? null : request.Description,
            InstanceId = request.InstanceId,
            ResourceGroupId = resourceGroup.Value,
            CreationTime = time.GetUtcNow(),
        };
        db.SnapshotGroups.Add(group);
        foreach (var disk in disks)
        {
            var taken = await snapshots.TakeAsync(db, disk, $"{group.Id}-{disk.Id}", group.Description, resourceGroup.Value, group.Id, ct, request.Tags);
            if (!taken.IsSuccess)
            {
                return taken.Error;
            }
        }

        return group.Id;
    }

    private static EcsError? Malformed(CreateSnapshotGroupRequest request)
    {
        if (GroupName.Problem(request.Name) is { } why)
        {
            return CommonErrors.InvalidParameter("Name", why);
        }

        if (request.DiskIds.Count > 0 && request.ExcludeDiskIds.Count > 0)
        {
            return CommonErrors.InvalidParameter("ExcludeDiskId", "DiskId.N and ExcludeDiskId.N cannot be given together.");
        }

        if (request.DiskIds.Count > SnapshotErrors.MaxGroupDisks || request.ExcludeDiskIds.Count > SnapshotErrors.MaxGroupDisks)
        {
            return CommonErrors.InvalidParameter(request.DiskIds.Count > 0 ? "DiskId" : "ExcludeDiskId", $"a call names at most {SnapshotErrors.MaxGroupDisks} disks.");
        }

        if ((SnapshotValidation.Description(request.Description) ?? SnapshotValidation.Tags(request.Tags)) is { } description)
        {
            return description;
        }

        return request.InstanceId is null && request.DiskIds.Count == 0 ? CommonErrors.MissingParameter("InstanceId") : null;
    }

    /// <summary>The disks the request names: the instance's (less those excluded, or only those named), or the named ones.</summary>
    private static async Task<Result<List<Disk>>> DisksAsync(ConsoleDbContext db, string account, CreateSnapshotGroupRequest request, CancellationToken ct)
    {
        var inRegion = db.Disks.AsNoTracking().Where(d => d.AccountId == account && d.RegionId == request.RegionId);
        if (request.InstanceId is { } instanceId)
        {
            if (!await db.Instances.AnyAsync(i => i.Id == instanceId && i.AccountId == account && i.RegionId == request.RegionId, ct))
            {
                return InstanceErrors.NotFound(instanceId);
            }

            var attached = await inRegion.Where(d => d.InstanceId == instanceId).OrderBy(d => d.Type == "system" ? 0 : 1).ThenBy(d => d.Device).ToListAsync(ct);
            if (request.DiskIds.FirstOrDefault(id => attached.All(d => d.Id != id)) is { } stranger)
            {
                return SnapshotErrors.DiskNotFound(stranger);
            }

            return request.DiskIds.Count > 0
                ? attached.Where(d => request.DiskIds.Contains(d.Id)).ToList()
                : attached.Where(d => !request.ExcludeDiskIds.Contains(d.Id)).ToList();
        }

        var ids = request.DiskIds.Distinct().ToList();
        var named = await inRegion.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        if (ids.FirstOrDefault(id => named.All(d => d.Id != id)) is { } missing)
        {
            return SnapshotErrors.DiskNotFound(missing);
        }

        return named.OrderBy(d => ids.IndexOf(d.Id)).ToList();
    }

    private static async Task<EcsError?> CheckDisksAsync(ConsoleDbContext db, List<Disk> disks, CancellationToken ct)
    {
        if (disks.FirstOrDefault(d => !EssdFamily.Contains(d.Category)) is { } other)
        {
            return SnapshotErrors.DiskCategoryNotSupported(other.Id, other.Category);
        }

        if (disks.FirstOrDefault(d => d.InstanceId is null) is { } detached)
        {
            return SnapshotErrors.DiskNotInUse(detached.Id);
        }

        if (disks.Select(d => d.ZoneId).Distinct().Count() > 1)
        {
            return CommonErrors.InvalidParameter("DiskId", "the disks of a snapshot-consistent group must be in one zone.");
        }

        if (disks.Count is 0 or > SnapshotErrors.MaxGroupDisks || disks.Sum(d => d.SizeGiB) > SnapshotErrors.MaxGroupGiB)
        {
            return CommonErrors.InvalidParameter("DiskId",
                $"a snapshot-consistent group takes 1 to {SnapshotErrors.MaxGroupDisks} disks of at most {SnapshotErrors.MaxGroupGiB / 1024} TiB in all.");
        }

        var instanceIds = disks.Select(d => d.InstanceId!).Distinct().ToList();
        if (await db.Instances.AsNoTracking().AnyAsync(i => instanceIds.Contains(i.Id) && i.Status != InstanceStatus.Running && i.Status != InstanceStatus.Stopped, ct))
        {
            return InstanceErrors.IncorrectStatus("The instances of the disks must be Running or Stopped.");
        }

        return null;
    }

    /// <summary>The account's groups in <paramref name="regionId"/>, newest first, each with its snapshots.</summary>
    public Task<IReadOnlyList<SnapshotGroupItem>> ListAsync(Actor actor, string regionId, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync<IReadOnlyList<SnapshotGroupItem>>(actor, [], async (db, account) =>
        {
            var groups = await db.SnapshotGroups.AsNoTracking().Where(g => g.AccountId == account && g.RegionId == regionId)
                .OrderByDescending(g => g.CreationTime).ThenBy(g => g.Id).ToListAsync(ct);
            var groupIds = groups.Select(g => g.Id).ToList();
            var members = (await db.Snapshots.AsNoTracking().Where(s => s.SnapshotGroupId != null && groupIds.Contains(s.SnapshotGroupId)).ToListAsync(ct))
                .ToLookup(s => s.SnapshotGroupId!);
            return
            [
                .. groups.Select(g => new SnapshotGroupItem(g.Id, g.Name, g.Description, g.InstanceId, g.ResourceGroupId, g.CreationTime,
                    [.. members[g.Id].OrderBy(s => s.Id).Select(s => new SnapshotGroupMember(s.Id, s.SourceDiskId, s.SourceDiskType, s.Status, s.Progress)
                    {
                        Tags = [.. s.Tags.OrderBy(t => t.TagKey, StringComparer.Ordinal).Select(t => (t.TagKey, t.TagValue))],
                    })])),
            ];
        }, ct);

    /// <summary>
    /// Deletes a group and its snapshots (a snapshot still being taken is cancelled). Codes: <see cref="SnapshotErrors.GroupNotFoundCode"/>,
    /// <c>Forbidden</c>, <see cref="SnapshotErrors.CreatedImageCode"/> (a custom image is made of one of its snapshots).
    /// Returns the IDs of the snapshots deleted.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> DeleteAsync(Actor actor, string regionId, string groupId, CancellationToken ct = default) =>
        await _write.RunAsync<IReadOnlyList<string>>(actor, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var group = await db.SnapshotGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.RegionId == regionId && g.AccountId == actor.AccountId, ct);
            if (group is null)
            {
                return SnapshotErrors.GroupNotFound(groupId);
            }

            scope.Audit(new AuditTarget(AuditActions.DeleteSnapshotGroup, ResourceKind.SnapshotGroup, groupId, regionId));
            if (await scope.CheckCanWriteAsync(ct) is { } denied)
            {
                return denied;
            }

            var members = await db.Snapshots.Where(s => s.SnapshotGroupId == groupId).OrderBy(s => s.Id).ToListAsync(ct);
            var memberIds = members.Select(s => s.Id).ToList();
            var usedBy = await db.ImageDiskMappings.Where(m => m.SnapshotId != null && memberIds.Contains(m.SnapshotId))
                .Join(db.Images, m => m.ImageKey, i => i.Key, (m, i) => i.Id).FirstOrDefaultAsync(ct);
            if (usedBy is not null)
            {
                return SnapshotErrors.CreatedImage(usedBy);
            }

            var running = await db.AsyncTasks.Where(t => memberIds.Contains(t.ResourceId) && t.Type == AsyncTaskType.CreateSnapshot && t.Status == AsyncTaskStatus.Processing)
                .ToListAsync(ct);
            foreach (var task in running)
            {
                scope.Publish(await engine.CancelAsync(db, task, ct));
            }

            foreach (var snapshot in members.Where(s => db.Entry(s).State != EntityState.Deleted))
            {
                db.Snapshots.Remove(snapshot);
            }

            db.SnapshotGroups.Remove(group);
            scope.Publish(new ResourceChange(ResourceKind.SnapshotGroup, groupId, regionId, actor.AccountId));
            scope.Publish(memberIds.Select(id => new ResourceChange(ResourceKind.Snapshot, id, regionId, actor.AccountId)));
            return memberIds;
        }, ct);
}
