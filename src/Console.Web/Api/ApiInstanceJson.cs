using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>
/// An instance as DescribeInstances reports it: every field of the SDK's model (ecs-model-trees.txt) with its JSON type
/// (ADR-021). The product models one network per account and region — a default VPC, a vSwitch per zone and a security
/// group, with IDs derived from them (<see cref="ApiDefaults"/>) — and no public IP, EIP, dedicated host, deployment
/// set, spot or hibernation: those fields hold ECS's empty values or defaults.
/// </summary>
internal static class ApiInstanceJson
{
    /// <summary>
    /// What DescribeInstances answers only when asked (IPAR-33): <see cref="MetadataOptions"/> (<c>AdditionalAttributes</c>
    /// <c>META_OPTIONS</c>), the primary interface's <see cref="PrimaryEniIps"/> (<c>NETWORK_PRIMARY_ENI_IP</c>) and the
    /// <see cref="SaleCycle"/> of a subscription (<c>NeedSaleCycle</c>); otherwise those fields hold their empty values.
    /// </summary>
    public sealed record Extras(bool MetadataOptions, bool PrimaryEniIps, bool SaleCycle);

    public static object Instance(InstanceListItem i, Region region, string accountId, Extras extras)
    {
        var privateIp = PrivateIp(i);
        var hostName = HostName(i);
        var threadsPerCore = i.Settings.ThreadsPerCore ?? (i.Vcpu > 1 ? 2 : 1);
        return new
        {
            InstanceId = i.Id,
            InstanceName = i.Name,
            Status = i.Status.ToString(),
            i.ImageId,
            InstanceType = i.InstanceTypeId,
            InstanceTypeFamily = Family(i.InstanceTypeId),
            Cpu = i.Vcpu,
            Memory = (int)(i.MemoryGiB * 1024),
            i.ZoneId,
            RegionId = region.Id,
            CreationTime = ApiTime.Format(i.CreationTime),
            ExpiredTime = ApiTime.Format(i.ExpiredTime) ?? "2099-12-31T15:59Z",
            InstanceChargeType = i.ChargeType.ToString(),
            InstanceNetworkType = "vpc",
            IoOptimized = true,
            OperationLocks = new { LockReason = Array.Empty<object>() },
            Tags = new { Tag = i.Tags.Select(t => new { t.TagKey, t.TagValue }).ToList() },

            Description = i.Description ?? "",
            HostName = hostName,
            OSName = i.OsName ?? "",
            OSNameEn = i.OsName ?? "",
            OSType = i.OsType?.ToEcs() ?? "",
            KeyPairName = i.KeyPairName ?? "",
            i.DeletionProtection,
            // The last start; the product keeps only the creation time.
            StartTime = ApiTime.Format(i.CreationTime),
            AutoReleaseTime = ApiTime.Format(i.AutoReleaseTime) ?? "",
            StoppedMode = StoppedMode(i),
            SaleCycle = extras.SaleCycle && i.ChargeType == InstanceChargeType.PrePaid ? "Month" : "",
            SerialNumber = ApiDefaults.Guid(i.Id),
            ResourceGroupId = EcsConsole.Domain.ResourceGroups.ResourceGroupRules.Effective(i.ResourceGroupId, accountId) ?? "",
            i.Settings.Recyclable,
            DeviceAvailable = true,
            CreditSpecification = i.Settings.CreditSpecification ?? "",
            GPUAmount = 0,
            GPUSpec = "",
            LocalStorageAmount = 0,
            LocalStorageCapacity = 0,
            EnableNVS = false,
            VlanId = "",
            ClusterId = "",
            HpcClusterId = "",
            ISP = "",
            DeploymentSetId = "",
            DeploymentSetGroupNo = 0,

            // Network: the account's default VPC in the region, its vSwitch in the zone, one primary interface.
            VpcAttributes = new
            {
                VpcId = DefaultNetwork.VpcId(accountId, region.Id, region.Infix),
                VSwitchId = DefaultNetwork.VSwitchId(accountId, i.ZoneId, region.Infix),
                PrivateIpAddress = new { IpAddress = new[] { privateIp } },
                NatIpAddress = "",
            },
            SecurityGroupIds = new { SecurityGroupId = new[] { DefaultNetwork.SecurityGroupId(accountId, region.Id, region.Infix) } },
            NetworkInterfaces = new
            {
                NetworkInterface = new[]
                {
                    new
                    {
                        NetworkInterfaceId = ApiDefaults.Id("eni-", region.Infix, i.Id),
                        Type = "Primary",
                        MacAddress = ApiDefaults.Mac(i.Id),
                        PrimaryIpAddress = privateIp,
                        PrivateIpSets = new
                        {
                            PrivateIpSet = extras.PrimaryEniIps ? new[] { new { PrivateIpAddress = privateIp, Primary = true, PrivateDnsName = hostName } } : [],
                        },
                        Ipv6Sets = new { Ipv6Set = Array.Empty<object>() },
                        Ipv4PrefixSets = new { Ipv4PrefixSet = Array.Empty<object>() },
                        Ipv6PrefixSets = new { Ipv6PrefixSet = Array.Empty<object>() },
                    },
                },
            },
            InnerIpAddress = new { IpAddress = Array.Empty<string>() },
            PublicIpAddress = new { IpAddress = Array.Empty<string>() },
            RdmaIpAddress = new { IpAddress = Array.Empty<string>() },
            EipAddress = new { AllocationId = "", IpAddress = "", Bandwidth = 0, InternetChargeType = "", IsSupportUnassociate = false },
            InternetChargeType = i.InternetChargeType ?? "PayByTraffic",
            InternetMaxBandwidthIn = i.InternetMaxBandwidthIn ?? 100,
            i.InternetMaxBandwidthOut,
            PrivateDnsNameOptions = new
            {
                HostnameType = i.Settings.HostnameType ?? "Custom",
                EnableInstanceIdDnsARecord = i.Settings.InstanceIdDnsARecord,
                EnableInstanceIdDnsAAAARecord = i.Settings.InstanceIdDnsAaaaRecord,
                EnableIpDnsARecord = i.Settings.IpDnsARecord,
                EnableIpDnsPtrRecord = i.Settings.IpDnsPtrRecord,
            },

            CpuOptions = new
            {
                CoreCount = i.Settings.CoreCount ?? Math.Max(1, i.Vcpu / threadsPerCore),
                ThreadsPerCore = threadsPerCore,
                Numa = i.Settings.Numa ?? "",
                TopologyType = i.Settings.TopologyType ?? "",
                TurboMode = "",
                NestedVirtualization = i.Settings.NestedVirtualization ?? "",
                EnableVISST = false,
                EnableVRDT = false,
            },
            MetadataOptions = extras.MetadataOptions
                ? new
                {
                    HttpEndpoint = i.HttpEndpoint ?? "enabled",
                    HttpTokens = i.HttpTokens ?? "optional",
                    HttpPutResponseHopLimit = i.HttpPutResponseHopLimit ?? 1,
                    InstanceMetadataTags = "disabled",
                }
                : new { HttpEndpoint = "", HttpTokens = "", HttpPutResponseHopLimit = 0, InstanceMetadataTags = "" },
            ImageOptions = new { CurrentOSNVMeSupported = i.ImageNvmeSupport, i.Settings.LoginAsNonRoot },
            SecurityOptions = new { EnableSecureBoot = i.Settings.SecureBoot },
            HibernationOptions = new { Configured = false },
            ClockOptions = new { PtpStatus = i.Settings.PtpStatus ?? "" },
            AdditionalInfo = new { EnableHighDensityMode = false, ManagedHostId = "", NodeSerialNumber = "" },
            DedicatedHostAttribute = new { DedicatedHostId = "", DedicatedHostName = "", DedicatedHostClusterId = "" },
            DedicatedInstanceAttribute = new { Tenancy = "", Affinity = "" },
            EcsCapacityReservationAttr = new { CapacityReservationId = "", CapacityReservationPreference = "" },
            SpotStrategy = i.SpotStrategy ?? "NoSpot",
            SpotPriceLimit = (double)(i.SpotPriceLimit ?? 0m),
            SpotDuration = i.SpotDuration ?? 0,
            SpotInterruptionBehavior = i.SpotInterruptionBehavior ?? "Terminate",
        };
    }

    /// <summary>
    /// How a Stopped instance stopped: <c>StopCharging</c> (economical mode, StopInstance's <c>StoppedMode</c>) or
    /// <c>KeepCharging</c>; <c>Not-applicable</c> while it is not Stopped.
    /// </summary>
    public static string StoppedMode(InstanceListItem i) =>
        i.Status != InstanceStatus.Stopped ? "Not-applicable" : i.StoppedMode ?? "KeepCharging";

    /// <summary>The host name set, else ECS's default: <c>iZ</c>, the instance ID without its <c>i-</c>, <c>Z</c>.</summary>
    public static string HostName(InstanceListItem i) =>
        i.HostName ?? "iZ" + (i.Id.StartsWith("i-", StringComparison.Ordinal) ? i.Id[2..] : i.Id) + "Z";

    /// <summary>The instance's private address in its vSwitch.</summary>
    public static string PrivateIp(InstanceListItem i) => i.PrivateIpAddress ?? ApiDefaults.PrivateIp(i.Id);

    public static string Family(string instanceTypeId) =>
        instanceTypeId.LastIndexOf('.') is var dot and > 0 ? instanceTypeId[..dot] : instanceTypeId;
}
