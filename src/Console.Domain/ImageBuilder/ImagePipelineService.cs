using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>CreateImagePipeline (image-builder.md §5.4). Enumerations and numbers as given, so that bad ones get their codes.</summary>
public sealed record CreateImagePipelineRequest
{
    public required string RegionId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary><c>IMAGE</c> or <c>IMAGE_FAMILY</c> (required).</summary>
    public string? BaseImageType { get; init; }

    public string? BaseImage { get; init; }

    public string? BuildContent { get; init; }

    public string? TestContent { get; init; }

    public string? InstanceType { get; init; }

    public int? SystemDiskSize { get; init; }

    public int? InternetMaxBandwidthOut { get; init; }

    public string? VSwitchId { get; init; }

    public bool? DeleteInstanceOnFailure { get; init; }

    public string? RepairMode { get; init; }

    public IReadOnlyList<string> RepairItems { get; init; } = [];

    /// <summary>The output image's name prefix (<c>ImageOptions.ImageName</c>, or the deprecated top-level <c>ImageName</c>).</summary>
    public string? ImageName { get; init; }

    public string? ImageFamily { get; init; }

    public string? ImageDescription { get; init; }

    public string? NvmeSupport { get; init; }

    public IReadOnlyList<BuilderTag> ImageTags { get; init; } = [];

    public bool? RetainCloudAssistant { get; init; }

    /// <summary><c>AdvancedOptions.ImageNameSuffix</c>: only <c>disable</c>.</summary>
    public string? ImageNameSuffix { get; init; }

    public IReadOnlyList<string> ToRegionIds { get; init; } = [];

    public IReadOnlyList<string> AddAccounts { get; init; } = [];

    public IReadOnlyList<BuilderTag> Tags { get; init; } = [];
}

/// <summary>DescribeImagePipelines filters (IB-44).</summary>
public sealed record ImagePipelineQuery
{
    public required string RegionId { get; init; }

    public IReadOnlyList<string> ImagePipelineIds { get; init; } = [];

    public string? Name { get; init; }

    public IReadOnlyList<BuilderTag> Tags { get; init; } = [];

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>A template with its newest build, for the console's list.</summary>
public sealed record PipelineSummary(ImagePipeline Pipeline, ImagePipelineExecution? LatestExecution)
{
    public bool HasRunningExecution => LatestExecution is { } e && !BuildStatuses.IsFinal(e.Status);
}

/// <summary>
/// Image templates (IB-30…44): create (every rule checked, components resolved), list, delete. Immutable once made.
/// </summary>
public sealed class ImagePipelineService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, ChangeNotifier changes)
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
    /// codes; <see cref="ImageBuilderErrors.BaseImageTypeCode"/>; <c>MissingParameter</c> (BaseImage);
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
            .Where(p => query.Tags.All(t => p.Tags.Any(pt => pt.Key == t.Key && (string.IsNullOrEmpty(t.Value) || pt.Value == t.Value))))
            .OrderByDescending(p => p.CreationTime).ThenByDescending(p => p.Id, StringComparer.Ordinal)
            .ToList();
        return TokenPaging.Page<ImagePipeline>(all, query.MaxResults, query.NextToken);
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
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RegionId, ct);
        if (region is null)
        {
            return CommonErrors.RegionNotFound(request.RegionId);
        }

        if ((BuilderRules.Name(request.Name) ?? BuilderRules.Description(request.Description) ?? BuilderRules.Tags(request.Tags)) is { } invalid)
        {
            return invalid;
        }

        if (request.BaseImageType is not (nameof(BaseImageType.IMAGE) or nameof(BaseImageType.IMAGE_FAMILY)))
        {
            return ImageBuilderErrors.BaseImageType(request.BaseImageType);
        }

        var baseType = Enum.Parse<BaseImageType>(request.BaseImageType);
        if (string.IsNullOrWhiteSpace(request.BaseImage))
        {
            return CommonErrors.MissingParameter("BaseImage");
        }

        var baseImage = await BaseImageAsync(db, actor, region.Id, baseType, request.BaseImage, ct);
        if (!baseImage.IsSuccess)
        {
            return baseImage.Error;
        }

        var system = baseImage.Value?.OsType == OsType.Windows ? BuildSystemType.Windows : BuildSystemType.Linux;
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
            BaseImage = request.BaseImage.Trim(),
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
        });
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// IB-32: the output image name must be free among the account's images in every region it will be in (the
    /// template's and each destination); <c>InvalidImageName.Duplicated</c> otherwise.
    /// </summary>
    internal static async Task<EcsError?> NameTakenAsync(ConsoleDbContext db, Actor actor, IEnumerable<string> regionIds, string name, CancellationToken ct)
    {
        foreach (var regionId in regionIds)
        {
            if (await NewImageChecks.OwnImages(db, actor.AccountId!, regionId).AnyAsync(i => i.Name == name, ct))
            {
                return new EcsError(ImageErrors.NameDuplicatedCode, 400,
                    "The specified image name is already in use in the target region. Please try a different one.");
            }
        }

        return null;
    }

    /// <summary>
    /// The base image the actor may build from in the region (IB-30): an image ID it sees there (public, own, shared,
    /// community, Marketplace), or for a family the family's shape (it resolves when a build starts; null image).
    /// </summary>
    internal static async Task<Result<Image?>> BaseImageAsync(ConsoleDbContext db, Actor actor, string regionId, BaseImageType type, string baseImage,
        CancellationToken ct)
    {
        if (type == BaseImageType.IMAGE_FAMILY)
        {
            // A base family is looked up, not made: public families are named acs:… (FAM-12), a prefix VAL-FAM-01
            // reserves only for the families users create.
            var shape = baseImage.Length > "acs:".Length && baseImage.StartsWith("acs:", StringComparison.Ordinal) ? baseImage["acs:".Length..] : baseImage;
            return ImageValidation.Family(shape) is { } badFamily ? badFamily : await FamilyImageAsync(db, actor, regionId, baseImage, ct);
        }

        var found = await CompatibilityService.FindImageAsync(db, actor, regionId, baseImage.Trim(), ct);
        return found.IsSuccess ? found.Value : ImageBuilderErrors.BaseImageNotFound(baseImage);
    }

    /// <summary>IB-30: a family resolves to its newest Available image the account sees in the region (FAM-02), or null.</summary>
    internal static async Task<Image?> FamilyImageAsync(ConsoleDbContext db, Actor actor, string regionId, string family, CancellationToken ct)
    {
        var members = await db.Images.AsNoTracking().Include(i => i.DiskMappings)
            .Where(i => i.RegionId == regionId && i.Family == family)
            .VisibleTo(db, actor)
            .ToListAsync(ct);
        var id = ImageFamilies.Resolve(members.Select(m => (m.Id, m.Status, m.CreationTime)));
        return members.FirstOrDefault(m => m.Id == id);
    }

    private static async Task<Result<(List<string> Regions, List<string> Accounts)>> DistributionAsync(ConsoleDbContext db, Actor actor, string regionId,
        CreateImagePipelineRequest request, CancellationToken ct)
    {
        if (request.ToRegionIds.Count > MaxListItems)
        {
            return ImageBuilderErrors.ToRegionSize(request.ToRegionIds.Count);
        }

        if (request.AddAccounts.Count > MaxListItems)
        {
            return ImageBuilderErrors.AddAccountSize(request.AddAccounts.Count);
        }

        var regions = request.ToRegionIds.Select(r => r.Trim()).Where(r => r.Length > 0 && r != regionId).Distinct().ToList();
        var known = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(ct);
        if (regions.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
        {
            return CommonErrors.RegionNotFound(unknown);
        }

        var accounts = request.AddAccounts.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (accounts.FirstOrDefault(a => !Account.IsWellFormedId(a)) is { } malformed)
        {
            return CommonErrors.InvalidParameter("AddAccount", $"\"{malformed}\" is not a 16-digit account ID.");
        }

        if (accounts.Contains(actor.AccountId!))
        {
            return CommonErrors.InvalidParameter("AddAccount", "an image cannot be shared with its own account.");
        }

        return (regions, accounts);
    }

    private static Result<(string? Mode, IReadOnlyList<string> Items)> Repair(CreateImagePipelineRequest request, BuildSystemType system)
    {
        var items = request.RepairItems.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
        if (string.IsNullOrEmpty(request.RepairMode))
        {
            return items.Count > 0 ? ImageBuilderErrors.MissingRepairMode() : ((string?)null, (IReadOnlyList<string>)[]);
        }

        if (!RepairModes.Contains(request.RepairMode))
        {
            return ImageBuilderErrors.RepairMode();
        }

        if (request.RepairMode != "Customized")
        {
            return items.Count > 0
                ? ImageBuilderErrors.ParameterCombination($"RepairItem is used only with RepairMode=Customized, not {request.RepairMode}.")
                : (request.RepairMode, (IReadOnlyList<string>)[]);
        }

        if (items.Count == 0)
        {
            return ImageBuilderErrors.ParameterCombination("RepairMode=Customized needs at least one RepairItem.");
        }

        var allowed = system == BuildSystemType.Windows ? WindowsRepairItems : LinuxRepairItems;
        return items.FirstOrDefault(i => !allowed.Contains(i)) is { } unknown
            ? ImageBuilderErrors.ParameterCombination($"The repair item {unknown} does not apply to {system} images.")
            : (request.RepairMode, (IReadOnlyList<string>)items);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
