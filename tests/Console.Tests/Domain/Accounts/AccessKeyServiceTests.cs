using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Accounts;

/// <summary>AccessKey pairs: created with a secret shown once and stored protected, at most two, each user's own.</summary>
public sealed class AccessKeyServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private AccessKeyService _keys = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _keys = new AccessKeyService(_db.Factory, new PlainSecretProtector(), _db.Time);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task Create_ReturnsTheSecretOnce_StoresItProtected_AndItVerifies()
    {
        // Act
        var created = await _keys.CreateAsync(await _db.ActorAsync(DemoWorld.Dave));
        var credential = await _keys.FindCredentialAsync(created.Value.Id);

        // Assert
        Assert.Matches("^LTAI5t[A-Za-z0-9]{18}$", created.Value.Id);
        await using var db = _db.NewContext();
        var stored = await db.AccessKeys.SingleAsync(k => k.Id == created.Value.Id);
        Assert.NotEqual(created.Value.Secret, stored.ProtectedSecret);
        Assert.Equal(created.Value.Secret, credential!.Secret);
        Assert.Equal(AccessKeyStatus.Active, credential.Status);
    }

    [Fact]
    public async Task Create_AThirdPair_IsLimitExceeded()
    {
        // Arrange: alice has her seeded pair
        var alice = await _db.ActorAsync(DemoWorld.Alice);
        await _keys.CreateAsync(alice);

        // Act
        var third = await _keys.CreateAsync(alice);

        // Assert
        Assert.Equal(AccessKeyErrors.LimitExceededCode, third.Error?.Code);
        Assert.Equal(2, (await _keys.ListAsync(alice)).Count);
    }

    [Fact]
    public async Task AnotherUsersPair_CannotBeDisabledOrDeleted()
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);

        // Act
        var disable = await _keys.SetStatusAsync(carol, "LTAI5tDemoAlice000000001", AccessKeyStatus.Inactive);
        var delete = await _keys.DeleteAsync(carol, "LTAI5tDemoAlice000000001");

        // Assert
        Assert.Equal(AccessKeyErrors.NotFoundCode, disable.Error?.Code);
        Assert.Equal(AccessKeyErrors.NotFoundCode, delete.Error?.Code);
    }

    [Fact]
    public async Task Disable_IsSeenAtOnce_EvenAfterTheCredentialWasCached()
    {
        // Arrange
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        await _keys.FindCredentialAsync("LTAI5tDemoCarol000000001");

        // Act
        await _keys.SetStatusAsync(carol, "LTAI5tDemoCarol000000001", AccessKeyStatus.Inactive);
        var disabled = await _keys.FindCredentialAsync("LTAI5tDemoCarol000000001");
        await _keys.DeleteAsync(carol, "LTAI5tDemoCarol000000001");
        var deleted = await _keys.FindCredentialAsync("LTAI5tDemoCarol000000001");

        // Assert
        Assert.Equal(AccessKeyStatus.Inactive, disabled!.Status);
        Assert.Null(deleted);
    }

    [Fact]
    public async Task DisableAndDelete_OnOneNode_AreSeenAtOnceByAnotherThatHadTheKeyCached()
    {
        // Arrange: two console processes over one database; the first has verified a call with carol's key
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        var otherNode = new AccessKeyService(_db.Factory, new PlainSecretProtector(), _db.Time);
        await _keys.FindCredentialAsync("LTAI5tDemoCarol000000001");

        // Act
        await otherNode.SetStatusAsync(carol, "LTAI5tDemoCarol000000001", AccessKeyStatus.Inactive);
        var disabled = await _keys.FindCredentialAsync("LTAI5tDemoCarol000000001");
        await otherNode.DeleteAsync(carol, "LTAI5tDemoCarol000000001");
        var deleted = await _keys.FindCredentialAsync("LTAI5tDemoCarol000000001");

        // Assert
        Assert.Equal(AccessKeyStatus.Inactive, disabled!.Status);
        Assert.Null(deleted);
    }

    [Fact]
    public async Task ALockedOutUser_CannotCreateOrReEnableKeys()
    {
        // Arrange: carol's pair is disabled, then carol is locked out
        var carol = await _db.ActorAsync(DemoWorld.Carol);
        await _keys.SetStatusAsync(carol, "LTAI5tDemoCarol000000001", AccessKeyStatus.Inactive);
        await using (var db = _db.NewContext())
        {
            (await db.Users.SingleAsync(u => u.Email == DemoWorld.Carol)).LockoutEnd = _db.Time.GetUtcNow().AddMinutes(5);
            await db.SaveChangesAsync();
        }

        // Act
        var created = await _keys.CreateAsync(carol);
        var enabled = await _keys.SetStatusAsync(carol, "LTAI5tDemoCarol000000001", AccessKeyStatus.Active);

        // Assert
        Assert.Equal(EcsConsole.Domain.Common.CommonErrors.ForbiddenCode, created.Error?.Code);
        Assert.Equal(EcsConsole.Domain.Common.CommonErrors.ForbiddenCode, enabled.Error?.Code);
        Assert.Equal(AccessKeyStatus.Inactive, (await _keys.FindCredentialAsync("LTAI5tDemoCarol000000001"))!.Status);
    }
}
