namespace EcsConsole.Domain.Sharing;

/// <summary>Sharing and community-publishing errors (domain-rules §5; <c>Forbbiden</c> is ECS's spelling).</summary>
public static class SharingErrors
{
    public const string AccountNotFoundCode = "InvalidAccount.NotFound";
    public const string OwnAccountCode = "InvalidAccount.Forbbiden";
    public const string ShareQuotaCode = "QuotaExceed.ShareImageUser";
    public const string RecipientQuotaCode = "QuotaExceed.ShareImage";
    public const string InvalidImageStatusCode = "OperationDenied.InvalidImageStatus";
    public const string IsPublicConflictCode = "InvalidParameter.IsPublic";
    public const string NotPublicCode = "Image.NotPublic";
    public const string EncryptedCode = "OperationDeined.EncryptedSnapshot";
    public const string GroupMalformedCode = "InvalidGroup.Malformed";

    /// <summary>ModifyImageShareGroupPermission names a group other than <c>all</c> (404, as ECS's table gives it).</summary>
    public static EcsError GroupMalformed(string group) => new(GroupMalformedCode, 404,
        $"The specified parameter \"AddGroup.n\" or \"RemoveGroup.n\" does not exist: \"{group}\" (the only group is all).");

    public static EcsError AccountNotFound(string accountId) => new(AccountNotFoundCode, 404, $"The account \"{accountId}\" does not exist.");

    public static EcsError OwnAccount() => new(OwnAccountCode, 404, "An image cannot be shared with its own account.");

    public static EcsError ShareQuota(int limit) => new(ShareQuotaCode, 403, $"An image can be shared with at most {limit} accounts.");

    public static EcsError RecipientQuota(string accountId, int limit) =>
        new(RecipientQuotaCode, 403, $"The account \"{accountId}\" already has {limit} images shared with it.");

    public static EcsError InvalidImageStatus(string why) => new(InvalidImageStatusCode, 403, why);

    public static EcsError IsPublicConflict() =>
        new(IsPublicConflictCode, 403, "A community image is shared with everyone: publishing and sharing with accounts do not go together.");

    public static EcsError NotPublic() => new(NotPublicCode, 403, "The image is not a community image.");

    public static EcsError Encrypted() => new(EncryptedCode, 403, "Encrypted images cannot be published as community images.");
}
