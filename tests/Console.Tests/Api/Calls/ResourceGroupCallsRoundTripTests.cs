using EcsConsole.Domain.ResourceGroups;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>The Change Resource Group dialog's "Equivalent API call", sent to the API, does what the dialog does (ADR-014).</summary>
public sealed class ResourceGroupCallsRoundTripTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task JoinResourceGroup_ThePanelsCall_MovesTheKeyPairIntoTheTestGroup()
    {
        // Arrange
        var testGroup = ResourceGroupRules.IdFor(DemoWorld.AcmeAccountId, "test");
        var name = "panel-rg-" + Guid.NewGuid().ToString("N")[..8];
        var created = await api.Alice().CallAsync("CreateKeyPair", ("RegionId", Region), ("KeyPairName", name));
        Assert.Null(created.Code);
        var call = ResourceGroupCalls.JoinResourceGroup(Region, "keypair", name, testGroup);

        // Act
        var joined = await api.Alice().CallAsync(call.Action, call.ToWire());
        var inTest = await api.Alice().CallAsync("DescribeKeyPairs", ("RegionId", Region), ("KeyPairName", name), ("ResourceGroupId", testGroup));

        // Assert
        Assert.Null(joined.Code);
        Assert.Equal(1, inTest["TotalCount"].GetInt32());
    }
}
