using System.Net;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api.Support;

/// <summary>
/// How each implemented action is called, successfully, on the seeded world (what it needs made first through the API),
/// and which of its answer's lists must hold items; shared by the walks of the SDK's request and response models.
/// </summary>
public sealed class SeededWorldCalls(EcsApiFixture api)
{
    private const string Region = "cn-hangzhou";
    private const string PublicImage = "aliyun_3_x64_20G_alibase_20250101.vhd";
    private static readonly (string, string) InRegion = ("RegionId", Region);

    /// <summary>A successful call of <paramref name="action"/>, with <paramref name="extra"/> added to (or replacing) its parameters.</summary>
    public async Task<(EcsResponse Answer, string[] NonEmpty)> CallAsync(string action, params (string Name, string Value)[] extra)
    {
        var alice = api.Alice();
        var unique = Guid.NewGuid().ToString("N")[..8];
        Task<EcsResponse> Call(params (string Name, string Value)[] parameters)
        {
            var all = parameters.ToDictionary(p => p.Name, p => p.Value);
            foreach (var (name, value) in extra)
            {
                all[name] = value;
            }

            return alice.CallAsync(action, all);
        }

        return action switch
        {
            "DescribeImages" => (await Call(InRegion, ("PageSize", "100")), ["Images.Image"]),
            "DescribeImageFromFamily" => (await Call(InRegion, ("ImageFamily", "acme-base")), []),
            "DescribeImageSupportInstanceTypes" => (await Call(InRegion, ("ImageId", await AcmeBaseAsync())), ["InstanceTypes.InstanceType"]),
            "CreateImage" => (await Call(InRegion, ("InstanceId", await RunningInstanceAsync()), ("ImageName", "walk-" + unique)), []),
            "DeleteImage" => (await Call(InRegion, ("ImageId", await NewImageAsync(unique))), []),
            "ModifyImageAttribute" => (await Call(InRegion, ("ImageId", await AcmeBaseAsync()), ("Description", "walked")), []),
            "ModifyImageSharePermission" => (await Call(InRegion, ("ImageId", await NewImageAsync(unique)), ("AddAccount.1", DemoWorld.InitechAccountId)), []),
            "ModifyImageShareGroupPermission" => (await Call(InRegion, ("ImageId", await NewImageAsync(unique)), ("AddGroup.1", "all")), []),
            "DescribeImageSharePermission" => (await Call(InRegion, ("ImageId", await SharedImageAsync(unique))), ["Accounts.Account"]),
            "CopyImage" => (await Call(InRegion, ("ImageId", await NewImageAsync(unique)), ("DestinationRegionId", "cn-beijing"), ("DestinationImageName", "walk-" + unique)), []),
            "CancelCopyImage" => (await Call(("RegionId", "cn-beijing"), ("ImageId", await NewCopyAsync(unique))), []),
            "ExportImage" => (await Call(InRegion, ("ImageId", await NewImageAsync(unique)), ("OSSBucket", "acme-images-hangzhou"), ("OSSPrefix", "walk" + unique)), []),
            "ImportImage" => (await Call(ImportParameters(unique)), []),
            "DescribeTasks" => (await Call(InRegion), ["TaskSet.Task"]),
            "DescribeTaskAttribute" => (await Call(InRegion, ("TaskId", await NewImportTaskAsync(unique))), []),
            "CancelTask" => (await Call(InRegion, ("TaskId", await NewImportTaskAsync(unique))), []),
            "CreateSnapshot" => (await Call(("DiskId", await DataDiskAsync()), ("SnapshotName", "walk-" + unique)), []),
            "DeleteSnapshot" => (await Call(("SnapshotId", await NewSnapshotAsync(unique))), []),
            "DescribeSnapshots" => (await Call(InRegion), ["Snapshots.Snapshot"]),
            "DescribeDisks" => (await Call(InRegion), ["Disks.Disk"]),
            "DescribeInstances" => (await Call(InRegion), ["Instances.Instance"]),
            "RunInstances" => (await Call(RunParameters(unique)), ["InstanceIdSets.InstanceIdSet"]),
            "StartInstance" => (await Call(("InstanceId", await NewInstanceAsync(unique, stopped: true))), []),
            "StopInstance" => (await Call(("InstanceId", await NewInstanceAsync(unique, stopped: false))), []),
            "DeleteInstance" => (await Call(("InstanceId", await NewInstanceAsync(unique, stopped: true))), []),
            "CreateInstance" => (await Call(CreateParameters(unique)), []),
            "StartInstances" => (await Call(InRegion, ("InstanceId.1", await NewInstanceAsync(unique, stopped: true))), ["InstanceResponses.InstanceResponse"]),
            "StopInstances" => (await Call(InRegion, ("InstanceId.1", await NewInstanceAsync(unique, stopped: false))), ["InstanceResponses.InstanceResponse"]),
            "DeleteInstances" => (await Call(InRegion, ("InstanceId.1", await NewInstanceAsync(unique, stopped: true))), []),
            "RebootInstance" => (await Call(("InstanceId", await NewInstanceAsync(unique, stopped: false))), []),
            "ModifyInstanceAttribute" => (await Call(("InstanceId", await NewInstanceAsync(unique, stopped: true)), ("InstanceName", "walked-" + unique)), []),
            "DescribeInstanceStatus" => (await Call(InRegion), ["InstanceStatuses.InstanceStatus"]),
            "DescribeInstanceAttribute" => (await Call(("InstanceId", await RunningInstanceAsync())), ["SecurityGroupIds.SecurityGroupId", "VpcAttributes.PrivateIpAddress.IpAddress"]),
            "DescribeVpcs" => (await Call(InRegion), ["Vpcs.Vpc"]),
            "DescribeVSwitches" => (await Call(InRegion), ["VSwitches.VSwitch"]),
            "DescribeSecurityGroups" => (await Call(InRegion), ["SecurityGroups.SecurityGroup"]),
            "DescribeInstanceTypeFamilies" => (await Call(InRegion), ["InstanceTypeFamilies.InstanceTypeFamily"]),
            "DescribeAvailableResource" => (await Call(InRegion, ("DestinationResource", "SystemDisk"), ("InstanceType", "ecs.g7.large")), ["AvailableZones.AvailableZone"]),
            "ReplaceSystemDisk" => (await Call(("InstanceId", await NewInstanceAsync(unique, stopped: true)), ("ImageId", PublicImage)), []),
            "DescribeRegions" => (await Call(), ["Regions.Region"]),
            "DescribeZones" => (await Call(InRegion), ["Zones.Zone"]),
            "DescribeInstanceTypes" => (await Call(), ["InstanceTypes.InstanceType"]),
            "DescribeAccountAttributes" => (await Call(InRegion), ["AccountAttributeItems.AccountAttributeItem"]),
            "DescribePrice" => (await Call(InRegion, ("InstanceType", "ecs.g7.large")), ["PriceInfo.Price.DetailInfos.DetailInfo"]),
            "TagResources" => (await Call(InRegion, ("ResourceType", "image"), ("ResourceId.1", await AcmeBaseAsync()), ("Tag.1.Key", "walk"), ("Tag.1.Value", unique)), []),
            "UntagResources" => (await Call(InRegion, ("ResourceType", "image"), ("ResourceId.1", await TaggedImageAsync(unique)), ("TagKey.1", "walk-untag")), []),
            "ListTagResources" => (await Call(InRegion, ("ResourceType", "image"), ("ResourceId.1", await TaggedImageAsync(unique))), ["TagResources.TagResource"]),
            "CreateKeyPair" => (await Call(InRegion, ("KeyPairName", "walk-" + unique)), []),
            "ImportKeyPair" => (await Call(InRegion, ("KeyPairName", "walk-" + unique), ("PublicKeyBody", PublicKey)), []),
            "DescribeKeyPairs" => (await Call(InRegion, ("KeyPairName", await NewKeyPairAsync(unique))), ["KeyPairs.KeyPair"]),
            "DeleteKeyPairs" => (await Call(InRegion, ("KeyPairNames", $"[\"{await NewKeyPairAsync(unique)}\"]")), []),
            "CreateImageComponent" => (await Call(ComponentParameters(unique)), []),
            "DescribeImageComponents" => (await Call(InRegion, ("ImageComponentId.1", await NewComponentAsync(unique))), ["ImageComponent.ImageComponentSet"]),
            "DeleteImageComponent" => (await Call(InRegion, ("ImageComponentId", await NewComponentAsync(unique))), []),
            "CreateImagePipeline" => (await Call(OssPipelineParameters(unique)), []),
            "DescribeImagePipelines" => (await Call(InRegion, ("ImagePipelineId.1", await NewPipelineAsync(unique))), ["ImagePipeline.ImagePipelineSet"]),
            "DeleteImagePipeline" => (await Call(InRegion, ("ImagePipelineId", await NewPipelineAsync(unique))), []),
            "StartImagePipelineExecution" => (await Call(InRegion, ("ImagePipelineId", await NewPipelineAsync(unique))), []),
            "DescribeImagePipelineExecutions" => (await Call(InRegion, ("ImagePipelineId", await StartedPipelineAsync(unique))), ["ImagePipelineExecution.ImagePipelineExecutionSet"]),
            "CancelImagePipelineExecution" => (await Call(InRegion, ("ExecutionId", await NewExecutionAsync(unique))), []),
            "JoinResourceGroup" => (await Call(InRegion, ("ResourceType", "image"), ("ResourceId", await NewImageAsync(unique)),
                ("ResourceGroupId", EcsConsole.Domain.ResourceGroups.ResourceGroupRules.IdFor(DemoWorld.AcmeAccountId, "test"))), []),
            "CreateDisk" => (await Call(InRegion, ("ZoneId", Zone), ("DiskCategory", "cloud_essd"), ("Size", "40"), ("DiskName", "walk-" + unique)), []),
            "AttachDisk" => (await Call(("DiskId", await NewDiskAsync(unique)), ("InstanceId", await NewInstanceAsync(unique, stopped: false))), []),
            "DetachDisk" => await DetachCallAsync(Call, unique),
            "DeleteDisk" => (await Call(("DiskId", await NewDiskAsync(unique))), []),
            "ResetDisk" => await ResetCallAsync(Call, unique),
            "ReInitDisk" => (await Call(("DiskId", await SystemDiskAsync(await NewInstanceAsync(unique, stopped: true))), ("Password", "Walk-2026-pass")), []),
            "CreateAutoSnapshotPolicy" => (await Call(PolicyParameters(unique)), []),
            "DescribeAutoSnapshotPolicyEx" => (await Call(InRegion, ("AutoSnapshotPolicyId", await NewAppliedPolicyAsync(unique))), ["AutoSnapshotPolicies.AutoSnapshotPolicy"]),
            "ApplyAutoSnapshotPolicy" => (await Call(("regionId", Region), ("autoSnapshotPolicyId", await NewPolicyAsync(unique)), ("diskIds", $"[\"{await NewDiskAsync(unique)}\"]")), []),
            "CancelAutoSnapshotPolicy" => await CancelPolicyCallAsync(Call, unique),
            "DeleteAutoSnapshotPolicy" => (await Call(("regionId", Region), ("autoSnapshotPolicyId", await NewAppliedPolicyAsync(unique))), []),
            "CopySnapshot" => (await Call(InRegion, ("SnapshotId", await NewSnapshotAsync(unique)), ("DestinationRegionId", "cn-beijing"),
                ("DestinationSnapshotName", "walk-" + unique)), []),
            "ModifySnapshotAttribute" => (await Call(("SnapshotId", await NewSnapshotAsync(unique)), ("SnapshotName", "walked-" + unique)), []),
            "DescribeSnapshotsUsage" => (await Call(InRegion), []),
            "CreateSnapshotGroup" => (await Call(InRegion, ("InstanceId", await NewInstanceAsync(unique, stopped: false)), ("Name", "walk-" + unique)), []),
            "DescribeSnapshotGroups" => (await Call(InRegion, ("SnapshotGroupId.1", await NewSnapshotGroupAsync(unique))),
                ["SnapshotGroups.SnapshotGroup"]),
            "DeleteSnapshotGroup" => (await Call(InRegion, ("SnapshotGroupId", await NewSnapshotGroupAsync(unique))), ["OperationProgressSet.OperationProgress"]),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no call on the seeded world for this action: add one"),
        };
    }

    /// <summary>
    /// Acme's every quota raised far beyond what a walk makes (the walks call creating actions hundreds of times on one
    /// shared console); once per console.
    /// </summary>
    public async Task RaiseQuotasAsync()
    {
        await using var db = await DbAsync();
        if (await db.Quotas.AnyAsync(q => q.AccountId == DemoWorld.AcmeAccountId && q.Limit == RaisedLimit))
        {
            return;
        }

        var regions = await db.Regions.Select(r => r.Id).ToListAsync();
        foreach (var definition in EcsConsole.Domain.Quotas.QuotaCatalogue.All)
        {
            foreach (var region in definition.Scope == EcsConsole.Domain.Quotas.QuotaScope.PerRegion ? regions.Select(r => (string?)r) : [null])
            {
                db.Quotas.RemoveRange(db.Quotas.Where(q => q.AccountId == DemoWorld.AcmeAccountId && q.RegionId == region && q.Name == definition.Name));
                db.Quotas.Add(new EcsConsole.Domain.Quotas.Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = region, Name = definition.Name, Limit = RaisedLimit });
            }
        }

        await db.SaveChangesAsync();
    }

    private const int RaisedLimit = 1_000_000;

    private const string PublicKey =
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDUAHY954jzkRJgM26zQt++Ni4IouuGK+gq5T0OTHxvMweCf8tbOndwDa42K6TCJf96kJtJVdyyIbGJT1i2cSXqRFZZr0g+UI22w/WLplFY5qgNoh2ljS0QeB4FzDtLsGmUekbZjzmlSOMoinf/Y0KvS189f2AcIVwWl8RECgaZ0Q== walk";

    private const string Zone = "cn-hangzhou-h";

    private async Task<(EcsResponse, string[])> DetachCallAsync(Func<(string, string)[], Task<EcsResponse>> call, string unique)
    {
        var instanceId = await NewInstanceAsync(unique, stopped: false);
        var diskId = await MustAsync("CreateDisk", "DiskId", InRegion, ("InstanceId", instanceId), ("Size", "20"));
        return (await call([("DiskId", diskId), ("InstanceId", instanceId)]), []);
    }

    private async Task<(EcsResponse, string[])> ResetCallAsync(Func<(string, string)[], Task<EcsResponse>> call, string unique)
    {
        var instanceId = await NewInstanceAsync(unique, stopped: true);
        var diskId = await MustAsync("CreateDisk", "DiskId", InRegion, ("InstanceId", instanceId), ("Size", "20"));
        var snapshotId = await MustAsync("CreateSnapshot", "SnapshotId", ("DiskId", diskId), ("SnapshotName", "walk-reset-" + unique));
        await CompleteTasksAsync();
        return (await call([("DiskId", diskId), ("SnapshotId", snapshotId)]), []);
    }

    private static (string, string)[] PolicyParameters(string unique) =>
        [("regionId", Region), ("autoSnapshotPolicyName", "walk-" + unique), ("timePoints", "[\"2\"]"), ("repeatWeekdays", "[\"1\",\"4\"]"), ("retentionDays", "7")];

    private Task<string> NewPolicyAsync(string unique) => MustAsync("CreateAutoSnapshotPolicy", "AutoSnapshotPolicyId", PolicyParameters("walk-policy-" + unique));

    private async Task<string> NewAppliedPolicyAsync(string unique)
    {
        var policyId = await NewPolicyAsync(unique);
        await MustAsync("ApplyAutoSnapshotPolicy", "RequestId", ("regionId", Region), ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{await NewDiskAsync(unique)}\"]"));
        return policyId;
    }

    private async Task<(EcsResponse, string[])> CancelPolicyCallAsync(Func<(string, string)[], Task<EcsResponse>> call, string unique)
    {
        var diskId = await NewDiskAsync(unique);
        var policyId = await NewPolicyAsync(unique);
        await MustAsync("ApplyAutoSnapshotPolicy", "RequestId", ("regionId", Region), ("autoSnapshotPolicyId", policyId), ("diskIds", $"[\"{diskId}\"]"));
        return (await call([("regionId", Region), ("diskIds", $"[\"{diskId}\"]"), ("autoSnapshotPolicyId", policyId)]), []);
    }

    private Task<string> NewDiskAsync(string unique) =>
        MustAsync("CreateDisk", "DiskId", InRegion, ("ZoneId", Zone), ("Size", "20"), ("DiskName", "walk-disk-" + unique));

    private async Task<string> SystemDiskAsync(string instanceId)
    {
        await using var db = await DbAsync();
        return await db.Disks.Where(d => d.InstanceId == instanceId && d.Type == "system").Select(d => d.Id).SingleAsync();
    }

    private static (string, string)[] ImportParameters(string unique) =>
    [
        InRegion, ("ImageName", "walk-" + unique), ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"),
        ("DiskDeviceMapping.1.OSSObject", "imports/web-base.qcow2"), ("Platform", "Aliyun"),
    ];

    private static (string, string)[] RunParameters(string unique) =>
    [
        InRegion, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", PublicImage), ("InstanceName", "walk-" + unique),
        ("SystemDisk.Category", "cloud_essd"),
    ];

    private static (string, string)[] CreateParameters(string unique) =>
    [
        InRegion, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", PublicImage), ("InstanceName", "walk-" + unique),
        ("SystemDisk.Category", "cloud_essd"),
    ];

    private static (string, string)[] ComponentParameters(string unique) =>
        [InRegion, ("Name", "walk-" + unique), ("SystemType", "Linux"), ("ComponentType", "Build"), ("Content", "RUN echo walk")];

    private static (string, string)[] PipelineParameters(string unique) =>
    [
        InRegion, ("Name", "walk-" + unique), ("BaseImageType", "IMAGE"), ("BaseImage", "ubuntu_22_04_x64_20G_alibase_20240130.vhd"),
        ("BuildContent", "RUN echo walk"),
    ];

    /// <summary>A template whose base is imported from OSS (IB-38), so that a call exercises its ImportImageOptions.</summary>
    private static (string, string)[] OssPipelineParameters(string unique) =>
    [
        InRegion, ("Name", "walk-" + unique), ("BaseImageType", "OSS"), ("ImportImageOptions.Platform", "Aliyun"),
        ("ImportImageOptions.DiskDeviceMappings.1.OSSBucket", "acme-images-hangzhou"),
        ("ImportImageOptions.DiskDeviceMappings.1.OSSObject", "imports/web-base.qcow2"), ("BuildContent", "RUN echo walk"),
    ];

    private async Task<string> MustAsync(string action, string field, params (string, string)[] parameters)
    {
        var answer = await api.Alice().CallAsync(action, parameters);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{action}: {answer}");
        return answer[field].GetString()!;
    }

    private Task CompleteTasksAsync() => api.App.Services.GetRequiredService<SimulationClockService>().CompleteTasksAsync();

    public async Task<string> NewImageAsync(string unique)
    {
        var imageId = await MustAsync("CreateImage", "ImageId", InRegion, ("InstanceId", await RunningInstanceAsync()), ("ImageName", "walk-image-" + unique));
        await CompleteTasksAsync();
        return imageId;
    }

    private async Task<string> SharedImageAsync(string unique)
    {
        var imageId = await NewImageAsync(unique);
        await MustAsync("ModifyImageSharePermission", "RequestId", InRegion, ("ImageId", imageId), ("AddAccount.1", DemoWorld.InitechAccountId));
        return imageId;
    }

    private async Task<string> TaggedImageAsync(string unique)
    {
        var imageId = await NewImageAsync(unique);
        await MustAsync("TagResources", "RequestId", InRegion, ("ResourceType", "image"), ("ResourceId.1", imageId), ("Tag.1.Key", "walk-untag"), ("Tag.1.Value", unique));
        return imageId;
    }

    private async Task<string> NewCopyAsync(string unique) =>
        await MustAsync("CopyImage", "ImageId", InRegion, ("ImageId", await NewImageAsync(unique)), ("DestinationRegionId", "cn-beijing"), ("DestinationImageName", "walk-copy-" + unique));

    private Task<string> NewImportTaskAsync(string unique) => MustAsync("ImportImage", "TaskId", ImportParameters("walk-import-" + unique));

    private async Task<string> NewSnapshotAsync(string unique)
    {
        var snapshotId = await MustAsync("CreateSnapshot", "SnapshotId", ("DiskId", await DataDiskAsync()), ("SnapshotName", "walk-snapshot-" + unique));
        await CompleteTasksAsync();
        return snapshotId;
    }

    private async Task<string> NewSnapshotGroupAsync(string unique)
    {
        var groupId = await MustAsync("CreateSnapshotGroup", "SnapshotGroupId", InRegion, ("InstanceId", await NewInstanceAsync(unique, stopped: false)));
        await CompleteTasksAsync();
        return groupId;
    }

    private async Task<string> NewInstanceAsync(string unique, bool stopped)
    {
        var run = await api.Alice().CallAsync("RunInstances", RunParameters("walk-instance-" + unique));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        var instanceId = run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString()!;
        await CompleteTasksAsync();
        if (stopped)
        {
            await MustAsync("StopInstance", "RequestId", ("InstanceId", instanceId));
            await CompleteTasksAsync();
        }

        return instanceId;
    }

    private Task<string> NewKeyPairAsync(string unique) => MustAsync("CreateKeyPair", "KeyPairName", InRegion, ("KeyPairName", "walk-key-" + unique));

    private Task<string> NewComponentAsync(string unique) => MustAsync("CreateImageComponent", "ImageComponentId", ComponentParameters("walk-component-" + unique));

    private Task<string> NewPipelineAsync(string unique) => MustAsync("CreateImagePipeline", "ImagePipelineId", PipelineParameters("walk-template-" + unique));

    private async Task<string> NewExecutionAsync(string unique) =>
        await MustAsync("StartImagePipelineExecution", "ExecutionId", InRegion, ("ImagePipelineId", await NewPipelineAsync(unique)));

    private async Task<string> StartedPipelineAsync(string unique)
    {
        var pipelineId = await NewPipelineAsync(unique);
        await MustAsync("StartImagePipelineExecution", "ExecutionId", InRegion, ("ImagePipelineId", pipelineId));
        return pipelineId;
    }

    private async Task<string> AcmeBaseAsync()
    {
        await using var db = await DbAsync();
        return await db.Images.Where(i => i.Name == "acme-base-v1" && i.RegionId == Region).Select(i => i.Id).SingleAsync();
    }

    private async Task<string> RunningInstanceAsync()
    {
        await using var db = await DbAsync();
        return await db.Instances.Where(i => i.AccountId == DemoWorld.AcmeAccountId && i.Name == "web-1").Select(i => i.Id).SingleAsync();
    }

    private async Task<string> DataDiskAsync()
    {
        await using var db = await DbAsync();
        return await db.Disks.Where(d => d.AccountId == DemoWorld.AcmeAccountId && d.RegionId == Region && d.Type == "data" && d.InstanceId != null)
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
