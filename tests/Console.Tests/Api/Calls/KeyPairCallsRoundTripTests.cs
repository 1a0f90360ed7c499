using EcsConsole.Domain.KeyPairs;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Api.Calls;

namespace EcsConsole.Tests.Api.Calls;

/// <summary>The key pairs page's "Equivalent API call" panels, sent to the API, do what the dialogs do (ADR-014).</summary>
public sealed class KeyPairCallsRoundTripTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task CreateKeyPair_ThePanelsCall_CreatesThePairWithItsTags()
    {
        // Arrange
        var call = EcsCalls.CreateKeyPair(new CreateKeyPairRequest(Region, "panel-created") { Tags = [("team", "ops")] });

        // Act
        var created = await api.Alice().CallAsync(call.Action, call.ToWire());
        var described = await api.Alice().CallAsync("DescribeKeyPairs", ("RegionId", Region), ("KeyPairName", "panel-created"), ("Tag.1.Key", "team"), ("Tag.1.Value", "ops"));

        // Assert
        Assert.Equal("panel-created", created["KeyPairName"].GetString());
        Assert.Equal(1, described["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task ImportKeyPair_AndDeleteKeyPairs_ThePanelsCalls_ImportThenDelete()
    {
        // Arrange
        var import = EcsCalls.ImportKeyPair(new ImportKeyPairRequest(Region, "panel-imported", TestKeys.RsaPublicKey));
        var delete = EcsCalls.DeleteKeyPairs(Region, ["panel-imported"]);

        // Act
        var imported = await api.Alice().CallAsync(import.Action, import.ToWire());
        var deleted = await api.Alice().CallAsync(delete.Action, delete.ToWire());
        var after = await api.Alice().CallAsync("DescribeKeyPairs", ("RegionId", Region), ("KeyPairName", "panel-imported"));

        // Assert
        Assert.Equal(TestKeys.RsaFingerPrint, imported["KeyPairFingerPrint"].GetString());
        Assert.Null(deleted.Code);
        Assert.Equal(0, after["TotalCount"].GetInt32());
    }
}
