using EcsConsole.Domain.ClientTokens;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.ClientTokens;

/// <summary>
/// A ClientToken is claimed once per account, action and token (VAL-TOKEN-01, ADR-021): the first call holds it, a retry
/// replays its answer, other parameters or a call still in flight are refused, and after 24 hours the token is new.
/// Two services on one database stand for two nodes.
/// </summary>
public sealed class ClientTokenServiceTests
{
    private const string Acme = "1234567890123456";

    [Fact]
    public async Task TheFirstCall_ClaimsTheToken()
    {
        // Arrange
        await using var db = new TestDatabase();
        var tokens = new ClientTokenService(db.Factory, db.Time);

        // Act
        var turn = await tokens.ClaimAsync(Acme, "CreateImage", "token-1", "params-a");

        // Assert
        Assert.NotNull(turn.ClaimId);
        Assert.Null(turn.Error);
        Assert.Null(turn.Answer);
    }

    [Fact]
    public async Task ARetryOnAnotherNode_WithTheSameParameters_ReplaysTheFirstAnswer()
    {
        // Arrange
        await using var db = new TestDatabase();
        var first = new ClientTokenService(db.Factory, db.Time);
        var claim = await first.ClaimAsync(Acme, "CreateImage", "token-1", "params-a");
        await first.CompleteAsync(Acme, "CreateImage", "token-1", claim.ClaimId!, 200, """{"RequestId":"R1","ImageId":"m-1"}""");

        // Act
        var retry = await new ClientTokenService(db.Factory, db.Time).ClaimAsync(Acme, "CreateImage", "token-1", "params-a");

        // Assert
        Assert.Null(retry.ClaimId);
        Assert.Equal((200, """{"RequestId":"R1","ImageId":"m-1"}"""), (retry.HttpStatus, retry.Answer));
    }

    [Theory]
    [InlineData("CreateImage", "IdempotenceParamNotMatch", 400)]
    [InlineData("CreateSnapshot", "IdempotentParameterMismatch", 403)]
    [InlineData("RunInstances", "IdempotentParameterMismatch", 403)]
    public async Task TheSameToken_WithOtherParameters_IsTheActionsMismatch(string action, string code, int status)
    {
        // Arrange
        await using var db = new TestDatabase();
        var tokens = new ClientTokenService(db.Factory, db.Time);
        var claim = await tokens.ClaimAsync(Acme, action, "token-1", "params-a");
        await tokens.CompleteAsync(Acme, action, "token-1", claim.ClaimId!, 200, "{}");

        // Act
        var other = await tokens.ClaimAsync(Acme, action, "token-1", "params-b");

        // Assert
        Assert.Equal((code, status), (other.Error?.Code, other.Error?.HttpStatus));
    }

    [Fact]
    public async Task ATokenStillInFlight_IsIdempotentProcessing()
    {
        // Arrange: the first call has claimed and not answered yet
        await using var db = new TestDatabase();
        await new ClientTokenService(db.Factory, db.Time).ClaimAsync(Acme, "CopyImage", "token-1", "params-a");

        // Act
        var retry = await new ClientTokenService(db.Factory, db.Time).ClaimAsync(Acme, "CopyImage", "token-1", "params-a");

        // Assert
        Assert.Equal(("IdempotentProcessing", 403), (retry.Error?.Code, retry.Error?.HttpStatus));
    }

    [Fact]
    public async Task AReleasedToken_IsClaimedAgain()
    {
        // Arrange: the first call failed, created nothing and let the token go
        await using var db = new TestDatabase();
        var tokens = new ClientTokenService(db.Factory, db.Time);
        var claim = await tokens.ClaimAsync(Acme, "CreateImage", "token-1", "params-a");
        await tokens.ReleaseAsync(Acme, "CreateImage", "token-1", claim.ClaimId!);

        // Act
        var retry = await tokens.ClaimAsync(Acme, "CreateImage", "token-1", "params-b");

        // Assert
        Assert.NotNull(retry.ClaimId);
    }

    [Fact]
    public async Task TheSameToken_OnAnotherAccountOrAction_IsANewClaim()
    {
        // Arrange
        await using var db = new TestDatabase();
        var tokens = new ClientTokenService(db.Factory, db.Time);
        await tokens.ClaimAsync(Acme, "CreateImage", "token-1", "params-a");

        // Act
        var otherAccount = await tokens.ClaimAsync("2345678901234567", "CreateImage", "token-1", "params-a");
        var otherAction = await tokens.ClaimAsync(Acme, "CopyImage", "token-1", "params-a");

        // Assert
        Assert.NotNull(otherAccount.ClaimId);
        Assert.NotNull(otherAction.ClaimId);
    }

    [Fact]
    public async Task After24Hours_TheTokenIsNew_AndItsOldClaimIsPruned()
    {
        // Arrange
        await using var db = new TestDatabase();
        var tokens = new ClientTokenService(db.Factory, db.Time);
        var claim = await tokens.ClaimAsync(Acme, "CreateImage", "token-1", "params-a");
        await tokens.CompleteAsync(Acme, "CreateImage", "token-1", claim.ClaimId!, 200, "{}");
        await tokens.ClaimAsync(Acme, "CreateImage", "token-2", "params-a");

        // Act
        db.Time.Advance(ClientTokenService.Window - TimeSpan.FromSeconds(1));
        var withinTheDay = await tokens.ClaimAsync(Acme, "CreateImage", "token-1", "params-b");
        db.Time.Advance(TimeSpan.FromSeconds(1));
        var afterTheDay = await tokens.ClaimAsync(Acme, "CreateImage", "token-1", "params-b");
        var pruned = await tokens.PruneAsync();

        // Assert
        Assert.Equal("IdempotenceParamNotMatch", withinTheDay.Error?.Code);
        Assert.NotNull(afterTheDay.ClaimId);
        Assert.Equal(1, pruned); // token-2's claim; token-1's was taken over
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(["token-1"], await context.ClientTokenClaims.Select(c => c.Token).ToListAsync());
    }

    [Fact]
    public async Task AClaimWhoseCallNeverAnswered_IsTakenOverAfterItWasAbandoned()
    {
        // Arrange: a node claimed the token and died
        await using var db = new TestDatabase();
        await new ClientTokenService(db.Factory, db.Time).ClaimAsync(Acme, "RunInstances", "token-1", "params-a");
        var survivor = new ClientTokenService(db.Factory, db.Time);

        // Act
        db.Time.Advance(ClientTokenService.Abandoned);
        var retry = await survivor.ClaimAsync(Acme, "RunInstances", "token-1", "params-a");

        // Assert
        Assert.NotNull(retry.ClaimId);
    }

    [Fact]
    public async Task OnlyTheCallHoldingTheClaim_CompletesIt()
    {
        // Arrange: the first claim was taken over after it was abandoned; the first call answers late
        await using var db = new TestDatabase();
        var tokens = new ClientTokenService(db.Factory, db.Time);
        var late = await tokens.ClaimAsync(Acme, "RunInstances", "token-1", "params-a");
        db.Time.Advance(ClientTokenService.Abandoned);
        var current = await tokens.ClaimAsync(Acme, "RunInstances", "token-1", "params-a");

        // Act
        await tokens.CompleteAsync(Acme, "RunInstances", "token-1", late.ClaimId!, 200, """{"late":true}""");
        var retry = await tokens.ClaimAsync(Acme, "RunInstances", "token-1", "params-a");

        // Assert: the current holder has not answered yet
        Assert.NotNull(current.ClaimId);
        Assert.Equal("IdempotentProcessing", retry.Error?.Code);
    }

    [Theory]
    [InlineData("0c593ea1-3bea-11e9-b96b-88e9fe637760", true)]
    [InlineData("", false)]
    [InlineData("tökén", false)]
    public void ATokenIsOneTo64AsciiCharacters(string token, bool wellFormed) =>
        Assert.Equal(wellFormed, ClientTokenService.IsWellFormed(token));

    [Fact]
    public void A65CharacterToken_IsMalformed() => Assert.False(ClientTokenService.IsWellFormed(new string('a', 65)));
}
