using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>The template checks that read the database: free image names, base images, distribution targets, repair.</summary>
public sealed partial class ImagePipelineService
{
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
                return ImageErrors.NameDuplicatedInTargetRegion();
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
