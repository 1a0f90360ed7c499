namespace EcsConsole.Domain.Images;

/// <summary>Image errors, with ECS's codes and statuses (domain-rules §15; misspellings are ECS's own).</summary>
public static class ImageErrors
{
    public const string NotFoundCode = "InvalidImageId.NotFound";
    public const string SizeNotSupportedCode = "InvalidSize.ValueNotSupported";
    public const string NameMalformedCode = "InvalidImageName.Malformed";
    public const string NameDuplicatedCode = "InvalidImageName.Duplicated";
    public const string DescriptionMalformedCode = "InvalidDescription.Malformed";
    public const string FamilyMalformedCode = "InvalidImageFamily.Malformed";
    public const string TagQuotaCode = "QuotaExceed.Tags";
    public const string TagKeyMalformedCode = "InvalidTagKey.Malformed";
    public const string TagValueMalformedCode = "InvalidTagValue.Malformed";
    public const string TagKeyDuplicateCode = "Duplicate.TagKey";
    /// <summary>VAL-TAG-04: ImportImage words a duplicate tag key its own way (403).</summary>
    public const string TagKeyDuplicationCode = "TagKey.Duplication";
    public const string NoSourceCode = "InvalidParameter.AllEmpty";
    public const string OperationDeniedCode = "OperationDenied";
    public const string ImageQuotaCode = "QuotaExceed.Image";
    public const string FamilyFullCode = "ImageQuotaExceed.ImageFamily";
    public const string FamiliesFullCode = "ImageFamilyQuotaExceed";
    /// <summary>FAM-11: ModifyImageAttribute words the family limits differently from CreateImage (CRT-GEN-02).</summary>
    public const string FamilyFullOnModifyCode = "ImageQuotaFull.ImageFamily";
    public const string FamiliesFullOnModifyCode = "ImageFamilyQuotaFull";
    public const string UsingByInstanceCode = "ImageUsingByInstance";
    public const string UseSharedCode = "ImageUseShared";
    public const string IsPublicCode = "ImageIsPublic";
    public const string CopyingCode = "OperationDenied.ImageCopying";
    public const string IsCreatingCode = "ImageIsCreating";
    public const string IsImportingCode = "ImageIsImporting";
    public const string IsExportingCode = "ImageIsExporting";
    public const string NotAvailableCode = "ImageStatus.NotAvailable";
    public const string NotDeprecatedCode = "ImageStatus.NotDeprecated";
    public const string StatusIsCreatingCode = "InvalidStatus.ImageIsCreating";
    public const string BootModeInUseCode = "OperationDeined.ImageUsingByInstance";
    public const string ImdsSupportMalformedCode = "InvalidParameter.FeaturesImdsSupport";
    public const string ImdsSupportNotMatchCode = "InvalidOperation.FeaturesImdsSupportNotMatch";
    public const string BootModeNotSupportedCode = "InvalidBootMode.NotSupport";
    public const string ImageVersionMalformedCode = "InvalidImageVersion.Malformed";
    public const string DetectionStrategyCode = "InvalidParameter.DetectionStrategy";
    public const string ImageCheckWindowsCode = "ImageCheckUnsupported.WindowsImage";
    public const string SecureBootSupportCode = "InvalidParameter.SecureBootSupport";

    /// <summary>IMGP-04: <c>ImageVersion</c> is at most this long (*Unclear*: ECS's limit is not documented).</summary>
    public const int MaxImageVersionLength = 40;
    public const string IncorrectStatusCode = "IncorrectImageStatus";

    /// <summary>The image does not exist in the region, or belongs to another account and is not shared with the caller.</summary>
    public static EcsError NotFound(string imageId) =>
        new(NotFoundCode, 404, $"The specified image \"{imageId}\" does not exist in this region.");

    public static EcsError NameMalformed(string why) => new(NameMalformedCode, 400, $"The specified image name is wrongly formed: {why}");

    public static EcsError NameDuplicated(string name) => new(NameDuplicatedCode, 400, $"The image name \"{name}\" is already in use in this region.");

    /// <summary>IB-32: a build's output name is taken in one of the regions the image will be in.</summary>
    public static EcsError NameDuplicatedInTargetRegion() =>
        new(NameDuplicatedCode, 400, "The specified image name is already in use in the target region. Please try a different one.");

    public static EcsError DescriptionMalformed(string why) => new(DescriptionMalformedCode, 400, $"The specified description is wrongly formed: {why}");

    public static EcsError FamilyMalformed(string why) => new(FamilyMalformedCode, 400, $"The specified image family is wrongly formed: {why}");

    public static EcsError TagQuota(int limit) => new(TagQuotaCode, 403, $"A resource can carry at most {limit} tags.");

    public static EcsError TagKeyMalformed(string why) => new(TagKeyMalformedCode, 400, $"The specified tag key is wrongly formed: {why}");

    public static EcsError TagValueMalformed(string why) => new(TagValueMalformedCode, 400, $"The specified tag value is wrongly formed: {why}");

    public static EcsError TagKeyDuplicate(string key) => new(TagKeyDuplicateCode, 400, $"The tag key \"{key}\" is given more than once.");

    /// <summary>VAL-TAG-04: ImportImage's duplicate tag key (keys compared case-insensitively).</summary>
    public static EcsError TagKeyDuplication(EcsError duplicate) => duplicate with { Code = TagKeyDuplicationCode, HttpStatus = 403 };
    public static EcsError NoSource() => new(NoSourceCode, 400, "Specify the source of the image: an instance, or snapshots.");

    /// <summary>The generic refusal of CreateImage (a data-disk snapshot as the system disk, 0 or 2+ system snapshots, …).</summary>
    public static EcsError OperationDenied(string why, int status = 403) => new(OperationDeniedCode, status, why);

    public static EcsError ImageQuota(int limit) => new(ImageQuotaCode, 403, $"The number of images exceeds the limit ({limit}).");

    public static EcsError FamilyFull(string family, int limit) => new(FamilyFullCode, 400, $"The image family \"{family}\" already holds {limit} images.");

    public static EcsError FamiliesFull(int limit) => new(FamiliesFullCode, 400, $"This region already has {limit} image families.");
    /// <summary>FAM-11: ModifyImageAttribute moves an image into a family that already holds its limit.</summary>
    public static EcsError FamilyFullOnModify(string family, int limit) => FamilyFull(family, limit) with { Code = FamilyFullOnModifyCode };
    /// <summary>FAM-11: ModifyImageAttribute starts a family beyond the region's limit.</summary>
    public static EcsError FamiliesFullOnModify(int limit) => FamiliesFull(limit) with { Code = FamiliesFullOnModifyCode };

    public static EcsError UsingByInstance() => new(UsingByInstanceCode, 403, "The image is used by instances; delete it forcibly or release the instances first.");

    public static EcsError UseShared() => new(UseSharedCode, 403, "The image is shared with other accounts; unshare it first.");

    public static EcsError IsPublic() => new(IsPublicCode, 403, "The image is published as a community image; unpublish it first.");

    public static EcsError Copying() => new(CopyingCode, 403, "The image is being copied; cancel the copy first.");

    public static EcsError IsCreating() => new(IsCreatingCode, 403, "The image is still being created.");

    public static EcsError IsImporting() => new(IsImportingCode, 403, "The image is being imported.");

    public static EcsError IsExporting() => new(IsExportingCode, 403, "The image is being exported.");

    public static EcsError NotAvailable() => new(NotAvailableCode, 403, "Only an Available image can be deprecated.");

    public static EcsError NotDeprecated() => new(NotDeprecatedCode, 403, "Only a Deprecated image can be restored.");

    public static EcsError StatusIsCreating() => new(StatusIsCreatingCode, 403, "The image is still being created.");

    /// <summary>CRT-GEN-04: <c>Features.ImdsSupport</c> is v1 or v2.</summary>
    /// <summary>IMGP-04: too long, or not the version of the Marketplace image the instance runs (CRT-INS-11).</summary>
    public static EcsError ImageVersionMalformed(string why) => new(ImageVersionMalformedCode, 400, why);

    /// <summary>IMGP-05: <c>DetectionStrategy</c> other than <c>Standard</c>.</summary>
    public static EcsError DetectionStrategyMalformed(string value) =>
        new(DetectionStrategyCode, 400, $"DetectionStrategy \"{value}\" is not valid: use Standard.");

    /// <summary>IMGP-05: ImportImage runs no image check on a Windows image.</summary>
    public static EcsError ImageCheckWindows() =>
        new(ImageCheckWindowsCode, 403, "The image check (DetectionStrategy) does not support Windows images.");

    /// <summary>IMGP-06: a value other than supported/unsupported (*Unclear* code).</summary>
    public static EcsError SecureBootSupportMalformed(string value) =>
        new(SecureBootSupportCode, 400, $"SecureBootOptions.SecureBootSupport \"{value}\" must be supported or unsupported.");

    public static EcsError ImdsSupportMalformed(string value) => new(ImdsSupportMalformedCode, 400, $"Features.ImdsSupport \"{value}\" must be v1 or v2.");

    /// <summary>UI-MOD-01: an image whose metadata access is v2 (tokens) cannot go back to v1.</summary>
    public static EcsError ImdsSupportNotMatch() => new(ImdsSupportNotMatchCode, 403, "An image that supports only IMDSv2 cannot be set back to v1.");

    public static EcsError BootModeInUse() => new(BootModeInUseCode, 403, "The boot mode of an image used by instances cannot be changed.");

    public static EcsError BootModeNotSupported(string why) => new(BootModeNotSupportedCode, 400, why);

    public static EcsError IncorrectStatus(string why) => new(IncorrectStatusCode, 400, why);

    /// <summary>CMP-13: the image cannot create an instance in its status.</summary>
    public static EcsError NotValidForLaunch(ImageStatus status) => new(EcsConsole.Domain.Instances.ImageCompatibility.ImageNotValidCode, 403,
        $"The image is {status.ToString()}: only an Available (or deprecated) image can create an instance.");

    /// <summary>A disk mapping's size outside what its category allows.</summary>
    public static EcsError SizeNotSupported(string why) => new(SizeNotSupportedCode, 400, why);
}
