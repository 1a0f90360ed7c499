using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// Simple application servers of an account: list them with their disks and snapshots, take a snapshot of a disk, and
/// release a server for expiry or refund — which releases its custom images too, in every region, shared or not
/// (SAS-04, unlike ECS). Permission first, then one audited transaction per change; pages learn of changes after it.
/// </summary>
public sealed class SasServerService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, ChangeNotifier changes)
{
    public const string SnapshotAction = AuditActions.CreateSnapshot;
    public const string ReleaseAction = AuditActions.ReleaseInstance;
    public const string ReleaseImageAction = AuditActions.ReleaseCustomImage;
    public const ResourceKind ServerResource = ResourceKind.SasServer;
    public const ResourceKind SnapshotResource = ResourceKind.SasSnapshot;

    /// <summary>The account's servers in the region, by name, each with its disks, snapshots (newest first) and image count.</summary>
    public async Task<IReadOnlyList<SasServerView>> ListAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        var account = actor.AccountId;
        if (account is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var servers = await db.SasServers.AsNoTracking().Include(s => s.Disks)
            .Where(s => s.AccountId == account && s.RegionId == regionId).ToListAsync(ct);
        var serverIds = servers.Select(s => s.Id).ToList();
        var snapshots = await db.SasSnapshots.AsNoTracking().Where(s => serverIds.Contains(s.ServerId)).ToListAsync(ct);
        var images = await db.SasImages.AsNoTracking().Where(i => serverIds.Contains(i.SourceServerId))
            .GroupBy(i => i.SourceServerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return
        [
            .. servers.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s =>
            {
                s.Disks.Sort((a, b) => string.CompareOrdinal(b.Type, a.Type)); // system first
                return new SasServerView(s, [.. snapshots.Where(x => x.ServerId == s.Id).OrderByDescending(x => x.CreationTime)], images.GetValueOrDefault(s.Id));
            }),
        ];
    }

    /// <summary>
    /// SAS CreateSnapshot of one disk of the account's servers in the region; the snapshot is ready at once. Codes:
    /// <c>Forbidden</c> (not audited); <see cref="SnapshotErrors.NameMalformedCode"/>; <see cref="SnapshotErrors.DiskNotFoundCode"/>.
    /// </summary>
    public async Task<Result<SasSnapshot>> CreateSnapshotAsync(Actor actor, CreateSasSnapshotRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await Access.CheckCanWriteAsync(dbFactory, actor, time, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var found = await db.SasDisks.AsNoTracking().Where(d => d.Id == request.DiskId)
            .Join(db.SasServers.Where(s => s.AccountId == actor.AccountId && s.RegionId == request.RegionId), d => d.ServerId, s => s.Id,
                (d, s) => new { Disk = d, s.Name })
            .FirstOrDefaultAsync(ct);
        var error = SnapshotValidation.Name(request.SnapshotName) ?? (found is null ? SnapshotErrors.DiskNotFound(request.DiskId) : null);
        SasSnapshot? snapshot = null;
        if (error is null)
        {
            var infix = await db.Regions.Where(r => r.Id == request.RegionId).Select(r => r.Infix).FirstAsync(ct);
            snapshot = new SasSnapshot
            {
                Id = ids.NewSnapshotId(infix),
                RegionId = request.RegionId,
                AccountId = actor.AccountId!,
                ServerId = found!.Disk.ServerId,
                DiskId = found.Disk.Id,
                DiskType = found.Disk.Type,
                SizeGiB = found.Disk.SizeGiB,
                Name = string.IsNullOrWhiteSpace(request.SnapshotName) ? $"{found.Name}-{found.Disk.Type}-{now:yyyyMMddHHmmss}" : request.SnapshotName,
                CreationTime = now,
            };
            db.SasSnapshots.Add(snapshot);
        }

        db.AuditEntries.Add(AuditEntry.For(actor, SnapshotAction, SnapshotResource, snapshot?.Id ?? request.DiskId, request.RegionId, now, error));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (error is not null)
        {
            return error;
        }

        changes.Publish(new ResourceChange(ServerResource, snapshot!.ServerId, request.RegionId, actor.AccountId));
        return snapshot;
    }

    /// <summary>
    /// Releases a server for expiry or refund (SAS-04): the server, its disks and snapshots go, and so do the custom
    /// images made from it in any region — also those shared to ECS, whose ECS side goes with them (instances launched
    /// from them keep running). Codes: <c>Forbidden</c> (not audited); <see cref="SasErrors.ServerNotFoundCode"/>.
    /// </summary>
    public async Task<Result<ReleasedSasServer>> ReleaseAsync(Actor actor, string regionId, string serverId, SasReleaseReason reason, CancellationToken ct = default)
    {
        if (await Access.CheckCanWriteAsync(dbFactory, actor, time, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var server = await db.SasServers.Include(s => s.Disks)
            .FirstOrDefaultAsync(s => s.AccountId == actor.AccountId && s.RegionId == regionId && s.Id == serverId, ct);
        if (server is null)
        {
            var notFound = SasErrors.ServerNotFound(serverId);
            db.AuditEntries.Add(AuditEntry.For(actor, ReleaseAction, ServerResource, serverId, regionId, now, notFound));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return notFound;
        }

        var images = await db.SasImages.Where(i => i.SourceServerId == server.Id).ToListAsync(ct);
        foreach (var image in images)
        {
            await SasEcsShare.RemoveAsync(db, image, ct);
        }

        db.SasImages.RemoveRange(images);
        db.SasSnapshots.RemoveRange(await db.SasSnapshots.Where(s => s.ServerId == server.Id).ToListAsync(ct));
        db.SasServers.Remove(server);
        db.AuditEntries.Add(AuditEntry.For(actor, $"{ReleaseAction}:{reason}", ServerResource, serverId, regionId, now));
        db.AuditEntries.AddRange(images.Select(i => AuditEntry.For(actor, ReleaseImageAction, SasImageService.Resource, i.Id, i.RegionId, now)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        changes.Publish(new ResourceChange(ServerResource, serverId, regionId, actor.AccountId));
        foreach (var image in images)
        {
            changes.Publish(new ResourceChange(SasImageService.Resource, image.Id, image.RegionId, actor.AccountId));
            if (image.SharedToEcs)
            {
                changes.Publish(new ResourceChange(ResourceKind.Image, image.Id, image.RegionId, actor.AccountId));
            }
        }

        return new ReleasedSasServer(serverId, [.. images.Select(i => i.Id).Order(StringComparer.Ordinal)]);
    }
}
