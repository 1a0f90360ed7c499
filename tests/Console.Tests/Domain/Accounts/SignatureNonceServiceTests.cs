using EcsConsole.Domain.Accounts;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Domain.Accounts;

/// <summary>The API's replay guard: a nonce is used once per AccessKey within its window, and is free again after it.</summary>
public sealed class SignatureNonceServiceTests
{
    [Fact]
    public async Task ANonce_IsRefusedTheSecondTimeWithinItsWindow()
    {
        // Arrange
        await using var db = new TestDatabase();
        var nonces = new SignatureNonceService(db.Factory, db.Time);
        await nonces.TryUseAsync("LTAI5tKey", "nonce-1");

        // Act
        db.Time.Advance(SignatureNonceService.Window - TimeSpan.FromSeconds(1));
        var replay = await nonces.TryUseAsync("LTAI5tKey", "nonce-1");

        // Assert
        Assert.False(replay);
    }

    [Fact]
    public async Task TheSameNonce_OnAnotherKey_IsNew()
    {
        // Arrange
        await using var db = new TestDatabase();
        var nonces = new SignatureNonceService(db.Factory, db.Time);
        await nonces.TryUseAsync("LTAI5tKeyA", "nonce-1");

        // Act
        var onOtherKey = await nonces.TryUseAsync("LTAI5tKeyB", "nonce-1");

        // Assert
        Assert.True(onOtherKey);
    }

    [Fact]
    public async Task ANonce_IsFreeAgainOnceItsWindowHasPassed_EvenBeforeAnySweepRemovedIt()
    {
        // Arrange: nonce-1 used at T; another node sweeps 30 s before T + window (nonce-1 still live), so its next sweep
        // is due only 30 s after the window ends
        await using var db = new TestDatabase();
        await new SignatureNonceService(db.Factory, db.Time).TryUseAsync("LTAI5tKey", "nonce-1");
        var otherNode = new SignatureNonceService(db.Factory, db.Time);
        db.Time.Advance(SignatureNonceService.Window - TimeSpan.FromSeconds(30));
        await otherNode.TryUseAsync("LTAI5tKey", "nonce-2");

        // Act: the window ends; the row is still there, unswept
        db.Time.Advance(TimeSpan.FromSeconds(30));
        var reused = await otherNode.TryUseAsync("LTAI5tKey", "nonce-1");
        var replayOfTheReuse = await otherNode.TryUseAsync("LTAI5tKey", "nonce-1");

        // Assert
        Assert.True(reused);
        Assert.False(replayOfTheReuse);
    }

    [Fact]
    public async Task OneNonceSentManyTimesAtOnce_IsNewExactlyOnce()
    {
        // Arrange
        await using var db = new TestDatabase();
        var nonces = new SignatureNonceService(db.Factory, db.Time);

        // Act: the uses arrive together, so most wait for one group's write
        var uses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => nonces.UseAsync("LTAI5tKey", "nonce-1"))));

        // Assert
        Assert.Single(uses, u => u.Fresh);
    }

    [Fact]
    public async Task ManyNoncesSentAtOnce_AreEachNew_AndEachReadsTheDataVersion()
    {
        // Arrange
        await using var db = new TestDatabase();
        var nonces = new SignatureNonceService(db.Factory, db.Time);

        // Act
        var uses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => nonces.UseAsync("LTAI5tKey", $"nonce-{i}"))));
        var replays = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => nonces.UseAsync("LTAI5tKey", $"nonce-{i}"))));

        // Assert
        Assert.All(uses, u => Assert.True(u.Fresh));
        Assert.All(uses, u => Assert.False(string.IsNullOrEmpty(u.DataVersion)));
        Assert.All(replays, r => Assert.False(r.Fresh));
    }
}
