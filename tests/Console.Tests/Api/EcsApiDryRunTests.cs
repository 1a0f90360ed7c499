using System.Net;
using EcsConsole.Domain.Persistence;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Whether an action changes state is part of its registration (ADR-009), and <c>DryRun=true</c> stops every changing
/// action — Image Builder's included — with <c>DryRunOperation</c> (ImportImage: <c>DRYRUN.SUCCESS</c>) before anything
/// is written.
/// </summary>
public sealed class EcsApiDryRunTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    /// <summary>Parameters every changing action could act on: a dry run must not look at them, let alone act.</summary>
    private static readonly (string Name, string Value)[] Plausible =
    [
        ("RegionId", Region), ("ImageId", "m-dryrun"), ("InstanceId", "i-dryrun"), ("DiskId", "d-dryrun"), ("SnapshotId", "s-dryrun"), ("TaskId", "t-dryrun"),
        ("DestinationRegionId", "cn-shanghai"), ("OSSBucket", "dryrun"), ("DiskDeviceMapping.1.OSSBucket", "dryrun"), ("DiskDeviceMapping.1.OSSObject", "dryrun.qcow2"),
        ("ResourceType", "image"), ("ResourceId.1", "m-dryrun"), ("Tag.1.Key", "dry"), ("Tag.1.Value", "run"), ("TagKey.1", "dry"), ("InstanceType", "ecs.g7.large"),
        ("ImageName", "dry-run"), ("Name", "dry-run"), ("SystemType", "Linux"), ("ComponentType", "Build"), ("Content", "RUN echo dry"),
        ("BaseImageType", "IMAGE"), ("BaseImage", "m-dryrun"), ("BuildContent", "RUN echo dry"), ("ImageComponentId", "ic-dryrun"),
        ("ImagePipelineId", "ip-dryrun"), ("ExecutionId", "exec-dryrun"), ("DryRun", "true"),
    ];

    public static TheoryData<string> ChangingActions() => [.. EcsActions.All.Values.Where(a => a.Changing).Select(a => a.Name).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ChangingActions))]
    public async Task EveryChangingAction_WithDryRun_AnswersDryRunOperation_AndWritesNothing(string action)
    {
        // Arrange
        var before = await AuditCountAsync();

        // Act
        var response = await api.Alice().CallAsync(action, Plausible);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(action == "ImportImage" ? "DRYRUN.SUCCESS" : "DryRunOperation", response.Code);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public void TheRegistrations_DeclareWhichActionsChangeState()
    {
        // Arrange
        string[] changing =
        [
            "CancelCopyImage", "CancelImagePipelineExecution", "CancelTask", "CopyImage", "CreateImage", "CreateImageComponent", "CreateImagePipeline",
            "CreateSnapshot", "DeleteImage", "DeleteImageComponent", "DeleteImagePipeline", "DeleteInstance", "DeleteSnapshot", "ExportImage", "ImportImage",
            "ModifyImageAttribute", "ModifyImageSharePermission", "ReplaceSystemDisk", "RunInstances", "StartImagePipelineExecution", "StartInstance",
            "StopInstance", "TagResources", "UntagResources",
        ];

        // Act
        var declared = EcsActions.All.Values.Where(a => a.Changing).Select(a => a.Name).Order(StringComparer.Ordinal).ToArray();

        // Assert
        Assert.Equal(changing, declared);
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
