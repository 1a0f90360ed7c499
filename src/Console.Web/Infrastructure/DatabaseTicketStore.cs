using System.Security.Claims;
using System.Security.Cryptography;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// The Identity application cookie's session store (architecture mechanism 13: sessions live in the database, so every
/// node sees a sign-out at once). The cookie carries only a random session key; the ticket is an
/// <see cref="AuthSession"/> row, serialized with <see cref="TicketSerializer"/> and protected with Data Protection.
/// Signing out deletes the row, so a copy of the cookie saved before is anonymous afterwards. An expired row is deleted
/// when it is read, and a user's expired rows when it signs in again. One context per operation.
/// </summary>
internal sealed class DatabaseTicketStore(
    IDbContextFactory<ConsoleDbContext> dbFactory,
    TimeProvider time,
    IDataProtectionProvider dataProtection,
    IOptions<IdentityOptions> identityOptions,
    ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    /// <summary>The claim naming the session (the cookie handler's own, which its cookie carries).</summary>
    public const string SessionIdClaimType = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    /// <summary>How long a session lasts when its ticket names no expiry (Identity's cookie default).</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("EcsConsole.AuthSession.v1");

    /// <summary>
    /// Makes <paramref name="options"/> (the application cookie's) keep its sessions in <paramref name="store"/>. The
    /// security-stamp check that replaces the principal every 30 minutes keeps the session claim on the new one, so the
    /// Blazor circuit started on that request can still check its session.
    /// </summary>
    public static void Use(CookieAuthenticationOptions options, DatabaseTicketStore store)
    {
        options.SessionStore = store;
        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var session = context.Principal?.FindFirst(SessionIdClaimType);
            await ValidateInOwnScopeAsync(context, validate);
            if (session is not null && context.Principal is { Identity: ClaimsIdentity identity } principal && !principal.HasClaim(c => c.Type == SessionIdClaimType))
            {
                identity.AddClaim(new Claim(SessionIdClaimType, session.Value));
            }
        };
    }

    /// <summary>
    /// Runs Identity's security-stamp check with services of a scope that ends with it. The check resolves its
    /// validator from the request's services, and with it a SignInManager, a UserManager, the user store and a
    /// <see cref="ConsoleDbContext"/> (with EF Core's own scope of ~120 services, as the store reads the model): the
    /// request of a Blazor circuit's connection lasts as long as the page is open, so every open page kept them
    /// (issue #20). Nothing of the check is used after it: the new principal, if any, is on the context.
    /// </summary>
    private static async Task ValidateInOwnScopeAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> validate)
    {
        var requestServices = context.HttpContext.RequestServices;
        await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.HttpContext.RequestServices = scope.ServiceProvider;
        try
        {
            await validate(context);
        }
        finally
        {
            context.HttpContext.RequestServices = requestServices;
        }
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var userId = ticket.Principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A console session needs a signed-in user.");
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        WithSessionId(ticket, key);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AuthSessions.Where(s => s.UserId == userId && s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.AuthSessions.Add(new AuthSession
        {
            Id = key,
            UserId = userId,
            Ticket = Protect(ticket),
            CreatedAt = now,
            ExpiresAt = ExpiryOf(ticket, now),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>Stores the renewed ticket and its new expiry; a session removed meanwhile (signed out) stays removed.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        WithSessionId(ticket, key);
        var protectedTicket = Protect(ticket);
        var expiresAt = ExpiryOf(ticket, time.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AuthSessions.Where(s => s.Id == key).ExecuteUpdateAsync(
            set => set.SetProperty(s => s.Ticket, protectedTicket).SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    /// <summary>The session's ticket; null (anonymous) for a key that names no session, an expired one or an unreadable one.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.AuthSessions.AsNoTracking().Where(s => s.Id == key)
            .Select(s => new { s.Ticket, s.ExpiresAt }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var ticket = row.ExpiresAt > time.GetUtcNow() ? Unprotect(row.Ticket) : null;
        if (ticket is null)
        {
            logger.LogDebug("Session {SessionKey} expired or unreadable: deleted.", key[..8]);
            await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        return WithSessionId(ticket, key);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>True while the session exists and has not expired (the Blazor circuit asks this every 30 seconds).</summary>
    public async Task<bool> IsActiveAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuthSessions.AnyAsync(s => s.Id == key && s.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Puts the session key on the ticket's principal, where the circuit's revalidation finds it.</summary>
    private static AuthenticationTicket WithSessionId(AuthenticationTicket ticket, string key)
    {
        if (!ticket.Principal.HasClaim(c => c.Type == SessionIdClaimType) && ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionIdClaimType, key));
        }

        return ticket;
    }

    private static DateTimeOffset ExpiryOf(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc ?? now + DefaultLifetime;

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] protectedTicket)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            // The key ring lost the key (a new database, say): the session cannot be read, so it has ended.
            return null;
        }
    }
}
