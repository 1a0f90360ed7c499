namespace EcsConsole.Domain.Instances;

/// <summary>
/// RunInstances' <c>AutoReleaseTime</c> and <c>AutoRenew</c> on the product's clock (IPAR-04, IPAR-37): a subscription with
/// auto-renewal is renewed when it expires; a pay-as-you-go instance whose release time has
/// come is released whatever its status, as DeleteInstance releases it forcibly (disks that delete with it go, the others
/// stay detached), in one write each (the system's, as the snapshot policies' runs). The web host's runner calls <see cref="RunDueAsync"/> every tick; the
/// simulation control's clock advance stops at each <see cref="NextDueAsync"/> on its way.
/// </summary>
public sealed class InstanceAutoReleaseService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    /// <summary>The earliest release time not after <paramref name="notAfter"/>; null when no instance is due by then.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset notAfter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var times = await db.Instances.AsNoTracking()
            .Where(i => i.AutoReleaseTime != null && i.AutoReleaseTime <= notAfter)
            .Select(i => i.AutoReleaseTime).ToListAsync(ct);
        times.AddRange(await db.Instances.AsNoTracking()
            .Where(i => i.AutoRenewMonths != null && i.ExpiredTime != null && i.ExpiredTime <= notAfter)
            .Select(i => i.ExpiredTime).ToListAsync(ct));
        return times.Count == 0 ? null : times.Min();
    }

    /// <summary>Releases every instance whose release time has come; returns how many it released.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<string> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Instances.AsNoTracking()
                .Where(i => i.AutoReleaseTime != null && i.AutoReleaseTime <= now)
                .OrderBy(i => i.AutoReleaseTime).ThenBy(i => i.Id) // the longest due first (EF warning 10102: a Take needs an order)
                .Select(i => i.Id).Take(100).ToListAsync(ct);
        }

        var released = 0;
        foreach (var instanceId in due)
        {
            released += await ReleaseAsync(instanceId, ct) ? 1 : 0;
        }

        // The runner calls this every tick: a write transaction only when a renewal is due (a read says so).
        bool renewalDue;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            renewalDue = await db.Instances.AnyAsync(i => i.AutoRenewMonths != null && i.ExpiredTime != null && i.ExpiredTime <= now, ct);
        }

        return released + (renewalDue ? await RenewAsync(ct) : 0);
    }

    /// <summary>
    /// IPAR-37: a subscription with auto-renewal whose expiry has come is renewed by its period (as often as needed to be
    /// in service again), so it never falls due for release; returns how many it renewed.
    /// </summary>
    private async Task<int> RenewAsync(CancellationToken ct)
    {
        var outcome = await _write.RunAsync(Actor.System, WriteRight.None, deniedTarget: null, async scope =>
        {
            var due = await scope.Db.Instances
                .Where(i => i.AutoRenewMonths != null && i.ExpiredTime != null && i.ExpiredTime <= scope.Now).Take(500).ToListAsync(ct);
            foreach (var instance in due)
            {
                while (instance.ExpiredTime <= scope.Now)
                {
                    instance.ExpiredTime = instance.ExpiredTime.Value.AddMonths(instance.AutoRenewMonths!.Value);
                }

                scope.Publish(new ResourceChange(ResourceKind.Instance, instance.Id, instance.RegionId, instance.AccountId));
            }

            return Result<int>.Success(due.Count);
        }, ct);
        return outcome.IsSuccess ? outcome.Value : 0;
    }

    /// <summary>One release, unless another runner released the instance (or its time was moved) since it was read as due.</summary>
    private async Task<bool> ReleaseAsync(string instanceId, CancellationToken ct)
    {
        var outcome = await _write.RunAsync<bool>(Actor.System, WriteRight.None, deniedTarget: null, async scope =>
        {
            var instance = await scope.Db.Instances.Include(i => i.Disks).FirstOrDefaultAsync(i => i.Id == instanceId, ct);
            if (instance is null || instance.AutoReleaseTime is not { } at || at > scope.Now)
            {
                return false;
            }

            foreach (var disk in instance.Disks)
            {
                scope.Publish(new ResourceChange(ResourceKind.Disk, disk.Id, disk.RegionId, disk.AccountId));
            }

            await InstanceService.ReleaseNowAsync(scope.Db, instance, scope.Now, exceptTaskId: null, ct);
            await scope.Db.SaveChangesAsync(ct);
            scope.Publish(new ResourceChange(ResourceKind.Instance, instance.Id, instance.RegionId, instance.AccountId));
            scope.Publish(new ResourceChange(ResourceKind.Image, instance.ImageId, instance.RegionId, instance.AccountId));
            return true;
        }, ct);
        return outcome.IsSuccess && outcome.Value;
    }
}
