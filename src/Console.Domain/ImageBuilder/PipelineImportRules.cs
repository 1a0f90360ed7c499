using EcsConsole.Domain.Images;
using EcsConsole.Domain.Storage;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>
/// An OSS base (<c>BaseImageType=OSS</c>, IB-38): the <c>ImportImageOptions</c> checks with their own codes (shapes
/// first, then the bucket and object lookups), and the ImportImage request a build's PREPARING phase makes of them.
/// </summary>
public static class PipelineImportRules
{
    public const int MaxDisks = 17;
    public const string MissingOptionsCode = "MissingParameter.ImportImageOptions";
    public const string MissingDisksCode = "MissingParameter.ImportImageOptionsDiskDeviceMappings";
    public const string MissingObjectCode = "MissingParameter.ImportImageOptionsDiskDeviceMappingsOSSObject";
    public const string MissingBucketCode = "MissingParameter.ImportImageOptionsDiskDeviceMappingsOSSBucket";
    public const string TooManyDisksCode = "InvalidImportImageOptionsDiskDeviceMappings.LengthLimitExceeded";
    public const string DiskImageSizeCode = "InvalidOperation.DiskImageSizeExceeded";
    public const string ObjectNotFoundCode = "InvalidImportImageOptionsDiskDeviceMappingsOSSObject.NotFound";
    public const string NoRightAccessOssCode = "InvalidOperation.NoRightAccessOSS";
    public const string StartObjectNotFoundCode = "InvalidImagePipeline.OSSObjectNotFound";

    public static IReadOnlyList<string> Architectures { get; } = ["x86_64", "arm64"];

    public static IReadOnlyList<string> OsTypes { get; } = ["linux", "windows"];

    public static IReadOnlyList<string> BootModes { get; } = ["BIOS", "UEFI"];

    public static IReadOnlyList<string> Formats { get; } = ["RAW", "VHD", "QCOW2"];

    public static IReadOnlyList<string> RetentionStrategies { get; } = ["RetainOnlySuccessful", "RetainOnlyFailed", "RetainAlways", "RetainNever"];

    /// <summary>ImportImage's platforms (ecs-openapi §2.13) and <c>Other Windows</c> (image-builder.md §1.2).</summary>
    public static IReadOnlyList<string> Platforms { get; } =
    [
        "Aliyun", "Anolis", "CentOS", "Ubuntu", "CoreOS", "SUSE", "Debian", "OpenSUSE", "FreeBSD", "RedHat", "Kylin", "UOS", "Fedora", "Fedora CoreOS",
        "CentOS Stream", "AlmaLinux", "Rocky Linux", "Gentoo", "Customized Linux", "Others Linux", "Windows Server 2022", "Windows Server 2019",
        "Windows Server 2016", "Windows Server 2012", "Windows Server 2008", "Windows Server 2003", "Other Windows",
    ];

    /// <summary>The imported image's name: <c>ImageName</c> (or <c>IB-import</c>) + <c>_</c> + the ExecutionId, so each build's import has its own (IB-38).</summary>
    public static string ImportedImageName(PipelineImportOptions options, string executionId) => $"{options.ImageName ?? "IB-import"}_{executionId}";

    /// <summary>The shape checks, in the order of IB-38; null when every option is well formed.</summary>
    public static EcsError? Shape(PipelineImportOptions o)
    {
        if (o.Disks.Count == 0)
        {
            return Missing(MissingDisksCode, "ImportImageOptions.DiskDeviceMappings");
        }

        if (o.Disks.Count > MaxDisks)
        {
            return new(TooManyDisksCode, 400, $"The number of ImportImageOptions.DiskDeviceMappings exceeds the limit({MaxDisks}).");
        }

        var invalid = Word(o.Architecture, Architectures, "Architecture")
            ?? Word(o.OsType, OsTypes, "OSType")
            ?? Word(o.BootMode, BootModes, "BootMode")
            ?? Word(o.Platform, Platforms, "Platform")
            ?? Word(o.LicenseType, ImportImageService.LicenseTypes, "LicenseType")
            ?? Word(o.NvmeSupport, ["supported", "unsupported"], "FeaturesNvmeSupport")
            ?? Word(o.ImdsSupport, ["v1", "v2"], "FeaturesImdsSupport")
            ?? Word(o.RetentionStrategy, RetentionStrategies, "RetentionStrategy");
        if (invalid is not null)
        {
            return invalid;
        }

        // arm64 boots in UEFI only (IMP-10); a Windows import is x86_64 only (IMP-*).
        if (o.Architecture == "arm64" && o.BootMode == "BIOS")
        {
            return Invalid("BootMode", "an arm64 image boots in UEFI mode only");
        }

        if (o.Architecture == "arm64" && (o.OsType == "windows" || o.Platform?.Contains("Windows", StringComparison.Ordinal) == true))
        {
            return Invalid("Architecture", "a Windows image is x86_64 only");
        }

        foreach (var disk in o.Disks)
        {
            var error = (string.IsNullOrEmpty(disk.OssBucket) ? Missing(MissingBucketCode, "ImportImageOptions.DiskDeviceMappings.OSSBucket") : null)
                ?? (string.IsNullOrEmpty(disk.OssObject) ? Missing(MissingObjectCode, "ImportImageOptions.DiskDeviceMappings.OSSObject") : null)
                ?? (StorageService.IsBucketName(disk.OssBucket) ? null : Invalid("DiskDeviceMappingsOSSBucket", "a bucket name is 3-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen"))
                ?? (disk.OssObject.Length > 1023 || disk.OssObject.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || disk.OssObject.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    ? Invalid("DiskDeviceMappingsOSSObject", "an object name is at most 1023 characters and not a URL")
                    : null)
                ?? Word(disk.Format, Formats, "DiskDeviceMappingsFormat")
                ?? (disk.DiskImageSize is < 1 or > 2048
                    ? new EcsError(DiskImageSizeCode, 400, "ImportImageOptions.DiskDeviceMappings.DiskImageSize must be 1 to 2048 GiB.")
                    : null);
            if (error is not null)
            {
                return error;
            }
        }

        // The name each build's import gets (ImageName + "_" + an ExecutionId) must be a valid image name.
        return (o.ImageName is null ? null : ImageValidation.Name(ImportedImageName(o, "exec-" + new string('0', 20))))
            ?? ImageValidation.Description(o.Description)
            ?? ImageValidation.Tags([.. o.Tags.Select(t => (t.Key, t.Value))]);
    }

    /// <summary>
    /// The lookups (IB-38): the import role (only <see cref="StorageErrors.ImportRole"/> is authorised here, IMP-06), then
    /// each file in one of the account's buckets of the region; <paramref name="objectNotFound"/> is the code of a missing
    /// file (the template's at create, <see cref="StartObjectNotFoundCode"/> at start, IB-52).
    /// </summary>
    public static async Task<EcsError?> LookupAsync(ConsoleDbContext db, Actor actor, string regionId, PipelineImportOptions o, string objectNotFound, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(o.RoleName) && o.RoleName != StorageErrors.ImportRole)
        {
            return new(NoRightAccessOssCode, 403, $"ECS cannot assume the role \"{o.RoleName}\" to read OSS: use {StorageErrors.ImportRole}.");
        }

        foreach (var disk in o.Disks)
        {
            var found = await db.OssObjects.AsNoTracking()
                .AnyAsync(f => f.BucketName == disk.OssBucket && f.Key == disk.OssObject
                    && db.OssBuckets.Any(b => b.Name == disk.OssBucket && b.AccountId == actor.AccountId && b.RegionId == regionId), ct);
            if (!found)
            {
                return new(objectNotFound, 404, $"The OSS object {disk.OssBucket}/{disk.OssObject} is not found in {regionId}.");
            }
        }

        return null;
    }

    /// <summary>Whether the build's system is Windows (its content must then be YAML components, IB-23).</summary>
    public static bool IsWindows(PipelineImportOptions o) =>
        o.OsType == "windows" || o.Platform?.StartsWith("Windows", StringComparison.Ordinal) == true || o.Platform == "Other Windows";

    /// <summary>The build's system (IB-23): the base image's OS, or for an OSS base (<paramref name="import"/>) the OS it is imported as.</summary>
    public static BuildSystemType BuildSystem(Image? baseImage, PipelineImportOptions? import) =>
        baseImage?.OsType == OsType.Windows || (import is not null && IsWindows(import)) ? BuildSystemType.Windows : BuildSystemType.Linux;

    /// <summary>The ImportImage request of a build's PREPARING phase (ImportImage's defaults for what is not given).</summary>
    public static ImportImageRequest ImportRequest(PipelineImportOptions o, string regionId, string name, string? resourceGroupId)
    {
        var system = o.Disks[0];
        var windows = IsWindows(o);
        return new ImportImageRequest
        {
            RegionId = regionId,
            OssBucket = system.OssBucket,
            OssObject = system.OssObject,
            Name = name,
            Description = o.Description,
            OsType = windows ? OsType.Windows : OsType.Linux,
            Platform = o.Platform ?? (windows ? "Other Windows" : "Others Linux"),
            Architecture = ImageWords.ParseArchitecture(o.Architecture) ?? ImageArchitecture.X86_64,
            BootMode = ImageWords.ParseBootMode(o.BootMode),
            LicenseType = o.LicenseType ?? "Auto",
            NvmeSupport = o.NvmeSupport == "supported",
            ImdsSupport = o.ImdsSupport ?? "v1",
            Tags = [.. o.Tags.Select(t => (t.Key, t.Value))],
            RoleName = o.RoleName,
            ResourceGroupId = resourceGroupId,
            Format = system.Format,
            SystemDiskSizeGiB = system.DiskImageSize,
            DataDisks = [.. o.Disks.Skip(1).Select(d => new ImportDataDisk(d.OssObject, d.DiskImageSize, d.OssBucket))],
        };
    }

    private static EcsError? Word(string? value, IReadOnlyList<string> allowed, string field) =>
        value is null || allowed.Contains(value) ? null : Invalid(field, $"the correct value should be in [{string.Join(", ", allowed)}]");

    private static EcsError Invalid(string field, string why) =>
        new($"InvalidParameter.ImportImageOptions{field}", 400, $"The specified parameter ImportImageOptions.{field} is invalid: {why}.");

    private static EcsError Missing(string code, string parameter) => new(code, 404, $"The input parameter {parameter} that is mandatory for processing this request is not supplied.");
}
