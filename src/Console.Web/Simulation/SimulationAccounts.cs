using System.Security.Cryptography;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace EcsConsole.Web.Simulation;

/// <summary>What <c>POST /simulation/accounts</c> answers (201).</summary>
public sealed record SimulationAccount(string AccountId, string Email, string Password, string AccessKeyId, string AccessKeySecret);

/// <summary>
/// An isolated cloud account for one test suite (ui-contract §7): a new user, confirmed, created through Identity as
/// sign-up creates one; its account with a fresh 16-digit ID through the sign-up path
/// (<see cref="AccountService.CreateAccountForNewUserAsync"/>: the user its Admin, audited); one AccessKey through
/// <see cref="AccessKeyService"/>. Quotas are at their defaults (an account has no quota rows until an admin changes one).
/// </summary>
public sealed class SimulationAccounts(UserManager<ConsoleUser> users, AccountService accounts, AccessKeyService keys)
{
    /// <summary>The longest account name (the column's size).</summary>
    public const int MaxNameLength = 128;

    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// The generated password is 24 random characters (about 140 bits), so it is hashed with few PBKDF2 iterations to keep
    /// an account under 50 ms; the hash records its iteration count, Identity verifies it as any other and rehashes it
    /// with the configured count at the first sign-in.
    /// </summary>
    private static readonly PasswordHasher<ConsoleUser> QuickHasher = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));

    /// <summary>Codes: <c>InvalidParameter</c> (a name longer than <see cref="MaxNameLength"/>).</summary>
    public async Task<Result<SimulationAccount>> CreateAsync(string? name, CancellationToken ct = default)
    {
        if (name is { Length: > MaxNameLength })
        {
            return CommonErrors.InvalidParameter("name", $"must be at most {MaxNameLength} characters.");
        }

        var email = $"sim-{RandomNumberGenerator.GetHexString(16, lowercase: true)}@simulation.ecsconsole.local";
        var password = "Sim-" + RandomNumberGenerator.GetString(Alphanumerics, 20) + "a1A!";
        var user = new ConsoleUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        user.PasswordHash = QuickHasher.HashPassword(user, password);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return SimulationControlErrors.SignUpFailed(string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        var account = await accounts.CreateAccountForNewUserAsync(user.Id, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), ct);
        if (!account.IsSuccess)
        {
            return account.Error!;
        }

        var admin = await accounts.GetActorAsync(user.Id, ActorSource.Api, ct);
        if (!admin.IsSuccess)
        {
            return admin.Error!;
        }

        var key = await keys.CreateAsync(admin.Value, ct);
        return key.IsSuccess
            ? new SimulationAccount(account.Value.Id, email, password, key.Value.Id, key.Value.Secret)
            : key.Error!;
    }
}
