using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Copies;

/// <summary>
/// CopyImage and CancelCopyImage errors, with ECS's codes and statuses (domain-rules §4, §15; the misspelling
/// <c>OperationDeined</c> is ECS's own). Codes shared with other image operations live in <see cref="ImageErrors"/>.
/// </summary>
public static class CopyErrors
{
    /// <summary>Same code as <see cref="ImageErrors.IncorrectStatusCode"/>.</summary>
    public const string IncorrectImageStatusCode = ImageErrors.IncorrectStatusCode;
    public const string SameRegionOnlyCode = "OperationDenied.SameRegionOnly";
    public const string CommunityImageCode = "OperationDenied.CommunityImage";
    public const string IncorrectDestinationRegionCode = "IncorrectDestinationRegion";
    public const string SourceRegionNotFoundCode = "SourceRegion.NotFound";
    public const string DestinationRegionNotFoundCode = "DestinationRegion.NotFound";
    public const string ImageCopyConflictCode = "OperationDenied.ImageCopyConflict";
    public const string EncryptedSnapshotCode = "OperationDeined.EncryptedSnapshot";
    public const string NotFromCopyCode = "ImageCreatedNotFromCopy";
    public const string NotPublishedCode = "OperationDenied.NotPublished";

    /// <summary>CPY-01/05: only an Available custom image can be copied (Creating, Deprecated, … are refused).</summary>
    public const string EncryptedIllegalCode = "InvalidParameter.EncryptedIllegal";
    public const string KmsKeyNotFoundCode = "InvalidParameter.KMSKeyId.NotFound";

    /// <summary>CPY-14: <c>KMSKeyId</c> without <c>Encrypted=true</c>.</summary>
    public static EcsError EncryptedIllegal() => new(EncryptedIllegalCode, 400, "KMSKeyId can be given only with Encrypted=true.");

    /// <summary>CPY-14: no such key in the account (the emulated account has no customer master keys).</summary>
    public static EcsError KmsKeyNotFound(string keyId) => new(KmsKeyNotFoundCode, 404, $"The KMS key \"{keyId}\" does not exist.");

    public static EcsError NotAvailable() => new(IncorrectImageStatusCode, 400, "The image not available.");

    /// <summary>CPY-04: public and Marketplace images themselves are never copied.</summary>
    public static EcsError PublicOrMarketplace() => ImageErrors.OperationDenied("Public and Marketplace images cannot be copied.");

    /// <summary>CPY-02: an image shared with the caller may be copied only within its own region.</summary>
    public static EcsError SameRegionOnly() =>
        new(SameRegionOnlyCode, 403, "An image shared with you can be copied only within its own region.");

    /// <summary>CPY-04: a custom image derived from a Marketplace product, to a region where the product is not published.</summary>
    public static EcsError NotPublished(string productCode, string regionId) =>
        new(NotPublishedCode, 403, $"The Marketplace product {productCode} is not published in {regionId}.");

    /// <summary>CPY-05: another account's community image.</summary>
    public static EcsError CommunityImage() => new(CommunityImageCode, 400, "Community images cannot be copied.");

    /// <summary>CPY-06: a copy of an own image into its own region that does not change its encryption.</summary>
    public static EcsError IncorrectDestinationRegion() =>
        new(IncorrectDestinationRegionCode, 403, "The destination region must differ from the source region unless the copy changes encryption.");

    public static EcsError SourceRegionNotFound(string regionId) =>
        new(SourceRegionNotFoundCode, 400, $"The source region \"{regionId}\" does not exist.");

    public static EcsError DestinationRegionNotFound(string regionId) =>
        new(DestinationRegionNotFoundCode, 400, $"The destination region \"{regionId}\" does not exist.");

    /// <summary>CPY-10: the image is already being copied.</summary>
    public static EcsError ImageCopyConflict() =>
        new(ImageCopyConflictCode, 400, "The image is already being copied; wait for that copy to finish or cancel it.");

    /// <summary>CPY-15: an encrypted image cannot become an unencrypted copy.</summary>
    public static EcsError EncryptedSnapshot() =>
        new(EncryptedSnapshotCode, 403, "An encrypted image cannot be copied into an unencrypted image.");

    /// <summary>CPY-21: CancelCopyImage on an image that is not a copy.</summary>
    public static EcsError NotFromCopy() => new(NotFromCopyCode, 400, "The image was not created by CopyImage.");

    /// <summary>CPY-21: the copy already completed.</summary>
    public static EcsError CopyFinished() => new(IncorrectImageStatusCode, 400, "The image is copied finished.");

    /// <summary>CPY-21: the copy is neither running nor queued.</summary>
    public static EcsError NotCopying() => new(IncorrectImageStatusCode, 400, "The specified image is not coping.");

    /// <summary>CPY-21: the copy already failed.</summary>
    public static EcsError CopyFailed() => new(IncorrectImageStatusCode, 400, "The Image copy has been failed.");
}
