using System.Text.RegularExpressions;
using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Instances;

/// <summary>Validation of what an order or a replacement asks for: names, passwords (VAL-PASS-01), periods, disks.</summary>
public static partial class InstanceValidation
{
    public const int MaxAmount = 100;
    public const int MaxDataDisks = 16;
    public const int MinDataDiskGiB = 20;
    public const int MaxDataDiskGiB = 32768;

    /// <summary>The longest host name ECS takes (a Linux one: 2–64 characters).</summary>
    public const int MaxHostNameLength = 64;

    /// <summary>Subscription periods in months (INS-03).</summary>
    public static IReadOnlyList<int> Periods { get; } = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60];

    private const string PasswordSpecials = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/";

    public static EcsError? Amount(int amount) =>
        amount is < 1 or > MaxAmount ? CommonErrors.InvalidParameter("Amount", $"an order creates 1 to {MaxAmount} instances; {amount} was asked for.") : null;

    public static EcsError? Period(InstanceChargeType chargeType, int? periodMonths) =>
        chargeType == InstanceChargeType.PrePaid && (periodMonths is not { } p || !Periods.Contains(p)) ? InstanceErrors.PeriodInvalid(periodMonths) : null;

    /// <summary>Empty is allowed (the instance ID becomes the name).</summary>
    public static EcsError? Name(string? name) =>
        string.IsNullOrEmpty(name) || NamePattern().IsMatch(name) && !name.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? null
            : InstanceErrors.NameMalformed();

    /// <summary>A description: empty (none), or 2–256 characters not starting with <c>http://</c> or <c>https://</c>.</summary>
    public static EcsError? Description(string? description) =>
        string.IsNullOrEmpty(description)
        || description.Length is >= 2 and <= 256 && !description.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !description.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? null
            : InstanceErrors.DescriptionMalformed();

    /// <summary>
    /// A host name as ECS takes it: never starting or ending with a period or a hyphen, nor two of them in a row; on
    /// Windows 2–15 letters, digits and hyphens, not only digits; elsewhere 2–64 characters, period-separated
    /// segments of letters, digits and hyphens.
    /// </summary>
    public static EcsError? HostName(string? hostName, OsType osType)
    {
        if (string.IsNullOrEmpty(hostName))
        {
            return null;
        }

        if (hostName[0] is '.' or '-' || hostName[^1] is '.' or '-' || hostName.Contains("..", StringComparison.Ordinal)
            || hostName.Contains("--", StringComparison.Ordinal) || hostName.Contains(".-", StringComparison.Ordinal) || hostName.Contains("-.", StringComparison.Ordinal))
        {
            return InstanceErrors.HostNameMalformed("A host name cannot start or end with a period (.) or a hyphen (-), nor hold two of them in a row.");
        }

        if (osType == OsType.Windows)
        {
            return hostName.Length is >= 2 and <= 15 && hostName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && !hostName.All(char.IsAsciiDigit)
                ? null
                : InstanceErrors.HostNameMalformed("A Windows host name is 2 to 15 letters, digits and hyphens (-), and not only digits.");
        }

        return hostName.Length >= 2 && hostName.Length <= MaxHostNameLength && hostName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? null
            : InstanceErrors.HostNameMalformed($"A host name is 2 to {MaxHostNameLength} letters, digits, hyphens (-) and periods (.).");
    }

    /// <summary>VAL-PASS-01: 8–30 characters, three of upper/lower/digit/special, specials from the allowed set, Windows not starting with <c>/</c>.</summary>
    public static EcsError? Password(string? password, OsType osType)
    {
        if (password is null)
        {
            return null;
        }

        if (password.Length is < 8 or > 30)
        {
            return InstanceErrors.PasswordMalformed("The password must be 8 to 30 characters long.");
        }

        if (password.Any(c => !char.IsAsciiLetterOrDigit(c) && !PasswordSpecials.Contains(c, StringComparison.Ordinal)))
        {
            return InstanceErrors.PasswordMalformed($"The password may contain letters, digits and these special characters only: {PasswordSpecials}");
        }

        var classes = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0) + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => PasswordSpecials.Contains(c, StringComparison.Ordinal)) ? 1 : 0);
        if (classes < 3)
        {
            return InstanceErrors.PasswordMalformed("The password must contain at least three of: uppercase letters, lowercase letters, digits, special characters.");
        }

        return osType == OsType.Windows && password.StartsWith('/')
            ? InstanceErrors.PasswordMalformed("A Windows password cannot start with a forward slash (/).")
            : null;
    }

    public static EcsError? SystemDiskCategory(string category, bool nvmeOnlyType) =>
        !InstancePricing.DiskCategories.Contains(category)
            ? InstanceErrors.SystemDiskCategory($"The system disk category \"{category}\" is not supported: use cloud_essd, cloud_ssd or cloud_efficiency.")
            : nvmeOnlyType && category != "cloud_essd"
                ? InstanceErrors.SystemDiskCategory("This instance type attaches disks over NVMe and supports Enterprise SSDs (cloud_essd) only.")
                : null;

    public static EcsError? DataDisks(IReadOnlyList<DiskSpec> disks, IReadOnlyDictionary<string, int> snapshotSizes)
    {
        if (disks.Count > MaxDataDisks)
        {
            return InstanceErrors.DataDiskSize($"An instance can have at most {MaxDataDisks} data disks.");
        }

        foreach (var disk in disks)
        {
            if (!InstancePricing.DiskCategories.Contains(disk.Category))
            {
                return InstanceErrors.DataDiskCategory(disk.Category);
            }

            if (disk.SizeGiB is < MinDataDiskGiB or > MaxDataDiskGiB)
            {
                return InstanceErrors.DataDiskSize($"A data disk must be {MinDataDiskGiB} to {MaxDataDiskGiB} GiB; {disk.SizeGiB} GiB was asked for.");
            }

            if (disk.SnapshotId is { } snapshot && snapshotSizes.TryGetValue(snapshot, out var minimum) && disk.SizeGiB < minimum)
            {
                return InstanceErrors.DataDiskSize($"The data disk from snapshot {snapshot} must be at least its {minimum} GiB (CMP-14: it can grow, not shrink).");
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{Nd}:_.\-]{1,127}$")]
    private static partial Regex NamePattern();

    /// <summary>The burstable families (t5, t6): only they take a <c>CreditSpecification</c> (IPAR-37).</summary>
    public static bool IsBurstable(string instanceTypeId) =>
        instanceTypeId.StartsWith("ecs.t5-", StringComparison.Ordinal) || instanceTypeId.StartsWith("ecs.t6-", StringComparison.Ordinal)
        || instanceTypeId.StartsWith("ecs.t5.", StringComparison.Ordinal) || instanceTypeId.StartsWith("ecs.t6.", StringComparison.Ordinal);
}
