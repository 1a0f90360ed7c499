using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.ResourceGroups;

namespace EcsConsole.Web.Api;

/// <summary>Instances (ecs-openapi §2.18–2.20): listing, RunInstances, start, stop, release and ReplaceSystemDisk.</summary>
internal static class InstanceActions
{
    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("DescribeInstances", BindDescribeInstances, DescribeInstancesAsync),
        EcsAction.InRegion("RunInstances", BindRunInstances, RunInstancesAsync, changing: true).WithClientToken(),
        OnInstance("StartInstance", _ => true, (call, regionId, id, _) => call.Service<InstanceService>().StartAsync(call.Actor, regionId, id, call.Ct)),
        OnInstance("StopInstance", BindStop, (call, regionId, id, stop) => call.Service<InstanceService>().StopAsync(call.Actor, regionId, id, stop.StopCharging, stop.ForceStop, call.Ct)),
        OnInstance("DeleteInstance", BindRelease,
            (call, regionId, id, release) => call.Service<InstanceService>().ReleaseAsync(call.Actor, regionId, id, release, call.Ct)),
        EcsAction.Global("ReplaceSystemDisk", BindReplaceSystemDisk, ReplaceSystemDiskAsync, changing: true).WithClientToken(),
    ];

    /// <summary>
    /// StopInstance: <c>StoppedMode</c> (<see cref="InstanceLifecycleActions.StoppedMode"/>) and <c>ForceStop</c> (IPAR-30:
    /// Stopped at once); <c>Hibernate=true</c> needs an instance made with hibernation configured, and none is
    /// (<c>HibernationOptions.Configured</c> is refused).
    /// </summary>
    private static (bool StopCharging, bool ForceStop) BindStop(ApiParameters p)
    {
        if (p.Bool("Hibernate") == true)
        {
            p.Fail(ApiErrors.Invalid("InvalidParameter.Hibernate", 400, "The instance was not made with hibernation configured: it cannot hibernate."));
        }

        return (InstanceLifecycleActions.StoppedMode(p), p.Bool("ForceStop") ?? false);
    }

    /// <summary>
    /// DeleteInstance and DeleteInstances (IPAR-31/32): <c>Force</c> (a Running instance too), <c>ForceStop</c> (ECS's
    /// default true: at once; false: stopped normally, then released) and <c>TerminateSubscription</c> (an expired
    /// subscription; default false).
    /// </summary>
    internal static InstanceRelease BindRelease(ApiParameters p) =>
        new(p.Bool("Force") ?? false, p.Bool("ForceStop") ?? true, p.Bool("TerminateSubscription") ?? false);

    /// <summary>The values of DescribeInstances' <c>AdditionalAttributes.N</c> (IPAR-33).</summary>
    private static readonly string[] AdditionalAttributes = ["META_OPTIONS", "DDH_CLUSTER", "NETWORK_PRIMARY_ENI_IP"];

    private static (IReadOnlyList<string> Ids, string? Status, ApiPaging Paging, ApiInstanceJson.Extras Extras) BindDescribeInstances(ApiParameters p)
    {
        var ids = p.JsonList("InstanceIds");
        var status = p.Get("Status");
        if (status is not null && !Enum.TryParse<InstanceStatus>(status, ignoreCase: false, out _))
        {
            p.Fail(ApiErrors.Invalid("InvalidStatus.NotFound", 404, "Status must be Pending, Starting, Running, Stopping or Stopped."));
        }

        var additional = p.List("AdditionalAttributes");
        if (additional.FirstOrDefault(a => !AdditionalAttributes.Contains(a, StringComparer.Ordinal)) is { } unknown)
        {
            p.Fail(CommonErrors.InvalidParameter("AdditionalAttributes.N", $"\"{unknown}\" is not one of {string.Join(", ", AdditionalAttributes)}."));
        }

        var extras = new ApiInstanceJson.Extras(additional.Contains("META_OPTIONS"), additional.Contains("NETWORK_PRIMARY_ENI_IP"), p.Bool("NeedSaleCycle") ?? false);
        return (ids, status, ApiPaging.Read(p, PagingStyle.PagesOrTokens), extras);
    }

    private static async Task<ApiReply> DescribeInstancesAsync(ApiCall call, Region region,
        (IReadOnlyList<string> Ids, string? Status, ApiPaging Paging, ApiInstanceJson.Extras Extras) f)
    {
        var groups = await call.Service<ResourceGroupService>().FilterAsync(call.Actor, call.P.Get("ResourceGroupId"), call.Ct);
        var account = call.Actor.AccountId ?? "";
        var privateIps = call.P.JsonList("PrivateIpAddresses");
        var noAddressOfThoseKinds = new[] { "EipAddresses", "PublicIpAddresses", "InnerIpAddresses", "RdmaIpAddresses", "Ipv6Address" }
            .All(name => call.P.JsonList(name).Count == 0) && call.P.Get("LockReason") is null;
        var (createdFrom, createdTo) = ApiFilters.CreationWindow(call.P, "CreationStartTime or CreationEndTime");
        var instances = (await call.Service<InstanceQueryService>().ListAsync(call.Actor, region.Id, call.Ct))
            .Where(i => ResourceGroupRules.Keeps(groups, i.ResourceGroupId))
            .Where(i => f.Ids.Count == 0 || f.Ids.Contains(i.Id))
            .WhereParameter(call.P, "ImageId", i => i.ImageId)
            .Where(i => f.Status is null || i.Status.ToString() == f.Status)
            .WhereParameter(call.P, "InstanceType", i => i.InstanceTypeId)
            .WhereParameter(call.P, "InstanceTypeFamily", i => ApiInstanceJson.Family(i.InstanceTypeId))
            .WhereParameter(call.P, "ZoneId", i => i.ZoneId)
            .WhereParameter(call.P, "InstanceName", i => i.Name)
            .WhereParameter(call.P, "KeyPairName", i => i.KeyPairName)
            .WhereParameter(call.P, "InstanceChargeType", i => i.ChargeType.ToString())
            .WhereParameter(call.P, "InstanceNetworkType", _ => "vpc")
            .WhereParameter(call.P, "InternetChargeType", i => i.InternetChargeType ?? "PayByTraffic")
            .WhereBool(call.P, "IoOptimized", _ => true) // every instance type sold is I/O optimised
            .WhereParameter(call.P, "VpcId", _ => DefaultNetwork.VpcId(account, region.Id, region.Infix))
            .WhereParameter(call.P, "VSwitchId", i => DefaultNetwork.VSwitchId(account, i.ZoneId, region.Infix))
            .WhereParameter(call.P, "SecurityGroupId", _ => DefaultNetwork.SecurityGroupId(account, region.Id, region.Infix))
            .Where(i => privateIps.Count == 0 || privateIps.Contains(ApiInstanceJson.PrivateIp(i)))
            .WhereTagged(call.P, i => i.Tags.Select(t => (t.TagKey, t.TagValue)))
            .WhereBool(call.P, "DeviceAvailable", _ => true)
            .WhereAnswered(call.P, "HpcClusterId", "")
            .WhereParameter(call.P, "HttpEndpoint", i => i.HttpEndpoint ?? "enabled")
            .WhereParameter(call.P, "HttpTokens", i => i.HttpTokens ?? "optional")
            .WhereParameter(call.P, "HttpPutResponseHopLimit", i => (i.HttpPutResponseHopLimit ?? 1).ToString(CultureInfo.InvariantCulture))
            .Where(_ => noAddressOfThoseKinds) // no instance has an EIP, a public, classic, RDMA or IPv6 address, or a lock
            .Where(i => (createdFrom is null || i.CreationTime >= createdFrom) && (createdTo is null || i.CreationTime <= createdTo))
            .ToList();
        return f.Paging.Of(instances).Pages(call, "Instances", "Instance", i => ApiInstanceJson.Instance(i, region, call.Actor.AccountId ?? "", f.Extras));
    }

    internal sealed record RunArgs(string Type, string? ImageId, string? Family, int Amount, int? SystemSize, int? Period, InstanceChargeType ChargeType, List<DiskSpec>? DataDisks)
    {
        public string? Description { get; init; }

        public string? HostName { get; init; }

        public bool DeletionProtection { get; init; }

        /// <summary>The options of <see cref="InstanceLaunchParameters"/>.</summary>
        public InstanceLaunchOptions Options { get; init; } = new();
    }

    internal static RunArgs BindRunInstances(ApiParameters p) => BindRunInstances(p, single: false);

    /// <summary>RunInstances' parameters; <paramref name="single"/> (CreateInstance) orders one instance and reads no <c>Amount</c>.</summary>
    internal static RunArgs BindRunInstances(ApiParameters p, bool single)
    {
        var type = p.Required("InstanceType");
        var imageId = p.Get("ImageId");
        var family = p.Get("ImageFamily");
        if (imageId is not null && family is not null)
        {
            p.Fail(CommonErrors.InvalidParameter("ImageFamily", "ImageId and ImageFamily cannot be given together."));
        }
        else if (imageId is null && family is null)
        {
            p.Fail(CommonErrors.MissingParameter("ImageId"));
        }

        var amount = single ? 1 : p.Int("Amount", 1, 100) ?? 1;
        var systemSize = p.Int("SystemDisk.Size", 1);
        var period = p.Int("Period", 1);
        var chargeType = p.Get("InstanceChargeType") switch
        {
            null or "PostPaid" => InstanceChargeType.PostPaid,
            "PrePaid" => InstanceChargeType.PrePaid,
            _ => p.Invalid<InstanceChargeType>(ApiErrors.Invalid("InvalidInstanceChargeType.NotFound", 404, "InstanceChargeType must be PrePaid or PostPaid.")),
        };
        List<DiskSpec>? dataDisks = null;
        var dataDiskParams = p.Objects("DataDisk");
        if (dataDiskParams.Count > 0)
        {
            dataDisks = [];
            foreach (var d in dataDiskParams)
            {
                var size = d.GetValueOrDefault("Size");
                if (!int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var gib) && !string.IsNullOrEmpty(size))
                {
                    p.Fail(CommonErrors.InvalidParameter("DataDisk.N.Size", "it must be a number of GiB."));
                }

                dataDisks.Add(new DiskSpec(d.GetValueOrDefault("Category") is { Length: > 0 } c ? c : "cloud_essd", gib, d.GetValueOrDefault("SnapshotId") is { Length: > 0 } s ? s : null));
            }
        }

        return new RunArgs(type, imageId, family, amount, systemSize, period, chargeType, dataDisks)
        {
            Description = p.Get("Description"),
            HostName = p.Get("HostName"),
            DeletionProtection = p.Bool("DeletionProtection") ?? false,
            Options = InstanceLaunchParameters.Bind(p, chargeType, amount, single),
        };
    }

    private static Task<ApiReply> RunInstancesAsync(ApiCall call, Region region, RunArgs a) =>
        OrderAsync(call, region, a, request => request, (ids, orderId, tradePrice) => new
        {
            call.RequestId,
            InstanceIdSets = new { InstanceIdSet = ids },
            OrderId = orderId,
            TradePrice = tradePrice,
        });

    /// <summary>
    /// The order of RunInstances and CreateInstance: the domain's request built from <paramref name="a"/> (and
    /// <paramref name="adjust"/>ed by the action), then the reply <paramref name="body"/> makes of the new IDs, the order ID
    /// and the trade price.
    /// </summary>
    internal static async Task<ApiReply> OrderAsync(ApiCall call, Region region, RunArgs a, Func<RunInstancesRequest, RunInstancesRequest> adjust,
        Func<IReadOnlyList<string>, string, decimal, object> body)
    {
        var p = call.P;
        var imageId = a.ImageId;
        if (a.Family is { } family)
        {
            var resolved = await call.Service<ImageQueryService>().ResolveFamilyAsync(call.Actor, region.Id, family, call.Ct);
            if (resolved is null)
            {
                return ApiErrors.Invalid("InvalidImageFamily.MissingAvailableImage", 400, $"The image family \"{family}\" has no Available image.");
            }

            imageId = resolved.Id;
        }

        var run = await call.Service<InstanceService>().RunAsync(call.Actor, adjust(new RunInstancesRequest
        {
            RegionId = region.Id,
            ZoneId = p.Get("ZoneId"),
            InstanceTypeId = a.Type,
            ImageId = imageId!,
            ChargeType = a.ChargeType,
            PeriodMonths = a.Period,
            SystemDiskCategory = p.Get("SystemDisk.Category") ?? "cloud_essd",
            SystemDiskSizeGiB = a.SystemSize,
            DataDisks = a.DataDisks,
            Amount = a.Amount,
            InstanceName = p.Get("InstanceName"),
            Password = p.Get("Password"),
            KeyPairName = p.Get("KeyPairName"),
            ResourceGroupId = p.Get("ResourceGroupId"),
            VSwitchId = p.Get("VSwitchId"),
            SecurityGroupIds = [.. new[] { p.Get("SecurityGroupId") }.OfType<string>().Concat(p.List("SecurityGroupIds"))],
            Description = a.Description,
            HostName = a.HostName,
            DeletionProtection = a.DeletionProtection,
            Options = a.Options,
        }), call.Ct);
        if (!run.IsSuccess)
        {
            return run.Error;
        }

        // A subscription is an order (OrderId, TradePrice: what the buy page quotes); pay-as-you-go has none ("", 0).
        var subscription = a.ChargeType == InstanceChargeType.PrePaid;
        var tradePrice = 0m;
        if (subscription)
        {
            var quoted = await call.Service<PriceService>().QuoteAsync(call.Actor, new PriceRequest(region.Id)
            {
                InstanceTypeId = a.Type, ZoneId = p.Get("ZoneId"), ImageId = imageId,
                SystemDisk = a.SystemSize is { } size ? new DiskSpec(p.Get("SystemDisk.Category") ?? "cloud_essd", size) : null,
                DataDisks = a.DataDisks ?? [], Amount = a.Amount, ChargeType = a.ChargeType, PeriodMonths = a.Period ?? 1,
            }, call.Ct);
            tradePrice = quoted.IsSuccess ? quoted.Value.Total : 0m;
        }

        return ApiReply.Ok(body(run.Value, subscription ? ApiDefaults.Digits(run.Value[0], 15) : "", tradePrice));
    }

    /// <summary>
    /// ReplaceSystemDisk (IPAR-36): <c>PasswordInherit</c> as RunInstances reads it; <c>Encrypted</c> encrypts the new system
    /// disk with the service key, and a <c>KMSKeyId</c> is not found (there are no KMS keys) or, without <c>Encrypted</c>,
    /// illegal; <c>DiskId</c> must name the instance's system disk.
    /// </summary>
    private static (string InstanceId, string ImageId, int? Size, ReplaceSystemDiskRequest Options) BindReplaceSystemDisk(ApiParameters p)
    {
        var inherit = p.Bool("PasswordInherit") ?? false;
        if (inherit && (p.Get("Password") is not null || p.Get("KeyPairName") is not null))
        {
            p.Fail(ApiErrors.Invalid("InvalidParameter.Conflict", 400, "PasswordInherit keeps the image's password: give no Password or KeyPairName with it."));
        }

        var encrypted = p.Bool("Encrypted") ?? false;
        if (p.Get("KMSKeyId") is { } keyId)
        {
            p.Fail(encrypted ? DiskErrors.KmsKeyNotFound(keyId) : DiskErrors.EncryptedIllegal());
        }

        var options = new ReplaceSystemDiskRequest
        {
            RegionId = "", InstanceId = "", ImageId = "", DiskId = p.Get("DiskId"), PasswordInherit = inherit, Encrypted = encrypted,
            SecurityEnhancementStrategy = InstanceLaunchParameters.SecurityEnhancementStrategy(p),
            UseAdditionalService = p.Bool("UseAdditionalService"),
            Architecture = OsArchitecture(p),
            Platform = p.Get("Platform"),
        };
        return (p.Required("InstanceId"), p.Required("ImageId"), p.Int("SystemDisk.Size", 1), options);
    }

    /// <summary>IPAR-42: ReplaceSystemDisk's <c>Architecture</c> is <c>i386</c>, <c>x86_64</c> or <c>arm64</c> (else <c>InvalidParameter</c>, *Unclear*).</summary>
    private static string? OsArchitecture(ApiParameters p) => p.Get("Architecture") switch
    {
        null => null,
        var a when a is "i386" or "x86_64" or "arm64" => a,
        var other => p.Invalid<string>(CommonErrors.InvalidParameter("Architecture", $"\"{other}\" is not i386, x86_64 or arm64.")),
    };

    private static async Task<ApiReply> ReplaceSystemDiskAsync(ApiCall call, (string InstanceId, string ImageId, int? Size, ReplaceSystemDiskRequest Options) a)
    {
        var regionId = await call.Service<InstanceQueryService>().FindRegionAsync(call.Actor, a.InstanceId, call.Ct);
        if (regionId is null)
        {
            return InstanceErrors.NotFound(a.InstanceId);
        }

        return (await call.Service<InstanceService>().ReplaceSystemDiskAsync(call.Actor, a.Options with
        {
            RegionId = regionId,
            InstanceId = a.InstanceId,
            ImageId = a.ImageId,
            SystemDiskSizeGiB = a.Size,
            Password = call.P.Get("Password"),
            KeyPairName = call.P.Get("KeyPairName"),
        }, call.Ct)).Reply(replaced => new { call.RequestId, replaced.DiskId });
    }

    /// <summary>
    /// StartInstance, StopInstance and DeleteInstance: they name an instance, not a region, and act in the instance's own
    /// (<paramref name="bind"/> reads their other parameters before <c>InstanceId</c>).
    /// </summary>
    private static EcsAction OnInstance<T>(string name, Func<ApiParameters, T> bind, Func<ApiCall, string, string, T, Task<Result>> change) =>
        EcsAction.Global(name, p => (Args: bind(p), InstanceId: p.Required("InstanceId")), async (call, a) =>
        {
            var regionId = await call.Service<InstanceQueryService>().FindRegionAsync(call.Actor, a.InstanceId, call.Ct);
            return regionId is null ? InstanceErrors.NotFound(a.InstanceId) : call.Done(await change(call, regionId, a.InstanceId, a.Args));
        }, changing: true);
}
