using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Sas;

/// <summary>
/// Simple Application Server custom images (domain-rules §13): list with the quota, create, delete several at once,
/// share to ECS / unshare, copy to another region. Writes check permission first (<see cref="Access.CheckCanWrite"/>),
/// then run in one transaction begun before the first read (<c>BEGIN IMMEDIATE</c> on SQLite), so the quota count and
/// the insert it guards see no concurrent writer; every outcome past the permission check is audited in the same
/// commit, and pages learn of changes after it (<c>sas-image</c>, and <c>image</c> for the ECS side of a share).
/// </summary>
public sealed class SasImageService(
    IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    public const string DeleteAction = AuditActions.DeleteCustomImages;
    public const ResourceKind Resource = ResourceKind.SasImage;

    /// <summary>The account's custom images in the region (newest first) and its quota over all regions. Read-only members see them too.</summary>
    public async Task<SasImageList> ListAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = actor.AccountId;
        var images = account is null
            ? []
            : await db.SasImages.AsNoTracking().Where(i => i.AccountId == account && i.RegionId == regionId).ToListAsync(ct);
        var serverIds = images.Select(i => i.SourceServerId).Distinct().ToList();
        var names = await db.SasServers.AsNoTracking().Where(x => serverIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return new SasImageList(
            [.. images.OrderByDescending(i => i.CreationTime).ThenBy(i => i.Id, StringComparer.Ordinal)], await QuotaAsync(db, account, ct), names);
    }

    /// <summary>SAS-03 for the actor's account.</summary>
    public async Task<SasImageQuota> GetQuotaAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QuotaAsync(db, actor.AccountId, ct);
    }

    /// <summary>
    /// CreateCustomImage. Codes, in order: <c>Forbidden</c> (read-only member, platform admin; not audited);
    /// <c>MissingParameter</c> (ImageName, SystemSnapshotId); <see cref="ImageErrors.NameMalformedCode"/>,
    /// <see cref="ImageErrors.DescriptionMalformedCode"/>; <see cref="SasErrors.ServerNotFoundCode"/>;
    /// <see cref="SasErrors.OperationDeniedCode"/> (server in another region, SAS-02; a snapshot not of a system disk, of
    /// another server, or a data snapshot not of a data disk, SAS-01); <see cref="SasErrors.SnapshotNotFoundCode"/>;
    /// <see cref="SasErrors.QuotaCode"/> (SAS-03).
    /// </summary>
    public async Task<Result<SasImage>> CreateAsync(Actor actor, CreateSasImageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await _write.CreateAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.CreateCustomImage, Resource, request.ServerId, request.RegionId),
            auditDenied: false, scope => CreateInTransactionAsync(scope.Db, actor, request, ct), image => image.Id, ct);
    }

    /// <summary>
    /// DeleteCustomImages (SAS-12): all of them or none. Codes: <c>Forbidden</c>; <c>MissingParameter</c> (no IDs);
    /// <see cref="SasErrors.ImageNotFoundCode"/> (an ID not of the account in the region);
    /// <see cref="SasErrors.InShareCode"/> (an image still shared to ECS, SAS-08).
    /// </summary>
    public async Task<Result> DeleteAsync(Actor actor, string regionId, IReadOnlyCollection<string> imageIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        var wanted = imageIds.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var outcome = await _write.RunAsync<bool>(actor, WriteRight.CanWrite, deniedTarget: null, async scope =>
        {
            var db = scope.Db;
            scope.Audit(new AuditTarget(DeleteAction, Resource, string.Join(",", wanted), regionId));
            var images = await db.SasImages.Where(i => i.AccountId == actor.AccountId && i.RegionId == regionId && wanted.Contains(i.Id)).ToListAsync(ct);
            EcsError? error = wanted.Count == 0 ? CommonErrors.MissingParameter("ImageIds")
                : wanted.FirstOrDefault(id => images.All(i => i.Id != id)) is { } missing ? SasErrors.ImageNotFound(missing)
                : images.FirstOrDefault(i => i.SharedToEcs) is { } shared ? SasErrors.InShare(shared.Id)
                : null;
            if (error is not null)
            {
                return error;
            }

            foreach (var image in images)
            {
                await SasEcsShare.RemoveAsync(db, image, ct);
                scope.Publish(new ResourceChange(Resource, image.Id, regionId, actor.AccountId));
            }

            db.SasImages.RemoveRange(images);
            return true;
        }, ct);
        return outcome.ToResult();
    }

    /// <summary>
    /// ModifyImageShareStatus <c>Share</c> / <c>UnShare</c> (SAS-06/07): the image appears in, or leaves at once, the
    /// account's ECS Shared Images tab of the same region (<see cref="SasEcsShare"/>). Sharing a shared image or
    /// unsharing an unshared one changes nothing. Codes: <c>Forbidden</c>; <see cref="SasErrors.ImageNotFoundCode"/>;
    /// <see cref="SasErrors.IncorrectImageStatusCode"/> (sharing an image that is not Available).
    /// </summary>
    public async Task<Result> ModifyShareStatusAsync(Actor actor, string regionId, string imageId, bool share, CancellationToken ct = default)
    {
        return await _write.ChangeAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.ModifyImageShareStatus, Resource, imageId, regionId), auditDenied: false, async scope =>
        {
            var db = scope.Db;
            var image = await db.SasImages.FirstOrDefaultAsync(i => i.AccountId == actor.AccountId && i.RegionId == regionId && i.Id == imageId, ct);
            EcsError? error = image is null ? SasErrors.ImageNotFound(imageId)
                : share ? SasRules.CannotShareOrCopy(imageId, image.Status)
                : null;
            if (error is null && image!.SharedToEcs != share)
            {
                if (share)
                {
                    await SasEcsShare.ShareAsync(db, image, scope.Now, ct);
                }
                else
                {
                    await SasEcsShare.UnshareAsync(db, image, ct);
                }
            }

            scope.Publish(new ResourceChange(ResourceKind.Image, imageId, regionId, actor.AccountId)); // after the SAS image's own
            return error;
        }, ct);
    }

    /// <summary>
    /// Copies a custom image to another region within SAS (SAS-09): a new image with a new ID there, <c>Creating</c>
    /// until its <see cref="SasCopyImageHandler"/> task completes; it counts against the quota at once. Codes:
    /// <c>Forbidden</c>; <see cref="ImageErrors.NameMalformedCode"/>; <see cref="CopyErrors.DestinationRegionNotFoundCode"/>;
    /// <see cref="SasErrors.ImageNotFoundCode"/>; <see cref="CopyErrors.IncorrectDestinationRegionCode"/> (the same region);
    /// <see cref="SasErrors.IncorrectImageStatusCode"/> (source not Available); <see cref="SasErrors.QuotaCode"/>.
    /// </summary>
    public async Task<Result<CopiedSasImage>> CopyAsync(Actor actor, CopySasImageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A copy is audited in its destination region; a refusal against the source image.
        return await _write.CreateAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.CopyCustomImage, Resource, request.ImageId, request.RegionId),
            auditDenied: false, scope => CopyInTransactionAsync(scope.Db, actor, request, ct),
            copied => new AuditTarget(AuditActions.CopyCustomImage, Resource, copied.ImageId, request.DestinationRegionId), ct);
    }

    /// <summary>A snapshot of the account's <paramref name="server"/> taken of a <paramref name="diskType"/> disk (SAS-01).</summary>
    private static async Task<Result<SasSnapshot>> ServerSnapshotAsync(ConsoleDbContext db, string account, SasServer server, string snapshotId,
        string diskType, Func<string, EcsError> wrongDisk, CancellationToken ct)
    {
        var snapshot = await db.SasSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.AccountId == account && s.Id == snapshotId, ct);
        return snapshot is null ? SasErrors.SnapshotNotFound(snapshotId)
            : snapshot.ServerId != server.Id ? SasErrors.SnapshotOfAnotherServer(snapshot.Id, server.Id)
            : snapshot.DiskType != diskType ? wrongDisk(snapshot.Id)
            : snapshot;
    }

    internal static async Task<SasImageQuota> QuotaAsync(ConsoleDbContext db, string? accountId, CancellationToken ct)
    {
        if (accountId is null)
        {
            return new SasImageQuota(0, 0, 0);
        }

        var servers = await db.SasServers.CountAsync(s => s.AccountId == accountId, ct);
        var used = await db.SasImages.CountAsync(i => i.AccountId == accountId, ct);
        return new SasImageQuota(used, SasImageQuota.LimitFor(servers), servers);
    }

    private async Task<Result<SasImage>> CreateInTransactionAsync(ConsoleDbContext db, Actor actor, CreateSasImageRequest request, CancellationToken ct)
    {
        var account = actor.AccountId!;
        if (string.IsNullOrWhiteSpace(request.ImageName))
        {
            return CommonErrors.MissingParameter("ImageName");
        }

        if (SasRules.NoSystemSnapshot(request.SystemSnapshotId) is { } noSnapshot)
        {
            return noSnapshot;
        }

        if ((ImageValidation.Name(request.ImageName) ?? ImageValidation.Description(request.Description)) is { } malformed)
        {
            return malformed;
        }

        var server = await db.SasServers.AsNoTracking().Include(s => s.Disks)
            .FirstOrDefaultAsync(s => s.AccountId == account && s.Id == request.ServerId, ct);
        if (server is null)
        {
            return SasErrors.ServerNotFound(request.ServerId);
        }

        if (server.RegionId != request.RegionId)
        {
            return SasErrors.RegionMismatch(server.RegionId);
        }

        var system = await ServerSnapshotAsync(db, account, server, request.SystemSnapshotId!, SasRules.SystemDisk, SasErrors.NotSystemSnapshot, ct);
        if (!system.IsSuccess)
        {
            return system.Error;
        }

        SasSnapshot? data = null;
        if (!string.IsNullOrWhiteSpace(request.DataSnapshotId))
        {
            var found = await ServerSnapshotAsync(db, account, server, request.DataSnapshotId, "data", SasErrors.NotDataSnapshot, ct);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            data = found.Value;
        }

        if (SasRules.QuotaFull(await QuotaAsync(db, account, ct)) is { } full)
        {
            return full;
        }

        var infix = await db.Regions.Where(r => r.Id == server.RegionId).Select(r => r.Infix).FirstAsync(ct);
        var image = new SasImage
        {
            Id = ids.NewImageId(infix),
            RegionId = server.RegionId,
            AccountId = account,
            Name = request.ImageName.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description,
            SourceServerId = server.Id,
            SystemSnapshotId = system.Value.Id,
            DataSnapshotId = data?.Id,
            OsName = server.OsName,
            OsType = server.OsType,
            Platform = server.Platform,
            Architecture = server.Architecture,
            BootMode = server.BootMode,
            NvmeSupport = server.NvmeSupport,
            SizeGiB = system.Value.SizeGiB,
            DataDiskSizeGiB = data?.SizeGiB,
            CreationTime = time.GetUtcNow(),
        };
        db.SasImages.Add(image);
        return image;
    }

    private async Task<Result<CopiedSasImage>> CopyInTransactionAsync(ConsoleDbContext db, Actor actor, CopySasImageRequest request, CancellationToken ct)
    {
        var account = actor.AccountId!;
        if (ImageValidation.Name(request.ImageName) is { } malformed)
        {
            return malformed;
        }

        var destination = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.DestinationRegionId, ct);
        if (destination is null)
        {
            return CopyErrors.DestinationRegionNotFound(request.DestinationRegionId);
        }

        var source = await db.SasImages.AsNoTracking()
            .FirstOrDefaultAsync(i => i.AccountId == account && i.RegionId == request.RegionId && i.Id == request.ImageId, ct);
        if (source is null)
        {
            return SasErrors.ImageNotFound(request.ImageId);
        }

        if (destination.Id == source.RegionId)
        {
            return CopyErrors.IncorrectDestinationRegion();
        }

        if (SasRules.CannotShareOrCopy(source.Id, source.Status) is { } notAvailable)
        {
            return notAvailable;
        }

        if (SasRules.QuotaFull(await QuotaAsync(db, account, ct)) is { } full)
        {
            return full;
        }

        var copy = new SasImage
        {
            Id = ids.NewImageId(destination.Infix),
            RegionId = destination.Id,
            AccountId = account,
            Name = string.IsNullOrWhiteSpace(request.ImageName) ? source.Name : request.ImageName.Trim(),
            Description = source.Description,
            SourceServerId = source.SourceServerId,
            SystemSnapshotId = source.SystemSnapshotId,
            DataSnapshotId = source.DataSnapshotId,
            OsName = source.OsName,
            OsType = source.OsType,
            Platform = source.Platform,
            Architecture = source.Architecture,
            BootMode = source.BootMode,
            NvmeSupport = source.NvmeSupport,
            SizeGiB = source.SizeGiB,
            DataDiskSizeGiB = source.DataDiskSizeGiB,
            SourceImageId = source.Id,
            SourceRegionId = source.RegionId,
            CreationTime = time.GetUtcNow(),
        };
        copy.ReportProgress(0);
        db.SasImages.Add(copy);
        var task = tasks.New(db, destination.Infix, destination.Id, account, AsyncTaskType.SasCopyImage, copy.Id, cancellable: false);
        return new CopiedSasImage(copy.Id, destination.Id, task.Id);
    }
}
