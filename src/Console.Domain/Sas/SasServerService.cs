using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// Simple application servers of an account: list them with their disks and snapshots, take a snapshot of a disk, and
/// release a server for expiry or refund — which releases its custom images too, in every region, shared or not
/// (SAS-04, unlike ECS). Permission first, then one audited transaction per change; pages learn of changes after it.
/// </summary>
public sealed class SasServerService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, ChangeNotifier changes)
{
    public const ResourceKind ServerResource = ResourceKind.SasServer;
    public const ResourceKind SnapshotResource = ResourceKind.SasSnapshot;

    private readonly AuditedWrite _write = new(dbFactory, time, changes);

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
    public Task<Result<SasSnapshot>> CreateSnapshotAsync(Actor actor, CreateSasSnapshotRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _write.RunAsync<SasSnapshot>(actor, WriteRight.CanWrite, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var found = await db.SasDisks.AsNoTracking().Where(d => d.Id == request.DiskId)
                .Join(db.SasServers.Where(s => s.AccountId == actor.AccountId && s.RegionId == request.RegionId), d => d.ServerId, s => s.Id,
                    (d, s) => new { Disk = d, s.Name })
                .FirstOrDefaultAsync(ct);
            if ((SnapshotValidation.Name(request.SnapshotName) ?? (found is null ? SnapshotErrors.DiskNotFound(request.DiskId) : null)) is { } error)
            {
                scope.Audit(new AuditTarget(AuditActions.CreateSnapshot, SnapshotResource, request.DiskId, request.RegionId));
                return error;
            }

            var infix = await db.Regions.Where(r => r.Id == request.RegionId).Select(r => r.Infix).FirstAsync(ct);
            var snapshot = new SasSnapshot
            {
                Id = ids.NewSnapshotId(infix),
                RegionId = request.RegionId,
                AccountId = actor.AccountId!,
                ServerId = found!.Disk.ServerId,
                DiskId = found.Disk.Id,
                DiskType = found.Disk.Type,
                SizeGiB = found.Disk.SizeGiB,
                Name = string.IsNullOrWhiteSpace(request.SnapshotName) ? $"{found.Name}-{found.Disk.Type}-{scope.Now:yyyyMMddHHmmss}" : request.SnapshotName,
                CreationTime = scope.Now,
            };
            db.SasSnapshots.Add(snapshot);
            scope.Audit(new AuditTarget(AuditActions.CreateSnapshot, SnapshotResource, snapshot.Id, request.RegionId));
            scope.Publish(new ResourceChange(ServerResource, snapshot.ServerId, request.RegionId, actor.AccountId));
            return snapshot;
        }, ct);
    }

    /// <summary>
    /// SAS CreateInstances from a custom image (SAS-13…16): <see cref="CreateSasServersRequest.Amount"/> running servers
    /// of the plan, each carrying the image's OS and application, a system disk of the plan's size (and the image's data
    /// disk, when it holds one), and the image's ID as <see cref="SasServer.SourceImageId"/>; a month's subscription.
    /// Codes, in order: <c>Forbidden</c> (read-only member, platform admin; not audited);
    /// <see cref="Instances.InstanceErrors.NameMalformedCode"/>; <c>InvalidParameter</c> (Amount, SAS-16);
    /// <see cref="SasErrors.PlanNotFoundCode"/>; <see cref="SasErrors.ImageNotFoundCode"/> (not the account's, or not in
    /// the region); <see cref="SasErrors.IncorrectImageStatusCode"/> (not Available, SAS-13);
    /// <see cref="SasErrors.DiskLessThanImageSizeCode"/> (SAS-14); <see cref="SasErrors.ServerQuotaCode"/> (SAS-15).
    /// </summary>
    public Task<Result<IReadOnlyList<SasServer>>> CreateAsync(Actor actor, CreateSasServersRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _write.RunAsync<IReadOnlyList<SasServer>>(actor, WriteRight.CanWrite, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var plan = SasPlans.Find(request.PlanId);
            var image = await db.SasImages.AsNoTracking()
                .FirstOrDefaultAsync(i => i.AccountId == actor.AccountId && i.RegionId == request.RegionId && i.Id == request.ImageId, ct);
            var servers = await db.SasServers.CountAsync(s => s.AccountId == actor.AccountId && s.RegionId == request.RegionId, ct);
            var error = Instances.InstanceValidation.Name(request.Name)
                ?? SasRules.AmountOutOfRange(request.Amount)
                ?? (plan is null ? SasErrors.PlanNotFound(request.PlanId) : null)
                ?? (image is null ? SasErrors.ImageNotFound(request.ImageId) : null)
                ?? SasRules.CannotCreateServerFrom(image!.Id, image.Status)
                ?? SasRules.PlanTooSmall(plan!, image.SizeGiB)
                ?? SasRules.ServerQuotaFull(servers, request.Amount);
            if (error is not null)
            {
                scope.Audit(new AuditTarget(AuditActions.CreateInstances, ServerResource, request.ImageId, request.RegionId));
                return error;
            }

            var application = await db.SasServers.AsNoTracking().Where(s => s.Id == image!.SourceServerId).Select(s => s.ImageName).FirstOrDefaultAsync(ct);
            var infix = await db.Regions.Where(r => r.Id == request.RegionId).Select(r => r.Infix).FirstAsync(ct);
            var created = new List<SasServer>();
            for (var n = 1; n <= request.Amount; n++)
            {
                var id = ids.NewSasServerId();
                var server = new SasServer
                {
                    Id = id,
                    RegionId = request.RegionId,
                    AccountId = actor.AccountId!,
                    Name = string.IsNullOrEmpty(request.Name) ? id : request.Amount == 1 ? request.Name : $"{request.Name}-{n}",
                    Plan = plan!.Label,
                    ImageName = application ?? image!.Name,
                    SourceImageId = image!.Id,
                    OsName = image.OsName,
                    OsType = image.OsType,
                    Platform = image.Platform,
                    Architecture = image.Architecture,
                    BootMode = image.BootMode,
                    NvmeSupport = image.NvmeSupport,
                    CreationTime = scope.Now,
                    ExpiredTime = scope.Now.AddMonths(1),
                    Disks = [new SasDisk { Id = ids.NewDiskId(infix), ServerId = id, Type = SasRules.SystemDisk, SizeGiB = plan.SystemDiskGiB }],
                };
                if (image.DataDiskSizeGiB is { } data)
                {
                    server.Disks.Add(new SasDisk { Id = ids.NewDiskId(infix), ServerId = id, Type = "data", SizeGiB = data });
                }

                db.SasServers.Add(server);
                created.Add(server);
                scope.Audit(new AuditTarget(AuditActions.CreateInstances, ServerResource, id, request.RegionId));
                scope.Publish(new ResourceChange(ServerResource, id, request.RegionId, actor.AccountId));
            }

            return Result<IReadOnlyList<SasServer>>.Success(created);
        }, ct);
    }

    /// <summary>
    /// Releases a server for expiry or refund (SAS-04): the server, its disks and snapshots go, and so do the custom
    /// images made from it in any region — also those shared to ECS, whose ECS side goes with them (instances launched
    /// from them keep running). Codes: <c>Forbidden</c> (not audited); <see cref="SasErrors.ServerNotFoundCode"/>.
    /// </summary>
    public Task<Result<ReleasedSasServer>> ReleaseAsync(Actor actor, string regionId, string serverId, SasReleaseReason reason, CancellationToken ct = default) =>
        _write.RunAsync<ReleasedSasServer>(actor, WriteRight.CanWrite, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            var server = await db.SasServers.Include(s => s.Disks)
                .FirstOrDefaultAsync(s => s.AccountId == actor.AccountId && s.RegionId == regionId && s.Id == serverId, ct);
            if (server is null)
            {
                scope.Audit(new AuditTarget(AuditActions.ReleaseInstance, ServerResource, serverId, regionId));
                return SasErrors.ServerNotFound(serverId);
            }

            var images = await db.SasImages.Where(i => i.SourceServerId == server.Id).ToListAsync(ct);
            foreach (var image in images)
            {
                await SasEcsShare.RemoveAsync(db, image, ct);
            }

            db.SasImages.RemoveRange(images);
            db.SasSnapshots.RemoveRange(await db.SasSnapshots.Where(s => s.ServerId == server.Id).ToListAsync(ct));
            db.SasServers.Remove(server);
            scope.Audit(new AuditTarget(AuditActions.WithReason(AuditActions.ReleaseInstance, reason), ServerResource, serverId, regionId));
            scope.Publish(new ResourceChange(ServerResource, serverId, regionId, actor.AccountId));
            foreach (var image in images)
            {
                scope.Audit(new AuditTarget(AuditActions.ReleaseCustomImage, SasImageService.Resource, image.Id, image.RegionId));
                scope.Publish(new ResourceChange(SasImageService.Resource, image.Id, image.RegionId, actor.AccountId));
                if (image.SharedToEcs)
                {
                    scope.Publish(new ResourceChange(ResourceKind.Image, image.Id, image.RegionId, actor.AccountId));
                }
            }

            return new ReleasedSasServer(serverId, [.. images.Select(i => i.Id).Order(StringComparer.Ordinal)]);
        }, ct);
}
