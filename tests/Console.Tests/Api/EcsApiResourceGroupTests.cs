using System.Net;
using System.Text.Json;
using EcsConsole.Domain.ResourceGroups;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Resource groups (#21 part 1, ADR-026): every resource that carries <c>ResourceGroupId</c> is made in the group named
/// (CRT-GEN-05, IMP-13, IB-40) or its account's default one, answers it, is filtered by it (IB-09) and moves with
/// JoinResourceGroup.
/// </summary>
public sealed class EcsApiResourceGroupTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";
    private static readonly string AcmeDefault = ResourceGroupRules.DefaultIdFor(DemoWorld.AcmeAccountId);
    private static readonly string AcmeTest = ResourceGroupRules.IdFor(DemoWorld.AcmeAccountId, "test");
    private static readonly string GlobexTest = ResourceGroupRules.IdFor(DemoWorld.GlobexAccountId, "test");

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private async Task<JsonElement> ImageAsync(string imageId) =>
        (await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ImageId", imageId), ("Status", "Creating,Available")))["Images"].GetProperty("Image")[0];

    private async Task<List<string>> KeyPairNamesAsync(params (string, string)[] filter)
    {
        var answer = await api.Alice().CallAsync("DescribeKeyPairs", [("RegionId", Region), ("PageSize", "50"), .. filter]);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return [.. answer["KeyPairs"].GetProperty("KeyPair").EnumerateArray().Select(k => k.GetProperty("KeyPairName").GetString()!)];
    }

    [Fact]
    public async Task AnImageMadeWithoutAGroup_IsInItsAccountsDefaultGroup()
    {
        // Arrange
        var imageId = await new SeededWorldCalls(api).NewImageAsync(Unique());

        // Act
        var image = await ImageAsync(imageId);

        // Assert: rg- and 15 characters, the same for every image of the account
        Assert.Equal(AcmeDefault, image.GetProperty("ResourceGroupId").GetString());
        Assert.Matches("^rg-[a-z0-9]{15}$", AcmeDefault);
    }

    [Fact]
    public async Task AKeyPairMadeInTheTestGroup_IsAnsweredThere_AndTheGroupsFilterKeepsOnlyItsPairs()
    {
        // Arrange
        var name = "rg-pair-" + Unique();
        var created = await api.Alice().CallAsync("CreateKeyPair", ("RegionId", Region), ("KeyPairName", name), ("ResourceGroupId", AcmeTest));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());

        // Act
        var inTest = await KeyPairNamesAsync(("ResourceGroupId", AcmeTest));
        var inDefault = await KeyPairNamesAsync(("ResourceGroupId", AcmeDefault));

        // Assert: the Test group holds the new pair and not the seeded one; the default group's filter keeps everything (IB-09)
        Assert.Contains(name, inTest);
        Assert.DoesNotContain("acme-deploy", inTest);
        Assert.Contains("acme-deploy", inDefault);
        Assert.Contains(name, inDefault);
    }

    [Theory]
    [InlineData("CreateKeyPair")]
    [InlineData("CreateImageComponent")]
    [InlineData("RunInstances")]
    public async Task ACreateNamingAnotherAccountsGroup_IsInvalidResourceGroupNotFound_404(string action)
    {
        // Arrange
        var unique = Unique();
        (string, string)[] parameters = action switch
        {
            "CreateKeyPair" => [("KeyPairName", "rg-" + unique)],
            "CreateImageComponent" => [("Name", "rg-" + unique), ("ComponentType", "Build"), ("Content", "RUN echo rg")],
            _ => [("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"), ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("SystemDisk.Category", "cloud_essd")],
        };

        // Act
        var answer = await api.Alice().CallAsync(action, [("RegionId", Region), ("ResourceGroupId", GlobexTest), .. parameters]);

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, "InvalidResourceGroup.NotFound"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task JoinResourceGroup_MovesAnImage_AndDescribeImagesFiltersByTheGroup()
    {
        // Arrange
        var calls = new SeededWorldCalls(api);
        var moved = await calls.NewImageAsync(Unique());
        var stays = await calls.NewImageAsync(Unique());

        // Act
        var joined = await api.Alice().CallAsync("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "image"), ("ResourceId", moved), ("ResourceGroupId", AcmeTest));
        var filtered = await api.Alice().CallAsync("DescribeImages", ("RegionId", Region), ("ResourceGroupId", AcmeTest), ("PageSize", "100"));

        // Assert
        Assert.True(joined.Status == HttpStatusCode.OK, joined.ToString());
        var ids = filtered["Images"].GetProperty("Image").EnumerateArray().Select(i => i.GetProperty("ImageId").GetString()).ToList();
        Assert.Contains(moved, ids);
        Assert.DoesNotContain(stays, ids);
        Assert.DoesNotContain("aliyun_3_x64_20G_alibase_20250101.vhd", ids);
        Assert.Equal(AcmeTest, (await ImageAsync(moved)).GetProperty("ResourceGroupId").GetString());
    }

    [Theory]
    [InlineData("launchtemplate", "lt-anything", "InvalidResourceType.NotSupported", HttpStatusCode.BadRequest)]
    [InlineData("image", "m-nosuchimage", "InvalidResourceId.NotFound", HttpStatusCode.NotFound)]
    [InlineData("keypair", "acme-deploy", "InvalidResourceGroup.NotFound", HttpStatusCode.NotFound)]
    public async Task JoinResourceGroup_Refuses_WithEcsCodes(string type, string resourceId, string code, HttpStatusCode status)
    {
        // Act: the last row names another account's group
        var answer = await api.Alice().CallAsync("JoinResourceGroup", ("RegionId", Region), ("ResourceType", type), ("ResourceId", resourceId),
            ("ResourceGroupId", type == "keypair" ? GlobexTest : AcmeTest));

        // Assert
        Assert.Equal((status, code), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task JoinResourceGroup_ByAReadOnlyMember_IsForbidden()
    {
        // Act
        var answer = await api.As(DemoWorld.Bob).CallAsync("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "keypair"), ("ResourceId", "acme-deploy"),
            ("ResourceGroupId", AcmeTest));

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task InstancesRunInTheTestGroup_AndTheirDisks_AreFoundByItsFilter()
    {
        // Arrange
        var run = await api.Alice().CallAsync("RunInstances", ("RegionId", Region), ("ZoneId", "cn-hangzhou-h"), ("InstanceType", "ecs.g7.large"),
            ("ImageId", "aliyun_3_x64_20G_alibase_20250101.vhd"), ("SystemDisk.Category", "cloud_essd"), ("ResourceGroupId", AcmeTest));
        Assert.True(run.Status == HttpStatusCode.OK, run.ToString());
        var instanceId = run["InstanceIdSets"].GetProperty("InstanceIdSet")[0].GetString();

        // Act
        var instances = await api.Alice().CallAsync("DescribeInstances", ("RegionId", Region), ("ResourceGroupId", AcmeTest));
        var disks = await api.Alice().CallAsync("DescribeDisks", ("RegionId", Region), ("ResourceGroupId", AcmeTest));

        // Assert
        var instance = Assert.Single(instances["Instances"].GetProperty("Instance").EnumerateArray(), i => i.GetProperty("InstanceId").GetString() == instanceId);
        Assert.Equal(AcmeTest, instance.GetProperty("ResourceGroupId").GetString());
        var groupDisks = disks["Disks"].GetProperty("Disk").EnumerateArray().ToList();
        Assert.Contains(groupDisks, d => d.GetProperty("InstanceId").GetString() == instanceId);
        Assert.All(groupDisks, d => Assert.Equal(AcmeTest, d.GetProperty("ResourceGroupId").GetString()));
    }

    [Fact]
    public async Task AComponentMadeInTheTestGroup_IsListedByItsFilter_AndNotTheSystemComponents()
    {
        // Arrange
        var made = await api.Alice().CallAsync("CreateImageComponent", ("RegionId", Region), ("Name", "rg-component-" + Unique()), ("ComponentType", "Build"),
            ("Content", "RUN echo rg"), ("ResourceGroupId", AcmeTest));
        Assert.True(made.Status == HttpStatusCode.OK, made.ToString());

        // Act
        var listed = await api.Alice().CallAsync("DescribeImageComponents", ("RegionId", Region), ("ResourceGroupId", AcmeTest));

        // Assert
        var components = listed["ImageComponent"].GetProperty("ImageComponentSet").EnumerateArray().ToList();
        Assert.Contains(components, c => c.GetProperty("ImageComponentId").GetString() == made["ImageComponentId"].GetString());
        Assert.All(components, c => Assert.Equal(AcmeTest, c.GetProperty("ResourceGroupId").GetString()));
    }
}
