using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Instances;

/// <summary>
/// The catalogue's security capabilities by instance family (docs/rules/instance-parameters.md IPAR-38…40): which families
/// offer a vTPM (trusted systems), an enclave or Intel TDX (confidential computing), and the security hardening of a
/// fresh OS install. The families are the ECS instance family docs' (*Unclear* beyond the ones sold here).
/// </summary>
public static class InstanceSecurityOptions
{
    public const string Vtpm = "vTPM";

    public const string Enclave = "Enclave";

    public const string Tdx = "TDX";

    public const string NotSupportedCode = "InvalidSecurityOptions.NotSupported";

    /// <summary>The security-enhanced families (trusted computing: vTPM).</summary>
    private static readonly string[] VtpmFamilies = ["ecs.g6t", "ecs.c6t", "ecs.g7t", "ecs.c7t", "ecs.r7t"];

    /// <summary>The security-enhanced families of the 7th generation (Intel SGX enclaves).</summary>
    private static readonly string[] EnclaveFamilies = ["ecs.g7t", "ecs.c7t", "ecs.r7t"];

    /// <summary>The 8th generation Intel families that run TDX confidential instances.</summary>
    private static readonly string[] TdxFamilies = ["ecs.g8i"];

    public static string FamilyOf(string instanceTypeId) =>
        instanceTypeId.LastIndexOf('.') is var dot and > 0 ? instanceTypeId[..dot] : instanceTypeId;

    /// <summary>Whether the type offers a trusted system mode (<c>vTPM</c>).</summary>
    public static bool SupportsTrustedSystem(string instanceTypeId) => VtpmFamilies.Contains(FamilyOf(instanceTypeId));

    /// <summary>Whether the type offers the confidential computing mode (<c>Enclave</c> or <c>TDX</c>).</summary>
    public static bool SupportsConfidentialComputing(string instanceTypeId, string mode) =>
        (mode == Enclave ? EnclaveFamilies : mode == Tdx ? TdxFamilies : []).Contains(FamilyOf(instanceTypeId));

    /// <summary>IPAR-40: the security options <paramref name="settings"/> asks of <paramref name="instanceTypeId"/>, or why it cannot have them.</summary>
    public static EcsError? Error(InstanceSettings settings, string instanceTypeId)
    {
        if (settings.TrustedSystemMode is { } trusted && !SupportsTrustedSystem(instanceTypeId))
        {
            return new EcsError(NotSupportedCode, 400, $"The instance type {instanceTypeId} has no {trusted}: trusted systems run on the security-enhanced families (g6t, c6t, g7t, c7t, r7t).");
        }

        if (settings.ConfidentialComputingMode is { } mode && !SupportsConfidentialComputing(instanceTypeId, mode))
        {
            return new EcsError(NotSupportedCode, 400, mode == Tdx
                ? $"The instance type {instanceTypeId} cannot run TDX confidential instances: g8i can."
                : $"The instance type {instanceTypeId} has no enclave: the g7t, c7t and r7t families have.");
        }

        return null;
    }

    /// <summary>
    /// IPAR-38: security hardening is installed only with <c>Active</c> on a public image (the API reference: "applicable
    /// only to public images"); on a custom, shared or Marketplace image it is skipped.
    /// </summary>
    public static bool Hardened(string? strategy, ImageKind imageKind) => strategy == "Active" && imageKind == ImageKind.Public;

    /// <summary>IPAR-39: the primary interface's queues cannot exceed the type's queues per interface.</summary>
    public static EcsError? QueueNumberError(int? queues, string instanceTypeId, int maximumPerEni) =>
        queues is { } n && n > maximumPerEni
            ? new EcsError("InvalidOperation.ExceedInstanceTypeQueueNumber", 403,
                $"NetworkInterfaceQueueNumber {n} is more than the {maximumPerEni} queues an interface of {instanceTypeId} has.")
            : null;
}
