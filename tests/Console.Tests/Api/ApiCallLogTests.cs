using System.Net;
using EcsConsole.Domain.ApiLog;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The API log (ADR-013) as the API fills it: every call whose AccessKey exists is recorded after its answer, with the
/// RequestId, status and code it answered, its parameters without secrets; calls with no known key are not.
/// </summary>
public sealed class ApiCallLogTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    private async Task<ApiCallRecord?> RecordedAsync(string requestId, string viewer = DemoWorld.Root)
    {
        var services = api.App.Services;
        await services.GetRequiredService<ApiCallQueue>().FlushAsync();
        var actor = await services.GetRequiredService<EcsConsole.Domain.Accounts.AccountService>().GetActorAsync(
            await UserIdAsync(viewer), EcsConsole.Domain.Common.ActorSource.Console);
        var page = await services.GetRequiredService<ApiCallLogService>().ListAsync(actor.Value, new ApiCallQuery { PageSize = 100 });
        return page.Value.Items.SingleOrDefault(c => c.RequestId == requestId);
    }

    private async Task<string> UserIdAsync(string email) =>
        (await api.App.QueryScalarAsync($"SELECT Id FROM AspNetUsers WHERE Email = '{email}'"))!;

    [Theory]
    [InlineData(EcsSigning.V3)]
    [InlineData(EcsSigning.V1Get)]
    public async Task ASignedCall_IsInTheLog_WithTheRequestIdItAnswered_AndNoSignature(EcsSigning signing)
    {
        // Act
        var response = await api.Alice(signing).CallAsync("DescribeImages", ("RegionId", "cn-hangzhou"), ("PageSize", "1"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var requestId = response["RequestId"].GetString()!;
        var call = await RecordedAsync(requestId, DemoWorld.Alice);
        Assert.NotNull(call);
        Assert.Equal(("DescribeImages", 200, null, DemoWorld.Alice, DemoWorld.AcmeAccountId, "LTAI5tDemoAlice000000001"),
            (call.Action, call.HttpStatus, call.ErrorCode, call.UserEmail, call.AccountId, call.AccessKeyId));
        Assert.Contains("\"RegionId\":\"cn-hangzhou\"", call.Parameters, StringComparison.Ordinal);
        if (signing == EcsSigning.V1Get)
        {
            Assert.Contains($"\"Signature\":\"{ApiParameterRedaction.Mask}\"", call.Parameters, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARefusedCall_IsInTheLog_WithItsStatusAndCode_AndItsPasswordMasked()
    {
        // Act: a RunInstances dry run with a password, in a region that does not exist
        var response = await api.Alice().CallAsync("RunInstances", ("RegionId", "xx-nowhere-1"), ("Password", "Secret@12345"), ("ImageId", "m-x"));

        // Assert
        var call = await RecordedAsync(response["RequestId"].GetString()!);
        Assert.NotNull(call);
        Assert.Equal(((int)response.Status, response.Code), (call.HttpStatus, call.ErrorCode));
        Assert.NotNull(call.ErrorCode);
        Assert.DoesNotContain("Secret@12345", call.Parameters, StringComparison.Ordinal);
        Assert.Contains($"\"Password\":\"{ApiParameterRedaction.Mask}\"", call.Parameters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallWithTheWrongSecret_IsInTheKeysAccountsLog_AsSignatureDoesNotMatch()
    {
        // Act
        var response = await new EcsTestClient(api.App.CreateBrowserLikeClient(), "LTAI5tDemoAlice000000001", "not-the-secret")
            .CallAsync("DescribeRegions");

        // Assert
        Assert.Equal("SignatureDoesNotMatch", response.Code);
        var call = await RecordedAsync(response["RequestId"].GetString()!, DemoWorld.Alice);
        Assert.NotNull(call);
        Assert.Equal(("SignatureDoesNotMatch", DemoWorld.AcmeAccountId), (call.ErrorCode, call.AccountId));
    }

    [Fact]
    public async Task ACallWithAnUnknownAccessKey_IsNotRecorded()
    {
        // Act
        var response = await new EcsTestClient(api.App.CreateBrowserLikeClient(), "LTAI5tNoSuchKey000000001", "whatever").CallAsync("DescribeRegions");

        // Assert
        Assert.Equal("InvalidAccessKeyId.NotFound", response.Code);
        Assert.Null(await RecordedAsync(response["RequestId"].GetString()!));
    }
}
