using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;

namespace EcsConsole.Domain.Images;

/// <summary>
/// CreateImage (domain-rules §3): validates, checks the account's image quota inside the write transaction (two
/// creates racing for the last unit: exactly one wins), records the image as <c>Creating</c> at 0% with the snapshots
/// it takes, and queues the task that builds it. Returns at once, as ECS does (CRT-GEN-09).
/// </summary>
public sealed class CreateImageService(
    IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, TaskService tasks, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    public const int MaxDataDisks = 16;
    public const int MaxSnapshotsInProgressPerDisk = 10;

    /// <summary>
    /// CreateImage's <c>DiskDeviceMapping.N</c> (ECS) as a request from snapshots: the system disk is the mapping typed
    /// <c>system</c>, else the untyped one on <c>/dev/xvda</c>, else the first untyped one; every other mapping is a data
    /// disk, in order (a mapping without a snapshot is an empty disk).
    /// </summary>
    public static (string? SystemSnapshotId, IReadOnlyList<DataDiskSpec> DataDisks) FromDiskMappings(IReadOnlyList<SnapshotDiskMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var system = mappings.FirstOrDefault(m => m.DiskType == "system")
            ?? mappings.FirstOrDefault(m => string.IsNullOrEmpty(m.DiskType) && m.Device == "/dev/xvda")
            ?? mappings.FirstOrDefault(m => string.IsNullOrEmpty(m.DiskType));
        return (system?.SnapshotId,
            [.. mappings.Where(m => !ReferenceEquals(m, system)).Select(m => new DataDiskSpec(string.IsNullOrEmpty(m.SnapshotId) ? null : m.SnapshotId, m.SizeGiB))]);
    }

    /// <summary>
    /// Creates a custom image. Codes: <c>Forbidden</c>; validation (<see cref="ImageErrors.NameMalformedCode"/>,
    /// <see cref="ImageErrors.DescriptionMalformedCode"/>, <see cref="ImageErrors.FamilyMalformedCode"/>, tag codes);
    /// <see cref="ImageErrors.NoSourceCode"/>; <c>InvalidRegionId.NotFound</c>; <see cref="ImageErrors.NameDuplicatedCode"/>;
    /// <see cref="ImageErrors.ImageQuotaCode"/>; <see cref="ImageErrors.FamilyFullCode"/>, <see cref="ImageErrors.FamiliesFullCode"/>;
    /// from an instance <see cref="InstanceErrors.NotFoundCode"/>, <see cref="InstanceErrors.IncorrectStatusCode"/>,
    /// <see cref="InstanceErrors.NoSystemDiskCode"/>, <see cref="SnapshotErrors.ConcurrentQuotaCode"/>, <see cref="SnapshotErrors.QuotaCode"/>;
    /// from snapshots <see cref="SnapshotErrors.NotFoundCode"/>, <see cref="SnapshotErrors.NotReadyCode"/>,
    /// <see cref="ImageErrors.OperationDeniedCode"/>, <c>InvalidSize.ValueNotSupported</c>, <c>InvalidParameter</c>.
    /// Every outcome past the permission check is audited.
    /// </summary>
    public async Task<Result<CreatedImage>> CreateAsync(Actor actor, CreateImageRequest request, CancellationToken ct = default)
    {
        // The body saves its own staging; a refusal drops it (the mechanism clears the context before the audit entry).
        return await _write.CreateAsync(actor, WriteRight.CanWrite,
            new AuditTarget(AuditActions.CreateImage, ResourceKind.Image, null, request.RegionId), auditDenied: false,
            scope => CreateInTransactionAsync(scope.Db, actor, request, ct), created => created.ImageId, ct);
    }

    private async Task<Result<CreatedImage>> CreateInTransactionAsync(ConsoleDbContext db, Actor actor, CreateImageRequest request, CancellationToken ct)
    {
        var account = actor.AccountId!;
        var error = ImageValidation.Name(request.Name) ?? ImageValidation.Description(request.Description)
            ?? ImageValidation.Family(request.Family) ?? ImageValidation.Tags(request.Tags)
            ?? (request.ImdsSupport is { Length: > 0 } imds && imds is not ("v1" or "v2") ? ImageErrors.ImdsSupportMalformed(imds) : null)
            ?? (request.ImageVersion is { Length: > ImageErrors.MaxImageVersionLength }
                ? ImageErrors.ImageVersionMalformed($"ImageVersion is at most {ImageErrors.MaxImageVersionLength} characters.") : null);
        if (error is not null)
        {
            return error;
        }

        var fromInstance = !string.IsNullOrWhiteSpace(request.InstanceId);
        if (!fromInstance && string.IsNullOrWhiteSpace(request.SystemSnapshotId))
        {
            return ImageErrors.NoSource();
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

        if (await NewImageChecks.NameAndQuotaAsync(db, account, region.Id, request.Name, ct) is { } refused)
        {
            return refused;
        }

        var ownImages = NewImageChecks.OwnImages(db, account, region.Id);

        if (!string.IsNullOrEmpty(request.Family))
        {
            var perFamily = await QuotaLimits.GetAsync(db, account, region.Id, QuotaCatalogue.ImagesPerFamily, ct);
            var inFamily = await ownImages.CountAsync(i => i.Family == request.Family, ct);
            if (inFamily >= perFamily)
            {
                return ImageErrors.FamilyFull(request.Family, perFamily);
            }

            var familyLimit = await QuotaLimits.GetAsync(db, account, region.Id, QuotaCatalogue.ImageFamiliesPerRegion, ct);
            if (inFamily == 0 && await ownImages.Where(i => i.Family != null).Select(i => i.Family).Distinct().CountAsync(ct) >= familyLimit)
            {
                return ImageErrors.FamiliesFull(familyLimit);
            }
        }

        var imageId = ids.NewImageId(region.Infix);
        var draft = fromInstance
            ? await FromInstanceAsync(db, actor, request, region.Infix, imageId, ct)
            : await FromSnapshotsAsync(db, actor, request, ct);
        if (!draft.IsSuccess)
        {
            return draft.Error;
        }

        var (template, mappings, newSnapshots) = draft.Value;
        if (request.BootMode is { } bootMode && ImageLifecycleService.BootModeRefusal(template.Architecture, bootMode) is { } badBootMode)
        {
            return badBootMode;
        }

        // IMGP-06: Secure Boot is a UEFI feature: a BIOS image cannot support it.
        if (request.SecureBootSupport == true && (request.BootMode ?? template.BootMode) == BootMode.Bios)
        {
            return ImageErrors.BootModeNotSupported("Secure Boot needs UEFI: a BIOS image cannot support it (set BootMode to UEFI).");
        }

        // IMGP-04 (CRT-INS-11): an image made from a Marketplace image keeps that image's version.
        if (template.ProductCode is not null && request.ImageVersion is { Length: > 0 } version && version != template.ImageVersion)
        {
            return ImageErrors.ImageVersionMalformed($"The source runs a Marketplace image of version \"{template.ImageVersion}\": ImageVersion must be empty or that version.");
        }

        var now = time.GetUtcNow();
        var image = new Image
        {
            Id = imageId,
            RegionId = region.Id,
            Kind = ImageKind.Custom,
            OwnerAccountId = account,
            Name = string.IsNullOrEmpty(request.Name) ? imageId : request.Name,
            Description = string.IsNullOrEmpty(request.Description) ? null : request.Description,
            Family = string.IsNullOrEmpty(request.Family) ? null : request.Family,
            OsName = template.OsName,
            OsType = template.OsType,
            Platform = template.Platform,
            Architecture = template.Architecture,
            SizeGiB = mappings[0].SizeGiB,
            BootMode = request.BootMode ?? template.BootMode,
            ImageVersion = request.ImageVersion is { Length: > 0 } imageVersion ? imageVersion : template.ImageVersion,
            ImageCheckRequested = request.ImageCheck,
            SecureBootSupport = request.SecureBootSupport ?? false,
            NvmeSupport = template.NvmeSupport,
            ImdsSupport = request.ImdsSupport is { Length: > 0 } imdsSupport ? imdsSupport : template.ImdsSupport,
            IsSupportCloudinit = template.OsType == OsType.Linux,
            LicenseType = template.LicenseType,
            FeePerHour = template.FeePerHour,
            ProductCode = template.ProductCode,
            CreationTime = now,
            Source = fromInstance ? ImageSource.Instance : ImageSource.Snapshots,
            SourceInstanceId = fromInstance ? request.InstanceId : null,
            DiskMappings = mappings,
            Tags = [.. request.Tags.Select(t => new ImageTag { TagKey = t.Key, TagValue = t.Value })],
            ResourceGroupId = group.Value,
        };
        image.ReportProgress(0);
        db.Images.Add(image);
        db.Snapshots.AddRange(newSnapshots);
        var task = tasks.New(db, region.Infix, region.Id, account, AsyncTaskType.CreateImage, imageId, cancellable: false,
            CreateImageHandler.Serialize(new CreateImagePayload([.. newSnapshots.Select(s => s.Id)], fromInstance ? request.InstanceId : null)));
        await db.SaveChangesAsync(ct);
        return new CreatedImage(imageId, task.Id);
    }

    /// <summary>The OS of the new image, and its disks.</summary>
    private sealed record OsTemplate(
        string OsName, OsType OsType, string Platform, ImageArchitecture Architecture, BootMode BootMode, bool NvmeSupport,
        string ImdsSupport, string LicenseType, decimal FeePerHour, string? ProductCode, string? ImageVersion = null);

    private async Task<Result<(OsTemplate, List<ImageDiskMapping>, List<Snapshot>)>> FromInstanceAsync(
        ConsoleDbContext db, Actor actor, CreateImageRequest request, string infix, string imageId, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().Include(i => i.Disks)
            .FirstOrDefaultAsync(i => i.Id == request.InstanceId && i.AccountId == actor.AccountId && i.RegionId == request.RegionId, ct);
        if (instance is null)
        {
            return InstanceErrors.NotFound(request.InstanceId!);
        }

        if (InstanceRules.CannotCreateImage(instance.Status) is { } notReady)
        {
            return notReady;
        }

        var system = instance.Disks.FirstOrDefault(d => d.Type == "system");
        if (system is null)
        {
            return InstanceErrors.NoSystemDisk();
        }

        var disks = new List<Disk> { system };
        if (request.IncludeDataDisks)
        {
            disks.AddRange(instance.Disks.Where(d => d.Type == "data").OrderBy(d => d.Device));
        }

        var snapshotLimit = await QuotaLimits.GetAsync(db, actor.AccountId!, null, QuotaCatalogue.SnapshotsPerDisk, ct);
        foreach (var disk in disks)
        {
            var taken = await db.Snapshots.Where(s => s.SourceDiskId == disk.Id && s.SnapshotType == "user")
                .GroupBy(_ => 1).Select(g => new { All = g.Count(), InProgress = g.Count(s => s.Status == SnapshotStatus.Progressing) })
                .FirstOrDefaultAsync(ct);
            if (taken?.InProgress >= MaxSnapshotsInProgressPerDisk)
            {
                return SnapshotErrors.ConcurrentQuota(MaxSnapshotsInProgressPerDisk);
            }

            if (taken?.All >= snapshotLimit)
            {
                return SnapshotErrors.Quota(snapshotLimit);
            }
        }

        var source = await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.RegionId == instance.RegionId && i.Id == instance.ImageId, ct);
        var type = await db.InstanceTypes.AsNoTracking().FirstAsync(t => t.Id == instance.InstanceTypeId, ct);
        var template = source is null
            ? new OsTemplate("Linux", OsType.Linux, "Others Linux", type.Architecture, BootMode.UefiPreferred, true, "v1", "Auto", 0, null)
            : new OsTemplate(source.OsName, source.OsType, source.Platform, source.Architecture, source.BootMode, source.NvmeSupport,
                source.ImdsSupport, source.LicenseType, source.FeePerHour, source.ProductCode, source.ImageVersion);

        var now = time.GetUtcNow();
        var snapshots = new List<Snapshot>();
        var mappings = new List<ImageDiskMapping>();
        foreach (var disk in disks)
        {
            var snapshot = new Snapshot
            {
                Id = ids.NewSnapshotId(infix),
                RegionId = instance.RegionId,
                AccountId = instance.AccountId,
                Name = $"image-{imageId}-{disk.Device.Replace("/dev/", "", StringComparison.Ordinal)}",
                Description = $"Created for image {imageId} from instance {instance.Id}",
                SourceDiskId = disk.Id,
                SourceDiskType = disk.Type,
                SourceDiskSizeGiB = disk.SizeGiB,
                SourceInstanceId = instance.Id,
                SourceArchitecture = disk.Type == "system" ? template.Architecture.ToEcs() : null,
                SourcePlatform = disk.Type == "system" ? template.Platform : null,
                Encrypted = disk.Encrypted,
                CreationTime = now,
            };
            snapshot.ReportProgress(0);
            snapshots.Add(snapshot);
            mappings.Add(new ImageDiskMapping
            {
                Type = disk.Type == "system" ? DiskMappingType.System : DiskMappingType.Data,
                Device = disk.Device,
                SnapshotId = snapshot.Id,
                SizeGiB = disk.SizeGiB,
                Encrypted = disk.Encrypted,
            });
        }

        return (template, mappings, snapshots);
    }

    private static async Task<Result<(OsTemplate, List<ImageDiskMapping>, List<Snapshot>)>> FromSnapshotsAsync(
        ConsoleDbContext db, Actor actor, CreateImageRequest request, CancellationToken ct)
    {
        if (request.DataDisks.Count > MaxDataDisks)
        {
            return CommonErrors.InvalidParameter("DiskDeviceMapping", $"at most {MaxDataDisks} data disks.");
        }

        var wanted = request.DataDisks.Where(d => d.SnapshotId != null).Select(d => d.SnapshotId!).Append(request.SystemSnapshotId!).ToList();
        var found = await db.Snapshots.AsNoTracking()
            .Where(s => wanted.Contains(s.Id) && s.AccountId == actor.AccountId && s.RegionId == request.RegionId)
            .ToDictionaryAsync(s => s.Id, ct);
        if (wanted.FirstOrDefault(id => !found.ContainsKey(id)) is { } missing)
        {
            return SnapshotErrors.NotFound(missing);
        }

        if (wanted.FirstOrDefault(id => found[id].Status != SnapshotStatus.Accomplished) is { } notReady)
        {
            return SnapshotErrors.NotReady(notReady);
        }

        var system = found[request.SystemSnapshotId!];
        if (system.SourceDiskType != "system")
        {
            return ImageErrors.OperationDenied("The specified snapshot is not from system disk.");
        }

        if (request.DataDisks.Any(d => d.SnapshotId is { } id && found[id].SourceDiskType == "system"))
        {
            return ImageErrors.OperationDenied("The specified DiskDeviceMapping contains two or more system disk snapshots.", 400);
        }

        var mappings = new List<ImageDiskMapping>
        {
            new() { Type = DiskMappingType.System, Device = "/dev/xvda", SnapshotId = system.Id, SizeGiB = system.SourceDiskSizeGiB, Encrypted = system.Encrypted },
        };
        var device = 'b';
        foreach (var data in request.DataDisks)
        {
            var snapshot = data.SnapshotId is null ? null : found[data.SnapshotId];
            var size = data.SizeGiB ?? snapshot?.SourceDiskSizeGiB ?? 5;
            if ((snapshot is not null && size < snapshot.SourceDiskSizeGiB) || size is < 5 or > 32768)
            {
                return ImageErrors.SizeNotSupported($"The size {size} GiB is not supported for data disk /dev/xvd{device}.");
            }

            mappings.Add(new ImageDiskMapping
            {
                Type = DiskMappingType.Data, Device = $"/dev/xvd{device++}", SnapshotId = snapshot?.Id, SizeGiB = size, Encrypted = snapshot?.Encrypted ?? false,
            });
        }

        var arch = ImageWords.ParseArchitecture(system.SourceArchitecture) ?? ImageArchitecture.X86_64;
        var platform = system.SourcePlatform ?? "Others Linux";
        var windows = platform.StartsWith("Windows", StringComparison.OrdinalIgnoreCase);
        var template = new OsTemplate(
            $"{platform} {(arch == ImageArchitecture.I386 ? "32" : "64")} bit", windows ? OsType.Windows : OsType.Linux, platform, arch,
            arch == ImageArchitecture.I386 ? BootMode.Bios : BootMode.UefiPreferred, true, "v1", "Auto", 0, null);
        return (template, mappings, new List<Snapshot>());
    }
}
