using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api;

namespace EcsConsole.Tests.Api;

/// <summary>Bad input is never a 500: every action, fed missing, absurd and malformed parameters, answers an ECS 4xx or a success.</summary>
public sealed class EcsApiRobustnessTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    public static TheoryData<string> Actions() => [.. EcsActions.All.Keys.Order(StringComparer.Ordinal)];

    private static readonly Dictionary<string, string>[] BadInputs =
    [
        [],
        new()
        {
            ["RegionId"] = "cn-hangzhou", ["PageNumber"] = "2147483647", ["PageSize"] = "100", ["MaxResults"] = "-5", ["NextToken"] = "zz",
            ["ImageId"] = "m-doesnotexist", ["InstanceId"] = "i-doesnotexist", ["DiskId"] = "d-x", ["SnapshotId"] = "s-x", ["TaskId"] = "t-x",
            ["ResourceType"] = "image", ["ResourceId.1"] = "m-x", ["Tag.1.Key"] = "k", ["Tag.1.Value"] = "v", ["InstanceType"] = "ecs.none",
            ["SystemDisk.Size"] = "-40", ["DiskDeviceMapping.1.Size"] = "-1", ["DiskDeviceMapping.1.OSSBucket"] = "b", ["DiskDeviceMapping.1.OSSObject"] = "o",
            ["DestinationRegionId"] = "nowhere", ["OSSBucket"] = "nobucket", ["ImageFamily"] = "f", ["AddAccount.1"] = "not-an-account",
        },
        new()
        {
            ["RegionId"] = "cn-hangzhou", ["PageNumber"] = "0", ["PageSize"] = "1e9", ["InstanceIds"] = "[1,2", ["SnapshotIds"] = "{}", ["DiskIds"] = "null",
            ["ImageId"] = "aliyun_3_x64_20G_alibase_20250101.vhd", ["Force"] = "maybe", ["IsPublic"] = "yes", ["Amount"] = "1000", ["DryRun"] = "false",
            ["Status"] = "😀", ["Filter.1.Key"] = "CreationStartTime", ["Filter.1.Value"] = "yesterday", ["StartTime"] = "never",
            ["DiskDeviceMapping.x.Size"] = "1", ["Tag.99999999999.Key"] = "k", ["ImageName"] = new string('a', 5000),
        },
        new()
        {
            // Image Builder: content the parsers must refuse, not throw on; enumerations and lists out of range
            ["RegionId"] = "cn-hangzhou", ["BaseImageType"] = "IMAGE_FAMILY", ["BaseImage"] = "no-such-family", ["Content"] = "Tasks: [",
            ["BuildContent"] = "Parameters:\n  x: {Type: Number}\nTasks:\n  - Action: 7", ["TestContent"] = "COMPONENT acs:ecs:::imagecomponent/x/*.*.*",
            ["ImageComponentId"] = "ic-x", ["ImagePipelineId"] = "ip-x", ["ExecutionId"] = ",,exec-x,", ["Status"] = "SUCCESS,,x", ["MaxResults"] = "501",
            ["SystemDiskSize"] = "99999999999", ["ImageOptions.ImageTags.1.Key"] = "acs:x", ["ToRegionId.1"] = "x", ["RepairItem.1"] = "x",
            ["ComponentVersion"] = "*.*.*", ["Owner"] = "ALIYUN", ["Name"] = "x", ["AddAccount.1"] = "1",
        },
    ];

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task EveryAction_GivenBadInput_AnswersAnEcsCode_NeverA500(string action)
    {
        foreach (var input in BadInputs)
        {
            // Act
            var response = await api.Alice(EcsSigning.V1).CallAsync(action, input);

            // Assert: a success, or an error body with a code and a 4xx status
            Assert.True((int)response.Status < 500, $"{action} with {string.Join(", ", input.Keys)}: {response}");
            if ((int)response.Status >= 400)
            {
                Assert.False(string.IsNullOrEmpty(response.Code), response.ToString());
            }
        }
    }
}
