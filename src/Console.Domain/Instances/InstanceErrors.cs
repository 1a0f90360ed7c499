namespace EcsConsole.Domain.Instances;

/// <summary>Instance errors, with ECS's codes (domain-rules §11, §15).</summary>
public static class InstanceErrors
{
    public const string NotFoundCode = "InvalidInstanceId.NotFound";
    public const string IncorrectStatusCode = "IncorrectInstanceStatus";
    public const string NoSystemDiskCode = "InvalidInstance.NotFoundSystemDisk";
    public const string NameMalformedCode = "InvalidInstanceName.Malformed";
    public const string PasswordMalformedCode = "InvalidPassword.Malformed";
    public const string KeyPairNotFoundCode = "InvalidKeyPairName.NotFound";
    public const string PeriodInvalidCode = "InvalidPeriod";
    public const string SystemDiskCategoryCode = "InvalidSystemDiskCategory.ValueNotSupported";
    public const string DataDiskCategoryCode = "InvalidDataDiskCategory.ValueNotSupported";
    public const string DataDiskSizeCode = "InvalidDataDiskSize.ValueNotSupported";
    public const string QuotaCode = "QuotaExceed.ElasticQuota";
    public const string ChargeTypeViolationCode = "ChargeTypeViolation";
    public const string DeletionProtectionCode = "InvalidOperation.DeletionProtection";
    public const string ExpiredOrInArrearsCode = "InstanceExpiredOrInArrears";
    public const string DiskCreatingSnapshotCode = "DiskCreatingSnapshot";
    public const string VSwitchNotFoundCode = "InvalidVSwitchId.NotFound";
    public const string SecurityGroupNotFoundCode = "InvalidSecurityGroupId.NotFound";
    public const string MismatchCode = "InvalidParameter.Mismatch";
    public const string DescriptionMalformedCode = "InvalidDescription.Malformed";
    public const string HostNameMalformedCode = "InvalidHostName.Malformed";
    public const string AutoReleaseTimeCode = "InvalidAutoReleaseTime.Malformed";
    public const string PrivateIpAddressCode = "InvalidPrivateIpAddress";
    public const string PrivateIpAddressTakenCode = "InvalidPrivateIpAddress.Duplicated";

    public static EcsError NotFound(string instanceId) => new(NotFoundCode, 404, $"The specified instance \"{instanceId}\" does not exist.");

    public static EcsError IncorrectStatus(string why) => new(IncorrectStatusCode, 400, why);

    /// <summary>DeleteInstance and ReplaceSystemDisk answer a wrong status with 403.</summary>
    public static EcsError IncorrectStatusForbidden(string why) => new(IncorrectStatusCode, 403, why);

    public static EcsError NoSystemDisk() => new(NoSystemDiskCode, 400, "The instance has no system disk.");

    public static EcsError NameMalformed() => new(NameMalformedCode, 400,
        "The instance name must be 2 to 128 characters, start with a letter and contain only letters, digits, colons (:), underscores (_), periods (.) and hyphens (-).");

    public static EcsError DescriptionMalformed() => new(DescriptionMalformedCode, 400,
        "The description must be 2 to 256 characters and cannot start with http:// or https://.");

    public static EcsError HostNameMalformed(string why) => new(HostNameMalformedCode, 400, why);

    public static EcsError PasswordMalformed(string why) => new(PasswordMalformedCode, 400, why);

    public static EcsError KeyPairNotFound(string name) => new(KeyPairNotFoundCode, 404, $"The key pair \"{name}\" does not exist in this region.");

    public static EcsError PeriodInvalid(int? period) => new(PeriodInvalidCode, 400,
        $"The subscription period {period?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} is not valid: choose 1 to 9, 12, 24, 36, 48 or 60 months.");

    public static EcsError SystemDiskCategory(string why) => new(SystemDiskCategoryCode, 400, why);

    public static EcsError DataDiskCategory(string category) => new(DataDiskCategoryCode, 400, $"The data disk category \"{category}\" is not supported.");

    public static EcsError DataDiskSize(string why) => new(DataDiskSizeCode, 400, why);

    public static EcsError Quota(string what, int used, int asked, int limit) => new(QuotaCode, 403,
        $"The order exceeds your {what} quota in this region: {used} in use + {asked} asked > {limit}. Ask an admin to raise it.");

    public static EcsError ChargeTypeViolation() => ChargeTypeViolation(
        "A subscription instance can be released only after it expires; pay-as-you-go instances can be released at any time.");

    public static EcsError ChargeTypeViolation(string why) => new(ChargeTypeViolationCode, 403, why);

    /// <summary>IPAR-37: CPU options the type cannot give (*Unclear*: ECS's code for a core count outside the type's).</summary>
    public const string CpuOptionsCode = "InvalidCpuOptions.NotSupported";

    public static EcsError CpuOptions(string why) => new(CpuOptionsCode, 400, why);

    /// <summary>IPAR-37: a credit mode for a type that is not burstable (*Unclear*).</summary>
    public const string CreditSpecificationNotSupportedCode = "InvalidCreditSpecification.NotSupported";

    public static EcsError CreditSpecificationNotSupported(string typeId) => new(CreditSpecificationNotSupportedCode, 400,
        $"{typeId} is not a burstable type: only t5 and t6 instances take a CreditSpecification.");

    public static EcsError DeletionProtection() => new(DeletionProtectionCode, 403, "Release protection is on for this instance: turn it off first.");

    public static EcsError ExpiredOrInArrears() => new(ExpiredOrInArrearsCode, 403, "The instance has expired or is in arrears: renew it first.");

    public static EcsError DiskCreatingSnapshot() => new(DiskCreatingSnapshotCode, 403, "A snapshot of the system disk is being created: wait until it finishes.");

    /// <summary>NET-02: a vSwitch that is not one of the account's in the region (<see cref="DefaultNetwork"/>).</summary>
    public static EcsError VSwitchNotFound(string id) => new(VSwitchNotFoundCode, 404, $"The specified VSwitchId \"{id}\" does not exist in our records.");

    /// <summary>NET-02: a security group other than the account's default one.</summary>
    public static EcsError SecurityGroupNotFound(string id) => new(SecurityGroupNotFoundCode, 404, $"The specified SecurityGroupId \"{id}\" does not exist.");

    /// <summary>NET-02: a vSwitch of another zone than the <c>ZoneId</c> given.</summary>
    public static EcsError ZoneMismatch(string vSwitchId, string zoneId) =>
        new(MismatchCode, 400, $"The specified VSwitchId \"{vSwitchId}\" is not in the specified zone \"{zoneId}\".");

    /// <summary>RunInstances' <c>PrivateIpAddress</c> outside the CIDR block of the instance's vSwitch (docs/rules/instance-parameters.md).</summary>
    public static EcsError PrivateIpAddressNotInVSwitch(string address, string cidr) =>
        new(PrivateIpAddressCode, 400, $"The specified private IP address \"{address}\" is not in the CIDR block {cidr} of the vSwitch.");

    /// <summary>RunInstances' <c>PrivateIpAddress</c> that another instance of the account already has.</summary>
    public static EcsError PrivateIpAddressTaken(string address) =>
        new(PrivateIpAddressTakenCode, 400, $"The specified private IP address \"{address}\" is already in use.");

    /// <summary>RunInstances' <c>AutoReleaseTime</c> malformed, sooner than 30 minutes from now or later than 3 years.</summary>
    public static EcsError AutoReleaseTime(string why) => new(AutoReleaseTimeCode, 400, "The specified AutoReleaseTime is not valid: " + why);
}
