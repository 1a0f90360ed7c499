using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>
/// Image templates (IB-30…44): create (every rule checked, components resolved), list, delete. Immutable once made.
/// </summary>
public sealed partial class ImagePipelineService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, ChangeNotifier changes)
{
    private readonly AuditedWrite _write = new(dbFactory, time, changes);

    public const ResourceKind ResourceType = ResourceKind.ImagePipeline;
    public const int MaxListItems = 20;

    public static IReadOnlyList<string> RepairModes { get; } = ["Standard", "All", "Customized"];

    public static IReadOnlyList<string> LinuxRepairItems { get; } =
        ["fstab", "grub", "dhcp", "selinux", "growpart", "cloudinit", "aegis", "nvme", "virtio", "standardizedtimezone"];

    public static IReadOnlyList<string> WindowsRepairItems { get; } =
        ["bcd", "hotfix", "disk", "update", "server", "bootmgr", "vminit", "osloader", "virtio", "standardizedtimezone"];

    private static readonly string[] StandardLinuxRepairs =
        ["GUESTOS.CloudInit", "GUESTOS.Dhcp", "GUESTOS.Virtio", "GUESTOS.OnlineResizeFS", "GUESTOS.Grub", "GUESTOS.Fstab", "GUESTOS.Nvme"];

    private static readonly string[] WindowsRepairs =
        ["GUESTOS.Virtio", "GUESTOS.Update", "GUESTOS.Hotfix", "GUESTOS.Server", "GUESTOS.Bcd", "GUESTOS.Disk", "GUESTOS.Bootmgr", "GUESTOS.OSLoader", "GUESTOS.Vminit"];

    /// <summary>
    /// What the <c>Standard</c> and <c>All</c> repair modes repair (image-builder.md §1.2): <c>All</c> adds SELinux and
    /// the Security Center agent on Linux; on Windows the two lists are the same (Server is already in Standard).
    /// </summary>
    public static IReadOnlyList<string> RepairItemsOf(string mode, bool windows) =>
        windows ? WindowsRepairs
        : mode == "All" ? [.. StandardLinuxRepairs, "GUESTOS.Selinux", "GUESTOS.SecurityCenterAgent"]
        : StandardLinuxRepairs;

    /// <summary>
    /// Creates a template. Codes, in order: <c>Forbidden</c>; <c>InvalidRegionId.NotFound</c>; name, description and tag
    /// codes; <see cref="ImageBuilderErrors.BaseImageTypeCode"/>; for an OSS base the <see cref="PipelineImportRules"/> codes
    /// (IB-38: shapes, then the role and the files), else <c>MissingParameter</c> (BaseImage);
    /// <see cref="ImageBuilderErrors.BaseImageNotFoundCode"/>; <c>InvalidImageFamily.Malformed</c>; the content codes;
    /// <see cref="ImageBuilderErrors.ReferencedComponentNotFoundCode"/>, <see cref="ImageBuilderErrors.ComponentNotSupportedCode"/>;
    /// <c>InvalidImageName.Malformed</c>, <see cref="ImageBuilderErrors.ImageOptionsDescriptionCode"/>,
    /// <see cref="ImageBuilderErrors.NvmeSupportCode"/>, <see cref="ImageBuilderErrors.ImageNameSuffixCode"/>;
    /// <see cref="ImageBuilderErrors.SystemDiskSizeCode"/>, <see cref="ImageBuilderErrors.BandwidthCode"/>;
    /// <see cref="ImageBuilderErrors.InstanceTypeNotFoundCode"/>, <see cref="ImageBuilderErrors.VSwitchNotFoundCode"/>;
    /// <see cref="ImageBuilderErrors.ToRegionSizeCode"/>, <c>InvalidRegionId.NotFound</c>, <see cref="ImageBuilderErrors.AddAccountSizeCode"/>,
    /// <c>InvalidParameter</c> (AddAccount); repair codes; <see cref="ImageBuilderErrors.OwnerAliasUnsupportedCode"/>,
    /// <see cref="ImageBuilderErrors.NotSupportRepairCode"/>; <c>InvalidImageName.Duplicated</c>; <see cref="ImageBuilderErrors.PipelineQuotaCode"/>.
    /// </summary>
    public Task<Result<string>> CreateAsync(Actor actor, CreateImagePipelineRequest request, CancellationToken ct = default) =>
        _write.CreateAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.CreateImagePipeline, ResourceType, null, request.RegionId), auditDenied: false,
            scope => CreateInTransactionAsync(scope.Db, actor, request, ct), id => id, ct);

    /// <summary>DescribeImagePipelines: the account's templates of the region, newest first. Codes: ID count, name, NextToken, MaxResults.</summary>
    public async Task<Result<TokenPage<ImagePipeline>>> ListAsync(Actor actor, ImagePipelineQuery query, CancellationToken ct = default)
    {
        if (query.ImagePipelineIds.Count > MaxListItems)
        {
            return ImageBuilderErrors.PipelineIdSize();
        }

        if (BuilderRules.Name(query.Name) is { } badName)
        {
            return badName;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = (await db.ImagePipelines.AsNoTracking()
                .Where(p => p.AccountId == actor.AccountId && p.RegionId == query.RegionId)
                .ToListAsync(ct))
            .Where(p => query.ImagePipelineIds.Count == 0 || query.ImagePipelineIds.Contains(p.Id))
            .Where(p => string.IsNullOrEmpty(query.Name) || p.Name == query.Name)
            .OrderByDescending(p => p.CreationTime).ThenByDescending(p => p.Id, StringComparer.Ordinal);
        var groups = await ResourceGroupRules.FilterAsync(db, actor.AccountId, query.ResourceGroupId, ct);
        return query.Page(all.Where(p => ResourceGroupRules.Keeps(groups, p.ResourceGroupId)), p => p.Tags);
    }

    /// <summary>The console's template list: every template of the region with its newest build.</summary>
    public async Task<IReadOnlyList<PipelineSummary>> SummariesAsync(Actor actor, string regionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pipelines = await db.ImagePipelines.AsNoTracking().Where(p => p.AccountId == actor.AccountId && p.RegionId == regionId).ToListAsync(ct);
        var executions = await db.ImagePipelineExecutions.AsNoTracking()
            .Where(e => e.AccountId == actor.AccountId && e.RegionId == regionId)
            .ToListAsync(ct);
        var latest = executions.GroupBy(e => e.PipelineId).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.CreationTime).First());
        return pipelines.OrderByDescending(p => p.CreationTime).ThenByDescending(p => p.Id, StringComparer.Ordinal)
            .Select(p => new PipelineSummary(p, latest.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>One template of the actor's account, or <see cref="ImageBuilderErrors.PipelineNotFoundCode"/>.</summary>
    public async Task<Result<ImagePipeline>> GetAsync(Actor actor, string regionId, string pipelineId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ImagePipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pipelineId && p.RegionId == regionId && p.AccountId == actor.AccountId, ct);
        return found is null ? ImageBuilderErrors.PipelineNotFound(pipelineId) : found;
    }

    /// <summary>
    /// DeleteImagePipeline (IB-42/43): refused while a build has not ended; removes the template and its build records,
    /// never the images built. Codes: <c>Forbidden</c>, <see cref="ImageBuilderErrors.PipelineNotFoundCode"/>,
    /// <see cref="ImageBuilderErrors.HasRunningExecutionCode"/>.
    /// </summary>
    public Task<Result> DeleteAsync(Actor actor, string regionId, string pipelineId, CancellationToken ct = default) =>
        _write.ChangeAsync(actor, WriteRight.CanWrite, new AuditTarget(AuditActions.DeleteImagePipeline, ResourceType, pipelineId, regionId), auditDenied: false, async scope =>
        {
            var db = scope.Db;
            var pipeline = await db.ImagePipelines.FirstOrDefaultAsync(p => p.Id == pipelineId && p.RegionId == regionId && p.AccountId == actor.AccountId, ct);
            if (pipeline is null)
            {
                return ImageBuilderErrors.PipelineNotFound(pipelineId);
            }

            var executions = await db.ImagePipelineExecutions.Where(e => e.PipelineId == pipelineId).ToListAsync(ct);
            if (TemplateRules.CannotChangeWhileBuilding(pipelineId, executions.Any(e => !BuildStatuses.IsFinal(e.Status))) is { } building)
            {
                return building;
            }

            db.ImagePipelineExecutions.RemoveRange(executions);
            db.ImagePipelines.Remove(pipeline);
            return null;
        }, ct);

    /// <summary>IB-32: the output image's name prefix: 2–64 characters, a letter or Chinese character first, then letters, digits, <c>: _ . -</c>.</summary>
    public static EcsError? ImageNamePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return null;
        }

        if (prefix.Length is < 2 or > 64)
        {
            return ImageErrors.NameMalformed("the image name prefix must be 2 to 64 characters long.");
        }

        return TextRules.IsLetter(prefix[0]) && TextRules.OnlyNameCharacters(prefix, ":_.-") && !TextRules.ContainsUrl(prefix)
            ? null
            : ImageErrors.NameMalformed("the image name prefix starts with a letter or a Chinese character and may contain letters, digits, colons, underscores, periods and hyphens.");
    }

    private async Task<Result<string>> CreateInTransactionAsync(ConsoleDbContext db, Actor actor, CreateImagePipelineRequest request, CancellationToken ct)
    {
        var found = await BuilderRules.NewResourceAsync(db, request, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var region = found.Value;

        if (request.BaseImageType is not (nameof(BaseImageType.IMAGE) or nameof(BaseImageType.IMAGE_FAMILY) or nameof(BaseImageType.OSS)))
        {
            return ImageBuilderErrors.BaseImageType(request.BaseImageType);
        }

        var baseType = Enum.Parse<BaseImageType>(request.BaseImageType);
        var import = baseType == BaseImageType.OSS ? request.ImportOptions : null;
        var baseImage = Result<Image?>.Success(null);
        if (baseType == BaseImageType.OSS)
        {
            // IB-38: an OSS base is imported by each build; BaseImage is not used (IB-30).
            if (import is null)
            {
                return new EcsError(PipelineImportRules.MissingOptionsCode, 404, "The input parameter ImportImageOptions that is mandatory for processing this request is not supplied.");
            }

            if ((PipelineImportRules.Shape(import) ?? await PipelineImportRules.LookupAsync(db, actor, region.Id, import, PipelineImportRules.ObjectNotFoundCode, ct)) is { } badImport)
            {
                return badImport;
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.BaseImage))
            {
                return CommonErrors.MissingParameter("BaseImage");
            }

            baseImage = await BaseImageAsync(db, actor, region.Id, baseType, request.BaseImage, ct);
            if (!baseImage.IsSuccess)
            {
                return baseImage.Error;
            }
        }

        var system = PipelineImportRules.BuildSystem(baseImage.Value, import);
        var references = new List<string>();
        foreach (var (content, kind) in new[] { (request.BuildContent, ContentKind.BuildContent), (request.TestContent, ContentKind.TestContent) })
        {
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            var parsed = BuildContentRules.Parse(content, kind, system);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            var resolved = await BuildPlan.ResolveAsync(db, actor, region.Id, parsed.Value, kind, system, ct);
            if (!resolved.IsSuccess)
            {
                return resolved.Error;
            }

            // The reference itself, without its --name value arguments (which may follow on a continued line).
            references.AddRange(parsed.Value.ComponentCommands.Select(c => ComponentReference.TryParse(c.Argument, out var r) ? r.Text : c.Argument));
        }

        var imageError = ImageNamePrefix(request.ImageName)
            ?? ImageValidation.Family(request.ImageFamily)
            ?? (BuilderRules.Description(request.ImageDescription) is null ? null : ImageBuilderErrors.ImageOptionsDescription())
            ?? BuilderRules.Tags(request.ImageTags)
            ?? (request.NvmeSupport is null or "" or "supported" or "unsupported" or "auto" ? null : ImageBuilderErrors.NvmeSupport())
            ?? (request.ImageNameSuffix is null or "" or "disable" ? null : ImageBuilderErrors.ImageNameSuffix())
            ?? (request.ImageNameSuffix == "disable" && string.IsNullOrEmpty(request.ImageName)
                ? ImageBuilderErrors.ParameterCombination("AdvancedOptions.ImageNameSuffix=disable needs an image name prefix.")
                : null);
        if (imageError is not null)
        {
            return imageError;
        }

        var size = request.SystemDiskSize ?? 40;
        var bandwidth = request.InternetMaxBandwidthOut ?? 0;
        if (size is < 20 or > 500)
        {
            return ImageBuilderErrors.SystemDiskSize(size);
        }

        if (bandwidth is < 0 or > 100)
        {
            return ImageBuilderErrors.Bandwidth(bandwidth);
        }

        if (!string.IsNullOrEmpty(request.InstanceType) && !await db.InstanceTypes.AnyAsync(t => t.Id == request.InstanceType, ct))
        {
            return ImageBuilderErrors.InstanceTypeNotFound(request.InstanceType);
        }

        if (!string.IsNullOrEmpty(request.VSwitchId))
        {
            // The console models no VPCs yet: every build makes its own transition network (IB-35, IB-102).
            return ImageBuilderErrors.VSwitchNotFound();
        }

        var distribution = await DistributionAsync(db, actor, region.Id, request, ct);
        if (!distribution.IsSuccess)
        {
            return distribution.Error;
        }

        var (toRegions, accounts) = distribution.Value;
        var repair = Repair(request, system);
        if (!repair.IsSuccess)
        {
            return repair.Error;
        }

        if (baseImage.Value is { Kind: ImageKind.Marketplace } || baseImage.Value?.ProductCode is not null)
        {
            if (toRegions.Count > 0 || accounts.Count > 0)
            {
                return ImageBuilderErrors.OwnerAliasUnsupported();
            }

            if (repair.Value.Mode is not null)
            {
                return ImageBuilderErrors.NotSupportRepair();
            }
        }

        if (request.ImageNameSuffix == "disable" && await NameTakenAsync(db, actor, toRegions.Prepend(region.Id), request.ImageName!, ct) is { } taken)
        {
            return taken;
        }

        var group = await ResourceGroupRules.ResolveAsync(db, actor.AccountId!, request.ResourceGroupId, ct);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var limit = await QuotaLimits.GetAsync(db, actor.AccountId!, region.Id, QuotaCatalogue.ImagePipelineCount, ct);
        if (await db.ImagePipelines.CountAsync(p => p.AccountId == actor.AccountId && p.RegionId == region.Id, ct) >= limit)
        {
            return ImageBuilderErrors.PipelineQuota(limit);
        }

        var id = ids.NewImagePipelineId(region.Infix);
        db.ImagePipelines.Add(new ImagePipeline
        {
            Id = id,
            RegionId = region.Id,
            AccountId = actor.AccountId!,
            Name = string.IsNullOrEmpty(request.Name) ? id : request.Name,
            Description = NullIfEmpty(request.Description),
            BaseImageType = baseType,
            BaseImage = request.BaseImage?.Trim() ?? "",
            ImportOptions = import ?? new PipelineImportOptions(),
            BuildContent = NullIfEmpty(request.BuildContent),
            TestContent = NullIfEmpty(request.TestContent),
            InstanceType = NullIfEmpty(request.InstanceType),
            SystemDiskSize = size,
            InternetMaxBandwidthOut = bandwidth,
            DeleteInstanceOnFailure = request.DeleteInstanceOnFailure ?? true,
            RepairMode = repair.Value.Mode,
            RepairItems = [.. repair.Value.Items],
            ImageName = NullIfEmpty(request.ImageName),
            ImageFamily = NullIfEmpty(request.ImageFamily),
            ImageDescription = NullIfEmpty(request.ImageDescription),
            NvmeSupport = NullIfEmpty(request.NvmeSupport),
            ImageTags = [.. request.ImageTags],
            RetainCloudAssistant = request.RetainCloudAssistant ?? false,
            ImageNameSuffixDisabled = request.ImageNameSuffix == "disable",
            ToRegionIds = toRegions,
            AddAccounts = accounts,
            Tags = [.. request.Tags],
            ComponentReferences = references,
            CreationTime = time.GetUtcNow(),
            ResourceGroupId = group.Value,
        });
        await db.SaveChangesAsync(ct);
        return id;
    }
}
