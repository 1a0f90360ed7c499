using System.Net;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Image options the SDK sends and ECS acts on (#21 part 1): ModifyImageAttribute's Features.NvmeSupport,
/// Features.ImdsSupport and LicenseType (UI-MOD-01); CreateImage's BootMode and Features.ImdsSupport (CRT-GEN-03/04);
/// ImportImage's features and tags (IMP-11); CopyImage's tags and KMS key (CPY-12/14).
/// </summary>
public sealed class EcsApiImageOptionsTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    private async Task<System.Text.Json.JsonElement> DescribeAsync(string imageId)
    {
        var described = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageId", imageId));
        return described["Images"].GetProperty("Image")[0];
    }

    [Fact]
    public async Task NvmeImdsAndByol_AreSet_AndDescribeImagesShowsThem()
    {
        // Arrange
        var imageId = await new SeededWorldCalls(api).NewImageAsync(Guid.NewGuid().ToString("N")[..8]);

        // Act
        var modified = await api.Alice().CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId),
            ("Features.NvmeSupport", "supported"), ("Features.ImdsSupport", "v2"), ("LicenseType", "BYOL"));

        // Assert
        Assert.True(modified.Status == HttpStatusCode.OK, modified.ToString());
        var image = await DescribeAsync(imageId);
        Assert.Equal(("supported", "v2", "BYOL"), (image.GetProperty("Features").GetProperty("NvmeSupport").GetString(),
            image.GetProperty("Features").GetProperty("ImdsSupport").GetString(), image.GetProperty("LicenseType").GetString()));
        Assert.Empty(modified.Ignored);
    }

    [Theory]
    [InlineData("Features.ImdsSupport", "v3", "InvalidParameter.FeaturesImdsSupport", HttpStatusCode.BadRequest)]
    [InlineData("LicenseType", "Aliyun", "InvalidLicenseType.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("Features.NvmeSupport", "maybe", "InvalidParameter", HttpStatusCode.BadRequest)]
    public async Task ABadFeatureValue_IsRefused(string name, string value, string code, HttpStatusCode status)
    {
        // Arrange
        var imageId = await new SeededWorldCalls(api).NewImageAsync(Guid.NewGuid().ToString("N")[..8]);

        // Act
        var modified = await api.Alice().CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), (name, value));

        // Assert
        Assert.Equal((status, code), (modified.Status, modified.Code));
    }

    [Fact]
    public async Task ImdsV2_CannotGoBackToV1()
    {
        // Arrange
        var imageId = await new SeededWorldCalls(api).NewImageAsync(Guid.NewGuid().ToString("N")[..8]);
        var toV2 = await api.Alice().CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Features.ImdsSupport", "v2"));

        // Act
        var toV1 = await api.Alice().CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Features.ImdsSupport", "v1"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, toV2.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidOperation.FeaturesImdsSupportNotMatch"), (toV1.Status, toV1.Code));
    }

    [Fact]
    public async Task CreateImage_WithABootModeAndImdsV2_MakesAnImageWithThem()
    {
        // Arrange
        var running = await RunningInstanceAsync();

        // Act
        var created = await api.Alice().CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", running), ("ImageName", "boot-" + Guid.NewGuid().ToString("N")[..8]),
            ("BootMode", "UEFI"), ("Features.ImdsSupport", "v2"));

        // Assert
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var image = await DescribeCreatingAsync(created["ImageId"].GetString()!);
        Assert.Equal(("UEFI", "v2"), (image.GetProperty("BootMode").GetString(), image.GetProperty("Features").GetProperty("ImdsSupport").GetString()));
        Assert.Empty(created.Ignored);
    }

    [Theory]
    [InlineData("BootMode", "Floppy", "InvalidBootMode.Malformed")]
    [InlineData("Features.ImdsSupport", "v9", "InvalidParameter.FeaturesImdsSupport")]
    public async Task CreateImage_WithABadBootModeOrImds_IsRefused(string name, string value, string code)
    {
        // Act
        var created = await api.Alice().CallAsync("CreateImage", ("RegionId", Region), ("InstanceId", await RunningInstanceAsync()),
            ("ImageName", "bad-" + Guid.NewGuid().ToString("N")[..8]), (name, value));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, code), (created.Status, created.Code));
    }

    private async Task<System.Text.Json.JsonElement> DescribeCreatingAsync(string imageId)
    {
        var described = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageId", imageId), ("Status", "ALL"));
        return described["Images"].GetProperty("Image")[0];
    }

    private async Task<string> RunningInstanceAsync()
    {
        var described = await api.Alice().CallAsync("DescribeInstances", ("RegionId", Region), ("Status", "Running"));
        return described["Instances"].GetProperty("Instance")[0].GetProperty("InstanceId").GetString()!;
    }

    [Fact]
    public async Task ImportImage_WithTheNvmeDriverAndATag_MakesAnImageWithThem()
    {
        // Act
        var imported = await api.Alice().CallAsync("ImportImage", ("RegionId", Region), ("ImageName", "nvme-" + Guid.NewGuid().ToString("N")[..8]),
            ("DiskDeviceMapping.1.OSSBucket", "acme-images-hangzhou"), ("DiskDeviceMapping.1.OSSObject", "imports/web-base.qcow2"), ("Platform", "Aliyun"),
            ("Features.NvmeSupport", "supported"), ("Features.ImdsSupport", "v2"), ("Tag.1.Key", "team"), ("Tag.1.Value", "web"));

        // Assert
        Assert.True(imported.Status == HttpStatusCode.OK, imported.ToString());
        var image = await DescribeCreatingAsync(imported["ImageId"].GetString()!);
        Assert.Equal(("supported", "v2"), (image.GetProperty("Features").GetProperty("NvmeSupport").GetString(), image.GetProperty("Features").GetProperty("ImdsSupport").GetString()));
        var tag = image.GetProperty("Tags").GetProperty("Tag")[0];
        Assert.Equal(("team", "web"), (tag.GetProperty("TagKey").GetString(), tag.GetProperty("TagValue").GetString()));
        Assert.Empty(imported.Ignored);
    }

    [Fact]
    public async Task CopyImage_WithTags_TagsTheCopy()
    {
        // Arrange
        var source = await new SeededWorldCalls(api).NewImageAsync(Guid.NewGuid().ToString("N")[..8]);

        // Act
        var copied = await api.Alice().CallAsync("CopyImage", ("RegionId", Region), ("ImageId", source), ("DestinationRegionId", "cn-beijing"),
            ("DestinationImageName", "tagged-" + Guid.NewGuid().ToString("N")[..8]), ("Tag.1.Key", "purpose"), ("Tag.1.Value", "dr"));

        // Assert
        Assert.True(copied.Status == HttpStatusCode.OK, copied.ToString());
        var described = await api.Alice().CallAsync("DescribeImages", ("RegionId", "cn-beijing"), ("ImageId", copied["ImageId"].GetString()!), ("Status", "ALL"));
        var tag = described["Images"].GetProperty("Image")[0].GetProperty("Tags").GetProperty("Tag")[0];
        Assert.Equal(("purpose", "dr"), (tag.GetProperty("TagKey").GetString(), tag.GetProperty("TagValue").GetString()));
    }

    [Theory]
    [InlineData("false", "InvalidParameter.EncryptedIllegal", HttpStatusCode.BadRequest)]
    [InlineData("true", "InvalidParameter.KMSKeyId.NotFound", HttpStatusCode.NotFound)]
    public async Task CopyImage_WithAKmsKey_NeedsEncrypted_AndTheAccountHasNoSuchKey(string encrypted, string code, HttpStatusCode status)
    {
        // Arrange
        var source = await new SeededWorldCalls(api).NewImageAsync(Guid.NewGuid().ToString("N")[..8]);

        // Act
        var copied = await api.Alice().CallAsync("CopyImage", ("RegionId", Region), ("ImageId", source), ("DestinationRegionId", "cn-beijing"),
            ("Encrypted", encrypted), ("KMSKeyId", "0e478b7a-4262-4802-b8cb-00d3fb40****"));

        // Assert
        Assert.Equal((status, code), (copied.Status, copied.Code));
    }
}
