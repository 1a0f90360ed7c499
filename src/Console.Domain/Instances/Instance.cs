using EcsConsole.Domain.Tags;

namespace EcsConsole.Domain.Instances;

/// <summary>Instance status as ECS spells it.</summary>
public enum InstanceStatus
{
    Pending,
    Starting,
    Running,
    Stopping,
    Stopped,
}

/// <summary>Billing method: <c>PrePaid</c> (subscription) or <c>PostPaid</c> (pay-as-you-go).</summary>
public enum InstanceChargeType
{
    PrePaid,
    PostPaid,
}

/// <summary>An ECS instance: the image it was launched from, its type, zone and disks.</summary>
public sealed class Instance : AccountResource
{
    public required string ZoneId { get; init; }

    public required string Name { get; set; }

    /// <summary>The description ModifyInstanceAttribute sets (2–256 characters); null when none was given.</summary>
    public string? Description { get; set; }

    /// <summary>The host name ModifyInstanceAttribute sets; null reads as ECS's default, <c>iZ…Z</c> from the instance ID.</summary>
    public string? HostName { get; set; }

    public required string InstanceTypeId { get; init; }

    /// <summary>The image of the current system disk (changes with Replace System Disk).</summary>
    public required string ImageId { get; set; }

    public InstanceStatus Status { get; set; } = InstanceStatus.Running;

    public InstanceChargeType ChargeType { get; init; } = InstanceChargeType.PostPaid;

    /// <summary>Subscription length in months (INS-03); null for pay-as-you-go.</summary>
    public int? PeriodMonths { get; init; }

    /// <summary>The SSH key pair bound at creation (Linux only, CMP-15); null for password or set-later logon.</summary>
    public string? KeyPairName { get; set; }

    /// <summary>Whether a logon password was set (the password itself is never kept).</summary>
    public bool PasswordSet { get; set; }

    /// <summary>Release protection (INS-05): DeleteInstance is refused while set.</summary>
    public bool DeletionProtection { get; set; }

    /// <summary>Subscription end (moved on by auto-renewal, IPAR-37); null for pay-as-you-go.</summary>
    public DateTimeOffset? ExpiredTime { get; set; }

    /// <summary>A subscription's auto-renewal (RunInstances' <c>AutoRenew</c>, <c>AutoRenewPeriod</c>): the months each renewal adds; null when it does not renew.</summary>
    public int? AutoRenewMonths { get; set; }

    /// <summary>The CPU, DNS, clock, security and network options of RunInstances and ModifyInstanceAttribute (IPAR-37), shown by DescribeInstances.</summary>
    public InstanceSettings Settings { get; set; } = new();

    public string? PrivateIpAddress { get; init; }

    public List<Disk> Disks { get; init; } = [];

    /// <summary>The resource group it is in (<see cref="ResourceGroups.ResourceGroupRules"/>); null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }

    /// <summary>The user data given at creation, Base64 as sent (≤ 32 KB decoded); null when none.</summary>
    public string? UserData { get; set; }

    /// <summary>The tags given at creation (<c>Tag.N</c>, ≤ 20, the image tag rules).</summary>
    public List<InstanceTag> Tags { get; set; } = [];

    /// <summary>When a pay-as-you-go instance is to be released (RunInstances' <c>AutoReleaseTime</c>); null when never.</summary>
    public DateTimeOffset? AutoReleaseTime { get; set; }

    /// <summary><c>PayByTraffic</c> or <c>PayByBandwidth</c>; null reads as <c>PayByTraffic</c>.</summary>
    public string? InternetChargeType { get; set; }

    /// <summary>Public bandwidth out, Mbit/s (0–100; 0: no public IP).</summary>
    public int InternetMaxBandwidthOut { get; set; }

    /// <summary>Public bandwidth in, Mbit/s (1–200); null reads as 100.</summary>
    public int? InternetMaxBandwidthIn { get; set; }

    /// <summary><c>SpotWithPriceLimit</c> or <c>SpotAsPriceGo</c> for a preemptible instance; null reads as <c>NoSpot</c>.</summary>
    public string? SpotStrategy { get; set; }

    /// <summary>The highest hourly price of a <c>SpotWithPriceLimit</c> instance; null for none.</summary>
    public decimal? SpotPriceLimit { get; set; }

    /// <summary>A spot instance's protection period in hours (0–6); null for none.</summary>
    public int? SpotDuration { get; set; }

    /// <summary>What a spot instance's interruption does (<c>Terminate</c> or <c>Stop</c>); null reads as <c>Terminate</c>.</summary>
    public string? SpotInterruptionBehavior { get; set; }

    /// <summary>The metadata service: <c>enabled</c> or <c>disabled</c>; null reads as <c>enabled</c>.</summary>
    public string? HttpEndpoint { get; set; }

    /// <summary>The metadata service's tokens: <c>optional</c> or <c>required</c> (security hardening mode); null reads as <c>optional</c>.</summary>
    public string? HttpTokens { get; set; }

    /// <summary>The metadata requests' hop limit (1–64); null reads as 1.</summary>
    public int? HttpPutResponseHopLimit { get; set; }

    /// <summary>How the last stop stopped it: <c>StopCharging</c> (economical mode) or null (<c>KeepCharging</c>).</summary>
    public string? StoppedMode { get; set; }
}

/// <summary>
/// The options of an instance that only DescribeInstances and DescribeInstanceAttribute show (IPAR-37), stored whole as one
/// JSON column; each null or false reads as ECS's default.
/// </summary>
public sealed record InstanceSettings
{
    /// <summary><c>CpuOptions.Core</c>: the physical cores; null: the type's vCPUs over its threads per core.</summary>
    public int? CoreCount { get; init; }

    /// <summary><c>CpuOptions.ThreadsPerCore</c> (1 or 2); null: 2 on a type of several vCPUs, else 1.</summary>
    public int? ThreadsPerCore { get; init; }

    public string? Numa { get; init; }

    /// <summary><c>ContinuousCoreToHyperThread</c> or <c>DiscreteCoreToHyperThread</c>.</summary>
    public string? TopologyType { get; init; }

    /// <summary><c>Enabled</c> or <c>Disabled</c>.</summary>
    public string? NestedVirtualization { get; init; }

    /// <summary>A burstable instance's credit mode: <c>Standard</c> or <c>Unlimited</c>.</summary>
    public string? CreditSpecification { get; init; }

    /// <summary><c>Custom</c> (the default), <c>IpBased</c> or <c>InstanceIdBased</c>.</summary>
    public string? HostnameType { get; init; }

    public bool InstanceIdDnsARecord { get; init; }

    public bool InstanceIdDnsAaaaRecord { get; init; }

    public bool IpDnsARecord { get; init; }

    public bool IpDnsPtrRecord { get; init; }

    /// <summary><c>ClockOptions.PtpStatus</c>: <c>enabled</c> or <c>disabled</c>.</summary>
    public string? PtpStatus { get; init; }

    public bool SecureBoot { get; init; }

    public bool LoginAsNonRoot { get; init; }

    public bool JumboFrame { get; init; }

    public bool NetworkEncryption { get; init; }

    public string? BandwidthWeighting { get; init; }

    /// <summary>ModifyInstanceAttribute's <c>Recyclable</c>, as DescribeInstances' <c>Recyclable</c> shows it.</summary>
    public bool Recyclable { get; init; }

    /// <summary>
    /// IPAR-38: the OS was installed with security hardening (<c>SecurityEnhancementStrategy=Active</c> on a public
    /// image: the Security Center agent); set at each install (RunInstances, CreateInstance, ReplaceSystemDisk, ReInitDisk of the system disk).
    /// </summary>
    public bool SecurityHardening { get; init; }

    /// <summary>IPAR-38: <c>UseAdditionalService</c>, Alibaba Cloud's system configuration (NTP, and KMS or YUM); null reads as true.</summary>
    public bool? AdditionalService { get; init; }

    /// <summary>IPAR-39: <c>NetworkInterfaceQueueNumber</c>, the primary interface's queues; null: the type's default.</summary>
    public int? QueueNumber { get; init; }

    /// <summary>IPAR-40: <c>SecurityOptions.TrustedSystemMode</c> (<c>vTPM</c>); null: none.</summary>
    public string? TrustedSystemMode { get; init; }

    /// <summary>IPAR-40: <c>SecurityOptions.ConfidentialComputingMode</c> (<c>Enclave</c> or <c>TDX</c>); null: none.</summary>
    public string? ConfidentialComputingMode { get; init; }

    /// <summary>IPAR-41: ModifyInstanceAttribute's <c>RemoteConnectionOptions.Type</c> (<c>vnc</c>); null: never set.</summary>
    public string? RemoteConnectionType { get; init; }

    /// <summary>IPAR-41: a remote connection (VNC) password was set by <c>RemoteConnectionOptions.Password</c> (the password itself is never kept).</summary>
    public bool RemoteConnectionPasswordSet { get; init; }
}

/// <summary>A tag on an instance (<c>Tag.N</c> of RunInstances and CreateInstance).</summary>
public sealed class InstanceTag : Tags.IResourceTag
{
    public required string TagKey { get; init; }

    public string TagValue { get; init; } = "";
}

/// <summary>A cloud disk: the system disk or a data disk of an instance, or a detached one.</summary>
public sealed class Disk : AccountResource
{
    public required string ZoneId { get; init; }

    /// <summary>The instance it is attached to; null when detached.</summary>
    public string? InstanceId { get; set; }

    /// <summary><c>system</c> or <c>data</c>.</summary>
    public required string Type { get; init; }

    /// <summary><c>cloud_essd</c>, <c>cloud_efficiency</c>, <c>cloud_ssd</c>, <c>cloud</c>.</summary>
    public required string Category { get; init; }

    public required int SizeGiB { get; init; }

    /// <summary>Its device on the instance (<c>/dev/xvda</c>, <c>/dev/xvdb</c>…); kept, but not shown, while detached.</summary>
    public required string Device { get; set; }

    /// <summary>For a system disk: the image it was created from.</summary>
    public string? ImageId { get; set; }

    public string? SourceSnapshotId { get; init; }

    public bool Encrypted { get; init; }

    public bool DeleteWithInstance { get; set; } = true;

    /// <summary>The name given with CreateDisk (2–128 characters); null when none was.</summary>
    public string? Name { get; set; }

    /// <summary>The description given with CreateDisk (2–256 characters); null when none was.</summary>
    public string? Description { get; set; }

    /// <summary>An ESSD's performance level (<c>PL0</c>–<c>PL3</c>); null reads as <c>PL1</c> for an ESSD, nothing for other categories.</summary>
    public string? PerformanceLevel { get; set; }

    /// <summary>When it was last attached (null: since its creation, with its instance).</summary>
    public DateTimeOffset? AttachedTime { get; set; }

    /// <summary>When it was last detached (null: never).</summary>
    public DateTimeOffset? DetachedTime { get; set; }

    /// <summary>The resource group it is in (<see cref="ResourceGroups.ResourceGroupRules"/>); null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }

    /// <summary>SDP-06: the tags given with CreateDisk's <c>Tag.N</c>.</summary>
    public List<DiskTag> Tags { get; init; } = [];
}

/// <summary>A tag on a disk (the image tag rules, at most 20).</summary>
public sealed class DiskTag : IResourceTag
{
    public required string TagKey { get; init; }

    public string TagValue { get; init; } = "";
}
