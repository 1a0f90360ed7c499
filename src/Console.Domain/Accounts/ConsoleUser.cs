using Microsoft.AspNetCore.Identity;

namespace EcsConsole.Domain.Accounts;

/// <summary>An Identity user. Which cloud account it acts in, and with which role, is its <see cref="AccountMembership"/>.</summary>
public class ConsoleUser : IdentityUser
{
    /// <summary>The platform admin (<c>root@ecsconsole.local</c>) manages every account's quotas and belongs to no account.</summary>
    public bool IsPlatformAdmin { get; set; }

    /// <summary>The console's dark theme, chosen by the user in the shell and kept on the user, so every node and browser shows it.</summary>
    public bool DarkTheme { get; set; }

    /// <summary>
    /// Identity's lockout rule, for queries that read the two columns without a UserManager: locked out while lockout is
    /// enabled and its end lies after <paramref name="now"/>.
    /// </summary>
    public static bool IsLockedOut(bool lockoutEnabled, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        lockoutEnabled && lockoutEnd is { } end && end > now;

    /// <summary>
    /// A confirmed user that signs in with <paramref name="email"/> and <paramref name="password"/> (hashed as Identity
    /// does), lockout enabled: made without a UserManager by the seeder and by account admins adding members.
    /// </summary>
    public static ConsoleUser Create(string email, string password, bool platformAdmin = false)
    {
        var user = WithPasswordHash(email, null, platformAdmin);
        user.PasswordHash = new PasswordHasher<ConsoleUser>().HashPassword(user, password);
        return user;
    }

    /// <summary>
    /// As <see cref="Create"/>, with a password hash made beforehand (Identity's format, e.g. the demo password's
    /// <see cref="Seeding.DemoWorld.PasswordHash"/>): a hash takes PBKDF2's 100,000 iterations to make.
    /// </summary>
    public static ConsoleUser WithPasswordHash(string email, string? passwordHash, bool platformAdmin = false) =>
        new()
        {
            Id = Guid.NewGuid().ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            IsPlatformAdmin = platformAdmin,
            PasswordHash = passwordHash,
        };
}
