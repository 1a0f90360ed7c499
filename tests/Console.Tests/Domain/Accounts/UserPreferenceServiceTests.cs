using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.Accounts;

/// <summary>The theme kept on the user (issue #24): the user's own choice, whatever the role, audited.</summary>
public sealed class UserPreferenceServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private UserPreferenceService _service = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _service = new UserPreferenceService(_db.Factory, new AuditedWrite(_db.Factory, _db.Time));
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task IsDarkTheme_ForANewUser_IsFalse()
    {
        // Arrange
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var dark = await _service.IsDarkThemeAsync(alice);

        // Assert
        Assert.False(dark);
    }

    [Fact]
    public async Task SetDarkTheme_ByAReadOnlyMember_IsKeptForThatUserOnly()
    {
        // Arrange
        var bob = await _db.ActorAsync(DemoWorld.Bob);
        var alice = await _db.ActorAsync(DemoWorld.Alice);

        // Act
        var set = await _service.SetDarkThemeAsync(bob, true);

        // Assert
        Assert.True(set.IsSuccess);
        Assert.True(await new UserPreferenceService(_db.Factory, new AuditedWrite(_db.Factory, _db.Time)).IsDarkThemeAsync(bob));
        Assert.False(await _service.IsDarkThemeAsync(alice));
        await using var db = _db.NewContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.ModifyUserPreference);
        Assert.Equal((DemoWorld.Bob, bob.UserId), (audit.UserEmail, audit.ResourceId));
    }

    [Fact]
    public async Task SetDarkTheme_BackToLight_IsKept()
    {
        // Arrange
        var root = await _db.ActorAsync(DemoWorld.Root);
        await _service.SetDarkThemeAsync(root, true);

        // Act
        await _service.SetDarkThemeAsync(root, false);

        // Assert
        Assert.False(await _service.IsDarkThemeAsync(root));
    }
}
