using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// The API as an attacker tries it (security issue, items 1, 2, 3, 5, 6): revoked users and keys refused from the next
/// call, bodies that cannot be authenticated refused unread, every signature covering what it acts on, and no list so
/// long that the database chokes on it.
/// </summary>
public sealed class EcsApiHardeningTests : IDisposable
{
    private const string Hangzhou = "cn-hangzhou";
    private const string AliceKey = "LTAI5tDemoAlice000000001";
    private const string AliceSecret = "DemoAliceSecret000000000000000001";

    private readonly ConsoleAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    // Item 1: a role change, a removal or a lockout takes effect on the very next call of every key of the user.
    [Fact]
    public async Task AMemberDemotedToReadOnly_IsForbidden_OnTheNextCallOfTheirKey()
    {
        // Arrange: eve, an Operator with her own AccessKey, creates a snapshot-free write (a bucket) fine
        var (eve, client) = await OperatorWithKeyAsync();
        var before = await client.CallAsync("TagResources", ("RegionId", Hangzhou), ("ResourceType", "image"), ("ResourceId.1", await AcmeImageAsync()),
            ("Tag.1.Key", "team"), ("Tag.1.Value", "a"));
        Assert.Equal(HttpStatusCode.OK, before.Status);

        // Act
        await Members.ChangeRoleAsync(await AliceAsync(), eve.UserId, AccountRole.ReadOnly);
        var after = await client.CallAsync("TagResources", ("RegionId", Hangzhou), ("ResourceType", "image"), ("ResourceId.1", await AcmeImageAsync()),
            ("Tag.1.Key", "team"), ("Tag.1.Value", "b"));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, after.Status);
        Assert.Equal(CommonErrors.ForbiddenCode, after.Code);
    }

    [Fact]
    public async Task ALockedOutUser_IsForbidden_OnTheNextCallOfTheirKey()
    {
        // Arrange
        var (eve, client) = await OperatorWithKeyAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.CallAsync("DescribeRegions")).Status);

        // Act: five wrong passwords lock eve out
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ConsoleUser>>();
            var user = await users.FindByIdAsync(eve.UserId);
            for (var i = 0; i < 5; i++)
            {
                await users.AccessFailedAsync(user!);
            }
        }

        var locked = await client.CallAsync("DescribeImages", ("RegionId", Hangzhou), ("ImageOwnerAlias", "self"));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, locked.Status);
        Assert.Equal(CommonErrors.ForbiddenCode, locked.Code);
    }

    // Item 2: disabled means refused from the next request on, whatever was in flight and on every node.
    [Fact]
    public async Task DisablingAKey_WhileCallsWithItAreInFlight_RefusesEveryCallStartedAfterTheDisable()
    {
        // Arrange: calls with alice's key keep coming while she disables it
        var keys = _app.Services.GetRequiredService<AccessKeyService>();
        var alice = await AliceAsync();
        using var stop = new CancellationTokenSource();
        var inFlight = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var client = Client();
            while (!stop.IsCancellationRequested)
            {
                await client.CallAsync("DescribeRegions");
            }
        })).ToList();
        await Task.Delay(1); // let the callers start: no timing is asserted
        await Task.Yield();

        // Act
        Assert.True((await keys.SetStatusAsync(alice, AliceKey, AccessKeyStatus.Inactive)).IsSuccess);
        var after = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client().CallAsync("DescribeRegions")));
        await stop.CancelAsync();
        await Task.WhenAll(inFlight);

        // Assert
        Assert.All(after, r => Assert.Equal(ApiErrors.AccessKeyDisabledCode, r.Code));
    }

    // Item 3: what cannot be authenticated is refused before it is read; bodies are capped; never a 500.
    [Fact]
    public async Task A28MiBPost_WithAnUnknownV3Key_IsRefusedWithoutReadingTheBody()
    {
        // Arrange
        var body = new CountingContent(28 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = body };
        request.Headers.TryAddWithoutValidation("x-acs-action", "DescribeRegions");
        request.Headers.TryAddWithoutValidation("x-acs-version", EcsApiMiddleware.Version);
        request.Headers.TryAddWithoutValidation("Authorization",
            "ACS3-HMAC-SHA256 Credential=LTAI5tNobody000000000000,SignedHeaders=content-type;host;x-acs-action;x-acs-version,Signature=00");

        // Act
        using var response = await _app.CreateBrowserLikeClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(ApiErrors.AccessKeyNotFoundCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(body.BytesPulled < 2 * 1024 * 1024, $"the server pulled {body.BytesPulled} bytes of an unauthenticated body");
    }

    [Fact]
    public async Task A28MiBPost_WithAForgedV3Signature_IsRefusedWithoutReadingTheBody()
    {
        // Arrange: a real key, but the signature is not its owner's
        var body = new CountingContent(28 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = body };
        var headers = new Dictionary<string, string>
        {
            ["host"] = EcsTestClient.Host, ["x-acs-action"] = "DescribeRegions", ["x-acs-version"] = EcsApiMiddleware.Version,
            ["x-acs-date"] = Now(), ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = EcsTestSigner.Sha256Hex(Encoding.UTF8.GetBytes("whatever")),
        };
        var signed = new Dictionary<string, string>(headers) { ["content-type"] = "application/octet-stream" };
        AddV3(request, headers, EcsTestSigner.V3Signature("POST", new Dictionary<string, string>(), signed, headers["x-acs-content-sha256"], "NotAlicesSecret"),
            signed.Keys);

        // Act
        using var response = await _app.CreateBrowserLikeClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ApiErrors.SignatureDoesNotMatchCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(body.BytesPulled < 2 * 1024 * 1024, $"the server pulled {body.BytesPulled} bytes of an unauthenticated body");
    }

    [Fact]
    public async Task AV1FormBody_LargerThanTheCap_IsRequestEntityTooLarge_Unread()
    {
        // Arrange
        var body = new CountingContent(28 * 1024 * 1024, "application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = body };

        // Act
        using var response = await _app.CreateBrowserLikeClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(ApiErrors.RequestTooLargeCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(body.BytesPulled < 2 * 1024 * 1024, $"the server pulled {body.BytesPulled} bytes past the cap");
    }

    [Fact]
    public async Task AChunkedFormBody_PastTheCap_IsRequestEntityTooLarge()
    {
        // Arrange: no Content-Length, so the server finds out while reading
        var body = new CountingContent(4 * 1024 * 1024, "application/x-www-form-urlencoded", chunked: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/?Action=DescribeRegions") { Content = body };

        // Act
        using var response = await _app.CreateBrowserLikeClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(body.BytesPulled < 2 * 1024 * 1024, $"the server pulled {body.BytesPulled} bytes past the cap");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?Action=DescribeRegions")]
    public async Task AFormWithThousandsOfFields_IsRefusedAs400_NeverA500(string path)
    {
        // Arrange: 3,000 fields in 30 KB, with an Action among them
        var fields = string.Join("&", Enumerable.Range(0, 3000).Select(i => $"f{i}=1")) + "&Action=DescribeRegions&Version=2014-05-26";
        using var content = new StringContent(fields, Encoding.UTF8, "application/x-www-form-urlencoded");

        // Act
        using var response = await _app.CreateBrowserLikeClient().PostAsync(path, content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(CommonErrors.InvalidParameterCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Item 5: the signature covers the action and the body's parameters.
    [Fact]
    public async Task AV1Call_TakesItsActionOnlyFromSignedParameters_NeverFromTheUnsignedHeader()
    {
        // Arrange: a valid V1 signature over parameters without Action; the action rides in an unsigned header
        var parameters = new Dictionary<string, string>
        {
            ["Version"] = EcsApiMiddleware.Version, ["Format"] = "JSON", ["Timestamp"] = Now(), ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureVersion"] = "1.0", ["AccessKeyId"] = AliceKey, ["RegionId"] = Hangzhou,
        };
        parameters["Signature"] = EcsTestSigner.V1Signature("GET", parameters, AliceSecret);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?" + Query(parameters));
        request.Headers.Host = EcsTestClient.Host;
        request.Headers.TryAddWithoutValidation("x-acs-action", "DescribeRegions");

        // Act
        using var response = await _app.CreateBrowserLikeClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(CommonErrors.MissingParameterCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.BadRequest)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task AV3CallWithAFormBody_MustSignItsContentType(bool contentTypeSigned, HttpStatusCode expected)
    {
        // Arrange: the parameters in a form body, its hash signed; the content type signed or not
        var form = "RegionId=cn-hangzhou&ImageOwnerAlias=self";
        var headers = new Dictionary<string, string>
        {
            ["host"] = EcsTestClient.Host, ["x-acs-action"] = "DescribeImages", ["x-acs-version"] = EcsApiMiddleware.Version,
            ["x-acs-date"] = Now(), ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = EcsTestSigner.Sha256Hex(Encoding.UTF8.GetBytes(form)),
        };
        var signed = new Dictionary<string, string>(headers);
        if (contentTypeSigned)
        {
            signed["content-type"] = "application/x-www-form-urlencoded";
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(form)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        AddV3(request, headers, EcsTestSigner.V3Signature("POST", new Dictionary<string, string>(), signed, headers["x-acs-content-sha256"], AliceSecret),
            signed.Keys);

        // Act
        using var response = await _app.CreateBrowserLikeClient().SendAsync(request);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        if (!contentTypeSigned)
        {
            Assert.Contains(ApiErrors.IncompleteSignatureCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    // Item 6: lists longer than ECS accepts are refused with its codes, never a 500.
    [Theory]
    [InlineData(100, HttpStatusCode.OK, null)]
    [InlineData(101, HttpStatusCode.BadRequest, "InvalidParamter")]
    [InlineData(5000, HttpStatusCode.BadRequest, "InvalidParamter")]
    public async Task DescribeImages_TakesAtMost100ImageIds(int count, HttpStatusCode expected, string? code)
    {
        // Act
        var response = await Client().CallAsync("DescribeImages", ("RegionId", Hangzhou),
            ("ImageId", string.Join(",", Enumerable.Range(0, count).Select(i => $"m-bp{i:D18}"))));

        // Assert
        Assert.Equal(expected, response.Status);
        Assert.Equal(code, response.Code);
    }

    [Theory]
    [InlineData("DescribeImages", 20, HttpStatusCode.OK, null)]
    [InlineData("DescribeImages", 21, HttpStatusCode.BadRequest, "InvalidTagCount")]
    [InlineData("DescribeImages", 500, HttpStatusCode.BadRequest, "InvalidTagCount")]
    [InlineData("ListTagResources", 21, HttpStatusCode.BadRequest, "InvalidTagCount")]
    [InlineData("DescribeImages", 3000, HttpStatusCode.BadRequest, "InvalidParameter")]
    public async Task TagFilters_AreAtMost20(string action, int count, HttpStatusCode expected, string? code)
    {
        // Arrange
        var parameters = new Dictionary<string, string> { ["RegionId"] = Hangzhou, ["ResourceType"] = "image" };
        for (var i = 1; i <= count; i++)
        {
            parameters[$"Tag.{i}.Key"] = $"k{i}";
            parameters[$"Tag.{i}.Value"] = "v";
        }

        if (action == "DescribeImages")
        {
            parameters.Remove("ResourceType");
        }

        // Act
        var response = await Client().CallAsync(action, parameters);

        // Assert
        Assert.Equal(expected, response.Status);
        Assert.Equal(code, response.Code);
    }

    private MemberService Members => _app.Services.GetRequiredService<MemberService>();

    private EcsTestClient Client() => new(_app.CreateBrowserLikeClient(), AliceKey, AliceSecret);

    private async Task<Actor> AliceAsync() => await ActorAsync(DemoWorld.Alice);

    private async Task<Actor> ActorAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ConsoleUser>>().FindByEmailAsync(email);
        return (await _app.Services.GetRequiredService<AccountService>().GetActorAsync(user!.Id)).Value;
    }

    private async Task<(AddedMember Eve, EcsTestClient Client)> OperatorWithKeyAsync()
    {
        var eve = (await Members.AddAsync(await AliceAsync(), "eve@acme.example", AccountRole.Operator)).Value;
        var key = (await _app.Services.GetRequiredService<AccessKeyService>().CreateAsync(await ActorAsync(eve.Email))).Value;
        return (eve, new EcsTestClient(_app.CreateBrowserLikeClient(), key.Id, key.Secret));
    }

    private async Task<string> AcmeImageAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<EcsConsole.Domain.Persistence.ConsoleDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
    }

    private static string Now() => DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Query(IReadOnlyDictionary<string, string> parameters) =>
        string.Join("&", parameters.Select(p => EcsTestSigner.Encode(p.Key) + "=" + EcsTestSigner.Encode(p.Value)));

    private static void AddV3(HttpRequestMessage request, Dictionary<string, string> headers, string signature, IEnumerable<string>? signedNames = null)
    {
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Host = EcsTestClient.Host;
        request.Headers.TryAddWithoutValidation("Authorization",
            $"ACS3-HMAC-SHA256 Credential={AliceKey},SignedHeaders={string.Join(";", (signedNames ?? headers.Keys).Order(StringComparer.Ordinal))},Signature={signature}");
    }

    /// <summary>A body of <c>length</c> bytes made on demand, counting how many the server pulled.</summary>
    private sealed class CountingContent : HttpContent
    {
        private readonly long _length;
        private readonly bool _chunked;
        private long _pulled;

        public CountingContent(long length, string contentType = "application/octet-stream", bool chunked = false)
        {
            _length = length;
            _chunked = chunked;
            Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        public long BytesPulled => Interlocked.Read(ref _pulled);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("a=aaaaaaaaaaaaa&", 4096)));
            try
            {
                for (long sent = 0; sent < _length; sent += chunk.Length)
                {
                    var n = (int)Math.Min(chunk.Length, _length - sent);
                    await stream.WriteAsync(chunk.AsMemory(0, n));
                    Interlocked.Add(ref _pulled, n);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                // The server answered without reading the rest: exactly what these tests want.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return !_chunked;
        }
    }
}
