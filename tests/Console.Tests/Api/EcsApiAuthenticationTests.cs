using System.Net;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The ECS API's front door: both signatures from an independent signer, the ECS authentication codes, the error body,
/// and pages left alone.
/// </summary>
public sealed class EcsApiAuthenticationTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private const string ProbeSecret = "ProbeFakeSecret0000000000000000";

    [Fact]
    public void TestSigner_ReproducesTheSdkV3TestVector()
    {
        // Arrange: ecs-openapi §1.4's vector, computed by the SDK's own getAuthorization
        var query = new Dictionary<string, string>
        {
            ["RegionId"] = "cn-hangzhou", ["ImageId"] = "m-probe0001", ["AddAccount.1"] = "1234567890123456",
            ["AddAccount.2"] = "2234567890123456", ["Description"] = "a b+c/d?e=f&g (h)*~!'中文",
        };
        var headers = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1:18080", ["x-acs-version"] = "2014-05-26", ["x-acs-action"] = "ModifyImageSharePermission",
            ["x-acs-date"] = "2025-01-02T03:04:05Z", ["x-acs-signature-nonce"] = "0123456789abcdef0123456789abcdef",
            ["x-acs-content-sha256"] = ApiSignature.EmptyPayloadHash, ["x-acs-credentials-provider"] = "static_ak",
        };

        // Act
        var mine = EcsTestSigner.V3Signature("POST", query, headers, ApiSignature.EmptyPayloadHash, ProbeSecret);
        var server = ApiSignature.V3Sign(ProbeSecret, ApiSignature.V3StringToSign("POST", "/", query, [.. headers.Keys], n => headers[n], ApiSignature.EmptyPayloadHash));

        // Assert
        Assert.Equal("a2c9063b8b924d66d3dd19984d1e3e97df9c45d6767ab2722b6cfd6eba0a20f9", mine);
        Assert.Equal(mine, server);
    }

    [Theory]
    [InlineData("POST", "djwUO4TMoiNLXzNa2SpkLuJn2V4=")]
    [InlineData("GET", "vKzSJ8BsrUx9qCTzRzwM614khxw=")]
    public void TestSigner_ReproducesTheSdkV1TestVectors(string method, string expected)
    {
        // Arrange: the v1params block of the probe's selftest.js
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "DeleteImage", ["Format"] = "json", ["Version"] = "2014-05-26", ["Timestamp"] = "2025-01-02T03:04:05Z",
            ["SignatureNonce"] = "0123456789abcdef0123456789abcdef", ["RegionId"] = "cn-hangzhou", ["ImageId"] = "m-probe0001",
            ["Description"] = "a b+c/d?e=f&g (h)*~!'中文", ["SignatureMethod"] = "HMAC-SHA1", ["SignatureVersion"] = "1.0",
            ["AccessKeyId"] = "LTAI5tPROBEFAKEKEYID0000",
        };

        // Act
        var mine = EcsTestSigner.V1Signature(method, parameters, ProbeSecret);
        var server = ApiSignature.V1Sign(ProbeSecret, ApiSignature.V1StringToSign(method, parameters));

        // Assert
        Assert.Equal(expected, mine);
        Assert.Equal(mine, server);
    }

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    [InlineData(EcsSigning.V1Form)]
    [InlineData(EcsSigning.V1Get)]
    public async Task AValidlySignedCall_InEveryWireShape_Succeeds_WithoutACodeInTheBody(EcsSigning signing)
    {
        // Act
        var response = await api.Alice(signing).CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Code);
        Assert.False(string.IsNullOrEmpty(response["RequestId"].GetString()));
        Assert.Equal(7, response["Regions"].GetProperty("Region").GetArrayLength());
    }

    [Fact]
    public async Task SpecialCharactersInValues_AreSignedCanonically()
    {
        // Act: a description with every character the two SDKs encode differently
        var response = await api.Alice(EcsSigning.V3).CallAsync("DescribeImages", ("RegionId", "cn-hangzhou"), ("ImageName", "a b+c/d?e=f&g (h)*~!'中文"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response["TotalCount"].GetInt32());
    }

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task AnUnknownAccessKey_IsInvalidAccessKeyIdNotFound(EcsSigning signing)
    {
        // Arrange
        var client = new EcsTestClient(api.App.CreateBrowserLikeClient(), "LTAI5tNoSuchKey000000000", "whatever", signing);

        // Act
        var response = await client.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(ApiErrors.AccessKeyNotFoundCode, response.Code);
    }

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    [InlineData(EcsSigning.V1Form)]
    public async Task AWrongSecret_IsSignatureDoesNotMatch(EcsSigning signing)
    {
        // Arrange
        var client = new EcsTestClient(api.App.CreateBrowserLikeClient(), "LTAI5tDemoAlice000000001", "not-the-secret", signing);

        // Act
        var response = await client.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(ApiErrors.SignatureDoesNotMatchCode, response.Code);
    }

    [Theory]
    [InlineData(EcsSigning.V3, -20)]
    [InlineData(EcsSigning.V1, 20)]
    public async Task ATimestampOutsideFifteenMinutes_IsInvalidTimeStampExpired(EcsSigning signing, int minutes)
    {
        // Arrange
        var client = new EcsTestClient(api.App.CreateBrowserLikeClient(), "LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001", signing)
        {
            Timestamp = DateTimeOffset.UtcNow.AddMinutes(minutes),
        };

        // Act
        var response = await client.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(ApiErrors.TimestampExpiredCode, response.Code);
    }

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1)]
    public async Task ANonceUsedTwice_IsRefusedTheSecondTime(EcsSigning signing)
    {
        // Arrange
        var client = new EcsTestClient(api.App.CreateBrowserLikeClient(), "LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001", signing)
        {
            Nonce = Guid.NewGuid().ToString("N"),
        };

        // Act
        var first = await client.CallAsync("DescribeRegions");
        var replay = await client.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal(ApiErrors.NonceUsedCode, replay.Code);
    }

    [Fact]
    public async Task ADisabledKey_IsRefused_AndWorksAgainOnceEnabled()
    {
        // Arrange: carol disables her own key
        var keys = api.App.Services.GetRequiredService<AccessKeyService>();
        var carol = await CarolAsync();
        await keys.SetStatusAsync(carol, "LTAI5tDemoCarol000000001", AccessKeyStatus.Inactive);

        // Act
        var disabled = await api.As(DemoWorld.Carol).CallAsync("DescribeRegions");
        await keys.SetStatusAsync(carol, "LTAI5tDemoCarol000000001", AccessKeyStatus.Active);
        var enabled = await api.As(DemoWorld.Carol).CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, disabled.Status);
        Assert.Equal(ApiErrors.AccessKeyDisabledCode, disabled.Code);
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
    }

    [Fact]
    public async Task AnUnknownAction_IsInvalidActionNotFound()
    {
        // Act
        var response = await api.Alice().CallAsync("DescribeEverything", ("RegionId", "cn-hangzhou"));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(ApiErrors.ActionNotFoundCode, response.Code);
    }

    [Fact]
    public async Task AnotherApiVersion_IsInvalidVersion()
    {
        // Arrange
        var client = new EcsTestClient(api.App.CreateBrowserLikeClient(), "LTAI5tDemoAlice000000001", "DemoAliceSecret000000000000000001") { Version = "2016-03-14" };

        // Act
        var response = await client.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(ApiErrors.InvalidVersionCode, response.Code);
    }

    [Fact]
    public async Task AnUnsignedCall_IsMissingParameter_WithTheEcsErrorBody()
    {
        // Arrange
        var http = api.App.CreateBrowserLikeClient();

        // Act
        var response = await http.GetAsync("/?Action=DescribeRegions&Version=2014-05-26");
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert: exactly the five fields of the ECS error body
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Code", "HostId", "Message", "Recommend", "RequestId"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("MissingParameter", body.RootElement.GetProperty("Code").GetString());
    }

    [Fact]
    public async Task AMalformedV3Authorization_IsIncompleteSignature_NeverA500()
    {
        // Arrange
        var http = api.App.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("x-acs-action", "DescribeRegions");
        request.Headers.TryAddWithoutValidation("x-acs-version", "2014-05-26");
        request.Headers.TryAddWithoutValidation("Authorization", "ACS3-HMAC-SHA256 garbage");

        // Act
        var response = await http.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ApiErrors.IncompleteSignatureCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRootPage_WithoutAnAction_IsStillThePage()
    {
        // Act
        var response = await api.App.CreateBrowserLikeClient().GetAsync("/");

        // Assert: the console's sign-in redirect, not the API
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("x-acs-request-id"));
    }

    [Fact]
    public async Task TheCaller_ActsAsTheKeysUser_WithItsRole()
    {
        // Act: bob is a read-only member of Acme
        var bob = await api.As(DemoWorld.Bob).CallAsync("CreateImage", ("RegionId", "cn-hangzhou"), ("ImageName", "bob-was-here"));
        var images = await api.As(DemoWorld.Bob).CallAsync("DescribeImages", ("RegionId", "cn-hangzhou"), ("ImageOwnerAlias", "self"));

        // Assert: he sees Acme's images but may not change anything
        Assert.Equal(HttpStatusCode.Forbidden, bob.Status);
        Assert.Equal("Forbidden", bob.Code);
        Assert.Equal(1, images["TotalCount"].GetInt32());
    }

    private async Task<EcsConsole.Domain.Common.Actor> CarolAsync()
    {
        using var scope = api.App.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ConsoleUser>>().FindByEmailAsync(DemoWorld.Carol);
        return (await api.App.Services.GetRequiredService<AccountService>().GetActorAsync(user!.Id)).Value;
    }
}
