using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;

namespace EcsConsole.Web.Api;

/// <summary>Instances (ecs-openapi §2.18–2.20): listing, RunInstances, start, stop, release and ReplaceSystemDisk.</summary>
internal static class InstanceActions
{
    public static void Register(IDictionary<string, ApiAction> actions)
    {
        actions["DescribeInstances"] = DescribeInstancesAsync;
        actions["RunInstances"] = RunInstancesAsync;
        actions["StartInstance"] = StartInstanceAsync;
        actions["StopInstance"] = StopInstanceAsync;
        actions["DeleteInstance"] = DeleteInstanceAsync;
        actions["ReplaceSystemDisk"] = ReplaceSystemDiskAsync;
    }

    private static async Task<ApiReply> DescribeInstancesAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
        var ids = p.JsonList("InstanceIds");
        var status = p.Get("Status");
        if (status is not null && !Enum.TryParse<InstanceStatus>(status, ignoreCase: false, out _))
        {
            p.Fail(ApiErrors.Invalid("InvalidStatus.NotFound", 404, "Status must be Pending, Starting, Running, Stopping or Stopped."));
        }

        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var imageId = p.Get("ImageId");
        var type = p.Get("InstanceType");
        var family = p.Get("InstanceTypeFamily");
        var zoneId = p.Get("ZoneId");
        var name = p.Get("InstanceName");
        var instances = (await call.Service<InstanceQueryService>().ListAsync(call.Actor, region!.Id, call.Ct))
            .Where(i => ids.Count == 0 || ids.Contains(i.Id))
            .Where(i => imageId is null || i.ImageId == imageId)
            .Where(i => status is null || i.Status.ToString() == status)
            .Where(i => type is null || i.InstanceTypeId == type)
            .Where(i => family is null || Family(i.InstanceTypeId) == family)
            .Where(i => zoneId is null || i.ZoneId == zoneId)
            .Where(i => name is null || i.Name == name)
            .ToList();
        var page = ApiPage<InstanceListItem>.Read(p, instances, tokens: true);
        if (p.Error is { } badPage)
        {
            return badPage;
        }

        return ApiReply.Ok(new
        {
            call.RequestId,
            page.NextToken,
            TotalCount = page.Total,
            page.PageNumber,
            page.PageSize,
            Instances = new
            {
                Instance = page.Items.Select(i => new
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
                    Tags = new { Tag = Array.Empty<object>() },
                }).ToList(),
            },
        });
    }

    private static async Task<ApiReply> RunInstancesAsync(ApiCall call)
    {
        var p = call.P;
        var region = await call.RegionAsync();
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

        var amount = p.Int("Amount", 1, 100) ?? 1;
        var systemSize = p.Int("SystemDisk.Size", 1);
        var period = p.Int("Period", 1);
        var chargeType = p.Get("InstanceChargeType") switch
        {
            null or "PostPaid" => InstanceChargeType.PostPaid,
            "PrePaid" => InstanceChargeType.PrePaid,
            _ => Fail(p, ApiErrors.Invalid("InvalidInstanceChargeType.NotFound", 404, "InstanceChargeType must be PrePaid or PostPaid.")),
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

        if (p.Error is { } invalid)
        {
            return invalid;
        }

        if (family is not null)
        {
            var resolved = await call.Service<ImageQueryService>().ResolveFamilyAsync(call.Actor, region!.Id, family, call.Ct);
            if (resolved is null)
            {
                return ApiErrors.Invalid("InvalidImageFamily.MissingAvailableImage", 400, $"The image family \"{family}\" has no Available image.");
            }

            imageId = resolved.Id;
        }

        var run = await call.Service<InstanceService>().RunAsync(call.Actor, new RunInstancesRequest
        {
            RegionId = region!.Id,
            ZoneId = p.Get("ZoneId"),
            InstanceTypeId = type,
            ImageId = imageId!,
            ChargeType = chargeType,
            PeriodMonths = period,
            SystemDiskCategory = p.Get("SystemDisk.Category") ?? "cloud_essd",
            SystemDiskSizeGiB = systemSize,
            DataDisks = dataDisks,
            Amount = amount,
            InstanceName = p.Get("InstanceName"),
            Password = p.Get("Password"),
            KeyPairName = p.Get("KeyPairName"),
        }, call.Ct);
        return run.IsSuccess ? ApiReply.Ok(new { call.RequestId, InstanceIdSets = new { InstanceIdSet = run.Value } }) : run.Error;
    }

    private static Task<ApiReply> StartInstanceAsync(ApiCall call) =>
        OnInstanceAsync(call, async (regionId, id) => (await call.Service<InstanceService>().StartAsync(call.Actor, regionId, id, call.Ct)).Error);

    private static Task<ApiReply> StopInstanceAsync(ApiCall call) =>
        OnInstanceAsync(call, async (regionId, id) => (await call.Service<InstanceService>().StopAsync(call.Actor, regionId, id, call.Ct)).Error);

    private static Task<ApiReply> DeleteInstanceAsync(ApiCall call)
    {
        var force = call.P.Bool("Force") ?? false;
        return OnInstanceAsync(call, async (regionId, id) => (await call.Service<InstanceService>().ReleaseAsync(call.Actor, regionId, id, force, call.Ct)).Error);
    }

    private static async Task<ApiReply> ReplaceSystemDiskAsync(ApiCall call)
    {
        var p = call.P;
        var instanceId = p.Required("InstanceId");
        var imageId = p.Required("ImageId");
        var size = p.Int("SystemDisk.Size", 1);
        if (p.Error is { } invalid)
        {
            return invalid;
        }

        var regionId = await call.Service<InstanceQueryService>().FindRegionAsync(call.Actor, instanceId, call.Ct);
        if (regionId is null)
        {
            return InstanceErrors.NotFound(instanceId);
        }

        var replaced = await call.Service<InstanceService>().ReplaceSystemDiskAsync(call.Actor, new ReplaceSystemDiskRequest
        {
            RegionId = regionId,
            InstanceId = instanceId,
            ImageId = imageId,
            SystemDiskSizeGiB = size,
            Password = p.Get("Password"),
            KeyPairName = p.Get("KeyPairName"),
        }, call.Ct);
        return replaced.IsSuccess ? ApiReply.Ok(new { call.RequestId, replaced.Value.DiskId }) : replaced.Error;
    }

    /// <summary>The frame of StartInstance, StopInstance and DeleteInstance: they name an instance, not a region.</summary>
    private static async Task<ApiReply> OnInstanceAsync(ApiCall call, Func<string, string, Task<EcsError?>> change)
    {
        var instanceId = call.P.Required("InstanceId");
        if (call.P.Error is { } invalid)
        {
            return invalid;
        }

        var regionId = await call.Service<InstanceQueryService>().FindRegionAsync(call.Actor, instanceId, call.Ct);
        if (regionId is null)
        {
            return InstanceErrors.NotFound(instanceId);
        }

        return await change(regionId, instanceId) is { } error ? error : ApiReply.Ok(new { call.RequestId });
    }

    private static string Family(string instanceTypeId) =>
        instanceTypeId.LastIndexOf('.') is var dot and > 0 ? instanceTypeId[..dot] : instanceTypeId;

    private static InstanceChargeType Fail(ApiParameters p, EcsError error)
    {
        p.Fail(error);
        return InstanceChargeType.PostPaid;
    }
}
