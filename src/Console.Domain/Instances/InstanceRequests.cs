namespace EcsConsole.Domain.Instances;

/// <summary>An order of the buy page or RunInstances (domain-rules §11, BUY-01…05).</summary>
public sealed record RunInstancesRequest
{
    public required string RegionId { get; init; }

    /// <summary>Null: the first zone of the region that sells the type.</summary>
    public string? ZoneId { get; init; }

    public required string InstanceTypeId { get; init; }

    public required string ImageId { get; init; }

    public InstanceChargeType ChargeType { get; init; } = InstanceChargeType.PostPaid;

    /// <summary>Months, for a subscription.</summary>
    public int? PeriodMonths { get; init; }

    public string SystemDiskCategory { get; init; } = "cloud_essd";

    /// <summary>Null: the default for the image (CMP-10).</summary>
    public int? SystemDiskSizeGiB { get; init; }

    /// <summary>Null: one data disk per data-disk snapshot of the image, at the snapshot's size (CMP-14).</summary>
    public IReadOnlyList<DiskSpec>? DataDisks { get; init; }

    public int Amount { get; init; } = 1;

    /// <summary>Empty: the instance ID. With several instances a suffix 001, 002… is appended.</summary>
    public string? InstanceName { get; init; }

    public string? Password { get; init; }

    public string? KeyPairName { get; init; }

    /// <summary>The account's vSwitch of a zone (<see cref="DefaultNetwork"/>): it picks the zone when none is given.</summary>
    public string? VSwitchId { get; init; }

    /// <summary>Security groups (SecurityGroupId, SecurityGroupIds.N): only the account's default one exists.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>The resource group of the instances and their disks, else the account's default (<c>InvalidResourceGroup.NotFound</c>).</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>
    /// False for CreateInstance (INS-10), the older single-instance create: the instance is made Stopped and not started, and the
    /// order is audited as CreateInstance.
    /// </summary>
    public bool Start { get; init; } = true;

    /// <summary>The description (2–256 characters; CreateInstance).</summary>
    public string? Description { get; init; }

    /// <summary>The host name (<see cref="InstanceValidation.HostName"/>; CreateInstance).</summary>
    public string? HostName { get; init; }

    /// <summary>Release protection from the start.</summary>
    public bool DeletionProtection { get; init; }

    /// <summary>The options of issue #21 (user data, tags, bandwidth, spot, metadata, system disk attributes…), checked for shape by the API.</summary>
    public InstanceLaunchOptions Options { get; init; } = new();
}

/// <summary>
/// What RunInstances and CreateInstance set beyond the order itself (docs/rules/instance-parameters.md): the API checks
/// each value's shape and range; <see cref="InstanceService.RunAsync"/> checks what needs the world (the vSwitch's CIDR,
/// the snapshot policy) and stores them.
/// </summary>
public sealed record InstanceLaunchOptions
{
    public string? UserData { get; init; }

    public IReadOnlyList<(string Key, string Value)> Tags { get; init; } = [];

    /// <summary>One host name per instance (RunInstances' <c>HostNames.N</c>), in order; empty: <see cref="RunInstancesRequest.HostName"/> for all.</summary>
    public IReadOnlyList<string> HostNames { get; init; } = [];

    /// <summary>With several instances, <c>001</c>, <c>002</c>… appended to the host name as to the name.</summary>
    public bool UniqueSuffix { get; init; }

    public DateTimeOffset? AutoReleaseTime { get; init; }

    public string? InternetChargeType { get; init; }

    public int InternetMaxBandwidthOut { get; init; }

    public int? InternetMaxBandwidthIn { get; init; }

    public string? SpotStrategy { get; init; }

    public decimal? SpotPriceLimit { get; init; }

    public int? SpotDuration { get; init; }

    public string? SpotInterruptionBehavior { get; init; }

    public string? HttpEndpoint { get; init; }

    public string? HttpTokens { get; init; }

    public int? HttpPutResponseHopLimit { get; init; }

    /// <summary>The private address of the one instance ordered: in the vSwitch's CIDR and not taken.</summary>
    public string? PrivateIpAddress { get; init; }

    /// <summary>The image's preset password is kept (no Password nor KeyPairName is given).</summary>
    public bool PasswordInherit { get; init; }

    public string? SystemDiskName { get; init; }

    public string? SystemDiskDescription { get; init; }

    /// <summary>An ESSD system disk's level (PL0–PL3); null: PL1.</summary>
    public string? SystemDiskPerformanceLevel { get; init; }

    public bool SystemDiskEncrypted { get; init; }

    /// <summary>RunInstances' <c>MinAmount</c>: when the quotas leave room for fewer than the amount, as many as fit if at least this many.</summary>
    public int? MinAmount { get; init; }

    /// <summary>A policy of the account in the region, applied to each new system disk.</summary>
    public string? SystemDiskAutoSnapshotPolicyId { get; init; }

    /// <summary>The CPU, DNS, clock, security and network options (IPAR-37); the CPU ones are checked against the type.</summary>
    public InstanceSettings Settings { get; init; } = new();

    /// <summary>A subscription's auto-renewal period in months; null: no auto-renewal.</summary>
    public int? AutoRenewMonths { get; init; }

    /// <summary>IPAR-38: <c>SecurityEnhancementStrategy</c> (<c>Active</c> or <c>Deactive</c>); null: none asked.</summary>
    public string? SecurityEnhancementStrategy { get; init; }
}

/// <summary>ReplaceSystemDisk (INS-06/07).</summary>
public sealed record ReplaceSystemDiskRequest
{
    public required string RegionId { get; init; }

    public required string InstanceId { get; init; }

    public required string ImageId { get; init; }

    /// <summary>Null: the larger of the current size and the image's minimum.</summary>
    public int? SystemDiskSizeGiB { get; init; }

    public string? Password { get; init; }

    public string? KeyPairName { get; init; }

    /// <summary>The system disk being replaced, when the caller names it (<c>DiskId</c>): it must be the instance's.</summary>
    public string? DiskId { get; init; }

    /// <summary>The image's preset password is kept (IPAR-09, IPAR-36).</summary>
    public bool PasswordInherit { get; init; }

    /// <summary>The new system disk is encrypted (with the service key).</summary>
    public bool Encrypted { get; init; }

    /// <summary>IPAR-38: <c>SecurityEnhancementStrategy</c> of the new OS (<c>Active</c> or <c>Deactive</c>); null: none asked.</summary>
    public string? SecurityEnhancementStrategy { get; init; }

    /// <summary>IPAR-38: <c>UseAdditionalService</c> for the new OS; null: unchanged.</summary>
    public bool? UseAdditionalService { get; init; }

    /// <summary>IPAR-42: with <see cref="DiskId"/>, the new OS's architecture and platform must be the image's.</summary>
    public string? Architecture { get; init; }

    public string? Platform { get; init; }
}

/// <summary>What ReplaceSystemDisk made: the new system disk.</summary>
public sealed record ReplacedSystemDisk(string InstanceId, string DiskId, string ImageId);

/// <summary>
/// How DeleteInstance releases (INS-05, IPAR-31/32): <see cref="Force"/> a Running instance too; <see cref="ForceStop"/>
/// (ECS's default) cuts its power at once, else it is stopped normally first; <see cref="TerminateSubscription"/> lets an
/// expired subscription go (the API's default is false; the console's release says true).
/// </summary>
public sealed record InstanceRelease(bool Force, bool ForceStop = true, bool TerminateSubscription = true);
