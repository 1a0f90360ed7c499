using System.Security.Claims;
using System.Text;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcsConsole.Tests.Infrastructure;

/// <summary>The sign-in sessions in the database, one context per operation, on the test clock.</summary>
public sealed class DatabaseTicketStoreTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private DatabaseTicketStore _store = null!;
    private string _aliceId = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _store = new DatabaseTicketStore(_db.Factory, _db.Time, new EphemeralDataProtectionProvider(), Options.Create(new IdentityOptions()), NullLogger<DatabaseTicketStore>.Instance);
        await using var db = _db.NewContext();
        _aliceId = await db.Users.Where(u => u.Email == DemoWorld.Alice).Select(u => u.Id).SingleAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task AStoredSession_IsRetrievedWithItsClaimsAndItsKey_AndKeepsTheTicketProtected()
    {
        // Act
        var key = await _store.StoreAsync(AliceTicket(TimeSpan.FromHours(1)));
        var ticket = await _store.RetrieveAsync(key);

        // Assert
        Assert.Equal(DemoWorld.Alice, ticket?.Principal.FindFirstValue(ClaimTypes.Name));
        Assert.Equal(key, ticket?.Principal.FindFirstValue(DatabaseTicketStore.SessionIdClaimType));
        Assert.True(await _store.IsActiveAsync(key));
        await using var db = _db.NewContext();
        var row = await db.AuthSessions.SingleAsync(s => s.Id == key);
        Assert.Equal(_aliceId, row.UserId);
        Assert.DoesNotContain(DemoWorld.Alice, Encoding.UTF8.GetString(row.Ticket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionPastItsExpiry_IsAnonymous_AndItsRowIsDeleted()
    {
        // Arrange
        var key = await _store.StoreAsync(AliceTicket(TimeSpan.FromHours(1)));
        _db.Time.Advance(TimeSpan.FromHours(1));

        // Act
        var active = await _store.IsActiveAsync(key);
        var ticket = await _store.RetrieveAsync(key);

        // Assert
        Assert.False(active);
        Assert.Null(ticket);
        await using var db = _db.NewContext();
        Assert.False(await db.AuthSessions.AnyAsync(s => s.Id == key));
    }

    [Fact]
    public async Task Renewing_MovesTheExpiry_ButASessionRemovedMeanwhileStaysRemoved()
    {
        // Arrange
        var renewed = await _store.StoreAsync(AliceTicket(TimeSpan.FromHours(1)));
        var removed = await _store.StoreAsync(AliceTicket(TimeSpan.FromHours(1)));
        await _store.RemoveAsync(removed);

        // Act
        await _store.RenewAsync(renewed, AliceTicket(TimeSpan.FromHours(3)));
        await _store.RenewAsync(removed, AliceTicket(TimeSpan.FromHours(3)));
        _db.Time.Advance(TimeSpan.FromHours(2));

        // Assert
        Assert.NotNull(await _store.RetrieveAsync(renewed));
        Assert.Null(await _store.RetrieveAsync(removed));
        await using var db = _db.NewContext();
        Assert.Equal([renewed], await db.AuthSessions.Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task SigningInAgain_DeletesTheUsersExpiredSessions()
    {
        // Arrange
        var old = await _store.StoreAsync(AliceTicket(TimeSpan.FromHours(1)));
        _db.Time.Advance(TimeSpan.FromHours(2));

        // Act
        var fresh = await _store.StoreAsync(AliceTicket(TimeSpan.FromHours(1)));

        // Assert
        await using var db = _db.NewContext();
        Assert.Equal([fresh], await db.AuthSessions.Select(s => s.Id).ToListAsync());
        Assert.NotEqual(old, fresh);
    }

    [Fact]
    public async Task DeletingAUser_DeletesItsSessions()
    {
        // Arrange
        var key = await _store.StoreAsync(AliceTicket(TimeSpan.FromHours(1)));

        // Act
        await using (var db = _db.NewContext())
        {
            await db.Users.Where(u => u.Id == _aliceId).ExecuteDeleteAsync();
        }

        // Assert
        Assert.Null(await _store.RetrieveAsync(key));
        Assert.False(await _store.IsActiveAsync(key));
    }

    private AuthenticationTicket AliceTicket(TimeSpan lifetime)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, _aliceId), new Claim(ClaimTypes.Name, DemoWorld.Alice)], IdentityConstants.ApplicationScheme);
        var properties = new AuthenticationProperties { IssuedUtc = _db.Time.GetUtcNow(), ExpiresUtc = _db.Time.GetUtcNow() + lifetime };
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, IdentityConstants.ApplicationScheme);
    }
}
