using System.Net;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Held keys (ADR-033): a node keeps the AccessKey and its user as it last read them, with the data version of that read,
/// and uses them only when the nonce's statement finds the database still at that version. Any change to the key, its
/// user, their membership or the injected faults — on another node or straight in the database — is seen by the next
/// call, in the order the checks always had.
/// </summary>
public sealed class EcsApiHeldKeyTests
{
    private const string AliceKey = "LTAI5tDemoAlice000000001";
    private const string AliceSecret = "DemoAliceSecret000000000000000001";

    [Fact]
    public async Task AKeyDeletedStraightInTheDatabase_AfterItWasUsed_IsNotFound()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var alice = Alice(console);
        await alice.CallAsync("DescribeRegions");
        await WriteAsync(console, db => db.AccessKeys.Where(k => k.Id == AliceKey).ExecuteDeleteAsync());

        // Act
        var refused = await alice.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(ApiErrors.AccessKeyNotFoundCode, refused.Code);
    }

    [Fact]
    public async Task AUserLockedOutThroughAnotherNode_AfterTheKeyWasUsed_IsRefused()
    {
        // Arrange: node A has used alice's key; node B shares the database
        using var nodeA = new ConsoleAppFactory();
        var onA = Alice(nodeA);
        await onA.CallAsync("DescribeRegions");
        using var nodeB = new ConsoleAppFactory(nodeA.DatabasePath);
        await WriteAsync(nodeB, db => db.Users.Where(u => u.Email == DemoWorld.Alice)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnabled, true).SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1))));

        // Act
        var refused = await onA.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, refused.Code);
    }

    [Fact]
    public async Task AKeyDisabledAndThenReplayed_IsRefusedForTheKey_BeforeTheNonce()
    {
        // Arrange: the call made once with a nonce, then the key disabled straight in the database
        using var console = new ConsoleAppFactory();
        var alice = new EcsTestClient(console.CreateBrowserLikeClient(), AliceKey, AliceSecret) { Nonce = Guid.NewGuid().ToString("N") };
        var first = await alice.CallAsync("DescribeRegions");
        await WriteAsync(console, db => db.AccessKeys.Where(k => k.Id == AliceKey)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.Status, EcsConsole.Domain.Accounts.AccessKeyStatus.Inactive)));

        // Act
        var replay = await alice.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(ApiErrors.AccessKeyDisabledCode, replay.Code);
    }

    [Fact]
    public async Task AReplay_WithTheKeyHeldAndNothingChanged_IsStillRefused()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        var alice = new EcsTestClient(console.CreateBrowserLikeClient(), AliceKey, AliceSecret) { Nonce = Guid.NewGuid().ToString("N") };
        await Alice(console).CallAsync("DescribeRegions");
        var first = await alice.CallAsync("DescribeRegions");

        // Act
        var replay = await alice.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(ApiErrors.NonceUsedCode, replay.Code);
    }

    [Fact]
    public async Task AWrongSignature_WithTheKeyHeld_IsStillRefused()
    {
        // Arrange
        using var console = new ConsoleAppFactory();
        await Alice(console).CallAsync("DescribeRegions");
        var forger = new EcsTestClient(console.CreateBrowserLikeClient(), AliceKey, "NotAliceSecret0000000000000000");

        // Act
        var refused = await forger.CallAsync("DescribeRegions");

        // Assert
        Assert.Equal(ApiErrors.SignatureDoesNotMatchCode, refused.Code);
    }

    private static async Task WriteAsync(ConsoleAppFactory console, Func<ConsoleDbContext, Task<int>> write)
    {
        await using var db = await console.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await write(db));
    }

    private static EcsTestClient Alice(ConsoleAppFactory console) => new(console.CreateBrowserLikeClient(), AliceKey, AliceSecret);
}
