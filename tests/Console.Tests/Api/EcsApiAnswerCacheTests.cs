using System.Net;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Kept answers (ADR-033): a reading action's answer is given again, with the call's own RequestId, only while the
/// database's data version is the one it was made at; any change — through the API, on another node, or written straight
/// into the database — is in the next answer. Answers that depend on the clock, errors and other callers' answers are
/// never given from the cache.
/// </summary>
public sealed class EcsApiAnswerCacheTests
{
    private const string Region = "cn-hangzhou";
    private const string AliceKey = "LTAI5tDemoAlice000000001";
    private const string AliceSecret = "DemoAliceSecret000000000000000001";

    [Fact]
    public async Task DescribeImagesAskedTwice_IsAnsweredTheSecondTimeFromTheCache_WithItsOwnRequestId()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var alice = Alice(console);
        var cache = console.Services.GetRequiredService<ApiAnswerCache>();

        // Act
        var first = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"), ("PageSize", "20"));
        var hitsBefore = cache.Hits;
        var second = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"), ("PageSize", "20"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(hitsBefore + 1, cache.Hits);
        Assert.NotEqual(first["RequestId"].GetString(), second["RequestId"].GetString());
        Assert.Equal(WithoutRequestId(first), WithoutRequestId(second));
        Assert.Equal(20, second["Images"].GetProperty("Image").GetArrayLength());
    }

    [Fact]
    public async Task TwentyOfTheSameCallAtOnce_RunTheActionOnce_EachWithItsOwnRequestId()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var alice = Alice(console);
        var cache = console.Services.GetRequiredService<ApiAnswerCache>();
        var missesBefore = cache.Misses;

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"), ("PageSize", "30"))));

        // Assert: one run; the others waited for its answer (or found it kept)
        Assert.Equal(missesBefore + 1, cache.Misses);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(20, answers.Select(a => a["RequestId"].GetString()).Distinct().Count());
        Assert.Single(answers.Select(WithoutRequestId).Distinct());
    }

    [Fact]
    public async Task AnImageRenamedThroughTheApi_IsInTheNextAnswer()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var alice = Alice(console);
        var before = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));
        var imageId = before["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;

        // Act
        var renamed = await alice.CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Description", "kept answers end here"));
        var after = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal("kept answers end here", after["Images"].GetProperty("Image")[0].GetProperty("Description").GetString());
    }

    [Fact]
    public async Task AnImageChangedStraightInTheDatabase_IsInTheNextAnswer()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var alice = Alice(console);
        var cache = console.Services.GetRequiredService<ApiAnswerCache>();
        await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base"));
        await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base"));
        var hits = cache.Hits;

        // Act: a write no service made (the triggers see it all the same)
        await using (var db = await console.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync())
        {
            await db.Images.Where(i => i.Name == "acme-base-v1").ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, "acme-base-renamed"));
        }

        var after = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base"));

        // Assert: the same call was answered from the cache before the change, and not after it
        Assert.True(hits > 0);
        Assert.Equal(hits, cache.Hits);
        Assert.Contains(after["Images"].GetProperty("Image").EnumerateArray(), i => i.GetProperty("ImageName").GetString() == "acme-base-renamed");
        Assert.DoesNotContain(after["Images"].GetProperty("Image").EnumerateArray(), i => i.GetProperty("ImageName").GetString() == "acme-base-v1");
    }

    [Fact]
    public async Task AnImageChangedThroughAnotherNode_IsInThisNodesNextAnswer()
    {
        // Arrange: node A keeps an answer; node B shares the database
        using var nodeA = new ConsoleAppFactory();
        var onA = Alice(nodeA);
        var before = await onA.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));
        await onA.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));
        using var nodeB = new ConsoleAppFactory(nodeA.DatabasePath);
        var onB = Alice(nodeB);
        var imageId = before["Images"].GetProperty("Image")[0].GetProperty("ImageId").GetString()!;

        // Act
        var changed = await onB.CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Description", "changed on node B"));
        var after = await onA.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("changed on node B", after["Images"].GetProperty("Image")[0].GetProperty("Description").GetString());
    }

    [Fact]
    public async Task AnAnswerWithAnImageStillBeingMade_IsNotKept_ItsRemainingTimeGoesDown()
    {
        // Arrange: an image in the Creating state
        using var console = new ConsoleAppFactory();
        var alice = Alice(console);
        var cache = console.Services.GetRequiredService<ApiAnswerCache>();
        await using (var db = await console.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync())
        {
            await db.Images.Where(i => i.Name == "acme-base-v1")
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, EcsConsole.Domain.Images.ImageStatus.Creating));
        }

        // Act
        var first = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("Status", "Creating"));
        var hits = cache.Hits;
        var second = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("Status", "Creating"));

        // Assert
        Assert.Equal(1, first["TotalCount"].GetInt32());
        Assert.Equal(1, second["TotalCount"].GetInt32());
        Assert.Equal(hits, cache.Hits);
    }

    [Fact]
    public async Task AKeptAnswer_NamesTheSameIgnoredParameters()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var alice = Alice(console);

        // Act
        var first = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"), ("NoSuchParameter", "1"));
        var second = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"), ("NoSuchParameter", "1"));

        // Assert
        Assert.Equal(["NoSuchParameter"], first.Ignored);
        Assert.Equal(first.Ignored, second.Ignored);
    }

    [Fact]
    public async Task CallersOfOtherAccounts_AreNeverGivenEachOthersAnswers()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var (carolKey, carolSecret, _) = DemoWorld.AccessKeys.First(k => k.User == DemoWorld.Carol);
        var carol = new EcsTestClient(console.CreateBrowserLikeClient(), carolKey, carolSecret);

        // Act: the same call by Alice (Acme) and by Carol (Globex)
        var asAlice = await Alice(console).CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"));
        var asCarol = await carol.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"));

        // Assert
        Assert.All(asAlice["Images"].GetProperty("Image").EnumerateArray(), i => Assert.Equal(DemoWorld.AcmeAccountId, i.GetProperty("ImageOwnerId").GetRawText()));
        Assert.All(asCarol["Images"].GetProperty("Image").EnumerateArray(), i => Assert.Equal(DemoWorld.GlobexAccountId, i.GetProperty("ImageOwnerId").GetRawText()));
    }

    [Fact]
    public async Task AKeyDisabledAfterItsAnswerWasKept_IsRefused()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var alice = Alice(console);
        await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"));
        await using (var db = await console.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync())
        {
            await db.AccessKeys.Where(k => k.Id == AliceKey)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.Status, EcsConsole.Domain.Accounts.AccessKeyStatus.Inactive));
        }

        // Act
        var refused = await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "system"));

        // Assert
        Assert.Equal(ApiErrors.AccessKeyDisabledCode, refused.Code);
    }

    [Fact]
    public async Task AfterEachWorldReset_TheResetWorldIsAnswered_NotAKeptAnswerOfTheWorldBefore()
    {
        // Arrange: a description changed and its answer kept; then a reset, the same change and its answer kept again
        using var console = new ConsoleAppFactory(settings: new Dictionary<string, string> { ["Simulation:ControlToken"] = "reset-token" });
        var alice = Alice(console);
        var imageId = (await DescribeAcmeBaseAsync(alice)).GetProperty("ImageId").GetString()!;
        var original = (await DescribeAcmeBaseAsync(alice)).GetProperty("Description").GetString();
        await alice.CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Description", "before the reset"));
        await DescribeAcmeBaseAsync(alice);
        await ResetAsync(console);
        await DescribeAcmeBaseAsync(alice);
        await alice.CallAsync("ModifyImageAttribute", ("RegionId", Region), ("ImageId", imageId), ("Description", "before the reset"));
        await DescribeAcmeBaseAsync(alice);

        // Act
        await ResetAsync(console);
        var afterSecondReset = await DescribeAcmeBaseAsync(alice);

        // Assert
        Assert.Equal(original, afterSecondReset.GetProperty("Description").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> DescribeAcmeBaseAsync(EcsTestClient alice) =>
        (await alice.CallAsync("DescribeImages", ("RegionId", Region), ("ImageOwnerAlias", "self"), ("ImageName", "acme-base-v1")))["Images"].GetProperty("Image")[0];

    private static async Task ResetAsync(ConsoleAppFactory console)
    {
        using var http = console.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/simulation/reset");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "reset-token");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static EcsTestClient Alice(ConsoleAppFactory console) => new(console.CreateBrowserLikeClient(), AliceKey, AliceSecret);

    private static string WithoutRequestId(EcsResponse response) =>
        System.Text.RegularExpressions.Regex.Replace(response.Body.GetRawText(), "\"RequestId\":\"[^\"]*\"", "");
}
