using System.Net;
using System.Text.Json;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Persistence;
using EcsConsole.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Issue #21 part 1 for CreateImagePipeline's <c>ImportImageOptions</c> (docs/rules/image-builder.md IB-38, IB-45…47):
/// a template with an OSS base checks them with ECS's codes (shapes before lookups), DescribeImagePipelines answers them
/// as written, and a build imports the base through ImportImage first, then keeps or deletes the imported image by its
/// retention strategy.
/// </summary>
public sealed class EcsApiPipelineImportTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private const string Bucket = "acme-images-hangzhou";
    private const string File = "imports/web-base.qcow2";
    private const string Prefix = "ImportImageOptions.";

    [Theory]
    [InlineData("", "", PipelineImportRules.MissingOptionsCode, HttpStatusCode.NotFound)]
    [InlineData("Platform", "Aliyun", PipelineImportRules.MissingDisksCode, HttpStatusCode.NotFound)]
    [InlineData("DiskDeviceMappings.1.Format", "VMDK", "InvalidParameter.ImportImageOptionsDiskDeviceMappingsFormat", HttpStatusCode.BadRequest)]
    [InlineData("DiskDeviceMappings.1.DiskImageSize", "4096", PipelineImportRules.DiskImageSizeCode, HttpStatusCode.BadRequest)]
    [InlineData("DiskDeviceMappings.1.DiskImageSize", "big", PipelineImportRules.DiskImageSizeCode, HttpStatusCode.BadRequest)]
    [InlineData("DiskDeviceMappings.1.OSSBucket", "Not_A_Bucket", "InvalidParameter.ImportImageOptionsDiskDeviceMappingsOSSBucket", HttpStatusCode.BadRequest)]
    [InlineData("DiskDeviceMappings.1.OSSObject", "https://example.com/a.qcow2", "InvalidParameter.ImportImageOptionsDiskDeviceMappingsOSSObject", HttpStatusCode.BadRequest)]
    [InlineData("DiskDeviceMappings.2.OSSBucket", Bucket, PipelineImportRules.MissingObjectCode, HttpStatusCode.NotFound)]
    [InlineData("DiskDeviceMappings.2.OSSObject", File, PipelineImportRules.MissingBucketCode, HttpStatusCode.NotFound)]
    [InlineData("Architecture", "sparc", "InvalidParameter.ImportImageOptionsArchitecture", HttpStatusCode.BadRequest)]
    [InlineData("OSType", "macos", "InvalidParameter.ImportImageOptionsOSType", HttpStatusCode.BadRequest)]
    [InlineData("BootMode", "Legacy", "InvalidParameter.ImportImageOptionsBootMode", HttpStatusCode.BadRequest)]
    [InlineData("Platform", "Amiga", "InvalidParameter.ImportImageOptionsPlatform", HttpStatusCode.BadRequest)]
    [InlineData("LicenseType", "Free", "InvalidParameter.ImportImageOptionsLicenseType", HttpStatusCode.BadRequest)]
    [InlineData("Features.NvmeSupport", "maybe", "InvalidParameter.ImportImageOptionsFeaturesNvmeSupport", HttpStatusCode.BadRequest)]
    [InlineData("Features.ImdsSupport", "v3", "InvalidParameter.ImportImageOptionsFeaturesImdsSupport", HttpStatusCode.BadRequest)]
    [InlineData("Features", "supported", "InvalidParameter.ImportImageOptionsFeaturesNvmeSupport", HttpStatusCode.BadRequest)]
    [InlineData("RetentionStrategy", "RetainSometimes", "InvalidParameter.ImportImageOptionsRetentionStrategy", HttpStatusCode.BadRequest)]
    [InlineData("RetainImportedImage", "perhaps", "InvalidParameter", HttpStatusCode.BadRequest)]
    [InlineData("ImageName", "1-starts-with-a-digit", "InvalidImageName.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("Description", "http://a-link", "InvalidDescription.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("ImportImageTags.1.Key", "acs:reserved", "InvalidTagKey.Malformed", HttpStatusCode.BadRequest)]
    [InlineData("RoleName", "SomeOtherRole", PipelineImportRules.NoRightAccessOssCode, HttpStatusCode.Forbidden)]
    [InlineData("DiskDeviceMappings.1.OSSObject", "imports/no-such-file.qcow2", PipelineImportRules.ObjectNotFoundCode, HttpStatusCode.NotFound)]
    [InlineData("DiskDeviceMappings.1.OSSBucket", "somebody-elses-bucket", PipelineImportRules.ObjectNotFoundCode, HttpStatusCode.NotFound)]
    public async Task CreateImagePipeline_WithAnOssBase_RefusesAnImportOption_OutsideItsRules_WithEcsCode(string option, string value, string code, HttpStatusCode status)
    {
        // Arrange: an OSS base with the option under test (no options at all for the first row, no files for the second)
        var parameters = option == "" ? Base() : OssBase();
        if (option != "")
        {
            parameters[Prefix + option] = value;
        }

        if (code == PipelineImportRules.MissingDisksCode)
        {
            parameters.Remove(Prefix + "DiskDeviceMappings.1.OSSBucket");
            parameters.Remove(Prefix + "DiskDeviceMappings.1.OSSObject");
        }

        // Act
        var response = await api.Alice().CallAsync("CreateImagePipeline", parameters);

        // Assert
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.Code);
    }

    [Fact]
    public async Task CreateImagePipeline_RefusesMoreThan17Files_AndAnArm64ImageBootingInBios()
    {
        // Arrange
        var tooMany = OssBase();
        for (var n = 2; n <= 18; n++)
        {
            tooMany[$"{Prefix}DiskDeviceMappings.{n}.OSSBucket"] = Bucket;
            tooMany[$"{Prefix}DiskDeviceMappings.{n}.OSSObject"] = File;
        }

        var arm = OssBase();
        arm[Prefix + "Architecture"] = "arm64";
        arm[Prefix + "BootMode"] = "BIOS";

        // Act
        var tooManyResponse = await api.Alice().CallAsync("CreateImagePipeline", tooMany);
        var armResponse = await api.Alice().CallAsync("CreateImagePipeline", arm);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, tooManyResponse.Status);
        Assert.Equal(PipelineImportRules.TooManyDisksCode, tooManyResponse.Code);
        Assert.Equal(HttpStatusCode.BadRequest, armResponse.Status);
        Assert.Equal("InvalidParameter.ImportImageOptionsBootMode", armResponse.Code);
    }

    [Fact]
    public async Task CreateImagePipeline_ChecksTheShapes_BeforeLookingUpTheRoleAndTheFile()
    {
        // Arrange: an unknown role and file, and a malformed architecture
        var parameters = OssBase();
        parameters[Prefix + "RoleName"] = "SomeOtherRole";
        parameters[Prefix + "DiskDeviceMappings.1.OSSObject"] = "imports/no-such-file.qcow2";
        parameters[Prefix + "Architecture"] = "sparc";

        // Act
        var response = await api.Alice().CallAsync("CreateImagePipeline", parameters);

        // Assert
        Assert.Equal("InvalidParameter.ImportImageOptionsArchitecture", response.Code);
    }

    [Fact]
    public async Task CreateImagePipeline_WithDryRun_RunsTheImportChecks_AndAnswersDryRunOperationOnlyWhenTheyPass()
    {
        // Arrange
        var good = OssBase();
        good["DryRun"] = "true";
        var missingFile = OssBase();
        missingFile[Prefix + "DiskDeviceMappings.1.OSSObject"] = "imports/no-such-file.qcow2";
        missingFile["DryRun"] = "true";

        // Act
        var goodResponse = await api.Alice().CallAsync("CreateImagePipeline", good);
        var missingResponse = await api.Alice().CallAsync("CreateImagePipeline", missingFile);

        // Assert
        Assert.Equal("DryRunOperation", goodResponse.Code);
        Assert.Equal(PipelineImportRules.ObjectNotFoundCode, missingResponse.Code);
    }

    [Fact]
    public async Task ImportImageOptions_WithAnImageBase_AreNotRead_AndTheAnswerNamesThemIgnored()
    {
        // Arrange
        var parameters = Base();
        parameters["BaseImageType"] = "IMAGE";
        parameters["BaseImage"] = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";
        parameters[Prefix + "Architecture"] = "arm64";

        // Act
        var response = await api.Alice().CallAsync("CreateImagePipeline", parameters);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal([Prefix + "Architecture"], response.Ignored);
    }

    [Fact]
    public async Task DescribeImagePipelines_AnswersTheImportOptions_AsWritten()
    {
        // Arrange
        var parameters = OssBase();
        parameters[Prefix + "Architecture"] = "x86_64";
        parameters[Prefix + "OSType"] = "linux";
        parameters[Prefix + "BootMode"] = "UEFI";
        parameters[Prefix + "LicenseType"] = "BYOL";
        parameters[Prefix + "ImageName"] = "described-import";
        parameters[Prefix + "Description"] = "imported for a build";
        parameters[Prefix + "RoleName"] = "AliyunECSImageImportDefaultRole";
        parameters[Prefix + "RetentionStrategy"] = "RetainOnlyFailed";
        parameters[Prefix + "RetainImportedImage"] = "true";
        parameters[Prefix + "Features.NvmeSupport"] = "supported";
        parameters[Prefix + "Features.ImdsSupport"] = "v2";
        parameters[Prefix + "DiskDeviceMappings.1.Format"] = "QCOW2";
        parameters[Prefix + "DiskDeviceMappings.1.DiskImageSize"] = "40";
        parameters[Prefix + "ImportImageTags.1.Key"] = "origin";
        parameters[Prefix + "ImportImageTags.1.Value"] = "oss";
        var pipelineId = await CreateAsync(parameters);

        // Act
        var described = await api.Alice().CallAsync("DescribeImagePipelines", ("RegionId", Region), ("ImagePipelineId.1", pipelineId));

        // Assert
        var pipeline = described["ImagePipeline"].GetProperty("ImagePipelineSet")[0];
        Assert.Equal("OSS", pipeline.GetProperty("BaseImageType").GetString());
        var options = pipeline.GetProperty("ImportImageOptions");
        Assert.Equal("x86_64", options.GetProperty("Architecture").GetString());
        Assert.Equal("linux", options.GetProperty("OSType").GetString());
        Assert.Equal("Aliyun", options.GetProperty("Platform").GetString());
        Assert.Equal("UEFI", options.GetProperty("BootMode").GetString());
        Assert.Equal("BYOL", options.GetProperty("LicenseType").GetString());
        Assert.Equal("described-import", options.GetProperty("ImageName").GetString());
        Assert.Equal("imported for a build", options.GetProperty("Description").GetString());
        Assert.Equal("AliyunECSImageImportDefaultRole", options.GetProperty("RoleName").GetString());
        Assert.Equal("RetainOnlyFailed", options.GetProperty("RetentionStrategy").GetString());
        Assert.True(options.GetProperty("RetainImportedImage").GetBoolean());
        Assert.Equal("supported", options.GetProperty("Features").GetProperty("NvmeSupport").GetString());
        Assert.Equal("v2", options.GetProperty("Features").GetProperty("ImdsSupport").GetString());
        var disk = Assert.Single(options.GetProperty("DiskDeviceMappings").GetProperty("DiskDeviceMapping").EnumerateArray());
        Assert.Equal(Bucket, disk.GetProperty("OSSBucket").GetString());
        Assert.Equal(File, disk.GetProperty("OSSObject").GetString());
        Assert.Equal("QCOW2", disk.GetProperty("Format").GetString());
        Assert.Equal(40, disk.GetProperty("DiskImageSize").GetInt32());
        var tag = Assert.Single(options.GetProperty("ImportImageTags").GetProperty("ImportImageTag").EnumerateArray());
        Assert.Equal("origin", tag.GetProperty("Key").GetString());
        Assert.Equal("oss", tag.GetProperty("Value").GetString());
    }

    [Theory]
    [InlineData("RetentionStrategy", "RetainAlways", true)]
    [InlineData("RetainImportedImage", "true", true)]
    [InlineData("RetentionStrategy", "RetainOnlyFailed", false)]
    [InlineData("", "", false)]
    public async Task ABuildFromAnOssBase_ImportsTheImageFirst_AndKeepsItOnlyAsItsRetentionStrategySays(string option, string value, bool kept)
    {
        // Arrange
        var alice = api.Alice();
        var name = "oss-base-" + Guid.NewGuid().ToString("N")[..8];
        var parameters = OssBase();
        parameters[Prefix + "ImageName"] = name;
        parameters[Prefix + "ImportImageTags.1.Key"] = "origin";
        parameters[Prefix + "ImportImageTags.1.Value"] = "oss";
        parameters[Prefix + "LicenseType"] = "BYOL";
        if (option != "")
        {
            parameters[Prefix + option] = value;
        }

        var pipelineId = await CreateAsync(parameters);

        // Act
        var started = await alice.CallAsync("StartImagePipelineExecution", ("RegionId", Region), ("ImagePipelineId", pipelineId));
        Assert.True(started.Status == HttpStatusCode.OK, started.ToString());
        var executionId = started["ExecutionId"].GetString()!;
        var execution = await EcsApiImageBuilderTests.WaitForExecutionAsync(alice, executionId, s => BuildStatuses.IsFinal(Enum.Parse<BuildStatus>(s)));
        var imported = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageName", $"{name}_{executionId}"), ("ImageOwnerAlias", "self"));

        // Assert
        Assert.True(execution.GetProperty("Status").GetString() == "SUCCESS", execution.ToString());
        var images = imported["Images"].GetProperty("Image").EnumerateArray().ToList();
        if (!kept)
        {
            Assert.Empty(images);
            return;
        }

        var image = Assert.Single(images);
        Assert.Equal("Available", image.GetProperty("Status").GetString());
        Assert.Equal("BYOL", image.GetProperty("LicenseType").GetString());
        var tag = Assert.Single(image.GetProperty("Tags").GetProperty("Tag").EnumerateArray());
        Assert.Equal("origin", tag.GetProperty("TagKey").GetString());
        Assert.Equal("oss", tag.GetProperty("TagValue").GetString());
        Assert.NotEqual(image.GetProperty("ImageId").GetString(), execution.GetProperty("ImageId").GetString());
    }

    [Fact]
    public async Task ABuildThatFails_KeepsTheImportedImage_WhenTheStrategyIsRetainOnlyFailed()
    {
        // Arrange
        var alice = api.Alice();
        var name = "oss-failed-" + Guid.NewGuid().ToString("N")[..8];
        var parameters = OssBase();
        parameters["BuildContent"] = "RUN exit 3";
        parameters[Prefix + "ImageName"] = name;
        parameters[Prefix + "RetentionStrategy"] = "RetainOnlyFailed";
        var pipelineId = await CreateAsync(parameters);

        // Act
        var started = await alice.CallAsync("StartImagePipelineExecution", ("RegionId", Region), ("ImagePipelineId", pipelineId));
        Assert.True(started.Status == HttpStatusCode.OK, started.ToString());
        var executionId = started["ExecutionId"].GetString()!;
        var execution = await EcsApiImageBuilderTests.WaitForExecutionAsync(alice, executionId, s => BuildStatuses.IsFinal(Enum.Parse<BuildStatus>(s)));
        var imported = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageName", $"{name}_{executionId}"), ("ImageOwnerAlias", "self"));

        // Assert
        Assert.Equal("FAILED", execution.GetProperty("Status").GetString());
        Assert.Equal(ImageBuilderErrors.ExitCodeNonzeroCode, execution.GetProperty("ErrorCode").GetString());
        Assert.Single(imported["Images"].GetProperty("Image").EnumerateArray());
    }

    [Fact]
    public async Task StartImagePipelineExecution_RefusesATemplate_WhoseOssFileIsGone()
    {
        // Arrange: a template on a file that is then deleted from the bucket
        var key = $"imports/vanishing-{Guid.NewGuid():N}.qcow2";
        await using (var db = await DbAsync())
        {
            db.OssObjects.Add(new EcsConsole.Domain.Storage.OssObject { BucketName = Bucket, Key = key, SizeBytes = 1L << 30, Format = "QCOW2", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var parameters = OssBase();
        parameters[Prefix + "DiskDeviceMappings.1.OSSObject"] = key;
        var pipelineId = await CreateAsync(parameters);
        await using (var db = await DbAsync())
        {
            await db.OssObjects.Where(o => o.BucketName == Bucket && o.Key == key).ExecuteDeleteAsync();
        }

        // Act
        var started = await api.Alice().CallAsync("StartImagePipelineExecution", ("RegionId", Region), ("ImagePipelineId", pipelineId));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, started.Status);
        Assert.Equal(PipelineImportRules.StartObjectNotFoundCode, started.Code);
    }

    private static Dictionary<string, string> Base() => new()
    {
        ["RegionId"] = Region, ["BaseImageType"] = "OSS", ["InstanceType"] = "ecs.g7.large", ["BuildContent"] = "RUN echo built-on-an-import",
    };

    private static Dictionary<string, string> OssBase()
    {
        var parameters = Base();
        parameters[Prefix + "Platform"] = "Aliyun";
        parameters[Prefix + "DiskDeviceMappings.1.OSSBucket"] = Bucket;
        parameters[Prefix + "DiskDeviceMappings.1.OSSObject"] = File;
        return parameters;
    }

    private async Task<string> CreateAsync(Dictionary<string, string> parameters)
    {
        var created = await api.Alice().CallAsync("CreateImagePipeline", parameters);
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created["ImagePipelineId"].GetString()!;
    }

    private Task<ConsoleDbContext> DbAsync() =>
        api.App.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
}
