using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Quotas;

/// <summary>
/// One quota of one account as the quotas page shows it: <see cref="RegionId"/> is null for account-wide quotas.
/// <see cref="Limit"/> is the admin's limit where one was set, else the catalogue's default.
/// </summary>
public sealed record QuotaRow(
    string AccountId,
    string AccountName,
    string? RegionId,
    string QuotaName,
    string Description,
    int Used,
    int Limit);

/// <summary>Reads quotas with their usage (domain-rules §12).</summary>
public sealed class QuotaService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Every quota of <see cref="QuotaCatalogue"/> with usage and limit: per-region quotas once per region, account-wide
    /// quotas once. An account admin sees the own account, the platform admin every account, in account-name order.
    /// Anyone else gets <see cref="CommonErrors.Forbidden"/>. Usage is counted per account and region in a fixed number of
    /// aggregate queries, however many accounts there are. With <paramref name="regionId"/>, per-region quotas are listed
    /// for that region only (the console shows one region at a time).
    /// </summary>
    public async Task<Result<IReadOnlyList<QuotaRow>>> ListAsync(Actor actor, string? regionId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await Access.CurrentAsync(db, actor, time, ct);
        if (!current.IsSuccess)
        {
            return current.Error;
        }

        actor = current.Value;
        string? only;
        if (actor.IsPlatformAdmin)
        {
            only = null;
        }
        else if (actor.IsAccountAdmin)
        {
            only = actor.AccountId;
        }
        else
        {
            return CommonErrors.Forbidden("Only an account admin or the platform admin may view quotas.");
        }

        return Result<IReadOnlyList<QuotaRow>>.Success(await ReadRowsAsync(db, only, regionId, ct));
    }

    /// <summary>
    /// The quotas of the actor's own account that are at least <paramref name="percent"/> used (the Overview's warnings):
    /// per-region quotas of <paramref name="regionId"/> and the account-wide ones, fullest first. Any member may see how
    /// close the own account is to a limit (it is what refuses the member's next change); an actor without an account has none.
    /// </summary>
    public Task<IReadOnlyList<QuotaRow>> NearLimitAsync(Actor actor, string regionId, int percent = 80, CancellationToken ct = default) =>
        dbFactory.ReadOwnAsync<IReadOnlyList<QuotaRow>>(actor, [], async (db, account) =>
            [.. (await ReadRowsAsync(db, account, regionId, ct))
                .Where(r => r.Limit <= 0 ? r.Used > 0 : r.Used * 100 >= r.Limit * percent)
                .OrderByDescending(r => r.Limit <= 0 ? double.MaxValue : (double)r.Used / r.Limit)
                .ThenBy(r => r.QuotaName, StringComparer.Ordinal)], ct);

    /// <summary>Rows of <paramref name="only"/> (every account when null) for <paramref name="regionId"/> (every region when null).</summary>
    private static async Task<IReadOnlyList<QuotaRow>> ReadRowsAsync(ConsoleDbContext db, string? only, string? regionId, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => only == null || a.Id == only)
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Name })
            .ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().Where(r => regionId == null || r.Id == regionId)
            .OrderBy(r => r.SortOrder).Select(r => r.Id).ToListAsync(ct);
        var limits = (await db.Quotas.AsNoTracking()
                .Where(q => only == null || q.AccountId == only)
                .Select(q => new { q.AccountId, q.RegionId, q.Name, q.Limit })
                .ToListAsync(ct))
            .ToDictionary(q => (q.AccountId, q.RegionId, q.Name), q => q.Limit);

        var images = (await db.Images.AsNoTracking()
                .Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId != null && (only == null || i.OwnerAccountId == only))
                .GroupBy(i => new { Account = i.OwnerAccountId!, i.RegionId })
                .Select(g => new { g.Key.Account, g.Key.RegionId, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => (x.Account, x.RegionId), x => x.Count);

        // One row per (account, region, family): gives both the number of families and the fullest family.
        var families = await db.Images.AsNoTracking()
            .Where(i => i.Kind == ImageKind.Custom && i.OwnerAccountId != null && i.Family != null && (only == null || i.OwnerAccountId == only))
            .GroupBy(i => new { Account = i.OwnerAccountId!, i.RegionId, Family = i.Family! })
            .Select(g => new { g.Key.Account, g.Key.RegionId, Count = g.Count() })
            .ToListAsync(ct);
        var familyCounts = families.GroupBy(f => (f.Account, f.RegionId)).ToDictionary(g => g.Key, g => g.Count());
        var largestFamilies = families.GroupBy(f => (f.Account, f.RegionId)).ToDictionary(g => g.Key, g => g.Max(f => f.Count));

        var sharesPerImage = await (
                from s in db.ImageShares.AsNoTracking()
                join i in db.Images.AsNoTracking() on new { s.RegionId, s.ImageId } equals new { i.RegionId, ImageId = i.Id }
                where i.OwnerAccountId != null && (only == null || i.OwnerAccountId == only)
                group s by new { Account = i.OwnerAccountId!, i.Key } into g
                select new { g.Key.Account, Count = g.Count() })
            .ToListAsync(ct);
        var mostShared = sharesPerImage.GroupBy(s => s.Account).ToDictionary(g => g.Key, g => g.Max(s => s.Count));

        var copies = (await db.AsyncTasks.AsNoTracking()
                .Where(t => t.Type == AsyncTaskType.CopyImage && t.Status == AsyncTaskStatus.Processing && (only == null || t.AccountId == only))
                .GroupBy(t => new { t.AccountId, t.RegionId })
                .Select(g => new { g.Key.AccountId, g.Key.RegionId, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => (x.AccountId, x.RegionId), x => x.Count);

        var snapshotsPerDisk = await db.Snapshots.AsNoTracking()
            .Where(s => s.SnapshotType == "user" && (only == null || s.AccountId == only))
            .GroupBy(s => new { s.AccountId, s.SourceDiskId })
            .Select(g => new { g.Key.AccountId, Count = g.Count() })
            .ToListAsync(ct);
        var mostSnapshotted = snapshotsPerDisk.GroupBy(s => s.AccountId).ToDictionary(g => g.Key, g => g.Max(s => s.Count));

        var instances = (await (
                    from i in db.Instances.AsNoTracking()
                    join t in db.InstanceTypes.AsNoTracking() on i.InstanceTypeId equals t.Id
                    where only == null || i.AccountId == only
                    group new { i.ChargeType, t.Vcpu } by new { i.AccountId, i.RegionId } into g
                    select new
                    {
                        g.Key.AccountId,
                        g.Key.RegionId,
                        Count = g.Count(),
                        PostPaidVcpu = g.Sum(x => x.ChargeType == InstanceChargeType.PostPaid ? x.Vcpu : 0),
                    })
                .ToListAsync(ct))
            .ToDictionary(x => (x.AccountId, x.RegionId));

        int Used(string account, string? region, string quota) => quota switch
        {
            QuotaCatalogue.ImageCount => images.GetValueOrDefault((account, region!)),
            QuotaCatalogue.SharedUsersPerImage => mostShared.GetValueOrDefault(account),
            QuotaCatalogue.ConcurrentCopies => copies.GetValueOrDefault((account, region!)),
            QuotaCatalogue.ImageFamiliesPerRegion => familyCounts.GetValueOrDefault((account, region!)),
            QuotaCatalogue.ImagesPerFamily => largestFamilies.GetValueOrDefault((account, region!)),
            QuotaCatalogue.SnapshotsPerDisk => mostSnapshotted.GetValueOrDefault(account),
            QuotaCatalogue.InstanceCount => instances.TryGetValue((account, region!), out var n) ? n.Count : 0,
            QuotaCatalogue.VcpuCount => instances.TryGetValue((account, region!), out var v) ? v.PostPaidVcpu : 0,

            // Simple Application Server images have no model yet: nothing can use this quota.
            QuotaCatalogue.SasImageCap => 0,
            _ => 0,
        };

        var rows = new List<QuotaRow>();
        foreach (var account in accounts)
        {
            foreach (var quota in QuotaCatalogue.All)
            {
                string?[] scopes = quota.Scope == QuotaScope.PerRegion ? [.. regions] : [null];
                foreach (var region in scopes)
                {
                    var limit = limits.TryGetValue((account.Id, region, quota.Name), out var set) ? set : quota.DefaultLimit;
                    rows.Add(new QuotaRow(account.Id, account.Name, region, quota.Name, quota.Description, Used(account.Id, region, quota.Name), limit));
                }
            }
        }

        return rows;
    }
}
