using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Storage;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>The Node SDK snippet and the aliyun CLI line of an ECS call (ADR-014): the SDK's names and models, escaping and quoting.</summary>
public sealed class EcsCallTextTests
{
    private static readonly EcsCall Copy = EcsCalls.CopyImage(new CopyImageRequest("cn-hangzhou", "m-1", "cn-shanghai", "web", "it's \"quoted\" \\ $HOME\nnext"));

    [Fact]
    public void CliLine_UsesRpcSyntax_AndQuotesEveryValueTheShellWouldChange()
    {
        // Act
        var line = EcsCallText.CliLine(Copy);

        // Assert
        Assert.Equal("aliyun ecs CopyImage --RegionId cn-hangzhou --ImageId m-1 --DestinationRegionId cn-shanghai --DestinationImageName web "
            + "--DestinationDescription 'it'\\''s \"quoted\" \\ $HOME\nnext'", line);
    }

    [Theory]
    [InlineData("plain-1.2_x", "plain-1.2_x")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("a;rm -rf /", "'a;rm -rf /'")]
    public void ShellQuote_GivesAWordTheShellReadsBackUnchanged(string value, string quoted) => Assert.Equal(quoted, EcsCallText.ShellQuote(value));

    [Fact]
    public void NodeSnippet_BuildsTheSdkRequest_WithCamelCaseFields_AndEscapedStrings()
    {
        // Act
        var snippet = EcsCallText.NodeSnippet([Copy], "localhost:5080");

        // Assert
        Assert.Contains("const request = new $Ecs20140526.CopyImageRequest({", snippet, StringComparison.Ordinal);
        Assert.Contains("  destinationRegionId: 'cn-shanghai',", snippet, StringComparison.Ordinal);
        Assert.Contains("  destinationDescription: 'it\\'s \"quoted\" \\\\ $HOME\\nnext',", snippet, StringComparison.Ordinal);
        Assert.Contains("const response = await client.copyImage(request);", snippet, StringComparison.Ordinal);
        Assert.Contains("endpoint: 'localhost:5080',", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void NodeSnippet_WritesRepeatedAndNestedParameters_AsTheSdkModels()
    {
        // Arrange
        var create = EcsCalls.CreateImage(new CreateImageRequest
        {
            RegionId = "cn-hangzhou", SystemSnapshotId = "s-1", DataDisks = [new DataDiskSpec("s-2", 80)], Tags = [("env", "prod")],
        });
        var run = EcsCalls.RunInstances(new RunInstancesRequest { RegionId = "cn-hangzhou", InstanceTypeId = "ecs.g7.large", ImageId = "m-1", SystemDiskSizeGiB = 40 });

        // Act
        var snippet = EcsCallText.NodeSnippet([create, run], "localhost:5080");

        // Assert
        Assert.Contains("new $Ecs20140526.CreateImageRequestDiskDeviceMapping({\n      diskType: 'data',\n      snapshotId: 's-2',\n      size: 80,\n    })", snippet, StringComparison.Ordinal);
        Assert.Contains("tag: [\n    new $Ecs20140526.CreateImageRequestTag({\n      key: 'env',\n      value: 'prod',\n    }),\n  ],", snippet, StringComparison.Ordinal);
        Assert.Contains("systemDisk: new $Ecs20140526.RunInstancesRequestSystemDisk({\n    category: 'cloud_essd',\n    size: 40,\n  }),", snippet, StringComparison.Ordinal);
        Assert.Contains("const response2 = await client.runInstances(request2);", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void NodeSnippet_KeepsTheSdksAcronymNames()
    {
        // Arrange
        var import = EcsCalls.ImportImage(new ImportImageRequest { RegionId = "cn-hangzhou", OssBucket = "b", OssObject = "o.raw" });

        // Act
        var snippet = EcsCallText.NodeSnippet([import], "localhost:5080");

        // Assert
        Assert.Contains("OSSBucket: 'b',", snippet, StringComparison.Ordinal);
        Assert.Contains("OSType: 'linux',", snippet, StringComparison.Ordinal);
        Assert.Contains("diskDeviceMapping: [", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecret_IsReadFromTheEnvironment_NeverWrittenOut()
    {
        // Arrange
        var replace = EcsCalls.ReplaceSystemDisk(new ReplaceSystemDiskRequest { RegionId = "cn-hangzhou", InstanceId = "i-1", ImageId = "m-1", Password = "S3cret!pw" });

        // Act
        var snippet = EcsCallText.NodeSnippet([replace], "localhost:5080");
        var line = EcsCallText.CliLine(replace);

        // Assert
        Assert.DoesNotContain("S3cret", snippet + line, StringComparison.Ordinal);
        Assert.Contains("password: process.env.ECS_PASSWORD,", snippet, StringComparison.Ordinal);
        Assert.Contains("--Password \"$ECS_PASSWORD\"", line, StringComparison.Ordinal);
    }
}
