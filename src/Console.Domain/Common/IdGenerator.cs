using System.Security.Cryptography;

namespace EcsConsole.Domain.Common;

/// <summary>
/// The one place resource IDs are made, in ECS's shape: a prefix, the region's infix, then random lower-case
/// letters and digits, 20 characters after the prefix in all (ui-contract §2, IMG-ID-06), e.g. <c>m-bp1g7004ksh0oeuc1a2b</c>.
/// Account IDs are 16 digits. The seeder passes a fixed-seed <see cref="Random"/> so the demo world's IDs are the
/// same on every fresh install; the app uses a cryptographic source.
/// </summary>
public sealed class IdGenerator
{
    public const int BodyLength = 20;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random? _random;

    /// <summary>Cryptographically random IDs (production).</summary>
    public IdGenerator()
    {
    }

    /// <summary>Repeatable IDs from a seeded generator (demo world, tests).</summary>
    public IdGenerator(Random random) => _random = random;

    public string NewImageId(string regionInfix) => New("m-", regionInfix);

    public string NewSnapshotId(string regionInfix) => New("s-", regionInfix);

    /// <summary>A snapshot-consistent group (SNP-11), <c>ssg-</c> + infix + random.</summary>
    public string NewSnapshotGroupId(string regionInfix) => New("ssg-", regionInfix);

    public string NewInstanceId(string regionInfix) => New("i-", regionInfix);

    public string NewDiskId(string regionInfix) => New("d-", regionInfix);

    public string NewTaskId(string regionInfix) => New("t-", regionInfix);

    /// <summary>An automatic snapshot policy, <c>sp-</c> + infix + random.</summary>
    public string NewAutoSnapshotPolicyId(string regionInfix) => New("sp-", regionInfix);

    /// <summary>The ID CreateKeyPair answers for a new key pair.</summary>
    public string NewKeyPairId(string regionInfix) => New("kp-", regionInfix);

    /// <summary>An Image Builder component, <c>ic-</c> + infix + random (image-builder.md §1.1).</summary>
    public string NewImageComponentId(string regionInfix) => New("ic-", regionInfix);

    /// <summary>An Image Builder template (pipeline), <c>ip-</c> + infix + random.</summary>
    public string NewImagePipelineId(string regionInfix) => New("ip-", regionInfix);

    /// <summary>A build (pipeline execution) or an OOS execution: <c>exec-</c> + 20 hexadecimal characters.</summary>
    public string NewExecutionId() => "exec-" + NewHex(BodyLength);

    /// <summary>An injected fault of the simulation control (ui-contract §7).</summary>
    public string NewFaultId() => "fault-" + NewHex(BodyLength);

    /// <summary>A Simple Application Server instance ID: 32 lower-case hexadecimal characters, as SAS makes them.</summary>
    public string NewSasServerId() => NewHex(32);

    private string NewHex(int length)
    {
        const string hex = "0123456789abcdef";
        Span<char> body = stackalloc char[length];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = hex[Next(hex.Length)];
        }

        return new string(body);
    }

    /// <summary>A 16-digit account ID that does not start with 0.</summary>
    public string NewAccountId()
    {
        Span<char> digits = stackalloc char[16];
        digits[0] = (char)('1' + Next(9));
        for (var i = 1; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + Next(10));
        }

        return new string(digits);
    }

    private string New(string prefix, string regionInfix)
    {
        ArgumentException.ThrowIfNullOrEmpty(regionInfix);
        Span<char> body = stackalloc char[BodyLength];
        regionInfix.AsSpan().CopyTo(body);
        for (var i = regionInfix.Length; i < BodyLength; i++)
        {
            body[i] = Alphabet[Next(Alphabet.Length)];
        }

        return prefix + new string(body);
    }

    private int Next(int exclusiveMax) => _random?.Next(exclusiveMax) ?? RandomNumberGenerator.GetInt32(exclusiveMax);
}
