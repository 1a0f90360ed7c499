using System.Globalization;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// The runs of automatic snapshot policies on the product's clock (SNP-01, SNP-02; docs/rules/auto-snapshot-policies.md).
/// A policy whose <see cref="AutoSnapshotPolicy.NextRunAt"/> has come takes an <c>auto</c> snapshot of each of its disks
/// (progressing as a CreateSnapshot task, like a manual one) and moves its next run on, in one transaction: what was
/// already taken is read from the database, so a second runner (another node, or the same advance again) takes nothing
/// twice. An automatic snapshot whose retention has passed is released; at <see cref="MaxAutoSnapshotsPerDisk"/> the
/// oldest of the disk's automatic snapshots makes room. The web host's runner calls <see cref="RunDueAsync"/> every
/// tick; the simulation control's clock advance stops at each <see cref="NextDueAsync"/> on its way.
/// </summary>
public sealed class AutoSnapshotScheduleService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, ChangeNotifier changes)
{
    /// <summary>SNP-02: automatic snapshots kept per disk.</summary>
    public const int MaxAutoSnapshotsPerDisk = 1000;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>The earliest time, not after <paramref name="notAfter"/>, at which a policy runs or an automatic snapshot is released; null when none is.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset notAfter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.AutoSnapshotPolicies.AsNoTracking()
            .Where(p => p.NextRunAt <= notAfter && (p.AssociationType == AutoSnapshotPolicyService.AssociatedWithInstanceTag || db.DiskAutoSnapshotPolicies.Any(a => a.PolicyId == p.Id)))
            .OrderBy(p => p.NextRunAt).Select(p => (DateTimeOffset?)p.NextRunAt).FirstOrDefaultAsync(ct);
        var release = await db.Snapshots.AsNoTracking()
            .Where(s => s.RetainUntil != null && s.RetainUntil <= notAfter)
            .OrderBy(s => s.RetainUntil).Select(s => s.RetainUntil).FirstOrDefaultAsync(ct);
        return run is null ? release : release is null ? run : run < release ? run : release;
    }

    /// <summary>Runs every policy that is due and releases every automatic snapshot past its retention; returns how many of each it handled.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<string> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.AutoSnapshotPolicies.AsNoTracking()
                .Where(p => p.NextRunAt <= now && (p.AssociationType == AutoSnapshotPolicyService.AssociatedWithInstanceTag || db.DiskAutoSnapshotPolicies.Any(a => a.PolicyId == p.Id)))
                .OrderBy(p => p.NextRunAt).Select(p => p.Id).Take(100).ToListAsync(ct);
        }

        var handled = 0;
        foreach (var policyId in due)
        {
            handled += await RunPolicyAsync(policyId, ct) ? 1 : 0;
        }

        return handled + await ReleaseExpiredAsync(ct);
    }

    /// <summary>One run of one policy, unless another runner has taken it since it was read as due.</summary>
    private async Task<bool> RunPolicyAsync(string policyId, CancellationToken ct)
    {
        var outcome = await _write.RunAsync<bool>(Actor.System, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var now = scope.Now;
            var policy = await db.AutoSnapshotPolicies.FirstOrDefaultAsync(p => p.Id == policyId, ct);
            if (policy is null || policy.NextRunAt > now)
            {
                return false; // deleted, or run by another runner
            }

            var takenAt = policy.NextRunAt;
            policy.NextRunAt = AutoSnapshotSchedule.Next(now, policy.Hours, policy.Weekdays);
            var applied = await db.DiskAutoSnapshotPolicies.Where(a => a.PolicyId == policyId).ToListAsync(ct);
            var diskIds = applied.Select(a => a.DiskId).ToList();
            var disks = await db.Disks.AsNoTracking().Where(d => diskIds.Contains(d.Id)).ToListAsync(ct);

            // A disk released since the policy was applied to it is no longer the policy's.
            db.DiskAutoSnapshotPolicies.RemoveRange(applied.Where(a => disks.All(d => d.Id != a.DiskId)));

            // SDP-15: a policy associated by instance tag also covers the disks of the instances carrying its target tags now.
            disks.AddRange((await AutoSnapshotPolicyService.TaggedDisksAsync(db, policy, ct)).Where(t => disks.All(d => d.Id != t.Id)));
            var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == policy.RegionId, ct);
            foreach (var disk in disks.OrderBy(d => d.Id, StringComparer.Ordinal))
            {
                if (await TakeAsync(scope, policy, disk, region.Infix, takenAt, ct) is { } snapshotId)
                {
                    scope.Publish(new ResourceChange(ResourceKind.Snapshot, snapshotId, disk.RegionId, disk.AccountId));
                }
            }

            scope.Publish(new ResourceChange(ResourceKind.AutoSnapshotPolicy, policy.Id, policy.RegionId, policy.AccountId));
            return true;
        }, ct);
        return outcome.IsSuccess && outcome.Value;
    }

    /// <summary>
    /// The automatic snapshot of one disk, or null when the disk cannot be snapshotted now: its instance is not Running or
    /// Stopped, or its previous automatic snapshot is still being taken (ECS skips that time point).
    /// </summary>
    private async Task<string?> TakeAsync(WriteScope scope, AutoSnapshotPolicy policy, Disk disk, string infix, DateTimeOffset takenAt, CancellationToken ct)
    {
        var db = scope.Db;
        if (disk.InstanceId is { } instanceId
            && await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => (InstanceStatus?)i.Status).FirstOrDefaultAsync(ct)
                is not (InstanceStatus.Running or InstanceStatus.Stopped))
        {
            return null;
        }

        var autos = await db.Snapshots.Where(s => s.SourceDiskId == disk.Id && s.SnapshotType == "auto").ToListAsync(ct);
        if (autos.Any(s => s.Status == SnapshotStatus.Progressing))
        {
            return null;
        }

        // SNP-02: at the limit the oldest automatic snapshot (one no image is made of) makes room.
        var used = await db.ImageDiskMappings.Where(m => m.SnapshotId != null && autos.Select(s => s.Id).Contains(m.SnapshotId)).Select(m => m.SnapshotId!).ToListAsync(ct);
        foreach (var oldest in autos.Where(s => !used.Contains(s.Id)).OrderBy(s => s.CreationTime).ThenBy(s => s.Id, StringComparer.Ordinal)
                     .Take(Math.Max(0, autos.Count - MaxAutoSnapshotsPerDisk + 1)))
        {
            db.Snapshots.Remove(oldest);
            scope.Publish(new ResourceChange(ResourceKind.Snapshot, oldest.Id, oldest.RegionId, oldest.AccountId));
        }

        var day = takenAt.ToOffset(AutoSnapshotSchedule.Offset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var prefix = $"auto2.0_{day}_";
        var name = prefix + (autos.Count(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)) + 1).ToString(CultureInfo.InvariantCulture);
        var snapshot = await SnapshotService.StartTakingAsync(db, disk, ids.NewSnapshotId(infix), name, takenAt, "auto", policy.Id, ct: ct);
        snapshot.RetainUntil = policy.RetentionDays > 0 ? takenAt.AddDays(policy.RetentionDays) : null;
        tasks.New(db, infix, disk.RegionId, disk.AccountId, AsyncTaskType.CreateSnapshot, snapshot.Id, cancellable: true);
        return snapshot.Id;
    }

    /// <summary>
    /// Releases the automatic snapshots whose retention has passed. One an image is made of, or a disk was created from, is
    /// kept until deleted instead (releasing it would break them).
    /// </summary>
    private async Task<int> ReleaseExpiredAsync(CancellationToken ct)
    {
        var outcome = await _write.RunAsync(Actor.System, WriteRight.None, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var expired = await db.Snapshots.Where(s => s.RetainUntil != null && s.RetainUntil <= scope.Now).OrderBy(s => s.RetainUntil).ThenBy(s => s.Id)
                .Take(500).ToListAsync(ct); // the longest expired first; an order makes the 500 a defined set (EF warning 10102)
            if (expired.Count == 0)
            {
                return Result<int>.Success(0);
            }

            var ids = expired.Select(s => s.Id).ToList();
            var used = (await db.ImageDiskMappings.Where(m => m.SnapshotId != null && ids.Contains(m.SnapshotId)).Select(m => m.SnapshotId!).ToListAsync(ct))
                .Concat(await db.Disks.Where(d => d.SourceSnapshotId != null && ids.Contains(d.SourceSnapshotId)).Select(d => d.SourceSnapshotId!).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var snapshot in expired)
            {
                if (used.Contains(snapshot.Id))
                {
                    snapshot.RetainUntil = null; // kept until deleted
                }
                else
                {
                    db.Snapshots.Remove(snapshot);
                    var running = await db.AsyncTasks.FirstOrDefaultAsync(
                        t => t.ResourceId == snapshot.Id && t.Type == AsyncTaskType.CreateSnapshot && t.Status == AsyncTaskStatus.Processing, ct);
                    if (running is not null)
                    {
                        db.AsyncTasks.Remove(running);
                    }
                }

                scope.Publish(new ResourceChange(ResourceKind.Snapshot, snapshot.Id, snapshot.RegionId, snapshot.AccountId));
            }

            return Result<int>.Success(expired.Count);
        }, ct);
        return outcome.IsSuccess ? outcome.Value : 0;
    }
}
