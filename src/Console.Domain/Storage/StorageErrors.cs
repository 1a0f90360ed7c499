namespace EcsConsole.Domain.Storage;

/// <summary>OSS, export and import errors with ECS's codes (domain-rules §8).</summary>
public static class StorageErrors
{
    public const string BucketNotFoundCode = "InvalidOSSBucket.NotFound";
    public const string RoleNotAuthorizedCode = "NoSetRoletoECSServiceAcount";

    /// <summary>The RAM roles every account has authorised ECS with (EXP-09, IMP-06); the product models no others.</summary>
    public const string ExportRole = "AliyunECSImageExportDefaultRole";

    public const string ImportRole = "AliyunECSImageImportDefaultRole";

    /// <summary>A <c>RoleName</c> other than the default role: no such role authorises ECS here (EXP-09, IMP-06).</summary>
    public static EcsError? RoleNotAuthorized(string? roleName, string defaultRole) =>
        string.IsNullOrEmpty(roleName) || roleName == defaultRole ? null
            : new(RoleNotAuthorizedCode, 403, $"The role \"{roleName}\" does not exist or does not authorise ECS to reach OSS: use {defaultRole}.");
    public const string BucketNotMatchedCode = "InvalidOSSBucket.NotMatched";
    public const string PrefixMalformedCode = "InvalidOSSPrefix.Malformed";
    public const string FormatMalformedCode = "InvalidImageFormat.Malformed";
    public const string FormatRegionCode = "InvalidImageFormat.RegionNotSupported";
    public const string ImageNotSupportedCode = "ImageNotSupported";
    public const string CategoryNotSupportedCode = "InvalidImageCategory.NotSupported";
    public const string LicenseNotSupportedCode = "InvalidImageLicense.NotSupported";
    public const string DiskAmountOrSizeCode = "InvalidImage.DiskAmountOrSize";
    public const string ObjectNotFoundCode = "InvalidOSSObject.NotFound";
    public const string ObjectSizeCode = "InvalidOSSObject.Size";
    public const string SuffixCode = "UnsupportedSuffix.OSSObject";
    public const string ImageSizeCode = "InvalidImageSize";
    public const string DataDiskSizeCode = "InvalidDataDiskSize";
    public const string PlatformArchitectureCode = "InvalidArchitecture.PlatformUnsupported";
    public const string LicenseTypeCode = "InvalidLicenseType.NotSupported";
    public const string BucketNameMalformedCode = "InvalidBucketName.Malformed";
    public const string BucketExistsCode = "BucketAlreadyExists";
    public const string BucketNotEmptyCode = "BucketNotEmpty";
    public const string ObjectKeyMalformedCode = "InvalidObjectName.Malformed";

    /// <summary>The console downloads simulated objects up to a size (<see cref="StorageService.MaxDownloadBytes"/>; docs/oss-download.md).</summary>
    public const string ObjectTooLargeCode = "InvalidOSSObject.TooLargeToDownload";

    public static EcsError ObjectTooLarge(string key, long limit) =>
        new(ObjectTooLargeCode, 413, $"The OSS object \"{key}\" is larger than {limit / (1024 * 1024)} MiB: the console downloads simulated objects up to that size.");

    public static EcsError BucketNotFound(string bucket) => new(BucketNotFoundCode, 400, $"The OSS bucket \"{bucket}\" does not exist.");

    public static EcsError BucketNotMatched(string bucket) => new(BucketNotMatchedCode, 400, $"The OSS bucket \"{bucket}\" is not in this region.");

    public static EcsError PrefixMalformed() => new(PrefixMalformedCode, 400, "The OSS prefix must be 1–30 letters and digits.");

    public static EcsError FormatMalformed(string format) => new(FormatMalformedCode, 400, $"The image format \"{format}\" is not supported.");

    public static EcsError FormatRegion(string format) => new(FormatRegionCode, 400, $"Exporting as {format} is not supported in this region; use RAW.");

    /// <summary>A Marketplace image, or one derived from it (EXP-05: 403).</summary>
    public static EcsError MarketplaceImageNotSupported() => new(ImageNotSupportedCode, 403, "Images from the Marketplace cannot be exported.");

    /// <summary>An encrypted image (EXP-08: 400).</summary>
    public static EcsError EncryptedImageNotSupported() => new(ImageNotSupportedCode, 400, "Encrypted images cannot be exported.");

    public static EcsError CategoryNotSupported(string why) => new(CategoryNotSupportedCode, 403, why);

    public static EcsError LicenseNotSupported() => new(LicenseNotSupportedCode, 403, "Windows Server images cannot be exported.");

    public static EcsError DiskAmountOrSize() => new(DiskAmountOrSizeCode, 400, "An exported image may have at most 4 data disks of at most 500 GiB each.");

    public static EcsError ObjectNotFound(string key) => new(ObjectNotFoundCode, 400, $"The OSS object \"{key}\" does not exist.");

    public static EcsError ObjectSize(string key) => new(ObjectSizeCode, 400, $"The OSS object \"{key}\" is empty.");

    public static EcsError Suffix(string key) => new(SuffixCode, 400, $"The OSS object \"{key}\" is not an image file (RAW, VHD, QCOW2); convert ISO files first.");

    public static EcsError ImageSize(string why) => new(ImageSizeCode, 400, why);

    public static EcsError DataDiskSize(string why) => new(DataDiskSizeCode, 400, why);

    public static EcsError PlatformArchitecture() => new(PlatformArchitectureCode, 403, "The platform does not support this architecture.");

    public static EcsError LicenseType(string value) => new(LicenseTypeCode, 400, $"The license type \"{value}\" is not supported.");

    public static EcsError BucketNameMalformed() =>
        new(BucketNameMalformedCode, 400, "A bucket name has 3–63 lower-case letters, digits and hyphens, and starts and ends with a letter or digit.");

    public static EcsError BucketExists(string bucket) => new(BucketExistsCode, 409, $"The bucket name \"{bucket}\" is already taken.");

    public static EcsError BucketNotEmpty(string bucket) => new(BucketNotEmptyCode, 409, $"The bucket \"{bucket}\" is not empty.");

    public static EcsError ObjectKeyMalformed() => new(ObjectKeyMalformedCode, 400, "An object key has 1–1023 characters and does not start with / or \\.");
}
