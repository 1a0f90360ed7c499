using System.Net;
using System.Text;
using System.Text.Json;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The nine Image Builder operations (image-builder.md §5) over HTTP, signed as the SDKs sign: the exact shapes and
/// JSON types, NextToken paging, the error codes of §6, and a build that runs to SUCCESS on the task engine.
/// In-flight rules (one build at a time, cancel windows) run in <see cref="SlowWorld"/>, where nothing finishes.
/// </summary>
public sealed class EcsApiImageBuilderTests(EcsApiFixture api, EcsApiImageBuilderTests.SlowWorld slow)
    : IClassFixture<EcsApiFixture>, IClassFixture<EcsApiImageBuilderTests.SlowWorld>
{
    private const string Region = "cn-hangzhou";
    private const string Ubuntu = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";
    private const string TimeFormat = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$";

    /// <summary>A console whose simulated jobs take ten minutes: a started build stays in PREPARING under the test.</summary>
    public sealed class SlowWorld : IDisposable
    {
        private readonly ConsoleAppFactory _base = new();
        private readonly WebApplicationFactory<Program> _app;

        public SlowWorld() => _app = _base.WithWebHostBuilder(b => b.UseSetting("Simulation:TaskDuration", "00:10:00"));

        public EcsTestClient Alice()
        {
            var (id, secret, _) = DemoWorld.AccessKeys.First(k => k.User == DemoWorld.Alice);
            return new EcsTestClient(_app.CreateClient(), id, secret);
        }

        public void Dispose()
        {
            _app.Dispose();
            _base.Dispose();
        }
    }

    [Fact]
    public async Task CreateImageComponent_ThenDescribeImageComponents_ReportsEveryFieldWithItsJsonType()
    {
        // Arrange
        var alice = api.Alice();
        const string Yaml = "Parameters:\n  greeting:\n    Type: String\n    DefaultValue: hello\n  count:\n    Type: Number\n"
            + "Tasks:\n  - Name: Greet\n    Action: RunShellCommand\n    Properties:\n      commandContent: echo {{ greeting }} {{ count }}\n";

        // Act
        var created = await alice.CallAsync("CreateImageComponent", ("RegionId", Region), ("Name", "api-yaml-component"), ("Description", "Greets twice"),
            ("ComponentType", "Build"), ("SystemType", "Linux"), ("ComponentVersion", "2.1.0"), ("Content", Yaml),
            ("Tag.1.Key", "team"), ("Tag.1.Value", "images"), ("ClientToken", Guid.NewGuid().ToString()));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var componentId = created["ImageComponentId"].GetString()!;
        var described = await alice.CallAsync("DescribeImageComponents", ("RegionId", Region), ("ImageComponentId.1", componentId));

        // Assert
        Assert.StartsWith("ic-", componentId, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, created["RequestId"].ValueKind);
        Assert.Equal(HttpStatusCode.OK, described.Status);
        Assert.Equal(1, described["TotalCount"].GetInt32());
        Assert.Equal(JsonValueKind.Number, described["MaxResults"].ValueKind);
        Assert.Equal(50, described["MaxResults"].GetInt32());
        Assert.Equal("", described["NextToken"].GetString());
        var component = Assert.Single(described["ImageComponent"].GetProperty("ImageComponentSet").EnumerateArray());
        Assert.Equal(componentId, component.GetProperty("ImageComponentId").GetString());
        Assert.Equal("api-yaml-component", component.GetProperty("Name").GetString());
        Assert.Equal("2.1.0", component.GetProperty("ComponentVersion").GetString());
        Assert.Equal("Build", component.GetProperty("ComponentType").GetString());
        Assert.Equal("Linux", component.GetProperty("SystemType").GetString());
        Assert.Equal("SELF", component.GetProperty("Owner").GetString());
        Assert.Equal("Greets twice", component.GetProperty("Description").GetString());
        Assert.Equal(Yaml, component.GetProperty("Content").GetString());
        Assert.Matches(TimeFormat, component.GetProperty("CreationTime").GetString());
        Assert.Equal(EcsConsole.Domain.ResourceGroups.ResourceGroupRules.DefaultIdFor(DemoWorld.AcmeAccountId), component.GetProperty("ResourceGroupId").GetString());
        var parameters = component.GetProperty("Parameters").GetProperty("Parameter").EnumerateArray().ToList();
        var greeting = parameters.Single(x => x.GetProperty("Name").GetString() == "greeting");
        Assert.Equal("String", greeting.GetProperty("Type").GetString());
        Assert.Equal("hello", greeting.GetProperty("DefaultValue").GetString());
        var count = parameters.Single(x => x.GetProperty("Name").GetString() == "count");
        Assert.Equal("Number", count.GetProperty("Type").GetString());
        Assert.False(count.TryGetProperty("DefaultValue", out _));
        var tag = Assert.Single(component.GetProperty("Tags").GetProperty("Tag").EnumerateArray());
        Assert.Equal("team", tag.GetProperty("TagKey").GetString());
        Assert.Equal("images", tag.GetProperty("TagValue").GetString());
    }

    [Fact]
    public async Task DescribeImageComponents_ByOwnerAliyun_ListsTheSystemComponents_AndFiltersByTypeAndSystem()
    {
        // Act
        var system = await api.Alice().CallAsync("DescribeImageComponents", ("RegionId", Region), ("Owner", "ALIYUN"));
        var windowsBuild = await api.Alice().CallAsync("DescribeImageComponents", ("RegionId", Region), ("Owner", "ALIYUN"),
            ("SystemType", "Windows"), ("ComponentType", "Build"));
        var badOwner = await api.Alice().CallAsync("DescribeImageComponents", ("RegionId", Region), ("Owner", "SOMEONE"));

        // Assert
        var items = system["ImageComponent"].GetProperty("ImageComponentSet").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, c => Assert.Equal("ALIYUN", c.GetProperty("Owner").GetString()));
        Assert.Equal(items.Count, system["TotalCount"].GetInt32());
        Assert.All(windowsBuild["ImageComponent"].GetProperty("ImageComponentSet").EnumerateArray(), c =>
        {
            Assert.Equal("Windows", c.GetProperty("SystemType").GetString());
            Assert.Equal("Build", c.GetProperty("ComponentType").GetString());
        });
        Assert.Equal(HttpStatusCode.BadRequest, badOwner.Status);
        Assert.Equal(ImageBuilderErrors.OwnerCode, badOwner.Code);
    }

    [Fact]
    public async Task DescribeImageComponents_PagesWithMaxResultsAndNextToken_AndABadTokenIsInvalidNextToken()
    {
        // Arrange: three components only this test tags
        var alice = api.Alice();
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add(await ComponentAsync(alice, $"api-paged-{i}", ("Tag.1.Key", "suite"), ("Tag.1.Value", "component-paging")));
        }

        // Act: follow NextToken one item at a time
        var seen = new List<string>();
        var totals = new List<int>();
        string? token = null;
        for (var page = 0; page < 10; page++)
        {
            var parameters = new Dictionary<string, string>
            {
                ["RegionId"] = Region, ["Owner"] = "SELF", ["Tag.1.Key"] = "suite", ["Tag.1.Value"] = "component-paging", ["MaxResults"] = "1",
            };
            if (token is not null)
            {
                parameters["NextToken"] = token;
            }

            var response = await alice.CallAsync("DescribeImageComponents", parameters);
            Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
            Assert.Equal(1, response["MaxResults"].GetInt32());
            totals.Add(response["TotalCount"].GetInt32());
            seen.AddRange(response["ImageComponent"].GetProperty("ImageComponentSet").EnumerateArray().Select(c => c.GetProperty("ImageComponentId").GetString()!));
            token = response["NextToken"].GetString();
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        var badToken = await alice.CallAsync("DescribeImageComponents", ("RegionId", Region), ("NextToken", "not-a-token"));
        var badMax = await alice.CallAsync("DescribeImageComponents", ("RegionId", Region), ("MaxResults", "ten"));
        var zeroMax = await alice.CallAsync("DescribeImageComponents", ("RegionId", Region), ("MaxResults", "0"));

        // Assert: three pages, each item once, newest first
        Assert.Equal([.. Enumerable.Reverse(made)], seen);
        Assert.All(totals, t => Assert.Equal(3, t));
        Assert.Equal(HttpStatusCode.Forbidden, badToken.Status);
        Assert.Equal(ImageBuilderErrors.NextTokenCode, badToken.Code);
        Assert.Equal(HttpStatusCode.BadRequest, badMax.Status);
        Assert.Equal(CommonErrors.InvalidParameterCode, badMax.Code);
        Assert.Equal(CommonErrors.InvalidParameterCode, zeroMax.Code);
    }

    [Theory]
    [InlineData("FOO bar", 400, ImageBuilderErrors.UnknownCommandCode)]
    [InlineData("FROM IMAGE:m-xyz", 404, ImageBuilderErrors.FromInComponentCode)]
    [InlineData("RUN", 400, "EmptyCommandContent.RUN")]
    [InlineData("", 400, ImageBuilderErrors.MissingContentCode)]
    public async Task CreateImageComponent_WithBadContent_AnswersItsEcsCode(string content, int status, string code)
    {
        // Act
        var response = await api.Alice().CallAsync("CreateImageComponent", ("RegionId", Region), ("Name", "api-bad-content"), ("Content", content));

        // Assert
        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal(code, response.Code);
    }

    [Fact]
    public async Task CreateImageComponent_WithBadEnumerations_AVersionTwice_OrAsAReadOnlyMember_AnswersTheirCodes()
    {
        // Arrange
        var alice = api.Alice();
        await ComponentAsync(alice, "api-versioned", ("ComponentVersion", "1.0.0"));

        // Act
        var system = await alice.CallAsync("CreateImageComponent", ("RegionId", Region), ("SystemType", "BeOS"), ("Content", "RUN true"));
        var type = await alice.CallAsync("CreateImageComponent", ("RegionId", Region), ("ComponentType", "Deploy"), ("Content", "RUN true"));
        var version = await alice.CallAsync("CreateImageComponent", ("RegionId", Region), ("ComponentVersion", "1.x"), ("Content", "RUN true"));
        var twice = await alice.CallAsync("CreateImageComponent", ("RegionId", Region), ("Name", "api-versioned"), ("ComponentVersion", "1.0.0"), ("Content", "RUN true"));
        var noRegion = await alice.CallAsync("CreateImageComponent", ("Content", "RUN true"));
        var bob = await api.As(DemoWorld.Bob).CallAsync("CreateImageComponent", ("RegionId", Region), ("Content", "RUN true"));

        // Assert
        Assert.Equal(ImageBuilderErrors.SystemTypeCode, system.Code);
        Assert.Equal(ImageBuilderErrors.ComponentTypeCode, type.Code);
        Assert.Equal(ImageBuilderErrors.ComponentVersionCode, version.Code);
        Assert.Equal(HttpStatusCode.Forbidden, twice.Status);
        Assert.Equal(ImageBuilderErrors.ComponentVersionExistCode, twice.Code);
        Assert.Equal(CommonErrors.MissingParameterCode, noRegion.Code);
        Assert.Equal(HttpStatusCode.Forbidden, bob.Status);
        Assert.Equal(CommonErrors.ForbiddenCode, bob.Code);
    }

    [Fact]
    public async Task DeleteImageComponent_OfAComponentATemplateUses_IsInUse_UntilTheTemplateIsDeleted()
    {
        // Arrange
        var alice = api.Alice();
        var componentId = await ComponentAsync(alice, "api-in-use");
        var pipelineId = await PipelineAsync(alice, ("BuildContent", $"COMPONENT {componentId}\nRUN echo done"));

        // Act
        var inUse = await alice.CallAsync("DeleteImageComponent", ("RegionId", Region), ("ImageComponentId", componentId));
        var pipelineDeleted = await alice.CallAsync("DeleteImagePipeline", ("RegionId", Region), ("ImagePipelineId", pipelineId));
        var pipelineAgain = await alice.CallAsync("DeleteImagePipeline", ("RegionId", Region), ("ImagePipelineId", pipelineId));
        var deleted = await alice.CallAsync("DeleteImageComponent", ("RegionId", Region), ("ImageComponentId", componentId));
        var again = await alice.CallAsync("DeleteImageComponent", ("RegionId", Region), ("ImageComponentId", componentId));
        var missing = await alice.CallAsync("DeleteImageComponent", ("RegionId", Region));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, inUse.Status);
        Assert.Equal(ImageBuilderErrors.ComponentInUseCode, inUse.Code);
        Assert.True(pipelineDeleted.Status == HttpStatusCode.OK, pipelineDeleted.ToString());
        Assert.Equal(JsonValueKind.String, pipelineDeleted["RequestId"].ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, pipelineAgain.Status);
        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, pipelineAgain.Code);
        Assert.True(deleted.Status == HttpStatusCode.OK, deleted.ToString());
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(ImageBuilderErrors.ComponentNotFoundCode, again.Code);
        Assert.Equal(CommonErrors.MissingParameterCode, missing.Code);
    }

    [Fact]
    public async Task CreateImagePipeline_WithEveryOption_IsDescribedWithTheExactShapesAndJsonTypes()
    {
        // Arrange
        var alice = api.Alice();

        // Act
        var pipelineId = await PipelineAsync(alice,
            ("Name", "api-full-template"), ("Description", "Every option"), ("BuildContent", "RUN apt-get update\nENV MODE=\"prod\""),
            ("SystemDiskSize", "60"), ("InternetMaxBandwidthOut", "5"), ("DeleteInstanceOnFailure", "false"),
            ("RepairMode", "Customized"), ("RepairItem.1", "fstab"), ("RepairItem.2", "grub"),
            ("ImageOptions.ImageName", "api-full-image"), ("ImageOptions.ImageFamily", "api-full-family"), ("ImageOptions.Description", "Built over the API"),
            ("ImageOptions.ImageFeatures.NvmeSupport", "auto"), ("ImageOptions.ImageTags.1.Key", "built-by"), ("ImageOptions.ImageTags.1.Value", "api"),
            ("AdvancedOptions.RetainCloudAssistant", "true"), ("AdvancedOptions.ImageNameSuffix", "disable"),
            ("ToRegionId.1", "cn-shanghai"), ("AddAccount.1", DemoWorld.GlobexAccountId), ("Tag.1.Key", "env"), ("Tag.1.Value", "test"),
            ("ClientToken", Guid.NewGuid().ToString()), ("ImageName", "ignored-when-image-options-has-one"));
        var described = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region), ("ImagePipelineId.1", pipelineId));

        // Assert
        Assert.StartsWith("ip-", pipelineId, StringComparison.Ordinal);
        Assert.Equal(1, described["TotalCount"].GetInt32());
        Assert.Equal(JsonValueKind.Number, described["MaxResults"].ValueKind);
        var t = Assert.Single(described["ImagePipeline"].GetProperty("ImagePipelineSet").EnumerateArray());
        Assert.Equal(pipelineId, t.GetProperty("ImagePipelineId").GetString());
        Assert.Equal("api-full-template", t.GetProperty("Name").GetString());
        Assert.Equal("Every option", t.GetProperty("Description").GetString());
        Assert.Matches(TimeFormat, t.GetProperty("CreationTime").GetString());
        Assert.Equal("IMAGE", t.GetProperty("BaseImageType").GetString());
        Assert.Equal(Ubuntu, t.GetProperty("BaseImage").GetString());
        Assert.Equal("RUN apt-get update\nENV MODE=\"prod\"", t.GetProperty("BuildContent").GetString());
        Assert.Equal("ecs.g7.large", t.GetProperty("InstanceType").GetString());
        Assert.Equal(JsonValueKind.Number, t.GetProperty("SystemDiskSize").ValueKind);
        Assert.Equal(60, t.GetProperty("SystemDiskSize").GetInt32());
        Assert.Equal(JsonValueKind.Number, t.GetProperty("InternetMaxBandwidthOut").ValueKind);
        Assert.Equal(5, t.GetProperty("InternetMaxBandwidthOut").GetInt32());
        Assert.Equal(JsonValueKind.False, t.GetProperty("DeleteInstanceOnFailure").ValueKind);
        Assert.Equal("Customized", t.GetProperty("RepairMode").GetString());
        Assert.Equal(["fstab", "grub"], Strings(t.GetProperty("RepairItems").GetProperty("RepairItem")));
        Assert.Equal("api-full-image", t.GetProperty("ImageName").GetString());
        Assert.Equal("api-full-family", t.GetProperty("ImageFamily").GetString());
        Assert.Equal("auto", t.GetProperty("NvmeSupport").GetString());
        Assert.Equal(["cn-shanghai"], Strings(t.GetProperty("ToRegionIds").GetProperty("ToRegionId")));
        var accounts = t.GetProperty("AddAccounts").GetProperty("AddAccount");
        Assert.Equal(JsonValueKind.String, accounts[0].ValueKind);
        Assert.Equal([DemoWorld.GlobexAccountId], Strings(accounts));
        var tag = Assert.Single(t.GetProperty("Tags").GetProperty("Tag").EnumerateArray());
        Assert.Equal("env", tag.GetProperty("TagKey").GetString());
        Assert.Equal("test", tag.GetProperty("TagValue").GetString());
        var advanced = t.GetProperty("AdvancedOptions");
        Assert.Equal("disable", advanced.GetProperty("ImageNameSuffix").GetString());
        Assert.Equal(JsonValueKind.True, advanced.GetProperty("RetainCloudAssistant").ValueKind);
        var options = t.GetProperty("ImageOptions");
        Assert.Equal("api-full-image", options.GetProperty("ImageName").GetString());
        Assert.Equal("api-full-family", options.GetProperty("ImageFamily").GetString());
        Assert.Equal("Built over the API", options.GetProperty("Description").GetString());
        Assert.Equal("auto", options.GetProperty("ImageFeatures").GetProperty("NvmeSupport").GetString());
        var imageTag = Assert.Single(options.GetProperty("ImageTags").GetProperty("ImageTag").EnumerateArray());
        Assert.Equal("built-by", imageTag.GetProperty("TagKey").GetString());
        Assert.Equal("api", imageTag.GetProperty("TagValue").GetString());
        Assert.Equal(EcsConsole.Domain.ResourceGroups.ResourceGroupRules.DefaultIdFor(DemoWorld.AcmeAccountId), t.GetProperty("ResourceGroupId").GetString());
        foreach (var empty in new[] { "TestContent", "VSwitchId" })
        {
            Assert.Equal("", t.GetProperty(empty).GetString());
        }

        Assert.Equal("", t.GetProperty("ImportImageOptions").GetProperty("ImageName").GetString());
    }

    [Fact]
    public async Task CreateImagePipeline_WithTheDeprecatedTopLevelFields_FillsImageOptions_AndAnswersEmptyStringsForWhatWasNotGiven()
    {
        // Arrange
        var alice = api.Alice();

        // Act
        var pipelineId = await PipelineAsync(alice, ("ImageName", "api-legacy"), ("ImageFamily", "api-legacy-family"), ("NvmeSupport", "supported"));
        var described = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region), ("ImagePipelineId.1", pipelineId));

        // Assert
        var t = Assert.Single(described["ImagePipeline"].GetProperty("ImagePipelineSet").EnumerateArray());
        Assert.Equal(pipelineId, t.GetProperty("Name").GetString());
        var options = t.GetProperty("ImageOptions");
        Assert.Equal("api-legacy", options.GetProperty("ImageName").GetString());
        Assert.Equal("api-legacy-family", options.GetProperty("ImageFamily").GetString());
        Assert.Equal("supported", options.GetProperty("ImageFeatures").GetProperty("NvmeSupport").GetString());
        Assert.Equal("api-legacy", t.GetProperty("ImageName").GetString());
        Assert.Equal(40, t.GetProperty("SystemDiskSize").GetInt32());
        Assert.Equal(0, t.GetProperty("InternetMaxBandwidthOut").GetInt32());
        Assert.Equal(JsonValueKind.True, t.GetProperty("DeleteInstanceOnFailure").ValueKind);
        Assert.Equal(JsonValueKind.False, t.GetProperty("AdvancedOptions").GetProperty("RetainCloudAssistant").ValueKind);
        Assert.Equal("", t.GetProperty("AdvancedOptions").GetProperty("ImageNameSuffix").GetString());
        Assert.Empty(t.GetProperty("ToRegionIds").GetProperty("ToRegionId").EnumerateArray());
        Assert.Empty(t.GetProperty("AddAccounts").GetProperty("AddAccount").EnumerateArray());
        foreach (var empty in new[] { "Description", "TestContent", "RepairMode", "VSwitchId" })
        {
            Assert.Equal("", t.GetProperty(empty).GetString());
        }

        Assert.Equal("", options.GetProperty("Description").GetString());
    }

    [Fact]
    public async Task CreateImagePipeline_CarriesA15KBBuildContentInTheQueryString_AndDescribeReturnsItUnchanged()
    {
        // Arrange: 100 commands of about 150 bytes (~15 KB), signed both ways
        var content = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"RUN echo {i:D3} {new string((char)('a' + (i % 26)), 140)}"));
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 15_000, 16_384);

        // Act
        var v3 = await PipelineAsync(api.Alice(), ("BuildContent", content));
        var v1 = await PipelineAsync(api.Alice(EcsSigning.V1), ("BuildContent", content));
        var described = await api.Alice().CallAsync("DescribeImagePipelines", ("RegionId", Region), ("ImagePipelineId.1", v3), ("ImagePipelineId.2", v1));
        var tooLong = await api.Alice().CallAsync("CreateImagePipeline", ("RegionId", Region), ("BaseImageType", "IMAGE"), ("BaseImage", Ubuntu),
            ("BuildContent", content + "\n" + content));

        // Assert
        var items = described["ImagePipeline"].GetProperty("ImagePipelineSet").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, t => Assert.Equal(content, t.GetProperty("BuildContent").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(ImageBuilderErrors.BuildContentLengthCode, tooLong.Code);
    }

    [Theory]
    [InlineData("BuildContent", "FOO bar", 400, ImageBuilderErrors.UnknownCommandCode)]
    [InlineData("BuildContent", "COMPONENT ic-doesnotexist000000000", 404, ImageBuilderErrors.ReferencedComponentNotFoundCode)]
    [InlineData("TestContent", "COMPONENT ic-aliyun00000000000001", 400, ImageBuilderErrors.ComponentNotSupportedCode)]
    [InlineData("BaseImageType", "OSS", 404, PipelineImportRules.MissingOptionsCode)]
    [InlineData("BaseImageType", "ISO", 400, ImageBuilderErrors.BaseImageTypeCode)]
    [InlineData("BaseImage", "m-doesnotexist", 404, ImageBuilderErrors.BaseImageNotFoundCode)]
    [InlineData("SystemDiskSize", "abc", 400, CommonErrors.InvalidParameterCode)]
    [InlineData("SystemDiskSize", "10", 400, ImageBuilderErrors.SystemDiskSizeCode)]
    [InlineData("InternetMaxBandwidthOut", "101", 400, ImageBuilderErrors.BandwidthCode)]
    [InlineData("InternetMaxBandwidthOut", "1.5", 400, CommonErrors.InvalidParameterCode)]
    [InlineData("DeleteInstanceOnFailure", "maybe", 400, CommonErrors.InvalidParameterCode)]
    [InlineData("AdvancedOptions.RetainCloudAssistant", "yes", 400, CommonErrors.InvalidParameterCode)]
    [InlineData("AdvancedOptions.ImageNameSuffix", "enable", 400, ImageBuilderErrors.ImageNameSuffixCode)]
    [InlineData("ImageOptions.ImageFeatures.NvmeSupport", "maybe", 400, ImageBuilderErrors.NvmeSupportCode)]
    [InlineData("NvmeSupport", "maybe", 400, ImageBuilderErrors.NvmeSupportCode)]
    [InlineData("RepairMode", "Everything", 400, ImageBuilderErrors.RepairModeCode)]
    [InlineData("RepairItem.1", "fstab", 404, ImageBuilderErrors.MissingRepairModeCode)]
    [InlineData("InstanceType", "ecs.none.large", 404, ImageBuilderErrors.InstanceTypeNotFoundCode)]
    [InlineData("ToRegionId.1", "atlantis-1", 404, CommonErrors.InvalidRegionIdNotFoundCode)]
    [InlineData("Name", "1-starts-with-a-digit", 400, ImageBuilderErrors.NameMalformedCode)]
    public async Task CreateImagePipeline_WithABadParameter_AnswersItsEcsCode(string name, string value, int status, string code)
    {
        // Arrange
        var parameters = new Dictionary<string, string>
        {
            ["RegionId"] = Region, ["BaseImageType"] = "IMAGE", ["BaseImage"] = Ubuntu, ["InstanceType"] = "ecs.g7.large", ["BuildContent"] = "RUN true",
            [name] = value,
        };

        // Act
        var response = await api.Alice().CallAsync("CreateImagePipeline", parameters);

        // Assert
        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal(code, response.Code);
    }

    [Fact]
    public async Task CreateImagePipeline_WithTooManyRegionsOrAccounts_AnswersTheSizeCodes()
    {
        // Arrange
        var regions = Enumerable.Range(1, 21).Select(i => ($"ToRegionId.{i}", "cn-shanghai")).ToArray();
        var accounts = Enumerable.Range(1, 21).Select(i => ($"AddAccount.{i}", $"{9000000000000000 + i}")).ToArray();

        // Act
        var tooManyRegions = await api.Alice().CallAsync("CreateImagePipeline", [("RegionId", Region), ("BaseImageType", "IMAGE"), ("BaseImage", Ubuntu), .. regions]);
        var tooManyAccounts = await api.Alice().CallAsync("CreateImagePipeline", [("RegionId", Region), ("BaseImageType", "IMAGE"), ("BaseImage", Ubuntu), .. accounts]);

        // Assert
        Assert.Equal(ImageBuilderErrors.ToRegionSizeCode, tooManyRegions.Code);
        Assert.Equal(ImageBuilderErrors.AddAccountSizeCode, tooManyAccounts.Code);
    }

    [Fact]
    public async Task DescribeImagePipelines_PagesWithNextToken_FiltersByNameAndTag_AndRefusesABadToken()
    {
        // Arrange
        var alice = api.Alice();
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add(await PipelineAsync(alice, ("Name", $"api-paged-template-{i}"), ("Tag.1.Key", "suite"), ("Tag.1.Value", "pipeline-paging")));
        }

        // Act
        var first = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region), ("Tag.1.Key", "suite"), ("Tag.1.Value", "pipeline-paging"), ("MaxResults", "2"));
        var second = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region), ("Tag.1.Key", "suite"), ("Tag.1.Value", "pipeline-paging"), ("MaxResults", "2"),
            ("NextToken", first["NextToken"].GetString()!));
        var byName = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region), ("Name", "api-paged-template-1"));
        var badToken = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region), ("NextToken", "zz"));
        var badName = await alice.CallAsync("DescribeImagePipelines", ("RegionId", Region), ("Name", "http://nope"));
        var tooManyIds = await alice.CallAsync("DescribeImagePipelines",
            [("RegionId", Region), .. Enumerable.Range(1, 21).Select(i => ($"ImagePipelineId.{i}", $"ip-{i:D20}"))]);

        // Assert
        var page1 = first["ImagePipeline"].GetProperty("ImagePipelineSet").EnumerateArray().Select(t => t.GetProperty("ImagePipelineId").GetString()!).ToList();
        var page2 = second["ImagePipeline"].GetProperty("ImagePipelineSet").EnumerateArray().Select(t => t.GetProperty("ImagePipelineId").GetString()!).ToList();
        Assert.Equal([made[2], made[1]], page1);
        Assert.Equal([made[0]], page2);
        Assert.Equal(3, first["TotalCount"].GetInt32());
        Assert.NotEqual("", first["NextToken"].GetString());
        Assert.Equal("", second["NextToken"].GetString());
        Assert.Equal(made[1], Assert.Single(byName["ImagePipeline"].GetProperty("ImagePipelineSet").EnumerateArray()).GetProperty("ImagePipelineId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, badToken.Status);
        Assert.Equal(ImageBuilderErrors.NextTokenCode, badToken.Code);
        Assert.Equal(ImageBuilderErrors.NameMalformedCode, badName.Code);
        Assert.Equal(ImageBuilderErrors.PipelineIdSizeCode, tooManyIds.Code);
    }

    [Fact]
    public async Task StartImagePipelineExecution_RunsTheBuildToSuccess_AndDescribeImagePipelineExecutionsReportsTheImage()
    {
        // Arrange
        var alice = api.Alice();
        var pipelineId = await PipelineAsync(alice, ("ImageOptions.ImageName", "api-built"), ("BuildContent", "RUN apt-get update"));

        // Act
        var started = await alice.CallAsync("StartImagePipelineExecution", ("RegionId", Region), ("ImagePipelineId", pipelineId),
            ("Tag.1.Key", "run"), ("Tag.1.Value", "first"), ("TemplateTag.1.Key", "ignored"), ("ClientToken", Guid.NewGuid().ToString()));
        Assert.True(started.Status == HttpStatusCode.OK, started.ToString());
        var executionId = started["ExecutionId"].GetString()!;
        var execution = await WaitForExecutionAsync(alice, executionId, s => BuildStatuses.IsFinal(Enum.Parse<BuildStatus>(s)));
        var byPipeline = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ImagePipelineId", pipelineId), ("Status", "SUCCESS,FAILED"));
        var none = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ImagePipelineId", pipelineId), ("Status", "CANCELLED"));
        var byTag = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ImagePipelineId", pipelineId),
            ("Tag.1.Key", "run"), ("Tag.1.Value", "first"));
        var cancelEnded = await alice.CallAsync("CancelImagePipelineExecution", ("RegionId", Region), ("ExecutionId", executionId));

        // Assert
        Assert.StartsWith("exec-", executionId, StringComparison.Ordinal);
        Assert.Equal("SUCCESS", execution.GetProperty("Status").GetString());
        Assert.Equal(pipelineId, execution.GetProperty("ImagePipelineId").GetString());
        var imageId = execution.GetProperty("ImageId").GetString()!;
        Assert.StartsWith("m-", imageId, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, execution.GetProperty("Message").ValueKind);
        Assert.Matches(TimeFormat, execution.GetProperty("CreationTime").GetString());
        Assert.Matches(TimeFormat, execution.GetProperty("ModifiedTime").GetString());
        Assert.Equal("", execution.GetProperty("ErrorCode").GetString());
        var tag = Assert.Single(execution.GetProperty("Tags").GetProperty("Tag").EnumerateArray());
        Assert.Equal("run", tag.GetProperty("TagKey").GetString());
        Assert.Equal("first", tag.GetProperty("TagValue").GetString());
        Assert.Equal(1, byPipeline["TotalCount"].GetInt32());
        Assert.Equal(0, none["TotalCount"].GetInt32());
        Assert.Equal(executionId, byTag["ImagePipelineExecution"].GetProperty("ImagePipelineExecutionSet")[0].GetProperty("ExecutionId").GetString());
        var image = await EcsApiImageTests.WaitForImageAsync(alice, Region, imageId, "Available");
        Assert.Equal($"api-built_{executionId}", image.GetProperty("ImageName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, cancelEnded.Status);
        Assert.Equal(ImageBuilderErrors.CancelFailedCode, cancelEnded.Code);
    }

    [Fact]
    public async Task ABuildInFlight_RefusesASecondStartAndTheTemplatesDelete_AndCancelsOnlyOnce()
    {
        // Arrange: ten-minute jobs, so the build stays in PREPARING
        var alice = slow.Alice();
        var pipelineId = await PipelineAsync(alice, ("BuildContent", "RUN true"));
        var started = await alice.CallAsync("StartImagePipelineExecution", ("RegionId", Region), ("ImagePipelineId", pipelineId));
        Assert.True(started.Status == HttpStatusCode.OK, started.ToString());
        var executionId = started["ExecutionId"].GetString()!;

        // Act
        var preparing = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ExecutionId", executionId));
        var second = await alice.CallAsync("StartImagePipelineExecution", ("RegionId", Region), ("ImagePipelineId", pipelineId));
        var delete = await alice.CallAsync("DeleteImagePipeline", ("RegionId", Region), ("ImagePipelineId", pipelineId));
        var cancel = await alice.CallAsync("CancelImagePipelineExecution", ("RegionId", Region), ("ExecutionId", executionId), ("TemplateTag.1.Key", "x"));
        var cancelling = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ExecutionId", executionId));
        var cancelAgain = await alice.CallAsync("CancelImagePipelineExecution", ("RegionId", Region), ("ExecutionId", executionId));

        // Assert
        var before = Assert.Single(preparing["ImagePipelineExecution"].GetProperty("ImagePipelineExecutionSet").EnumerateArray());
        Assert.Equal("PREPARING", before.GetProperty("Status").GetString());
        Assert.Equal("", before.GetProperty("ImageId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, second.Status);
        Assert.Equal(ImageBuilderErrors.HasRunningExecutionCode, second.Code);
        Assert.Equal(HttpStatusCode.Forbidden, delete.Status);
        Assert.Equal(ImageBuilderErrors.HasRunningExecutionCode, delete.Code);
        Assert.True(cancel.Status == HttpStatusCode.OK, cancel.ToString());
        Assert.Equal("CANCELLING", cancelling["ImagePipelineExecution"].GetProperty("ImagePipelineExecutionSet")[0].GetProperty("Status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, cancelAgain.Status);
        Assert.Equal(ImageBuilderErrors.NotCancellableCode, cancelAgain.Code);
    }

    [Fact]
    public async Task DescribeImagePipelineExecutions_NeedsATemplateOrAnExecution_AndUnknownOnesAnswerTheirCodes()
    {
        // Arrange
        var alice = api.Alice();
        var pipelineId = await PipelineAsync(alice);

        // Act
        var neither = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region));
        var unknownPipeline = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ImagePipelineId", "ip-doesnotexist0000000"));
        var unknownExecution = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ExecutionId", "exec-00000000000000000000"));
        var noBuilds = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ImagePipelineId", pipelineId));
        var badStatus = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ImagePipelineId", pipelineId), ("Status", "DREAMING"));
        var badToken = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ImagePipelineId", pipelineId), ("NextToken", "zz"));
        var tooManyIds = await alice.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region),
            ("ExecutionId", string.Join(",", Enumerable.Range(1, 21).Select(i => $"exec-{i:D20}"))));
        var startUnknown = await alice.CallAsync("StartImagePipelineExecution", ("RegionId", Region), ("ImagePipelineId", "ip-doesnotexist0000000"));
        var cancelUnknown = await alice.CallAsync("CancelImagePipelineExecution", ("RegionId", Region), ("ExecutionId", "exec-00000000000000000000"));
        var cancelNothing = await alice.CallAsync("CancelImagePipelineExecution", ("RegionId", Region));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, neither.Status);
        Assert.Equal(ImageBuilderErrors.MissingPipelineIdCode, neither.Code);
        Assert.Equal(HttpStatusCode.NotFound, unknownPipeline.Status);
        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, unknownPipeline.Code);
        Assert.Equal(HttpStatusCode.OK, unknownExecution.Status);
        Assert.Equal(0, unknownExecution["TotalCount"].GetInt32());
        Assert.Empty(unknownExecution["ImagePipelineExecution"].GetProperty("ImagePipelineExecutionSet").EnumerateArray());
        Assert.Equal(0, noBuilds["TotalCount"].GetInt32());
        Assert.Equal(ImageBuilderErrors.StatusParameterCode, badStatus.Code);
        Assert.Equal(HttpStatusCode.Forbidden, badToken.Status);
        Assert.Equal(ImageBuilderErrors.NextTokenCode, badToken.Code);
        Assert.Equal(ImageBuilderErrors.ExecutionIdSizeCode, tooManyIds.Code);
        Assert.Equal(HttpStatusCode.NotFound, startUnknown.Status);
        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, startUnknown.Code);
        Assert.Equal(HttpStatusCode.NotFound, cancelUnknown.Status);
        Assert.Equal(ImageBuilderErrors.ExecutionNotFoundCode, cancelUnknown.Code);
        Assert.Equal(CommonErrors.MissingParameterCode, cancelNothing.Code);
    }

    /// <summary>A new component of Alice's with Dockerfile-style content; extra parameters are added or override.</summary>
    private static async Task<string> ComponentAsync(EcsTestClient client, string name, params (string Name, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string> { ["RegionId"] = Region, ["Name"] = name, ["Content"] = "RUN echo from-component" };
        foreach (var (key, value) in extra)
        {
            parameters[key] = value;
        }

        var created = await client.CallAsync("CreateImageComponent", parameters);
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created["ImageComponentId"].GetString()!;
    }

    /// <summary>A new template from the Ubuntu image on ecs.g7.large; extra parameters are added or override.</summary>
    private static async Task<string> PipelineAsync(EcsTestClient client, params (string Name, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string>
        {
            ["RegionId"] = Region, ["BaseImageType"] = "IMAGE", ["BaseImage"] = Ubuntu, ["InstanceType"] = "ecs.g7.large", ["BuildContent"] = "RUN echo hello",
        };
        foreach (var (key, value) in extra)
        {
            parameters[key] = value;
        }

        var created = await client.CallAsync("CreateImagePipeline", parameters);
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created["ImagePipelineId"].GetString()!;
    }

    internal static async Task<JsonElement> WaitForExecutionAsync(EcsTestClient client, string executionId, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var response = await client.CallAsync("DescribeImagePipelineExecutions", ("RegionId", Region), ("ExecutionId", executionId));
            Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
            var executions = response["ImagePipelineExecution"].GetProperty("ImagePipelineExecutionSet");
            if (executions.GetArrayLength() == 1 && done(executions[0].GetProperty("Status").GetString()!))
            {
                return executions[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"{executionId} did not end: {response}");
            await Task.Delay(200);
        }
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
