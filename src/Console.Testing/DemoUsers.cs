using EcsConsole.Domain.Seeding;

namespace EcsConsole.Testing;

/// <summary>A user of the seeded demo world (ui-contract §2).</summary>
/// <param name="Email">The sign-in name.</param>
/// <param name="Password">The password (every demo user has the same one).</param>
/// <param name="AccountId">The 16-digit account, or null for the platform administrator.</param>
/// <param name="Role">"Admin" or "ReadOnly" in that account; "PlatformAdmin" for root.</param>
/// <param name="AccessKeyId">The seeded AccessKey ID, or null when the user has none.</param>
/// <param name="AccessKeySecret">Its secret, or null.</param>
public sealed record DemoUser(string Email, string Password, string? AccountId, string Role, string? AccessKeyId, string? AccessKeySecret);

/// <summary>
/// The demo world's users, read from the domain's <see cref="DemoWorld"/> (the one place its names, passwords, account
/// IDs and AccessKeys are fixed): a reset brings every one of them back as listed here.
/// </summary>
public static class DemoUsers
{
    /// <summary>Admin of Acme (1234567890123456), with an AccessKey.</summary>
    public static DemoUser Alice { get; } = User(DemoWorld.Alice, DemoWorld.AcmeAccountId, "Admin");

    /// <summary>ReadOnly in Acme, with an AccessKey.</summary>
    public static DemoUser Bob { get; } = User(DemoWorld.Bob, DemoWorld.AcmeAccountId, "ReadOnly");

    /// <summary>Admin of Globex (2345678901234567), with an AccessKey.</summary>
    public static DemoUser Carol { get; } = User(DemoWorld.Carol, DemoWorld.GlobexAccountId, "Admin");

    /// <summary>Admin of Initech (3456789012345678).</summary>
    public static DemoUser Dave { get; } = User(DemoWorld.Dave, DemoWorld.InitechAccountId, "Admin");

    /// <summary>The platform administrator (no account of its own).</summary>
    public static DemoUser Root { get; } = User(DemoWorld.Root, null, "PlatformAdmin");

    /// <summary>Every demo user.</summary>
    public static IReadOnlyList<DemoUser> All { get; } = [Alice, Bob, Carol, Dave, Root];

    private static DemoUser User(string email, string? accountId, string role)
    {
        var key = DemoWorld.AccessKeys.FirstOrDefault(k => k.User == email);
        return new DemoUser(email, DemoWorld.Password, accountId, role, key.Id, key.Secret);
    }
}
