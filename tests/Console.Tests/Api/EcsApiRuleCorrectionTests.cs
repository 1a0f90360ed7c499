using System.Net;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The second pass of issue #21 part 2 (ADR-025): answers whose code or HTTP status differed from domain-rules.md,
/// ecs-openapi.md or image-builder.md. Each test asserts the code and the status the book gives.
/// </summary>
public sealed class EcsApiRuleCorrectionTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task DescribeTaskAttribute_OfAnUnknownTask_IsInvalidTaskIdNotFound_400()
    {
        // Act: ecs-openapi §2.14
        var response = await api.Alice().CallAsync("DescribeTaskAttribute", ("RegionId", Region), ("TaskId", "t-nosuchtask"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTaskId.NotFound"), (response.Status, response.Code));
    }

    [Fact]
    public async Task CancelTask_OfAnUnknownTask_IsInvalidTaskIdNotFound_400()
    {
        // Act: ecs-openapi §2.14
        var response = await api.Alice().CallAsync("CancelTask", ("RegionId", Region), ("TaskId", "t-nosuchtask"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTaskId.NotFound"), (response.Status, response.Code));
    }

    [Fact]
    public async Task CancelTask_OfATaskThatCannotBeCancelled_IsTaskActionNotSupport_403()
    {
        // Arrange: ecs-openapi §2.14 — an export task made uncancellable
        var alice = api.Alice();
        var imageId = await ImageIdAsync("acme-base-v1");
        var export = await alice.CallAsync("ExportImage", ("RegionId", Region), ("ImageId", imageId), ("OSSBucket", "acme-images-hangzhou"),
            ("OSSPrefix", "uncancellable"));
        Assert.True(export.Status == HttpStatusCode.OK, export.ToString());
        var taskId = export["TaskId"].GetString()!;
        await using (var db = await DbAsync())
        {
            var task = await db.AsyncTasks.SingleAsync(t => t.Id == taskId);
            db.Entry(task).Property(t => t.Cancellable).CurrentValue = false;
            await db.SaveChangesAsync();
        }

        // Act
        var response = await alice.CallAsync("CancelTask", ("RegionId", Region), ("TaskId", taskId));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidTaskId.TaskActionNotSupport"), (response.Status, response.Code));
    }

    [Fact]
    public async Task ModifyImageAttribute_IntoAFullFamily_IsImageQuotaFullImageFamily_400()
    {
        // Arrange: FAM-11 — Acme's families in cn-hangzhou may hold no image (an admin's limit of 0)
        var imageId = await ImageIdAsync("acme-base-v1");
        await using var db = await DbAsync();
        var quota = new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Region, Name = QuotaCatalogue.ImagesPerFamily, Limit = 0, UpdatedAt = DateTimeOffset.UtcNow };
        db.Quotas.Add(quota);
        await db.SaveChangesAsync();

        // Act
        var response = await api.Alice().CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("ImageFamily", "acme-other"));
        db.Quotas.Remove(quota);
        await db.SaveChangesAsync();

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "ImageQuotaFull.ImageFamily"), (response.Status, response.Code));
    }

    [Fact]
    public async Task RunInstances_InAnUnknownZone_IsInvalidZoneIdNotFound_404()
    {
        // Act: ecs-openapi §2.19
        var response = await api.Alice().CallAsync("RunInstances", ("RegionId", Region), ("ZoneId", "cn-hangzhou-zz"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("SystemDisk.Category", "cloud_essd"));

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, "InvalidZoneId.NotFound"), (response.Status, response.Code));
    }

    [Fact]
    public async Task ReplaceSystemDisk_WithAnUnknownKeyPair_IsInvalidKeyPairNameNotFound_400()
    {
        // Arrange: ecs-openapi §2.20 — db-1 is Acme's stopped instance
        string instanceId;
        await using (var db = await DbAsync())
        {
            instanceId = await db.Instances.Where(i => i.AccountId == DemoWorld.AcmeAccountId && i.Name == "db-1").Select(i => i.Id).SingleAsync();
        }

        // Act
        var response = await api.Alice().CallAsync("ReplaceSystemDisk", ("InstanceId", instanceId), ("ImageId", "ubuntu_22_04_x64_20G_alibase_20240130.vhd"),
            ("KeyPairName", "no-such-key"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidKeyPairName.NotFound"), (response.Status, response.Code));
    }

    [Fact]
    public async Task ImportImage_WithATagKeyTwice_IsTagKeyDuplication_403()
    {
        // Act: VAL-TAG-04 — keys compared case-insensitively
        var response = await api.Alice().CallAsync("ImportImage", ("RegionId", Region), ("ImageName", "import-duplicate-tags"),
            ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"), ("DiskDeviceMapping.1.OSSObject", "imports/web-base.qcow2"),
            ("Tag.1.Key", "team"), ("Tag.1.Value", "a"), ("Tag.2.Key", "Team"), ("Tag.2.Value", "b"));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, "TagKey.Duplication"), (response.Status, response.Code));
    }

    [Fact]
    public async Task CreateImage_WithATagKeyTwice_StaysDuplicateTagKey_400()
    {
        // Act: VAL-TAG-04 — the other image writes keep Duplicate.TagKey
        var response = await api.Alice().CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", "i-whichever"), ("ImageName", "create-duplicate-tags"),
            ("Tag.1.Key", "team"), ("Tag.1.Value", "a"), ("Tag.2.Key", "team"), ("Tag.2.Value", "b"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "Duplicate.TagKey"), (response.Status, response.Code));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(0)]
    public async Task DescribeSnapshots_WithMoreThanOneHundredOrMalformedSnapshotIds_IsInvalidSnapshotIdsMalformed_403(int count)
    {
        // Arrange: SNP-14 — 0 stands for a value that is not a JSON array
        var ids = count == 0 ? "s-1,s-2" : "[" + string.Join(",", Enumerable.Range(1, count).Select(n => $"\"s-{n}\"")) + "]";

        // Act
        var response = await api.Alice().CallAsync("DescribeSnapshots", ("RegionId", Region), ("SnapshotIds", ids));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidSnapshotIds.Malformed"), (response.Status, response.Code));
    }

    [Theory]
    [InlineData("DescribeImages")]
    [InlineData("ListTagResources")]
    [InlineData("DescribeKeyPairs")]
    public async Task ADescribeCall_WithATagValueWithoutItsKey_IsInvalidTagMismatch_400(string action)
    {
        // Act: IMG-Q-08, ecs-openapi §2.2 and §2.25
        var response = await api.Alice().CallAsync(action, ("RegionId", Region), ("ResourceType", "image"), ("Tag.1.Value", "orphan"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTag.Mismatch"), (response.Status, response.Code));
    }

    [Fact]
    public async Task ModifyImageSharePermission_WithTheHiddenLaunchPermission_IsForbiddenParameter_400_AndSharesNothing()
    {
        // Arrange: ecs-openapi §2.8
        var imageId = await ImageIdAsync("acme-base-v1");

        // Act
        var response = await api.Alice().CallAsync("ModifyImageSharePermission", ("RegionId", Region), ("ImageId", imageId),
            ("AddAccount.1", DemoWorld.InitechAccountId), ("LaunchPermission", "launch"));
        var shared = await api.Alice().CallAsync("DescribeImageSharePermission", ("RegionId", Region), ("ImageId", imageId));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, "ForbiddenParameter.LaunchPermission"), (response.Status, response.Code));
        Assert.DoesNotContain(shared["Accounts"].GetProperty("Account").EnumerateArray(), a => a.GetProperty("AliyunId").GetString() == DemoWorld.InitechAccountId);
    }

    private async Task<string> ImageIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Images.Where(i => i.Name == name && i.RegionId == Region).Select(i => i.Id).SingleAsync();
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
