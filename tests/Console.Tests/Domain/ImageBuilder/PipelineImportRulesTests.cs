using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;

namespace EcsConsole.Tests.Domain.ImageBuilder;

/// <summary>
/// An OSS base's options (IB-38, IB-46, IB-47) as pure functions: which retention strategy keeps the imported image after
/// which end, and the ImportImage request a build makes of the options, ImportImage's defaults filling the gaps.
/// </summary>
public sealed class PipelineImportRulesTests
{
    private static readonly PipelineImportDisk SystemFile = new("bucket-a", "system.qcow2", null, null);

    [Theory]
    [InlineData("RetainAlways", false, true, true)]
    [InlineData("RetainNever", false, false, false)]
    [InlineData("RetainOnlySuccessful", false, true, false)]
    [InlineData("RetainOnlyFailed", false, false, true)]
    [InlineData(null, false, false, false)]
    [InlineData(null, true, true, true)]
    [InlineData("RetainNever", true, false, false)]
    public void TheRetentionStrategy_DecidesWhetherTheImportedImageStays_AfterEachEnd(string? strategy, bool retainImportedImage, bool afterSuccess, bool afterFailure)
    {
        // Arrange
        var options = new PipelineImportOptions { RetentionStrategy = strategy, RetainImportedImage = retainImportedImage, Disks = [SystemFile] };

        // Act
        var keptAfterSuccess = options.Keeps(succeeded: true);
        var keptAfterFailure = options.Keeps(succeeded: false);

        // Assert
        Assert.Equal(afterSuccess, keptAfterSuccess);
        Assert.Equal(afterFailure, keptAfterFailure);
    }

    [Fact]
    public void TheImportRequest_CarriesEveryOption_AndTheDataFiles()
    {
        // Arrange
        var options = new PipelineImportOptions
        {
            Architecture = "arm64", OsType = "linux", Platform = "Ubuntu", BootMode = "UEFI", LicenseType = "BYOL", Description = "from oss",
            RoleName = "AliyunECSImageImportDefaultRole", NvmeSupport = "supported", ImdsSupport = "v2",
            Disks = [SystemFile with { Format = "QCOW2", DiskImageSize = 30 }, new PipelineImportDisk("bucket-b", "data.raw", "RAW", 50)],
            Tags = [new BuilderTag("origin", "oss")],
        };

        // Act
        var request = PipelineImportRules.ImportRequest(options, "cn-hangzhou", "base_exec-1", "rg-1");

        // Assert
        Assert.Equal(("bucket-a", "system.qcow2", "QCOW2", 30), (request.OssBucket, request.OssObject, request.Format, request.SystemDiskSizeGiB));
        Assert.Equal((ImageArchitecture.Arm64, OsType.Linux, "Ubuntu", BootMode.Uefi), (request.Architecture, request.OsType, request.Platform, request.BootMode));
        Assert.Equal(("BYOL", true, "v2"), (request.LicenseType, request.NvmeSupport, request.ImdsSupport));
        Assert.Equal(("base_exec-1", "from oss", "rg-1"), (request.Name, request.Description, request.ResourceGroupId));
        Assert.Equal([("origin", "oss")], request.Tags);
        var data = Assert.Single(request.DataDisks);
        Assert.Equal(("data.raw", 50, "bucket-b"), (data.OssObject, data.SizeGiB, data.OssBucket));
    }

    [Fact]
    public void WithoutOptions_TheImportTakesImportImagesDefaults()
    {
        // Arrange
        var options = new PipelineImportOptions { Disks = [SystemFile] };

        // Act
        var request = PipelineImportRules.ImportRequest(options, "cn-hangzhou", "IB-import_exec-1", null);

        // Assert
        Assert.Equal((ImageArchitecture.X86_64, OsType.Linux, "Others Linux", "Auto"), (request.Architecture, request.OsType, request.Platform, request.LicenseType));
        Assert.Null(request.BootMode);
        Assert.Equal("v1", request.ImdsSupport);
        Assert.False(request.NvmeSupport);
    }

    [Theory]
    [InlineData("x86_64", null, null)]
    [InlineData("arm64", "BIOS", "InvalidParameter.ImportImageOptionsBootMode")]
    [InlineData("i386", null, "InvalidParameter.ImportImageOptionsArchitecture")]
    public void TheShapeCheck_AnswersTheFieldsCode(string architecture, string? bootMode, string? code)
    {
        // Arrange
        var options = new PipelineImportOptions { Architecture = architecture, BootMode = bootMode, Disks = [SystemFile] };

        // Act
        var error = PipelineImportRules.Shape(options);

        // Assert
        Assert.Equal(code, error?.Code);
    }
}
