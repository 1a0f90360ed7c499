using System.Net;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Whether an action changes state is part of its registration (ADR-009), and <c>DryRun=true</c> on a changing action
/// runs every check the real call runs — parameters, the right, quota, state — answering <c>DryRunOperation</c>
/// (ImportImage: <c>DRYRUN.SUCCESS</c>) only where the real call would succeed, and leaving nothing behind: no resource,
/// task, quota use or audit entry (ADR-016).
/// </summary>
public sealed class EcsApiDryRunTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    /// <summary>Parameters naming resources that do not exist: the real call refuses, and so must the dry run.</summary>
    private static readonly (string Name, string Value)[] Unknown =
    [
        ("RegionId", Region), ("ImageId", "m-dryrun"), ("InstanceId", "i-dryrun"), ("DiskId", "d-dryrun"), ("SnapshotId", "s-dryrun"), ("TaskId", "t-dryrun"),
        ("DestinationRegionId", "cn-shanghai"), ("OSSBucket", "dryrun"), ("DiskDeviceMapping.1.OSSBucket", "dryrun"), ("DiskDeviceMapping.1.OSSObject", "dryrun.qcow2"),
        ("ResourceType", "image"), ("ResourceId.1", "m-dryrun"), ("Tag.1.Key", "dry"), ("Tag.1.Value", "run"), ("TagKey.1", "dry"), ("InstanceType", "ecs.g7.large"),
        ("ImageName", "dry-run"), ("SystemType", "Linux"), ("ComponentType", "Build"),
        ("BaseImageType", "IMAGE"), ("BaseImage", "m-dryrun"), ("BuildContent", "RUN echo dry"), ("ImageComponentId", "ic-dryrun"),
        ("ImagePipelineId", "ip-dryrun"), ("ExecutionId", "exec-dryrun"),
    ];

    public static TheoryData<string> ChangingActions() => [.. EcsActions.All.Values.Where(a => a.Changing).Select(a => a.Name).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ChangingActions))]
    public async Task EveryChangingAction_WithDryRun_AnswersTheRealCallsRefusal_AndWritesNothing(string action)
    {
        // Arrange
        var alice = api.Alice();
        var before = await WorldAsync();

        // Act
        var dryRun = await alice.CallAsync(action, [.. Unknown, ("DryRun", "true")]);
        var afterDryRun = await WorldAsync();
        var real = await alice.CallAsync(action, Unknown);

        // Assert: the dry run looked at the parameters and refused as the real call does
        Assert.Equal(before, afterDryRun);
        Assert.NotEqual(HttpStatusCode.OK, real.Status);
        Assert.Equal((real.Status, real.Code), (dryRun.Status, dryRun.Code));
    }

    public static TheoryData<string> Succeeding() =>
    [
        "CreateImage", "CopyImage", "ImportImage", "ExportImage", "ModifyImageAttribute", "DeleteImage", "TagResources", "RunInstances",
        "CreateSnapshot", "StopInstance", "CreateImageComponent", "CreateImagePipeline", "ModifyImageSharePermission",
        "CreateInstance", "StopInstances", "RebootInstance", "ModifyInstanceAttribute", "CreateAutoSnapshotPolicy",
        "CopySnapshot", "ModifySnapshotAttribute", "CreateSnapshotGroup",
    ];

    [Theory]
    [MemberData(nameof(Succeeding))]
    public async Task ACallThatWouldSucceed_WithDryRun_AnswersDryRunOperation_AndLeavesNothingBehind(string action)
    {
        // Arrange
        var alice = api.Alice();
        var parameters = await ValidAsync(alice, action);
        var before = await WorldAsync();

        // Act
        var response = await alice.CallAsync(action, [.. parameters, ("DryRun", "true")]);

        // Assert
        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Equal(action == "ImportImage" ? "DRYRUN.SUCCESS" : "DryRunOperation", response.Code);
        Assert.Equal(before, await WorldAsync());
    }

    [Fact]
    public async Task CreateImage_WithDryRun_ByAReadOnlyMember_IsForbidden()
    {
        // Arrange: bob is a read-only member of Acme
        var parameters = await ValidAsync(api.Alice(), "CreateImage");

        // Act
        var response = await api.As(DemoWorld.Bob).CallAsync("CreateImage", [.. parameters, ("DryRun", "true")]);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("Forbidden", response.Code);
    }

    [Fact]
    public async Task CreateImage_WithDryRun_AndATakenName_IsDuplicated()
    {
        // Arrange
        var alice = api.Alice();
        var instanceId = await EcsApiImageTests.RunningInstanceAsync(alice);

        // Act
        var response = await alice.CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", instanceId), ("ImageName", "acme-base-v1"), ("DryRun", "true"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidImageName.Duplicated", response.Code);
    }

    [Fact]
    public async Task DryRunFalse_IsTheRealCall()
    {
        // Act
        var response = await api.Alice().CallAsync("CreateImageComponent", ("RegionId", Region), ("Name", "dry-run-false"), ("SystemType", "Linux"),
            ("ComponentType", "Build"), ("Content", "RUN echo real"), ("DryRun", "false"));

        // Assert
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.StartsWith("ic-", response["ImageComponentId"].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeImages")]
    [InlineData("DescribeInstances")]
    [InlineData("DescribeSnapshots")]
    [InlineData("DescribeDisks")]
    public async Task AReadingAction_WithDryRun_AnswersDryRunOperation_WhereItWouldAnswer(string action)
    {
        // Act
        var response = await api.Alice().CallAsync(action, ("RegionId", Region), ("DryRun", "true"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "DryRunOperation"), (response.Status, response.Code));
    }

    [Fact]
    public async Task AReadingAction_WithDryRun_AnswersItsRefusal()
    {
        // Act
        var response = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("DryRun", "true"), ("PageSize", "500"));

        // Assert
        Assert.Equal("InvalidParameter", response.Code);
    }

    [Fact]
    public void TheRegistrations_DeclareWhichActionsChangeState()
    {
        // Arrange
        string[] changing =
        [
            "ApplyAutoSnapshotPolicy", "AttachDisk", "CancelAutoSnapshotPolicy", "CancelCopyImage", "CancelImagePipelineExecution", "CancelTask", "CopyImage",
            "CreateAutoSnapshotPolicy", "CreateDisk",
            "CreateImage", "CreateImageComponent", "CreateImagePipeline", "CreateInstance", "CreateKeyPair", "CreateSnapshot",
            "DeleteAutoSnapshotPolicy", "DeleteDisk", "DeleteImage", "DeleteImageComponent", "DeleteImagePipeline", "DeleteInstance", "DeleteInstances",
            "DeleteKeyPairs", "DeleteSnapshot", "DetachDisk", "ExportImage", "ImportImage", "ImportKeyPair",
            "JoinResourceGroup", "ModifyImageAttribute", "ModifyImageShareGroupPermission", "ModifyImageSharePermission",
            "ModifyInstanceAttribute", "ReInitDisk", "RebootInstance", "ReplaceSystemDisk", "ResetDisk", "RunInstances",
            "StartImagePipelineExecution", "StartInstance", "StartInstances", "StopInstance", "StopInstances", "TagResources",
            "UntagResources",
            "CopySnapshot", "ModifySnapshotAttribute", "CreateSnapshotGroup", "DeleteSnapshotGroup",
        ];

        // Act
        var declared = EcsActions.All.Values.Where(a => a.Changing).Select(a => a.Name).Order(StringComparer.Ordinal).ToArray();

        // Assert
        Assert.Equal(changing.Order(StringComparer.Ordinal), declared);
        Assert.All(EcsActions.All, kv => Assert.Equal(kv.Key, kv.Value.Name));
    }

    [Fact]
    public async Task CreateImagePipeline_WithDryRun_CreatesNoTemplate()
    {
        // Arrange
        var alice = api.Alice();
        var before = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region));

        // Act
        var response = await alice.CallAsync("CreateImagePipeline", ("RegionId", Region), ("Name", "dry-run-template"), ("BaseImageType", "IMAGE"),
            ("BaseImage", "ubuntu_22_04_x64_20G_alibase_20240130.vhd"), ("BuildContent", "RUN echo dry"), ("DryRun", "true"));
        var after = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("DryRunOperation", response.Code);
        Assert.Equal(before["TotalCount"].GetInt32(), after["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task ModifyImageAttribute_ANameAndARefusedStatus_ChangeNothing_AndAreAuditedOnce()
    {
        // Arrange: acme-base-v1 is Available, so Status=Available (restore) is refused after the rename was accepted
        var imageId = await AcmeBaseImageIdAsync();
        var before = await AuditCountAsync();

        // Act
        var response = await api.Alice().CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("ImageName", "acme-base-renamed"),
            ("Status", "Available"));

        // Assert
        Assert.Equal("ImageStatus.NotDeprecated", response.Code);
        Assert.Equal(before + 1, await AuditCountAsync());
        await using var db = await DbAsync();
        Assert.Equal("acme-base-v1", await db.Images.Where(i => i.Id == imageId).Select(i => i.Name).SingleAsync());
    }

    /// <summary>Parameters with which <paramref name="action"/> succeeds for Alice in the demo world.</summary>
    private async Task<(string Name, string Value)[]> ValidAsync(EcsTestClient alice, string action)
    {
        var imageId = await AcmeBaseImageIdAsync();
        var instanceId = await EcsApiImageTests.RunningInstanceAsync(alice);
        (string, string) region = ("RegionId", Region);
        return action switch
        {
            "CreateImage" => [region, ("InstanceId", instanceId), ("ImageName", "dry-run-image")],
            "CopyImage" => [region, ("ImageId", imageId), ("DestinationRegionId", "cn-beijing"), ("DestinationImageName", "dry-run-copy")],
            "ImportImage" => [region, ("ImageName", "dry-run-import"), ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"),
                ("DiskDeviceMapping.1.OSSObject", "imports/web-base.qcow2"), ("Platform", "Aliyun")],
            "ExportImage" => [region, ("ImageId", imageId), ("OSSBucket", "acme-images-hangzhou"), ("OSSPrefix", "dryrun")],
            "ModifyImageAttribute" => [region, ("ImageId", imageId), ("Description", "changed by a dry run")],
            "DeleteImage" => [region, ("ImageId", imageId), ("Force", "true")],
            "TagResources" => [region, ("ResourceType", "image"), ("ResourceId.1", imageId), ("Tag.1.Key", "dry"), ("Tag.1.Value", "run")],
            "RunInstances" => [region, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"),
                ("InstanceName", "dry-run-instance"), ("SystemDisk.Category", "cloud_essd")],
            "CreateSnapshot" => [("DiskId", await DataDiskIdAsync(alice)), ("SnapshotName", "dry-run-snapshot")],
            "StopInstance" => [("InstanceId", instanceId)],
            "StopInstances" => [region, ("InstanceId.1", instanceId)],
            "RebootInstance" => [("InstanceId", instanceId)],
            "ModifyInstanceAttribute" => [("InstanceId", instanceId), ("Description", "changed by a dry run"), ("HostName", "dry-run-host")],
            "CreateInstance" => [region, ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd")],
            "CreateImageComponent" => [region, ("Name", "dry-run-component"), ("SystemType", "Linux"), ("ComponentType", "Build"), ("Content", "RUN echo dry")],
            "CreateImagePipeline" => [region, ("Name", "dry-run-template"), ("BaseImageType", "IMAGE"), ("BaseImage", "ubuntu_22_04_x64_20G_alibase_20240130.vhd"),
                ("BuildContent", "RUN echo dry")],
            "ModifyImageSharePermission" => [region, ("ImageId", imageId), ("AddAccount.1", DemoWorld.InitechAccountId)],
            "CreateAutoSnapshotPolicy" => [("regionId", Region), ("autoSnapshotPolicyName", "dry-run-policy"), ("timePoints", "[\"2\"]"), ("repeatWeekdays", "[\"1\"]"),
                ("retentionDays", "7")],
            "CopySnapshot" => [region, ("SnapshotId", await SeededSnapshotIdAsync()), ("DestinationRegionId", "cn-beijing")],
            "ModifySnapshotAttribute" => [("SnapshotId", await SeededSnapshotIdAsync()), ("Description", "changed by a dry run")],
            "CreateSnapshotGroup" => [region, ("InstanceId", instanceId), ("Name", "dry-run-group")],
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private async Task<string> SeededSnapshotIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Snapshots.Where(s => s.Name == "db-1-data-daily").Select(s => s.Id).SingleAsync();
    }

    private static async Task<string> DataDiskIdAsync(EcsTestClient alice)
    {
        var disks = await alice.CallAsync("DescribeDisks", ("RegionId", Region), ("DiskType", "data"));
        return disks["Disks"].GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
    }

    /// <summary>What a change would leave behind: rows of every kind a changing action makes, and every image's state.</summary>
    private async Task<string> WorldAsync()
    {
        await using var db = await DbAsync();
        var counts = new[]
        {
            await db.Images.CountAsync(), await db.Snapshots.CountAsync(), await db.Instances.CountAsync(), await db.Disks.CountAsync(),
            await db.AsyncTasks.CountAsync(), await db.AuditEntries.CountAsync(), await db.ImageTags.CountAsync(), await db.ImageShares.CountAsync(),
            await db.ImageComponents.CountAsync(), await db.ImagePipelines.CountAsync(), await db.ImagePipelineExecutions.CountAsync(),
            await db.OssObjects.CountAsync(), await db.SnapshotGroups.CountAsync(),
        };
        var snapshots = await db.Snapshots.OrderBy(s => s.Id).Select(s => s.Id + ":" + s.Name + ":" + s.Description).ToListAsync();
        var images = await db.Images.OrderBy(i => i.Id).Select(i => i.Id + ":" + i.Name + ":" + i.Status + ":" + i.Description).ToListAsync();
        var instances = await db.Instances.OrderBy(i => i.Id).Select(i => i.Id + ":" + i.Status).ToListAsync();
        return string.Join(",", counts) + "|" + string.Join(";", images) + "|" + string.Join(";", instances) + "|" + string.Join(";", snapshots);
    }

    private async Task<string> AcmeBaseImageIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Images.Where(i => i.Name == "acme-base-v1" && i.RegionId == Region).Select(i => i.Id).SingleAsync();
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await DbAsync();
        return await db.AuditEntries.CountAsync();
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
