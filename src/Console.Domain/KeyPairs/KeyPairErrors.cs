namespace EcsConsole.Domain.KeyPairs;

/// <summary>Key pair errors, with the codes of ECS's CreateKeyPair, ImportKeyPair and DeleteKeyPairs references.</summary>
public static class KeyPairErrors
{
    public const string NameMalformedCode = "InvalidKeyPairName.Malformed";
    public const string AlreadyExistCode = "KeyPair.AlreadyExist";
    public const string QuotaCode = "QuotaExceed.KeyPair";
    public const string PublicKeyMalformedCode = "InvalidPublicKeyBody.Malformed";
    public const string NamesNotSupportedCode = "InvalidKeyPairNames.ValueNotSupported";
    public const string AttachedCode = "InvalidParameter.KeypairAlreadyAttachedInstance";

    public static EcsError NameMalformed(string why) => new(NameMalformedCode, 400, $"Specified Key Pair name is not valid: {why}");

    public static EcsError AlreadyExist(string name) => new(AlreadyExistCode, 400, $"The key pair already exist: \"{name}\".");

    public static EcsError Quota(int limit) => new(QuotaCode, 403, $"The key pair quota exceeds: at most {limit} key pairs in a region.");

    public static EcsError PublicKeyMalformed() => new(PublicKeyMalformedCode, 400,
        "The PublicKeyBody format is not supported: give one OpenSSH public key line (ssh-rsa, ssh-dss or ecdsa-sha2-nistp*).");

    public static EcsError NamesNotSupported(string why) => new(NamesNotSupportedCode, 400, $"The specified parameter \"KeyPairNames\" is not valid: {why}");

    public static EcsError Attached(string name) => new(AttachedCode, 400,
        $"The specified parameter \"KeyPairNames\" attached to instances can not be deleted: \"{name}\" is used by an instance.");
}

/// <summary>The rules of key pair names and of one call's list of names.</summary>
public static class KeyPairValidation
{
    public const int MaxNameLength = 128;

    /// <summary>DeleteKeyPairs names at most this many pairs a call.</summary>
    public const int MaxNamesPerCall = 100;

    /// <summary>2–128 characters, a letter first, not starting with http:// or https://; letters, digits, <c>: _ -</c>.</summary>
    private static readonly NameRule NameRule = new(MaxNameLength, ":_-",
        "it may contain only letters, digits, colons (:), underscores (_) and hyphens (-).", NameRule.NoLeadingUrl);

    /// <summary><c>MissingParameter</c> when absent, <c>InvalidKeyPairName.Malformed</c> when it breaks the rule; else null.</summary>
    public static EcsError? Name(string? name) =>
        string.IsNullOrEmpty(name) ? CommonErrors.MissingParameter("KeyPairName")
        : NameRule.Problem(name) is { } why ? KeyPairErrors.NameMalformed(why)
        : null;
}
