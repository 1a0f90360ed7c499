namespace EcsConsole.Domain.KeyPairs;

/// <summary>CreateKeyPair: a new RSA pair whose private key is answered once.</summary>
public sealed record CreateKeyPairRequest(string RegionId, string? Name)
{
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>The resource group of the new pair, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }
}

/// <summary>ImportKeyPair: a public key made elsewhere.</summary>
public sealed record ImportKeyPairRequest(string RegionId, string? Name, string? PublicKeyBody)
{
    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    public string? ResourceGroupId { get; init; }
}

/// <summary>A pair just created: the only moment its private key (PKCS#8 PEM) is shown.</summary>
public sealed record CreatedKeyPair(string Name, string KeyPairId, string FingerPrint, string PrivateKeyPem);

/// <summary>
/// What DescribeKeyPairs and the key pairs page filter by: a name (with <c>*</c> as a wildcard, as ECS's fuzzy search), an
/// exact fingerprint, tags (every one carried; an empty value matches any).
/// </summary>
public sealed record KeyPairQuery
{
    public string? Name { get; init; }

    public string? FingerPrint { get; init; }

    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>Only the pairs of this resource group (<see cref="ResourceGroupRules.FilterAsync"/>).</summary>
    public string? ResourceGroupId { get; init; }
}

/// <summary>A key pair as lists show it, with the instances that log on with it.</summary>
public sealed record KeyPairListItem(string Name, string FingerPrint, string PublicKey, DateTimeOffset CreationTime,
    IReadOnlyList<(string Key, string Value)> Tags, IReadOnlyList<string> InstanceIds)
{
    /// <summary>The resource group it is in.</summary>
    public string ResourceGroupId { get; init; } = "";
}
