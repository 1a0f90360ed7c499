using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Accounts;

public sealed class AccountServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await _db.WithDemoWorldAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task GetActor_ForAMember_CarriesAccountAndRole()
    {
        // Act
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        // Assert
        Assert.Equal((DemoWorld.AcmeAccountId, AccountRole.Admin, true), (alice.AccountId, alice.Role, alice.IsAccountAdmin));
        Assert.Equal((DemoWorld.AcmeAccountId, AccountRole.ReadOnly, false), (bob.AccountId, bob.Role, bob.IsAccountAdmin));
    }

    [Fact]
    public async Task GetActor_ForThePlatformAdmin_HasNoAccount()
    {
        // Act
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Assert
        Assert.True(root.IsPlatformAdmin);
        Assert.Null(root.AccountId);
        Assert.False(root.IsAccountAdmin);
    }

    [Fact]
    public async Task GetActor_ForAnUnknownUser_ReturnsUserNotFound()
    {
        // Act
        var result = await _db.Accounts().GetActorAsync("no-such-user");

        // Assert
        Assert.Equal(AccountErrors.UserNotFoundCode, result.Error?.Code);
    }

    [Fact]
    public async Task CreateAccountForNewUser_GivesAFresh16DigitAccountWithTheUserAsAdmin()
    {
        // Arrange
        var userId = await AddUserAsync("erin@example.test");

        // Act
        var result = await _db.Accounts().CreateAccountForNewUserAsync(userId);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.True(Account.IsWellFormedId(result.Value.Id));
        Assert.DoesNotContain(result.Value.Id, new[] { DemoWorld.AcmeAccountId, DemoWorld.GlobexAccountId, DemoWorld.InitechAccountId });
        var actor = (await _db.Accounts().GetActorAsync(userId)).Value;
        Assert.Equal((result.Value.Id, AccountRole.Admin), (actor.AccountId, actor.Role));
        await using var db = _db.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "CreateAccount" && a.ResourceId == result.Value.Id));
    }

    [Fact]
    public async Task CreateAccountForNewUser_CalledTwice_KeepsTheFirstAccount()
    {
        // Arrange
        var userId = await AddUserAsync("frank@example.test");
        var first = await _db.Accounts().CreateAccountForNewUserAsync(userId);

        // Act
        var second = await _db.Accounts().CreateAccountForNewUserAsync(userId);

        // Assert
        Assert.Equal(first.Value.Id, second.Value.Id);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.AccountMemberships.CountAsync(m => m.UserId == userId));
    }

    private async Task<string> AddUserAsync(string email)
    {
        await using var db = _db.NewContext();
        var user = new ConsoleUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
