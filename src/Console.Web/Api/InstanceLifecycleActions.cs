using EcsConsole.Domain.Common;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Regions;

namespace EcsConsole.Web.Api;

/// <summary>
/// The instance actions beside RunInstances and the single start/stop/release (issue #22): CreateInstance, the plural
/// StartInstances, StopInstances and DeleteInstances, RebootInstance, DescribeInstanceStatus, DescribeInstanceAttribute
/// and ModifyInstanceAttribute, each on <see cref="InstanceService"/>'s rules.
/// </summary>
internal static partial class InstanceLifecycleActions
{
    /// <summary>DescribeInstanceStatus answers at most 50 instances a page.</summary>
    private const int MaxStatusPageSize = 50;

    public static IEnumerable<EcsAction> All =>
    [
        EcsAction.InRegion("CreateInstance", BindCreateInstance, CreateInstanceAsync, changing: true).WithClientToken(),
        EcsAction.InRegion("StartInstances", p => BindBatch(p), (call, region, a) => BatchReplyAsync(call,
            call.Service<InstanceService>().StartManyAsync(call.Actor, region.Id, a.Ids, a.Mode, call.Ct)), changing: true),
        EcsAction.InRegion("StopInstances", BindStopInstances, (call, region, a) => BatchReplyAsync(call,
            call.Service<InstanceService>().StopManyAsync(call.Actor, region.Id, a.Ids, a.Mode, a.StopCharging, a.ForceStop, call.Ct)), changing: true),
        EcsAction.InRegion("DeleteInstances", BindDeleteInstances, async (call, region, a) =>
            call.Done(await call.Service<InstanceService>().ReleaseManyAsync(call.Actor, region.Id, a.Ids, a.Release, call.Ct)), changing: true).WithClientToken(),
        OnOwnInstance("RebootInstance", p => p.Bool("ForceStop") ?? false, async (call, regionId, id, forceStop) =>
            call.Done(await call.Service<InstanceService>().RebootAsync(call.Actor, regionId, id, forceStop, call.Ct)), changing: true),
        OnOwnInstance("ModifyInstanceAttribute", BindModify, async (call, regionId, id, m) =>
            call.Done(await call.Service<InstanceService>().ModifyAttributeAsync(call.Actor, m with { RegionId = regionId, InstanceId = id }, call.Ct)), changing: true),
        EcsAction.InRegion("DescribeInstanceStatus", BindStatus, DescribeInstanceStatusAsync),
        OnOwnInstance("DescribeInstanceAttribute", _ => true, DescribeInstanceAttributeAsync),
    ];

    private static InstanceActions.RunArgs BindCreateInstance(ApiParameters p) => InstanceActions.BindRunInstances(p, single: true);

    /// <summary>CreateInstance: RunInstances' order for one instance, made Stopped and not started, answering its <c>InstanceId</c>.</summary>
    private static Task<ApiReply> CreateInstanceAsync(ApiCall call, Region region, InstanceActions.RunArgs a) =>
        InstanceActions.OrderAsync(call, region, a,
            request => request with { Start = false },
            (ids, orderId, tradePrice) => new { call.RequestId, InstanceId = ids[0], OrderId = orderId, TradePrice = tradePrice });

    private sealed record BatchArgs(IReadOnlyList<string> Ids, BatchOptimization Mode, bool StopCharging = false, bool ForceStop = false)
    {
        public InstanceRelease Release { get; init; } = new(Force: false);
    }

    /// <summary><c>InstanceId.N</c> (1–100, required) and <c>BatchOptimization</c> (<c>AllTogether</c>, the default, or <c>SuccessFirst</c>).</summary>
    private static BatchArgs BindBatch(ApiParameters p)
    {
        var ids = p.List("InstanceId");
        if (ids.Count == 0)
        {
            p.Fail(CommonErrors.MissingParameter("InstanceId.N"));
        }
        else if (ids.Count > InstanceService.MaxBatch)
        {
            p.Fail(CommonErrors.InvalidParameter("InstanceId.N", $"a call names at most {InstanceService.MaxBatch} instances."));
        }

        var mode = p.Get("BatchOptimization") switch
        {
            null or "AllTogether" => BatchOptimization.AllTogether,
            "SuccessFirst" => BatchOptimization.SuccessFirst,
            _ => p.Invalid<BatchOptimization>(CommonErrors.InvalidParameter("BatchOptimization", "it must be AllTogether or SuccessFirst.")),
        };
        return new BatchArgs(ids, mode);
    }

    /// <summary>StopInstances: <c>StoppedMode</c> and <c>ForceStop</c> as StopInstance reads them (<see cref="StoppedMode"/>).</summary>
    private static BatchArgs BindStopInstances(ApiParameters p)
    {
        var stopCharging = StoppedMode(p);
        var forceStop = p.Bool("ForceStop") ?? false;
        return BindBatch(p) with { StopCharging = stopCharging, ForceStop = forceStop };
    }

    /// <summary>
    /// <c>StoppedMode</c> of StopInstance and StopInstances: <c>KeepCharging</c> (the default) or <c>StopCharging</c>
    /// (economical mode: a pay-as-you-go instance stops being billed for its vCPUs and memory, as DescribeInstances'
    /// <c>StoppedMode</c> then shows; a subscription instance keeps charging); else <c>InvalidParameter.StoppedMode</c>.
    /// </summary>
    internal static bool StoppedMode(ApiParameters p)
    {
        switch (p.Get("StoppedMode"))
        {
            case null or "KeepCharging":
                return false;
            case "StopCharging":
                return true;
            default:
                p.Fail(ApiErrors.Invalid("InvalidParameter.StoppedMode", 400, "StoppedMode must be KeepCharging or StopCharging."));
                return false;
        }
    }

    /// <summary>DeleteInstances: <c>InstanceId.N</c>, and <c>Force</c>, <c>ForceStop</c> and <c>TerminateSubscription</c> as DeleteInstance reads them.</summary>
    private static BatchArgs BindDeleteInstances(ApiParameters p)
    {
        var release = InstanceActions.BindRelease(p);
        return BindBatch(p) with { Mode = BatchOptimization.AllTogether, Release = release };
    }

    /// <summary>
    /// The plural actions' reply: <c>InstanceResponses.InstanceResponse[]</c> with each instance's <c>Code</c> (<c>200</c>
    /// when changed, else its error's code), <c>Message</c> and its statuses before and after the call.
    /// </summary>
    private static async Task<ApiReply> BatchReplyAsync(ApiCall call, Task<Result<IReadOnlyList<InstanceBatchOutcome>>> batch) =>
        (await batch).Reply(outcomes => new
        {
            call.RequestId,
            InstanceResponses = new
            {
                InstanceResponse = outcomes.Select(o => new
                {
                    o.InstanceId,
                    Code = o.Error?.Code ?? "200",
                    Message = o.Error?.Message ?? "success",
                    PreviousStatus = o.PreviousStatus?.ToString() ?? "",
                    CurrentStatus = o.CurrentStatus?.ToString() ?? "",
                }).ToList(),
            },
        });

    private static ModifyInstanceAttributeRequest BindModify(ApiParameters p)
    {
        // IPAR-37: the values are checked now (before any lookup) and applied over the instance's own options.
        var settings = InstanceLaunchParameters.Settings(p, new InstanceSettings());
        var names = new[]
        {
            "CpuOptions.", "CreditSpecification", "PrivateDnsNameOptions.", "EnableJumboFrame", "EnableNetworkEncryption", "NetworkOptions.", "Recyclable",
            "NetworkInterfaceQueueNumber", "RemoteConnectionOptions.",
        };
        var changesSettings = p.Values.Keys.Any(n => names.Any(prefix => n.StartsWith(prefix, StringComparison.Ordinal)));
        var (remoteType, remotePassword) = RemoteConnection(p);
        return new ModifyInstanceAttributeRequest
        {
            RegionId = "",
            InstanceId = "",
            InstanceName = p.Get("InstanceName"),
            Description = p.Get("Description"),
            HostName = p.Get("HostName"),
            Password = p.Get("Password"),
            DeletionProtection = p.Bool("DeletionProtection"),
            SecurityGroupIds = p.List("SecurityGroupIds"),
            UserData = InstanceLaunchParameters.UserData(p),
            Settings = changesSettings
                ? current => InstanceLaunchParameters.Settings(p, current) with
                {
                    RemoteConnectionType = remoteType ?? current.RemoteConnectionType,
                    RemoteConnectionPasswordSet = current.RemoteConnectionPasswordSet || remotePassword,
                }
                : null,
        };
    }

    /// <summary>
    /// IPAR-41: <c>RemoteConnectionOptions.Type</c> is <c>vnc</c> (else <c>InvalidParameter</c>, *Unclear*) and
    /// <c>RemoteConnectionOptions.Password</c> six letters or digits, as ModifyInstanceVncPasswd's
    /// (<c>IncorrectVncPassword.Malformed</c>, 400); answers the type and whether a password was given.
    /// </summary>
    private static (string? Type, bool Password) RemoteConnection(ApiParameters p)
    {
        var type = p.Get("RemoteConnectionOptions.Type");
        if (type is not null && type != "vnc")
        {
            p.Fail(CommonErrors.InvalidParameter("RemoteConnectionOptions.Type", "the remote connection is vnc."));
        }

        var password = p.Get("RemoteConnectionOptions.Password");
        if (password is not null && !VncPassword().IsMatch(password))
        {
            p.Fail(ApiErrors.Invalid("IncorrectVncPassword.Malformed", 400,
                "The remote connection password must be 6 characters: uppercase and lowercase letters and digits."));
        }

        return (type, password is not null);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9]{6}$")]
    private static partial System.Text.RegularExpressions.Regex VncPassword();

    private static (IReadOnlyList<string> Ids, ApiPaging Paging) BindStatus(ApiParameters p)
    {
        var ids = p.List("InstanceId");
        if (ids.Count > InstanceService.MaxBatch)
        {
            p.Fail(CommonErrors.InvalidParameter("InstanceId.N", $"a call names at most {InstanceService.MaxBatch} instances."));
        }

        var paging = new ApiPaging(PagingStyle.Pages, p.Int("PageNumber", 1, ApiParameters.MaxPageNumber) ?? 1, p.Int("PageSize", 1, MaxStatusPageSize) ?? 10,
            null, null, UsesTokens: false);
        return (ids, paging);
    }

    /// <summary>DescribeInstanceStatus: the statuses of the caller's instances in the region, by <c>InstanceId.N</c> and <c>ZoneId</c>, paged.</summary>
    private static async Task<ApiReply> DescribeInstanceStatusAsync(ApiCall call, Region region, (IReadOnlyList<string> Ids, ApiPaging Paging) f)
    {
        if (call.P.Get("ZoneId") is { } zoneId && region.Zones.All(z => z.Id != zoneId))
        {
            return CompatibilityErrors.ZoneNotFound(zoneId, region.Id);
        }

        var instances = (await call.Service<InstanceQueryService>().ListAsync(call.Actor, region.Id, call.Ct))
            .Where(i => f.Ids.Count == 0 || f.Ids.Contains(i.Id))
            .WhereParameter(call.P, "ZoneId", i => i.ZoneId)
            .WhereAnswered(call.P, "ClusterId", "")
            .ToList();
        return f.Paging.Of(instances).Pages(call, "InstanceStatuses", "InstanceStatus", i => new { InstanceId = i.Id, Status = i.Status.ToString() });
    }

    /// <summary>DescribeInstanceAttribute: one instance of the caller's, with the fields of its own response model.</summary>
    private static async Task<ApiReply> DescribeInstanceAttributeAsync(ApiCall call, string regionId, string instanceId, bool _)
    {
        var region = (await call.Service<RegionService>().FindAsync(regionId, call.Ct))!;
        var i = (await call.Service<InstanceQueryService>().ListAsync(call.Actor, regionId, call.Ct)).FirstOrDefault(x => x.Id == instanceId);
        if (i is null)
        {
            return InstanceErrors.NotFound(instanceId);
        }

        var account = call.Actor.AccountId ?? "";
        return ApiReply.Ok(new
        {
            call.RequestId,
            InstanceId = i.Id,
            InstanceName = i.Name,
            Description = i.Description ?? "",
            HostName = ApiInstanceJson.HostName(i),
            Status = i.Status.ToString(),
            i.ImageId,
            InstanceType = i.InstanceTypeId,
            Cpu = i.Vcpu,
            Memory = (int)(i.MemoryGiB * 1024),
            RegionId = regionId,
            i.ZoneId,
            CreationTime = ApiTime.Format(i.CreationTime),
            ExpiredTime = ApiTime.Format(i.ExpiredTime) ?? "2099-12-31T15:59Z",
            InstanceChargeType = i.ChargeType.ToString(),
            InstanceNetworkType = "vpc",
            IoOptimized = "optimized",
            InternetChargeType = i.InternetChargeType ?? "PayByTraffic",
            InternetMaxBandwidthIn = i.InternetMaxBandwidthIn ?? 100,
            i.InternetMaxBandwidthOut,
            SerialNumber = ApiDefaults.Guid(i.Id),
            StoppedMode = ApiInstanceJson.StoppedMode(i),
            CreditSpecification = i.Settings.CreditSpecification ?? "",
            ClusterId = "",
            VlanId = "",
            EnableJumboFrame = i.Settings.JumboFrame,
            EnableNetworkEncryption = i.Settings.NetworkEncryption,
            NetworkOptions = new
            {
                BandwidthWeighting = i.Settings.BandwidthWeighting ?? "", EnableJumboFrame = i.Settings.JumboFrame, EnableNetworkEncryption = i.Settings.NetworkEncryption,
            },
            OperationLocks = new { LockReason = Array.Empty<object>() },
            DedicatedHostAttribute = new { DedicatedHostId = "", DedicatedHostName = "" },
            EipAddress = new { AllocationId = "", IpAddress = "", Bandwidth = 0, InternetChargeType = "" },
            InnerIpAddress = new { IpAddress = Array.Empty<string>() },
            PublicIpAddress = new { IpAddress = Array.Empty<string>() },
            SecurityGroupIds = new { SecurityGroupId = new[] { DefaultNetwork.SecurityGroupId(account, regionId, region.Infix) } },
            SecurityOptions = new { EnableSecureBoot = i.Settings.SecureBoot },
            VpcAttributes = new
            {
                VpcId = DefaultNetwork.VpcId(account, regionId, region.Infix),
                VSwitchId = DefaultNetwork.VSwitchId(account, i.ZoneId, region.Infix),
                PrivateIpAddress = new { IpAddress = new[] { ApiInstanceJson.PrivateIp(i) } },
                NatIpAddress = "",
            },
        });
    }

    /// <summary>
    /// An action on one instance named by <c>InstanceId</c>, in the instance's own region (these actions name none):
    /// <paramref name="bind"/> reads the other parameters first; an instance the caller does not have is
    /// <c>InvalidInstanceId.NotFound</c>.
    /// </summary>
    private static EcsAction OnOwnInstance<T>(string name, Func<ApiParameters, T> bind, Func<ApiCall, string, string, T, Task<ApiReply>> run, bool changing = false) =>
        EcsAction.Global(name, p => (Args: bind(p), InstanceId: p.Required("InstanceId")), async (call, a) =>
        {
            var regionId = await call.Service<InstanceQueryService>().FindRegionAsync(call.Actor, a.InstanceId, call.Ct);
            return regionId is null ? InstanceErrors.NotFound(a.InstanceId) : await run(call, regionId, a.InstanceId, a.Args);
        }, changing);
}
