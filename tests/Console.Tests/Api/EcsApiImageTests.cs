using System.Net;
using System.Text.Json;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The image operations over HTTP, signed as the SDKs sign: each answers the exact ECS shape (names, nesting, JSON types
/// of ecs-model-trees.txt) or the ECS error code, through the console's own services.
/// </summary>
public sealed class EcsApiImageTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task DescribeImages_ReportsEveryFieldWithItsEcsJsonType()
    {
        // Act
        var response = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"), ("PageSize", "50"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonValueKind.Number, response["TotalCount"].ValueKind);
        Assert.Equal(50, response["PageSize"].GetInt32());
        var image = response["Images"].GetProperty("Image")[0];
        Assert.Equal("acme-base-v1", image.GetProperty("ImageName").GetString());
        Assert.Equal(JsonValueKind.Number, image.GetProperty("Size").ValueKind);
        Assert.Equal(JsonValueKind.Number, image.GetProperty("ImageOwnerId").ValueKind);
        Assert.Equal("self", image.GetProperty("ImageOwnerAlias").GetString());
        Assert.Equal("100%", image.GetProperty("Progress").GetString());
        Assert.Equal(JsonValueKind.False, image.GetProperty("IsPublic").ValueKind);
        Assert.Equal(JsonValueKind.String, image.GetProperty("IsSelfShared").ValueKind);
        var disk = image.GetProperty("DiskDeviceMappings").GetProperty("DiskDeviceMapping")[0];
        Assert.Equal(JsonValueKind.String, disk.GetProperty("Size").ValueKind);
        Assert.Equal("system", disk.GetProperty("Type").GetString());
        Assert.Equal(JsonValueKind.Array, image.GetProperty("Tags").GetProperty("Tag").ValueKind);
        Assert.Matches("^(supported|unsupported)$", image.GetProperty("Features").GetProperty("NvmeSupport").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", image.GetProperty("CreationTime").GetString());
    }

    [Fact]
    public async Task DescribeImages_BySystemAlias_ListsPublicImagesOnly_AndPagesThem()
    {
        // Act
        var page = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"), ("PageSize", "5"), ("PageNumber", "2"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page["TotalCount"].GetInt32() >= 30);
        Assert.Equal(5, page["Images"].GetProperty("Image").GetArrayLength());
        Assert.All(page["Images"].GetProperty("Image").EnumerateArray(), i => Assert.Equal("system", i.GetProperty("ImageOwnerAlias").GetString()));
    }

    [Fact]
    public async Task DescribeImages_ShowsGlobexsSharedImage_AsOthers()
    {
        // Act
        var shared = await api.Alice(EcsSigning.V1).CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "others"));

        // Assert
        var image = Assert.Single(shared["Images"].GetProperty("Image").EnumerateArray());
        Assert.Equal("globex-shared-tools", image.GetProperty("ImageName").GetString());
        Assert.Equal("others", image.GetProperty("ImageOwnerAlias").GetString());
    }

    [Theory]
    [InlineData("PageSize", "101", 400, "InvalidParameter")]
    [InlineData("PageSize", "ten", 400, "InvalidParameter")]
    [InlineData("ImageOwnerAlias", "nobody", 400, "InvalidImageOwnerAlias.ValueNotSupported")]
    [InlineData("OSType", "beos", 404, "InvalidOSType")]
    [InlineData("Architecture", "sparc", 404, "InvalidArchitecture")]
    [InlineData("Usage", "sometimes", 404, "InvalidUsage")]
    [InlineData("Status", "Melting", 400, "InvalidParameter")]
    [InlineData("Filter.1.Key", "Colour", 404, "InvalidFilterKey.NotFound")]
    [InlineData("RegionId", "mars-north-1", 404, "InvalidRegionId.NotFound")]
    public async Task DescribeImages_WithABadParameter_AnswersItsEcsCode(string name, string value, int status, string code)
    {
        // Arrange
        var parameters = new Dictionary<string, string> { ["RegionId"] = Region, [name] = value };

        // Act
        var response = await api.Alice().CallAsync("DescribeImages", parameters);

        // Assert
        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal(code, response.Code);
    }

    [Fact]
    public async Task DescribeImages_WithoutRegion_IsMissingParameter()
    {
        // Act
        var response = await api.Alice().CallAsync("DescribeImages");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MissingParameter", response.Code);
    }

    [Fact]
    public async Task DescribeImageFromFamily_ResolvesAcmeBase_AndAnEmptyFamilyToNothing()
    {
        // Act
        var family = await api.Alice().CallAsync("DescribeImageFromFamily", ("RegionId", Region), ("ImageFamily", "acme-base"));
        var none = await api.Alice().CallAsync("DescribeImageFromFamily", ("RegionId", Region), ("ImageFamily", "no-such-family"));

        // Assert
        Assert.Equal("acme-base-v1", family["Image"].GetProperty("ImageName").GetString());
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.False(none["Image"].TryGetProperty("ImageId", out _));
    }

    [Fact]
    public async Task DescribeImageSupportInstanceTypes_ForAnArmImage_ListsArmTypesOnly()
    {
        // Act
        var response = await api.Alice().CallAsync("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", "aliyun_3_arm64_20G_alibase_20250101.vhd"));
        var unknown = await api.Alice().CallAsync("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", "m-nosuchimage"));

        // Assert
        var types = response["InstanceTypes"].GetProperty("InstanceType").EnumerateArray().Select(t => t.GetProperty("InstanceTypeId").GetString()).ToList();
        Assert.Contains("ecs.g8y.large", types);
        Assert.DoesNotContain("ecs.g7.large", types);
        Assert.Equal("InvalidImageId.NotFound", unknown.Code);
    }

    [Fact]
    public async Task CreateImage_FromARunningInstance_BecomesAvailable_WithItsTaskAndTags()
    {
        // Arrange
        var alice = api.Alice();
        var instanceId = await RunningInstanceAsync(alice);

        // Act
        var created = await alice.CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", instanceId), ("ImageName", "api-made-1"), ("Tag.1.Key", "env"), ("Tag.1.Value", "test"));
        var imageId = created["ImageId"].GetString()!;
        var image = await WaitForImageAsync(alice, Region, imageId, "Available");
        var tasks = await alice.CallAsync("DescribeTasks", ("RegionId", Region), ("ResourceIds.1", imageId));

        // Assert
        Assert.StartsWith("m-bp", imageId, StringComparison.Ordinal);
        Assert.Equal("env", image.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagKey").GetString());
        var task = Assert.Single(tasks["TaskSet"].GetProperty("Task").EnumerateArray());
        Assert.Equal("CreateImage", task.GetProperty("TaskAction").GetString());
        Assert.Equal("Finished", task.GetProperty("TaskStatus").GetString());
        var attribute = await alice.CallAsync("DescribeTaskAttribute", ("RegionId", Region), ("TaskId", task.GetProperty("TaskId").GetString()!));
        Assert.Equal("100%", attribute["TaskProcess"].GetString());
        Assert.Equal(1, attribute["SuccessCount"].GetInt32());
    }

    [Fact]
    public async Task CreateImage_FromDiskDeviceMappings_UsesTheSystemSnapshot()
    {
        // Arrange: a system-disk snapshot of Acme's
        var alice = api.Alice();
        var snapshots = await alice.CallAsync("DescribeSnapshots", ("RegionId", Region), ("SourceDiskType", "system"));
        var snapshotId = snapshots["Snapshots"].GetProperty("Snapshot")[0].GetProperty("SnapshotId").GetString()!;

        // Act
        var created = await alice.CallAsync("CreateImage", ("RegionId", Region), ("ImageName", "api-from-mapping"),
            ("DiskDeviceMapping.1.SnapshotId", snapshotId), ("DiskDeviceMapping.1.DiskType", "system"), ("DiskDeviceMapping.1.Device", "/dev/xvda"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var image = await WaitForImageAsync(alice, Region, created["ImageId"].GetString()!, "Available");
        Assert.Equal(snapshotId, image.GetProperty("DiskDeviceMappings").GetProperty("DiskDeviceMapping")[0].GetProperty("SnapshotId").GetString());
    }

    [Theory]
    [InlineData("ImageName", "1-starts-with-a-digit", "InvalidImageName.Malformed")]
    [InlineData("ImageName", "acme-base-v1", "InvalidImageName.Duplicated")]
    [InlineData("DiskDeviceMapping.1.DiskType", "swap", "InvalidDiskType.ValueNotSupported")]
    public async Task CreateImage_RefusesWhatTheConsoleRefuses(string name, string value, string code)
    {
        // Arrange
        var alice = api.Alice();
        var parameters = new Dictionary<string, string> { ["RegionId"] = Region, ["InstanceId"] = await RunningInstanceAsync(alice), [name] = value };

        // Act
        var response = await alice.CallAsync("CreateImage", parameters);

        // Assert
        Assert.Equal(400, (int)response.Status);
        Assert.Equal(code, response.Code);
    }

    [Fact]
    public async Task CreateImage_WithDryRun_ChangesNothing()
    {
        // Act: a call that would succeed (ADR-016: a dry run runs every check, so an unknown instance would be NotFound)
        var response = await api.Alice().CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", await RunningInstanceAsync(api.Alice())), ("DryRun", "true"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("DryRunOperation", response.Code);
    }

    [Fact]
    public async Task ModifyImageAttribute_Renames_Deprecates_AndRestores()
    {
        // Arrange
        var alice = api.Alice();
        var imageId = await NewImageAsync(alice, "api-modify-1");

        // Act
        var renamed = await alice.CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("ImageName", "api-modified-1"), ("Description", "renamed by the API"));
        var deprecated = await alice.CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Status", "Deprecated"));
        var image = await WaitForImageAsync(alice, Region, imageId, "Deprecated");
        var restored = await alice.CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Status", "Available"));
        var again = await alice.CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Status", "Available"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal(HttpStatusCode.OK, deprecated.Status);
        Assert.Equal("api-modified-1", image.GetProperty("ImageName").GetString());
        Assert.Equal(HttpStatusCode.OK, restored.Status);
        Assert.Equal("ImageStatus.NotDeprecated", again.Code);
    }

    [Fact]
    public async Task ModifyImageSharePermission_SharesWithGlobex_WhoSeesIt_AndDeleteIsRefusedUntilUnshared()
    {
        // Arrange
        var alice = api.Alice();
        var imageId = await NewImageAsync(alice, "api-share-1");

        // Act
        var shared = await alice.CallAsync("ModifyImageSharePermission", ("RegionId", Region), ("ImageId", imageId), ("AddAccount.1", DemoWorld.GlobexAccountId));
        var permission = await alice.CallAsync("DescribeImageSharePermission", ("RegionId", Region), ("ImageId", imageId));
        var carolSees = await api.As(DemoWorld.Carol).CallAsync("DescribeImages", ("RegionId", Region), ("ImageId", imageId), ("ImageOwnerAlias", "others"));
        var refused = await alice.CallAsync("DeleteImage", ("RegionId", Region), ("ImageId", imageId));
        var carolDeletes = await api.As(DemoWorld.Carol).CallAsync("DeleteImage", ("RegionId", Region), ("ImageId", imageId));
        await alice.CallAsync("ModifyImageSharePermission", ("RegionId", Region), ("ImageId", imageId), ("RemoveAccount.1", DemoWorld.GlobexAccountId));
        var deleted = await alice.CallAsync("DeleteImage", ("RegionId", Region), ("ImageId", imageId));
        var again = await alice.CallAsync("DeleteImage", ("RegionId", Region), ("ImageId", imageId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, shared.Status);
        Assert.Equal(DemoWorld.GlobexAccountId, permission["Accounts"].GetProperty("Account")[0].GetProperty("AliyunId").GetString());
        Assert.Equal(1, carolSees["TotalCount"].GetInt32());
        Assert.Equal("ImageUseShared", refused.Code);
        Assert.Equal(HttpStatusCode.Forbidden, carolDeletes.Status);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("InvalidImageId.NotFound", again.Code);
    }

    [Fact]
    public async Task ModifyImageSharePermission_ToAnUnknownAccount_IsInvalidAccountNotFound()
    {
        // Arrange
        var alice = api.Alice();
        var imageId = await NewImageAsync(alice, "api-share-2");

        // Act
        var response = await alice.CallAsync("ModifyImageSharePermission", ("RegionId", Region), ("ImageId", imageId), ("AddAccount.1", "9999999999999999"));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("InvalidAccount.NotFound", response.Code);
    }

    [Fact]
    public async Task CopyImage_MakesACopyInTheDestination_ThatCannotBeCancelledOnceAvailable()
    {
        // Arrange
        var alice = api.Alice();
        var imageId = await NewImageAsync(alice, "api-copy-1");

        // Act
        var copied = await alice.CallAsync("CopyImage", ("RegionId", Region), ("ImageId", imageId), ("DestinationRegionId", "cn-beijing"), ("DestinationImageName", "api-copy-1-bj"));
        var copyId = copied["ImageId"].GetString()!;
        var copy = await WaitForImageAsync(alice, "cn-beijing", copyId, "Available");
        var cancelDone = await alice.CallAsync("CancelCopyImage", ("RegionId", "cn-beijing"), ("ImageId", copyId));
        var cancelOriginal = await alice.CallAsync("CancelCopyImage", ("RegionId", Region), ("ImageId", imageId));
        var sameRegion = await alice.CallAsync("CopyImage", ("RegionId", Region), ("ImageId", imageId), ("DestinationRegionId", Region));

        // Assert
        Assert.StartsWith("m-2ze", copyId, StringComparison.Ordinal);
        Assert.True(copy.GetProperty("IsCopied").GetBoolean());
        Assert.Equal("IncorrectImageStatus", cancelDone.Code);
        Assert.Equal("ImageCreatedNotFromCopy", cancelOriginal.Code);
        Assert.Equal("IncorrectDestinationRegion", sameRegion.Code);
    }

    [Fact]
    public async Task ExportImage_WritesToTheBucket_AsATask()
    {
        // Arrange
        var alice = api.Alice();
        var imageId = await NewImageAsync(alice, "api-export-1");

        // Act
        var exported = await alice.CallAsync("ExportImage", ("RegionId", Region), ("ImageId", imageId), ("OSSBucket", "acme-images-hangzhou"), ("OSSPrefix", "apiexport"));
        var noBucket = await alice.CallAsync("ExportImage", ("RegionId", Region), ("ImageId", imageId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, exported.Status);
        Assert.Equal(Region, exported["RegionId"].GetString());
        Assert.StartsWith("t-", exported["TaskId"].GetString(), StringComparison.Ordinal);
        Assert.Equal("MissingParameter", noBucket.Code);
    }

    [Fact]
    public async Task ImportImage_FromTheSeededObject_MakesAnImageAndATask()
    {
        // Act
        var imported = await api.Alice(EcsSigning.V1Form).CallAsync("ImportImage", ("RegionId", Region), ("ImageName", "api-import-1"),
            ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"), ("DiskDeviceMapping.1.OSSObject", "imports/web-base.qcow2"), ("Platform", "Aliyun"));
        var missing = await api.Alice().CallAsync("ImportImage", ("RegionId", Region), ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.StartsWith("m-", imported["ImageId"].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("t-", imported["TaskId"].GetString(), StringComparison.Ordinal);
        await WaitForImageAsync(api.Alice(), Region, imported["ImageId"].GetString()!, "Available");
        Assert.Equal("MissingParameter", missing.Code);
    }

    [Fact]
    public async Task TagResources_ListTagResources_AndUntagResources_OnAnImage()
    {
        // Arrange
        var alice = api.Alice();
        var imageId = await NewImageAsync(alice, "api-tags-1");

        // Act
        var tagged = await alice.CallAsync("TagResources", ("RegionId", Region), ("ResourceType", "image"), ("ResourceId.1", imageId),
            ("Tag.1.Key", "team"), ("Tag.1.Value", "web"), ("Tag.2.Key", "tier"), ("Tag.2.Value", "gold"));
        var retagged = await alice.CallAsync("TagResources", ("RegionId", Region), ("ResourceType", "image"), ("ResourceId.1", imageId), ("Tag.1.Key", "tier"), ("Tag.1.Value", "silver"));
        var listed = await alice.CallAsync("ListTagResources", ("RegionId", Region), ("ResourceType", "image"), ("ResourceId.1", imageId));
        var untagged = await alice.CallAsync("UntagResources", ("RegionId", Region), ("ResourceType", "image"), ("ResourceId.1", imageId), ("TagKey.1", "team"));
        var after = await alice.CallAsync("ListTagResources", ("RegionId", Region), ("ResourceType", "image"), ("ResourceId.1", imageId));
        var badKey = await alice.CallAsync("TagResources", ("RegionId", Region), ("ResourceType", "image"), ("ResourceId.1", imageId), ("Tag.1.Key", "aliyun-reserved"), ("Tag.1.Value", "x"));
        var badType = await alice.CallAsync("TagResources", ("RegionId", Region), ("ResourceType", "router"), ("ResourceId.1", imageId), ("Tag.1.Key", "a"), ("Tag.1.Value", "b"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, tagged.Status);
        Assert.Equal(HttpStatusCode.OK, retagged.Status);
        Assert.True(listed.Status == HttpStatusCode.OK, listed.ToString());
        var tags = listed["TagResources"].GetProperty("TagResource").EnumerateArray().ToDictionary(t => t.GetProperty("TagKey").GetString()!, t => t.GetProperty("TagValue").GetString());
        Assert.Equal("silver", tags["tier"]);
        Assert.Equal("web", tags["team"]);
        Assert.Equal(HttpStatusCode.OK, untagged.Status);
        Assert.Equal("tier", Assert.Single(after["TagResources"].GetProperty("TagResource").EnumerateArray()).GetProperty("TagKey").GetString());
        Assert.Equal("InvalidTagKey.Malformed", badKey.Code);
        Assert.Equal("InvalidResourceType.NotFound", badType.Code);
    }

    internal static async Task<string> RunningInstanceAsync(EcsTestClient client)
    {
        var instances = await client.CallAsync("DescribeInstances", ("RegionId", Region), ("Status", "Running"));
        return instances["Instances"].GetProperty("Instance")[0].GetProperty("InstanceId").GetString()!;
    }

    /// <summary>A new Available image of Alice's, made from her running instance.</summary>
    private static async Task<string> NewImageAsync(EcsTestClient alice, string name)
    {
        var created = await alice.CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", await RunningInstanceAsync(alice)), ("ImageName", name));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var imageId = created["ImageId"].GetString()!;
        await WaitForImageAsync(alice, Region, imageId, "Available");
        return imageId;
    }

    internal static async Task<JsonElement> WaitForImageAsync(EcsTestClient client, string region, string imageId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.CallAsync("DescribeImages", ("RegionId", region), ("ImageId", imageId), ("Status", "ALL"));
            var images = response["Images"].GetProperty("Image");
            if (images.GetArrayLength() == 1 && images[0].GetProperty("Status").GetString() == status)
            {
                return images[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"{imageId} did not become {status}: {response}");
            await Task.Delay(200);
        }
    }
}
