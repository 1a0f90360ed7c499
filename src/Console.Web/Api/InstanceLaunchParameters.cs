using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;

namespace EcsConsole.Web.Api;

/// <summary>
/// RunInstances' and CreateInstance's options beyond the order itself (issue #21 part 1; docs/rules/instance-parameters.md):
/// each is honoured (checked for shape and range here, stored by <see cref="InstanceService.RunAsync"/>, shown by
/// DescribeInstances) or, for an object the product does not have (launch templates, deployment sets, dedicated hosts,
/// HPC clusters, RAM roles, storage sets, private pools), refused with ECS's NotFound code.
/// </summary>
internal static class InstanceLaunchParameters
{
    /// <summary>ECS's limit on user data: 32 KB before Base64 encoding.</summary>
    public const int MaxUserDataBytes = 32 * 1024;

    /// <summary>The objects the product does not have: any ID (or name) given is not found.</summary>
    private static readonly (string Parameter, string Code, string What)[] Absent =
    [
        ("LaunchTemplateId", "InvalidLaunchTemplate.NotFound", "launch template"),
        ("LaunchTemplateName", "InvalidLaunchTemplate.NotFound", "launch template"),
        ("DeploymentSetId", "InvalidDeploymentSetId.NotFound", "deployment set"),
        ("DedicatedHostId", "InvalidDedicatedHostId.NotFound", "dedicated host"),
        ("HpcClusterId", "InvalidHpcClusterId.NotFound", "HPC cluster"),
        ("RamRoleName", "InvalidRamRole.NotFound", "RAM role"),
        ("StorageSetId", "InvalidStorageSetId.NotFound", "storage set"),
        ("PrivatePoolOptions.Id", "InvalidPrivatePoolOptions.NotFound", "private pool"),
        ("SchedulerOptions.DedicatedHostClusterId", "InvalidDedicatedHostClusterId.NotFound", "dedicated host cluster"),
        ("ManagedHostId", "InvalidManagedHostId.NotFound", "managed host"),
        ("SystemDisk.StorageClusterId", "InvalidStorageClusterId.NotFound", "dedicated block storage cluster"),
    ];

    /// <summary>
    /// The options of <paramref name="p"/>; <paramref name="single"/> (CreateInstance) reads no RunInstances-only
    /// parameter (<c>HostNames</c>, <c>UniqueSuffix</c>, <c>AutoReleaseTime</c>, <c>MinAmount</c>, the system disk's
    /// encryption and snapshot policy).
    /// </summary>
    public static InstanceLaunchOptions Bind(ApiParameters p, InstanceChargeType chargeType, int amount, bool single)
    {
        foreach (var (parameter, code, what) in Absent)
        {
            if (p.Get(parameter) is { } id)
            {
                p.Fail(ApiErrors.Invalid(code, 404, $"The specified {what} \"{id}\" does not exist."));
            }
        }

        var spot = SpotOptions(p, chargeType);
        var options = new InstanceLaunchOptions
        {
            UserData = UserData(p),
            Tags = TagsOf(p),
            InternetChargeType = p.Get("InternetChargeType") switch
            {
                null => null,
                var type when type is "PayByTraffic" or "PayByBandwidth" => type,
                _ => p.Invalid<string>(ApiErrors.Invalid("InvalidInternetChargeType.ValueNotSupported", 400,
                    "InternetChargeType must be PayByTraffic or PayByBandwidth.")),
            },
            InternetMaxBandwidthOut = Ranged(p, "InternetMaxBandwidthOut", 0, 100, "InvalidInternetMaxBandwidthOut.Malformed") ?? 0,
            InternetMaxBandwidthIn = Ranged(p, "InternetMaxBandwidthIn", 1, 200, "InvalidInternetMaxBandwidthIn.Malformed"),
            SpotStrategy = spot.Strategy,
            SpotPriceLimit = spot.PriceLimit,
            SpotDuration = spot.Duration,
            SpotInterruptionBehavior = spot.InterruptionBehavior,
            HttpEndpoint = OneOf(p, "HttpEndpoint", "InvalidHttpEndpoint.NotSupported", "enabled", "disabled"),
            HttpTokens = OneOf(p, "HttpTokens", "InvalidHttpTokens.NotSupported", "optional", "required"),
            HttpPutResponseHopLimit = Ranged(p, "HttpPutResponseHopLimit", 1, 64, "InvalidHttpPutResponseHopLimit.NotSupported"),
            PrivateIpAddress = PrivateIp(p, amount),
            PasswordInherit = PasswordInherit(p),
            SystemDiskName = SystemDiskName(p),
            SystemDiskDescription = SystemDiskDescription(p),
            SystemDiskPerformanceLevel = SystemDiskLevel(p),
            Settings = Settings(p, new InstanceSettings()),
            AutoRenewMonths = AutoRenew(p),
            SecurityEnhancementStrategy = SecurityEnhancementStrategy(p),
        };
        CreditSpecification(p, p.Get("InstanceType"));
        IoOptimized(p);
        PrivatePoolCriteria(p);
        Placement(p);
        Purchase(p, chargeType, single);
        if (p.Bool("HibernationOptions.Configured") == true)
        {
            p.Fail(ApiErrors.Invalid("InvalidHibernationOptions.NotSupported", 400, "No instance type sold here supports hibernation."));
        }

        if (single)
        {
            return options;
        }

        // The default vSwitches have no IPv6 CIDR block: an IPv6 address cannot be given (ECS: the vSwitch's IPv6 is off).
        if (p.List("Ipv6Address").Count > 0 || p.Int("Ipv6AddressCount", 1) is > 0)
        {
            p.Fail(ApiErrors.Invalid("InvalidVSwitch.Ipv6NotTurnOn", 400, "The vSwitch has no IPv6 CIDR block: it cannot give IPv6 addresses."));
        }

        var hostNames = p.List("HostNames");
        if (hostNames.Count > 0 && (hostNames.Count != amount || p.Get("HostName") is not null))
        {
            p.Fail(CommonErrors.InvalidParameter("HostNames.N", "give one host name per instance (as many as Amount), and no HostName."));
        }

        var encrypted = p.Bool("SystemDisk.Encrypted") ?? false;
        if (p.Get("SystemDisk.KMSKeyId") is { } keyId)
        {
            p.Fail(encrypted ? DiskErrors.KmsKeyNotFound(keyId) : DiskErrors.EncryptedIllegal());
        }

        if (p.Objects("NetworkInterface").Count > 0)
        {
            p.Fail(CommonErrors.InvalidParameter("NetworkInterface.N", "an instance here has its one primary network interface in the vSwitch: no other interface can be given."));
        }

        var minAmount = p.Int("MinAmount", 1, InstanceValidation.MaxAmount);
        if (minAmount > amount)
        {
            p.Fail(CommonErrors.InvalidParameter("MinAmount", "it cannot be more than Amount."));
        }

        return options with
        {
            HostNames = hostNames,
            UniqueSuffix = p.Bool("UniqueSuffix") ?? false,
            AutoReleaseTime = AutoReleaseTime(p, chargeType),
            SystemDiskEncrypted = encrypted,
            SystemDiskAutoSnapshotPolicyId = p.Get("SystemDisk.AutoSnapshotPolicyId"),
            MinAmount = minAmount,
        };
    }

    /// <summary><c>UserData</c> (RunInstances, CreateInstance, ModifyInstanceAttribute): Base64 (<c>InvalidUserData.Base64FormatInvalid</c>) of at most 32 KB (<c>InvalidUserData.SizeExceeded</c>).</summary>
    internal static string? UserData(ApiParameters p)
    {
        if (p.Get("UserData") is not { } text)
        {
            return null;
        }

        var bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var length))
        {
            return p.Invalid<string>(ApiErrors.Invalid("InvalidUserData.Base64FormatInvalid", 400, "UserData must be Base64-encoded."));
        }

        return length > MaxUserDataBytes
            ? p.Invalid<string>(ApiErrors.Invalid("InvalidUserData.SizeExceeded", 400, $"UserData holds at most {MaxUserDataBytes} bytes before encoding."))
            : text;
    }

    /// <summary><c>Tag.N</c>: the image tag rules (≤ 20, key and value shapes, no key twice).</summary>
    private static IReadOnlyList<(string Key, string Value)> TagsOf(ApiParameters p)
    {
        var tags = p.Tags();
        if (ImageValidation.Tags(tags) is { } error)
        {
            p.Fail(error);
        }

        return tags;
    }

    private static (string? Strategy, decimal? PriceLimit, int? Duration, string? InterruptionBehavior) SpotOptions(ApiParameters p, InstanceChargeType chargeType)
    {
        var strategy = SpotStrategy(p);
        decimal? priceLimit = null;
        if (p.Get("SpotPriceLimit") is { } text)
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || price <= 0)
            {
                p.Fail(ApiErrors.Invalid("InvalidSpotPriceLimit", 400, "SpotPriceLimit must be a positive hourly price."));
            }
            else
            {
                priceLimit = price;
            }
        }

        var duration = SpotDuration(p);
        var behavior = OneOf(p, "SpotInterruptionBehavior", "InvalidSpotInterruptionBehavior", "Terminate", "Stop");
        if (strategy is "SpotWithPriceLimit" or "SpotAsPriceGo" && chargeType == InstanceChargeType.PrePaid)
        {
            p.Fail(ApiErrors.Invalid("InvalidSpotPrepaid", 400, "A spot instance is pay-as-you-go: SpotStrategy needs InstanceChargeType=PostPaid."));
        }
        else if (strategy == "SpotWithPriceLimit" && priceLimit is null)
        {
            p.Fail(ApiErrors.Invalid("InvalidSpotPriceLimit", 400, "SpotWithPriceLimit needs SpotPriceLimit."));
        }

        return (strategy, priceLimit, duration, behavior);
    }

    /// <summary>IPAR-06: <c>SpotStrategy</c> is NoSpot, SpotWithPriceLimit or SpotAsPriceGo (<c>InvalidSpotStrategy</c>); also DescribePrice's.</summary>
    internal static string? SpotStrategy(ApiParameters p) =>
        OneOf(p, "SpotStrategy", "InvalidSpotStrategy", "NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo");

    /// <summary>IPAR-06: <c>SpotDuration</c> is 0–6 hours (<c>InvalidSpotDuration</c>); also DescribePrice's and DescribeAvailableResource's.</summary>
    internal static int? SpotDuration(ApiParameters p) => Ranged(p, "SpotDuration", 0, 6, "InvalidSpotDuration");

    /// <summary><c>PrivateIpAddress</c>: a dotted IPv4 address (<c>InvalidPrivateIpAddress.Malformed</c>) for one instance, with its vSwitch named.</summary>
    private static string? PrivateIp(ApiParameters p, int amount)
    {
        if (p.Get("PrivateIpAddress") is not { } address)
        {
            return null;
        }

        if (PrivateAddresses.Parse(address) is null)
        {
            return p.Invalid<string>(ApiErrors.Invalid("InvalidPrivateIpAddress.Malformed", 400, $"The private IP address \"{address}\" is not an IPv4 address."));
        }

        if (p.Get("VSwitchId") is null)
        {
            p.Fail(CommonErrors.MissingParameter("VSwitchId"));
        }
        else if (amount > 1)
        {
            p.Fail(CommonErrors.InvalidParameter("PrivateIpAddress", "one private address is given to one instance: Amount must be 1."));
        }

        return address;
    }

    /// <summary><c>PasswordInherit</c>: the image's preset password, so neither <c>Password</c> nor <c>KeyPairName</c> with it.</summary>
    private static bool PasswordInherit(ApiParameters p)
    {
        var inherit = p.Bool("PasswordInherit") ?? false;
        if (inherit && (p.Get("Password") is not null || p.Get("KeyPairName") is not null))
        {
            p.Fail(ApiErrors.Invalid("InvalidParameter.Conflict", 400, "PasswordInherit keeps the image's password: give no Password or KeyPairName with it."));
        }

        return inherit;
    }

    private static string? SystemDiskName(ApiParameters p)
    {
        var name = p.Get("SystemDisk.DiskName");
        if (DiskService.DiskNameProblem(name) is { } why)
        {
            p.Fail(DiskErrors.NameMalformed(why));
        }

        return name;
    }

    private static string? SystemDiskDescription(ApiParameters p)
    {
        var description = p.Get("SystemDisk.Description");
        if (Domain.Snapshots.SnapshotValidation.Description(description) is { } error)
        {
            p.Fail(error);
        }

        return description;
    }

    /// <summary><c>SystemDisk.PerformanceLevel</c>: PL0–PL3 of an ESSD system disk.</summary>
    private static string? SystemDiskLevel(ApiParameters p)
    {
        if (p.Get("SystemDisk.PerformanceLevel") is not { } level)
        {
            return null;
        }

        var category = p.Get("SystemDisk.Category") ?? "cloud_essd";
        if (category != "cloud_essd" || !DiskService.PerformanceLevels.Contains(level))
        {
            p.Fail(DiskErrors.PerformanceLevel(category != "cloud_essd"
                ? "a performance level is set for an Enterprise SSD (cloud_essd) only."
                : "use PL0, PL1, PL2 or PL3."));
            return null;
        }

        return level;
    }

    /// <summary><c>IoOptimized</c>: every instance type sold here is I/O optimised, so <c>none</c> is refused.</summary>
    private static void IoOptimized(ApiParameters p)
    {
        if (p.Get("IoOptimized") is { } value && value != "optimized")
        {
            p.Fail(ApiErrors.Invalid("InvalidIoOptimizedValue.ValueNotSupported", 400,
                "IoOptimized must be optimized: every instance type sold here is I/O optimised."));
        }
    }

    /// <summary>
    /// The options of IPAR-37 over <paramref name="current"/> (RunInstances, CreateInstance, ModifyInstanceAttribute):
    /// <c>CpuOptions.*</c>, <c>CreditSpecification</c>, <c>PrivateDnsNameOptions.*</c>, <c>ClockOptions.PtpStatus</c>,
    /// <c>SecurityOptions.EnableSecureBoot</c>, <c>ImageOptions.LoginAsNonRoot</c> and <c>NetworkOptions.*</c> (also
    /// ModifyInstanceAttribute's <c>EnableJumboFrame</c>, <c>EnableNetworkEncryption</c>); each checked for its values.
    /// </summary>
    internal static InstanceSettings Settings(ApiParameters p, InstanceSettings current) => current with
    {
        CoreCount = Ranged(p, "CpuOptions.Core", 1, 256, InstanceErrors.CpuOptionsCode) ?? current.CoreCount,
        ThreadsPerCore = Ranged(p, "CpuOptions.ThreadsPerCore", 1, 2, InstanceErrors.CpuOptionsCode) ?? current.ThreadsPerCore,
        Numa = p.Get("CpuOptions.Numa") ?? current.Numa,
        TopologyType = OneOf(p, "CpuOptions.TopologyType", InstanceErrors.CpuOptionsCode, "ContinuousCoreToHyperThread", "DiscreteCoreToHyperThread")
            ?? current.TopologyType,
        NestedVirtualization = OneOf(p, "CpuOptions.NestedVirtualization", InstanceErrors.CpuOptionsCode, "Enabled", "Disabled") ?? current.NestedVirtualization,
        CreditSpecification = OneOf(p, "CreditSpecification", CommonErrors.InvalidParameterCode, "Standard", "Unlimited") ?? current.CreditSpecification,
        HostnameType = OneOf(p, "PrivateDnsNameOptions.HostnameType", CommonErrors.InvalidParameterCode, "Custom", "IpBased", "InstanceIdBased")
            ?? current.HostnameType,
        InstanceIdDnsARecord = p.Bool("PrivateDnsNameOptions.EnableInstanceIdDnsARecord") ?? current.InstanceIdDnsARecord,
        InstanceIdDnsAaaaRecord = p.Bool("PrivateDnsNameOptions.EnableInstanceIdDnsAAAARecord") ?? current.InstanceIdDnsAaaaRecord,
        IpDnsARecord = p.Bool("PrivateDnsNameOptions.EnableIpDnsARecord") ?? current.IpDnsARecord,
        IpDnsPtrRecord = p.Bool("PrivateDnsNameOptions.EnableIpDnsPtrRecord") ?? current.IpDnsPtrRecord,
        PtpStatus = OneOf(p, "ClockOptions.PtpStatus", CommonErrors.InvalidParameterCode, "enabled", "disabled") ?? current.PtpStatus,
        SecureBoot = p.Bool("SecurityOptions.EnableSecureBoot") ?? current.SecureBoot,
        LoginAsNonRoot = p.Bool("ImageOptions.LoginAsNonRoot") ?? current.LoginAsNonRoot,
        JumboFrame = p.Bool("NetworkOptions.EnableJumboFrame") ?? p.Bool("EnableJumboFrame") ?? current.JumboFrame,
        NetworkEncryption = p.Bool("NetworkOptions.EnableNetworkEncryption") ?? p.Bool("EnableNetworkEncryption") ?? current.NetworkEncryption,
        BandwidthWeighting = OneOf(p, "NetworkOptions.BandwidthWeighting", CommonErrors.InvalidParameterCode, "Default", "Vpc-L1", "Vpc-L2", "Ebs-L1", "Ebs-L2")
            ?? current.BandwidthWeighting,
        Recyclable = p.Bool("Recyclable") ?? current.Recyclable,
        AdditionalService = p.Bool("UseAdditionalService") ?? current.AdditionalService,
        QueueNumber = Ranged(p, "NetworkInterfaceQueueNumber", 1, MaxQueueNumber, CommonErrors.InvalidParameterCode) ?? current.QueueNumber,
        TrustedSystemMode = OneOf(p, "SecurityOptions.TrustedSystemMode", CommonErrors.InvalidParameterCode, InstanceSecurityOptions.Vtpm)
            ?? current.TrustedSystemMode,
        ConfidentialComputingMode = OneOf(p, "SecurityOptions.ConfidentialComputingMode", CommonErrors.InvalidParameterCode,
            InstanceSecurityOptions.Enclave, InstanceSecurityOptions.Tdx) ?? current.ConfidentialComputingMode,
    };

    /// <summary>The most queues an interface of any type has (ECS: 64); the type's own figure is checked by the domain (IPAR-39).</summary>
    private const int MaxQueueNumber = 64;

    /// <summary>
    /// IPAR-38: <c>SecurityEnhancementStrategy</c> is <c>Active</c> or <c>Deactive</c> (else <c>InvalidParameter</c>, 400,
    /// *Unclear*); also ReplaceSystemDisk's and ReInitDisk's.
    /// </summary>
    internal static string? SecurityEnhancementStrategy(ApiParameters p) =>
        OneOf(p, "SecurityEnhancementStrategy", CommonErrors.InvalidParameterCode, "Active", "Deactive");

    /// <summary><c>CreditSpecification</c> is for a burstable type (t5, t6) only (<c>InvalidCreditSpecification.NotSupported</c>, 400).</summary>
    internal static void CreditSpecification(ApiParameters p, string? instanceType)
    {
        if (p.Get("CreditSpecification") is not null && instanceType is not null && !InstanceValidation.IsBurstable(instanceType))
        {
            p.Fail(InstanceErrors.CreditSpecificationNotSupported(instanceType));
        }
    }

    /// <summary>
    /// <c>AutoRenew</c> and <c>AutoRenewPeriod</c> (IPAR-37): a subscription renews itself by 1, 2, 3, 6 or 12 months
    /// (<c>InvalidAutoRenewPeriod.ValueNotSupported</c>) when it expires; the default period is one month.
    /// </summary>
    private static int? AutoRenew(ApiParameters p)
    {
        var period = p.Get("AutoRenewPeriod") switch
        {
            null => 1,
            var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var months) && months is 1 or 2 or 3 or 6 or 12 => months,
            _ => p.Invalid<int>(ApiErrors.Invalid("InvalidAutoRenewPeriod.ValueNotSupported", 400, "AutoRenewPeriod must be 1, 2, 3, 6 or 12 months.")),
        };
        return p.Bool("AutoRenew") == true ? period : null;
    }

    /// <summary>
    /// <c>Tenancy</c> and <c>Affinity</c> (IPAR-34): <c>default</c> is the shared hosts every instance here runs on;
    /// <c>host</c> needs a dedicated host, and there is none (<c>OperationDenied.NoDedicatedHost</c>, 403); another value
    /// is <c>InvalidParameter</c>.
    /// </summary>
    private static void Placement(ApiParameters p)
    {
        foreach (var name in new[] { "Tenancy", "Affinity" })
        {
            switch (p.Get(name))
            {
                case null or "default":
                    break;
                case "host":
                    p.Fail(ApiErrors.Invalid("OperationDenied.NoDedicatedHost", 403, $"{name}=host places the instance on a dedicated host, and the account has none."));
                    break;
                default:
                    p.Fail(CommonErrors.InvalidParameter(name, "it must be default or host."));
                    break;
            }
        }
    }

    /// <summary>
    /// The purchase (IPAR-35): <c>PeriodUnit</c> is <c>Month</c> (the default; weekly subscriptions are not sold here,
    /// <c>InvalidPeriodUnit.ValueNotSupported</c>); RunInstances' <c>AutoPay=false</c> leaves a subscription order unpaid,
    /// and the product has no order to pay later (<c>InvalidParameter.AutoPay</c>); for pay-as-you-go there is nothing to pay.
    /// </summary>
    private static void Purchase(ApiParameters p, InstanceChargeType chargeType, bool single)
    {
        switch (p.Get("PeriodUnit"))
        {
            case null or "Month":
                break;
            case "Week":
                p.Fail(ApiErrors.Invalid("InvalidPeriodUnit.ValueNotSupported", 400, "Subscriptions are sold by the month here: PeriodUnit must be Month."));
                break;
            default:
                p.Fail(CommonErrors.InvalidParameter("PeriodUnit", "it must be Week or Month."));
                break;
        }

        if (!single && p.Bool("AutoPay") == false && chargeType == InstanceChargeType.PrePaid)
        {
            p.Fail(ApiErrors.Invalid("InvalidParameter.AutoPay", 400, "An unpaid subscription order cannot be paid later here: AutoPay must be true."));
        }
    }

    /// <summary>
    /// <c>PrivatePoolOptions.MatchCriteria</c>: <c>Open</c> (the default: any open pool, and there is none, so the order
    /// is served from the public pool) or <c>None</c>; <c>Target</c> needs a pool, and there is none.
    /// </summary>
    private static void PrivatePoolCriteria(ApiParameters p)
    {
        switch (p.Get("PrivatePoolOptions.MatchCriteria"))
        {
            case null or "Open" or "None":
                return;
            case "Target":
                p.Fail(CommonErrors.MissingParameter("PrivatePoolOptions.Id"));
                return;
            default:
                p.Fail(CommonErrors.InvalidParameter("PrivatePoolOptions.MatchCriteria", "it must be Open, Target or None."));
                return;
        }
    }

    /// <summary>
    /// <c>AutoReleaseTime</c>: ISO 8601 UTC (<c>yyyy-MM-ddTHH:mm:ssZ</c> or <c>yyyy-MM-ddTHH:mmZ</c>), for a pay-as-you-go
    /// instance; its range (30 minutes to 3 years from now) is checked on the simulated clock by the domain.
    /// </summary>
    private static DateTimeOffset? AutoReleaseTime(ApiParameters p, InstanceChargeType chargeType)
    {
        if (p.Get("AutoReleaseTime") is not { } text)
        {
            return null;
        }

        if (!text.EndsWith('Z') || !ApiTime.TryParse(text, out var time))
        {
            return p.Invalid<DateTimeOffset?>(ApiErrors.Invalid(InstanceErrors.AutoReleaseTimeCode, 400,
                "AutoReleaseTime must be a UTC time such as 2026-12-31T08:00:00Z."));
        }

        if (chargeType == InstanceChargeType.PrePaid)
        {
            p.Fail(ApiErrors.Invalid("InvalidParameter.Conflict", 400, "AutoReleaseTime is for pay-as-you-go instances: a subscription ends when it expires."));
        }

        return time;
    }

    private static string? OneOf(ApiParameters p, string name, string code, params string[] values)
    {
        if (p.Get(name) is not { } value)
        {
            return null;
        }

        return values.Contains(value, StringComparer.Ordinal)
            ? value
            : p.Invalid<string>(ApiErrors.Invalid(code, 400, $"{name} must be {string.Join(", ", values)}."));
    }

    private static int? Ranged(ApiParameters p, string name, int min, int max, string code)
    {
        if (p.Get(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : p.Invalid<int?>(ApiErrors.Invalid(code, 400, $"{name} must be an integer from {min} to {max}."));
    }
}
