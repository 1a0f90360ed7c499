using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcsConsole.Tests.Domain.Accounts;

/// <summary>Members of an account (domain-rules §12.1): only its Admins manage them; an account keeps one Admin.</summary>
public sealed class MemberServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private MemberService _members = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _members = new MemberService(_db.Factory, _db.Time, Options.Create(new IdentityOptions()));
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = _db.NewContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<(string Action, string? ErrorCode)>> AuditAsync(string action)
    {
        await using var db = _db.NewContext();
        return (await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync())
            .Select(a => (a.Action, a.ErrorCode)).ToList();
    }

    [Fact]
    public async Task List_ForAnAccountAdmin_ReturnsTheAccountsMembersOnly()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _members.ListAsync(alice);

        // Assert
        Assert.Equal([(DemoWorld.Alice, AccountRole.Admin), (DemoWorld.Bob, AccountRole.ReadOnly)],
            result.Value.Select(m => (m.Email, m.Role)).ToList());
        Assert.All(result.Value, m => Assert.False(m.LockedOut));
    }

    [Fact]
    public async Task Add_ByAnAdmin_CreatesAMemberWhoseOneTimePasswordVerifies()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _members.AddAsync(alice, " dan@acme.example ", AccountRole.Operator);

        // Assert
        var added = result.Value;
        Assert.Equal(("dan@acme.example", AccountRole.Operator), (added.Email, added.Role));
        Assert.Equal(MemberService.OneTimePasswordLength, added.OneTimePassword.Length);
        Assert.Contains(added.OneTimePassword, char.IsAsciiLetterUpper);
        Assert.Contains(added.OneTimePassword, char.IsAsciiLetterLower);
        Assert.Contains(added.OneTimePassword, char.IsAsciiDigit);
        Assert.Contains(added.OneTimePassword, c => !char.IsLetterOrDigit(c));
        Assert.DoesNotContain(added.OneTimePassword, added.ToString());
        await using var db = _db.NewContext();
        var user = await db.Users.SingleAsync(u => u.Id == added.UserId);
        Assert.Equal(("DAN@ACME.EXAMPLE", "DAN@ACME.EXAMPLE", true, true), (user.NormalizedUserName, user.NormalizedEmail, user.EmailConfirmed, user.LockoutEnabled));
        Assert.NotEqual(added.OneTimePassword, user.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<ConsoleUser>().VerifyHashedPassword(user, user.PasswordHash!, added.OneTimePassword));
        var membership = await db.AccountMemberships.SingleAsync(m => m.UserId == added.UserId);
        Assert.Equal((DemoWorld.AcmeAccountId, AccountRole.Operator, _db.Time.GetUtcNow()), (membership.AccountId, membership.Role, membership.JoinedAt));
        Assert.Equal([("AddMember", null)], await AuditAsync("AddMember"));
        var actor = (await _db.Accounts().GetActorAsync(added.UserId)).Value;
        Assert.Equal((DemoWorld.AcmeAccountId, AccountRole.Operator), (actor.AccountId, actor.Role));
    }

    [Fact]
    public async Task NewOneTimePassword_ManyTimes_AlwaysMeetsTheDefaultPolicyAndDiffers()
    {
        // Act
        var passwords = Enumerable.Range(0, 200).Select(_ => MemberService.NewOneTimePassword()).ToList();

        // Assert
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.True(
            p.Length >= 6 && p.Any(char.IsAsciiLetterUpper) && p.Any(char.IsAsciiLetterLower) && p.Any(char.IsAsciiDigit) && p.Any(c => !char.IsLetterOrDigit(c)), p));
    }

    [Theory]
    [InlineData(DemoWorld.Bob)]
    [InlineData("BOB@ACME.EXAMPLE")]
    [InlineData(DemoWorld.Carol)]
    [InlineData(DemoWorld.Root)]
    public async Task Add_AnExistingUsersEmail_ReturnsAlreadyMember(string email)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var result = await _members.AddAsync(alice, email, AccountRole.ReadOnly);

        // Assert
        Assert.Equal((AccountErrors.AlreadyMemberCode, 409), (result.Error?.Code, result.Error?.HttpStatus));
        Assert.Equal([("AddMember", AccountErrors.AlreadyMemberCode)], await AuditAsync("AddMember"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two@@acme.example")]
    [InlineData("with space@acme.example")]
    public async Task Add_AMalformedEmail_ReturnsEmailMalformedAndCreatesNoUser(string email)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await using var before = _db.NewContext();
        var users = await before.Users.CountAsync();

        // Act
        var result = await _members.AddAsync(alice, email, AccountRole.ReadOnly);

        // Assert
        Assert.Equal((AccountErrors.EmailMalformedCode, 400), (result.Error?.Code, result.Error?.HttpStatus));
        await using var after = _db.NewContext();
        Assert.Equal(users, await after.Users.CountAsync());
    }

    [Theory]
    [InlineData("eve'or@acme.example")]
    [InlineData("eve<b>@acme.example")]
    [InlineData("eve,or@acme.example")]
    [InlineData("\u00e8ve@acme.example")]
    [InlineData("eve\"or\"@acme.example")]
    public async Task Add_AnEmailWithACharacterIdentityRefusesInUserNames_ReturnsEmailMalformedAndCreatesNoUser(string email)
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await using var before = _db.NewContext();
        var users = await before.Users.CountAsync();

        // Act
        var result = await _members.AddAsync(alice, email, AccountRole.ReadOnly);

        // Assert
        Assert.Equal((AccountErrors.EmailMalformedCode, 400), (result.Error?.Code, result.Error?.HttpStatus));
        await using var after = _db.NewContext();
        Assert.Equal(users, await after.Users.CountAsync());
        Assert.False(await after.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Add_FollowsTheHostsOwnIdentityUserNameRules_NotACopyOfTheDefaults()
    {
        // Arrange: a host that allows no digits in user names
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var strict = new IdentityOptions();
        strict.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz@.";
        var members = new MemberService(_db.Factory, _db.Time, Options.Create(strict));

        // Act
        var refused = await members.AddAsync(alice, "eve2@acme.example", AccountRole.ReadOnly);
        var added = await members.AddAsync(alice, "eve@acme.example", AccountRole.ReadOnly);

        // Assert
        Assert.Equal(AccountErrors.EmailMalformedCode, refused.Error?.Code);
        Assert.True(added.IsSuccess);
    }

    [Theory]
    [InlineData(DemoWorld.Bob)]
    [InlineData(DemoWorld.Root)]
    public async Task EveryMethod_ByANonAdmin_ReturnsForbidden(string who)
    {
        // Arrange
        var actor = await _db.ActorAsync(who);
        var aliceId = await UserIdAsync(DemoWorld.Alice);
        var bobId = await UserIdAsync(DemoWorld.Bob);

        // Act
        var list = await _members.ListAsync(actor);
        var add = await _members.AddAsync(actor, "eve@acme.example", AccountRole.Admin);
        var change = await _members.ChangeRoleAsync(actor, bobId, AccountRole.Admin);
        var remove = await _members.RemoveAsync(actor, aliceId);

        // Assert
        Assert.All([list.Error, add.Error, change.Error, remove.Error], e => Assert.Equal(CommonErrors.ForbiddenCode, e?.Code));
        await using var db = _db.NewContext();
        Assert.Equal(AccountRole.ReadOnly, (await db.AccountMemberships.SingleAsync(m => m.UserId == bobId)).Role);
        Assert.True(await db.Users.AnyAsync(u => u.Id == aliceId));
        Assert.False(await db.Users.AnyAsync(u => u.Email == "eve@acme.example"));
        Assert.Equal(CommonErrors.ForbiddenCode, Assert.Single(await AuditAsync("RemoveMember")).ErrorCode);
    }

    [Fact]
    public async Task ChangeRoleAndRemove_ByAnotherAccountsAdmin_ReturnNotFound()
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        var bobId = await UserIdAsync(DemoWorld.Bob);

        // Act
        var change = await _members.ChangeRoleAsync(carol, bobId, AccountRole.Admin);
        var remove = await _members.RemoveAsync(carol, bobId);
        var list = await _members.ListAsync(carol);

        // Assert
        Assert.Equal((AccountErrors.UserNotFoundCode, AccountErrors.UserNotFoundCode), (change.Error?.Code, remove.Error?.Code));
        Assert.Equal([DemoWorld.Carol], list.Value.Select(m => m.Email).ToList());
        await using var db = _db.NewContext();
        Assert.Equal(AccountRole.ReadOnly, (await db.AccountMemberships.SingleAsync(m => m.UserId == bobId)).Role);
    }

    [Fact]
    public async Task ChangeRoleAndRemove_OfTheLastAdmin_ReturnLastAdmin()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var demote = await _members.ChangeRoleAsync(alice, alice.UserId, AccountRole.Operator);
        var remove = await _members.RemoveAsync(alice, alice.UserId);

        // Assert
        Assert.Equal((AccountErrors.LastAdminCode, 403), (demote.Error?.Code, demote.Error?.HttpStatus));
        Assert.Equal(AccountErrors.LastAdminCode, remove.Error?.Code);
        await using var db = _db.NewContext();
        Assert.Equal(AccountRole.Admin, (await db.AccountMemberships.SingleAsync(m => m.UserId == alice.UserId)).Role);
        Assert.Equal([("ChangeMemberRole", AccountErrors.LastAdminCode)], await AuditAsync("ChangeMemberRole"));
        Assert.Equal([("RemoveMember", AccountErrors.LastAdminCode)], await AuditAsync("RemoveMember"));
    }

    [Fact]
    public async Task ChangeRole_AfterPromotingBob_LetsAliceDemoteAndThenRemoveHerself()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var bobId = await UserIdAsync(DemoWorld.Bob);

        // Act
        var promote = await _members.ChangeRoleAsync(alice, bobId, AccountRole.Admin);
        var demote = await _members.ChangeRoleAsync(alice, alice.UserId, AccountRole.Operator);
        var stale = await _members.ListAsync(alice);
        var bob = await _db.ActorAsync(DemoWorld.Bob);
        var remove = await _members.RemoveAsync(bob, alice.UserId);

        // Assert
        Assert.Equal(AccountRole.Admin, promote.Value.Role);
        Assert.Equal(AccountRole.Operator, demote.Value.Role);
        Assert.Equal(CommonErrors.ForbiddenCode, stale.Error?.Code);
        Assert.True(remove.IsSuccess);
        await using var db = _db.NewContext();
        Assert.False(await db.Users.AnyAsync(u => u.Id == alice.UserId));
        Assert.False(await db.AccountMemberships.AnyAsync(m => m.UserId == alice.UserId));
        Assert.False(await db.AccessKeys.AnyAsync(k => k.UserId == alice.UserId));
        Assert.Equal([("ChangeMemberRole", null), ("ChangeMemberRole", null)], await AuditAsync("ChangeMemberRole"));
        Assert.Equal([("RemoveMember", null)], await AuditAsync("RemoveMember"));
    }

    [Fact]
    public async Task Remove_AnAddedMember_DeletesTheUserAndAuditsIt()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        var added = (await _members.AddAsync(alice, "dan@acme.example", AccountRole.ReadOnly)).Value;

        // Act
        var result = await _members.RemoveAsync(alice, added.UserId);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal([DemoWorld.Alice, DemoWorld.Bob], (await _members.ListAsync(alice)).Value.Select(m => m.Email).ToList());
        await using var db = _db.NewContext();
        Assert.False(await db.Users.AnyAsync(u => u.Id == added.UserId));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "RemoveMember");
        Assert.Equal((added.UserId, DemoWorld.AcmeAccountId, alice.UserId), (audit.ResourceId, audit.AccountId, audit.UserId));
    }
}
