using System.Net;
using System.Text.Json;
using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Api;

/// <summary>CreateKeyPair, ImportKeyPair, DescribeKeyPairs and DeleteKeyPairs over the ECS API, with the SDK models' JSON types.</summary>
public sealed class EcsApiKeyPairTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string Region = "cn-hangzhou";

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task CreateKeyPair_AnswersThePrivateKeyOnce_AndDescribeShowsThePairWithoutIt(EcsSigning signing)
    {
        // Arrange
        var name = $"api-key-{signing}";

        // Act
        var created = await api.Alice(signing).CallAsync("CreateKeyPair", ("RegionId", Region), ("KeyPairName", name), ("Tag.1.Key", "env"), ("Tag.1.Value", "ci"));
        var described = await api.Alice(signing).CallAsync("DescribeKeyPairs", ("RegionId", Region), ("KeyPairName", name), ("IncludePublicKey", "true"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", created["PrivateKeyBody"].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("kp-", created["KeyPairId"].GetString(), StringComparison.Ordinal);
        var pair = Assert.Single(described["KeyPairs"].GetProperty("KeyPair").EnumerateArray());
        Assert.Equal(created["KeyPairFingerPrint"].GetString(), pair.GetProperty("KeyPairFingerPrint").GetString());
        Assert.StartsWith("ssh-rsa ", pair.GetProperty("PublicKey").GetString(), StringComparison.Ordinal);
        Assert.False(pair.TryGetProperty("PrivateKeyBody", out _));
        Assert.Equal("env", pair.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagKey").GetString());
        Assert.Equal((JsonValueKind.Number, JsonValueKind.Number, JsonValueKind.Number),
            (described["TotalCount"].ValueKind, described["PageNumber"].ValueKind, described["PageSize"].ValueKind));
    }

    [Fact]
    public async Task DescribeKeyPairs_AnswersAnEmptyPublicKey_UnlessAskedFor_AndPagesByFifty()
    {
        // Act
        var plain = await api.Alice().CallAsync("DescribeKeyPairs", ("RegionId", Region), ("KeyPairName", "acme-deploy"));
        var tooBig = await api.Alice().CallAsync("DescribeKeyPairs", ("RegionId", Region), ("PageSize", "51"));

        // Assert
        var pair = Assert.Single(plain["KeyPairs"].GetProperty("KeyPair").EnumerateArray());
        Assert.Equal("", pair.GetProperty("PublicKey").GetString());
        Assert.Equal("InvalidParameter", tooBig.Code);
    }

    [Fact]
    public async Task ImportKeyPair_GivesTheFingerPrint_AndATakenNameIsAlreadyExist()
    {
        // Act
        var imported = await api.Alice().CallAsync("ImportKeyPair", ("RegionId", Region), ("KeyPairName", "api-imported"), ("PublicKeyBody", TestKeys.RsaPublicKey));
        var again = await api.Alice().CallAsync("ImportKeyPair", ("RegionId", Region), ("KeyPairName", "api-imported"), ("PublicKeyBody", TestKeys.RsaPublicKey));
        var noBody = await api.Alice().CallAsync("ImportKeyPair", ("RegionId", Region), ("KeyPairName", "api-nobody"));

        // Assert
        Assert.Equal(TestKeys.RsaFingerPrint, imported["KeyPairFingerPrint"].GetString());
        Assert.Equal((HttpStatusCode.BadRequest, KeyPairErrors.AlreadyExistCode), (again.Status, again.Code));
        Assert.Equal("MissingParameter", noBody.Code);
    }

    [Fact]
    public async Task DeleteKeyPairs_TakesAJsonArrayOfNames()
    {
        // Arrange
        await api.Alice().CallAsync("ImportKeyPair", ("RegionId", Region), ("KeyPairName", "api-doomed"), ("PublicKeyBody", TestKeys.RsaPublicKey));

        // Act
        var notJson = await api.Alice().CallAsync("DeleteKeyPairs", ("RegionId", Region), ("KeyPairNames", "api-doomed"));
        var deleted = await api.Alice().CallAsync("DeleteKeyPairs", ("RegionId", Region), ("KeyPairNames", "[\"api-doomed\"]"));
        var after = await api.Alice().CallAsync("DescribeKeyPairs", ("RegionId", Region), ("KeyPairName", "api-doomed"));

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, KeyPairErrors.NamesNotSupportedCode), (notJson.Status, notJson.Code));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(0, after["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task AReadOnlyMember_MayListButNotCreate()
    {
        // Act
        var listed = await api.As(DemoWorld.Bob).CallAsync("DescribeKeyPairs", ("RegionId", Region));
        var created = await api.As(DemoWorld.Bob).CallAsync("CreateKeyPair", ("RegionId", Region), ("KeyPairName", "bobs-key"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (created.Status, created.Code));
    }

    [Fact]
    public async Task CreateKeyPair_WithDryRun_CreatesNothing()
    {
        // Act
        var dry = await api.Alice().CallAsync("CreateKeyPair", ("RegionId", Region), ("KeyPairName", "api-dry"), ("DryRun", "true"));
        var after = await api.Alice().CallAsync("DescribeKeyPairs", ("RegionId", Region), ("KeyPairName", "api-dry"));

        // Assert
        Assert.Equal("DryRunOperation", dry.Code);
        Assert.Equal(0, after["TotalCount"].GetInt32());
    }
}
