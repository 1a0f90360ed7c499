namespace EcsConsole.Domain.Accounts;

/// <summary>
/// A sign-in session of the console (architecture mechanism 13: sessions live in the database). The browser's cookie
/// carries only <see cref="Id"/>; the authentication ticket stays here, protected. Signing out deletes the row, so a copy
/// of the cookie saved before is anonymous afterwards; deleting the user deletes its sessions.
/// </summary>
public sealed class AuthSession
{
    /// <summary>The length of <see cref="Id"/>: 32 random bytes, Base64Url-encoded.</summary>
    public const int IdLength = 43;

    /// <summary>The session key the cookie carries: 32 random bytes, Base64Url.</summary>
    public required string Id { get; init; }

    /// <summary>The signed-in user.</summary>
    public required string UserId { get; init; }

    /// <summary>The serialized authentication ticket, protected with Data Protection (opaque to the domain).</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the session ends unless renewed (sliding expiration moves it); an expired row is deleted when touched.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
