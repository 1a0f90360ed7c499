using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EcsConsole.Domain.Permissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EcsConsole.Domain.Accounts;

/// <summary>A user of an account, as its Admins see it.</summary>
/// <param name="UserId">The Identity user ID.</param>
/// <param name="Email">The user's email (its sign-in name).</param>
/// <param name="Role">Its role in the account.</param>
/// <param name="JoinedAt">When it became a member.</param>
/// <param name="LockedOut">True while Identity locks it out after failed sign-ins.</param>
public sealed record Member(string UserId, string Email, AccountRole Role, DateTimeOffset JoinedAt, bool LockedOut);

/// <summary>A member just added, with its one-time password: returned once, never stored or logged in clear.</summary>
public sealed record AddedMember(string UserId, string Email, AccountRole Role, string OneTimePassword)
{
    /// <summary>Keeps the password out of logs and debugger displays.</summary>
    public override string ToString() => $"AddedMember {{ UserId = {UserId}, Email = {Email}, Role = {Role} }}";
}

/// <summary>
/// The users of an account and their roles (RAM-like, domain-rules §12.1): list, add, change role, remove. Only the
/// Admins of an account manage its members, and only its own; everyone else (read-only members, Operators, the platform
/// admin) gets <c>Forbidden</c>. A user belongs to one account at most; an account always keeps one Admin. Every change
/// and every refusal is audited in the same transaction. A member's email is its Identity user name, so it must pass the
/// host's Identity user rules (<see cref="IdentityOptions.User"/>) like a sign-up does.
/// </summary>
public sealed partial class MemberService(IDbContextFactory<ConsoleDbContext> dbFactory, TimeProvider time, IOptions<IdentityOptions> identityOptions)
{
    public const int OneTimePasswordLength = 16;
    private const int MaxEmailLength = 256;
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@^_";

    private readonly AuditedWrite _write = new(dbFactory, time);

    /// <summary>The members of the actor's account, by email. Codes: <c>Forbidden</c> (not an Admin of an account).</summary>
    public async Task<Result<IReadOnlyList<Member>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckAdminAsync(db, actor, ct) is { } denied)
        {
            return denied;
        }

        var rows = await (from m in db.AccountMemberships.AsNoTracking()
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.AccountId == actor.AccountId
                          select new { m.UserId, u.Email, m.Role, m.JoinedAt, u.LockoutEnd }).ToListAsync(ct);
        var now = time.GetUtcNow();
        return Result<IReadOnlyList<Member>>.Success(rows
            .Select(r => new Member(r.UserId, r.Email ?? "", r.Role, r.JoinedAt, r.LockoutEnd is { } end && end > now))
            .OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>
    /// Creates a user with a generated one-time password and makes it a member of the actor's account. Codes:
    /// <c>Forbidden</c>, <see cref="AccountErrors.EmailMalformedCode"/>, <see cref="AccountErrors.AlreadyMemberCode"/>
    /// (a user with this email exists: one account per user), <c>InvalidParameter</c> (unknown role).
    /// </summary>
    public Task<Result<AddedMember>> AddAsync(Actor actor, string email, AccountRole role, CancellationToken ct = default)
    {
        email = (email ?? "").Trim();
        var target = new AuditTarget(AuditActions.AddMember, ResourceKind.User, email.Length == 0 ? null : email, null);
        return WriteAsync<AddedMember>(actor, target, async scope =>
        {
            var db = scope.Db;
            var error = (IsWellFormedEmail(email) && MeetsIdentityUserRules(email) ? null : AccountErrors.EmailMalformed()) ?? RoleError(role);
            var normalized = email.ToUpperInvariant();
            if (error is null && await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
            {
                error = AccountErrors.AlreadyMember(email);
            }

            if (error is not null)
            {
                scope.Audit(target);
                return error;
            }

            var password = NewOneTimePassword();
            var user = ConsoleUser.Create(email, password);
            db.Users.Add(user);
            db.AccountMemberships.Add(new AccountMembership { AccountId = actor.AccountId!, UserId = user.Id, Role = role, JoinedAt = scope.Now });
            scope.Audit(target with { ResourceId = user.Id });
            return new AddedMember(user.Id, email, role, password);
        }, ct);
    }

    /// <summary>
    /// Gives a member of the actor's account another role, at once. Codes: <c>Forbidden</c>,
    /// <see cref="AccountErrors.UserNotFoundCode"/> (no such member in this account), <c>InvalidParameter</c> (unknown role),
    /// <see cref="AccountErrors.LastAdminCode"/> (demoting the last Admin).
    /// </summary>
    public Task<Result<Member>> ChangeRoleAsync(Actor actor, string userId, AccountRole role, CancellationToken ct = default)
    {
        var target = new AuditTarget(AuditActions.ChangeMemberRole, ResourceKind.User, userId, null);
        return WriteAsync<Member>(actor, target, async scope =>
        {
            scope.Audit(target);
            var db = scope.Db;
            var found = RoleError(role) is { } invalid ? invalid : await FindMembershipAsync(db, actor, userId, ct);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var membership = found.Value;
            if (role != AccountRole.Admin && MemberRules.CannotLoseAdmin(membership.Role, await AdminCountAsync(db, membership, ct)) is { } lastAdmin)
            {
                return lastAdmin;
            }

            membership.Role = role;
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.LockoutEnd }).FirstAsync(ct);
            return new Member(userId, user.Email ?? "", role, membership.JoinedAt, user.LockoutEnd is { } end && end > scope.Now);
        }, ct);
    }

    /// <summary>
    /// Removes a member from the actor's account and deletes its user (with its AccessKey pairs). Codes: <c>Forbidden</c>,
    /// <see cref="AccountErrors.UserNotFoundCode"/> (no such member in this account), <see cref="AccountErrors.LastAdminCode"/>
    /// (removing the last Admin).
    /// </summary>
    public async Task<Result> RemoveAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        var target = new AuditTarget(AuditActions.RemoveMember, ResourceKind.User, userId, null);
        var outcome = await WriteAsync<bool>(actor, target, async scope =>
        {
            scope.Audit(target);
            var db = scope.Db;
            var found = await FindMembershipAsync(db, actor, userId, ct);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            if (MemberRules.CannotLoseAdmin(found.Value.Role, await AdminCountAsync(db, found.Value, ct)) is { } lastAdmin)
            {
                return lastAdmin;
            }

            db.AccountMemberships.Remove(found.Value);
            db.AccessKeys.RemoveRange(await db.AccessKeys.Where(k => k.UserId == userId).ToListAsync(ct));
            db.Users.Remove(await db.Users.FirstAsync(u => u.Id == userId, ct));
            return true;
        }, ct);
        return outcome.ToResult();
    }

    /// <summary>True for a plausible address: one <c>@</c>, a dotted domain, no spaces, at most 256 characters.</summary>
    public static bool IsWellFormedEmail(string? email) =>
        email is { Length: > 0 and <= MaxEmailLength } && EmailPattern().IsMatch(email);

    /// <summary>
    /// The rules Identity's user validator applies to a new user whose name and email are <paramref name="email"/>: only
    /// <see cref="UserOptions.AllowedUserNameCharacters"/> in the name, and a valid address when emails must be unique
    /// (<see cref="UserOptions.RequireUniqueEmail"/>; uniqueness itself is <see cref="AccountErrors.AlreadyMemberCode"/>).
    /// Members are inserted without a UserManager, so without this an Admin could add a user no sign-up could create.
    /// </summary>
    private bool MeetsIdentityUserRules(string email)
    {
        var rules = identityOptions.Value.User;
        return (string.IsNullOrEmpty(rules.AllowedUserNameCharacters) || email.All(rules.AllowedUserNameCharacters.Contains))
            && (!rules.RequireUniqueEmail || new EmailAddressAttribute().IsValid(email));
    }

    /// <summary>
    /// A fresh password meeting Identity's default policy: 16 characters from <see cref="RandomNumberGenerator"/>, with at
    /// least one upper-case letter, lower-case letter, digit and non-alphanumeric character (look-alikes left out).
    /// </summary>
    public static string NewOneTimePassword()
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new char[OneTimePasswordLength];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        chars[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    /// <summary>
    /// A change to the actor's account's members: only an Admin of the account, as the database knows it now, may make it
    /// (the platform admin belongs to none); a refusal is audited against <paramref name="target"/> like every other outcome.
    /// </summary>
    private Task<Result<T>> WriteAsync<T>(Actor actor, AuditTarget target, Func<WriteScope, Task<Result<T>>> body, CancellationToken ct) =>
        _write.RunAsync(actor, WriteRight.AccountAdmin, deniedTarget: target, body, ct,
            why: MemberRules.WhyNotAdmin(actor));

    /// <summary>Null when the actor is, in the database right now, an Admin of its account (not locked out); else <c>Forbidden</c>.</summary>
    private async Task<EcsError?> CheckAdminAsync(ConsoleDbContext db, Actor actor, CancellationToken ct) =>
        actor.AccountId is null
            ? CommonErrors.Forbidden(MemberRules.WhyNotAdmin(actor))
            : await Access.CheckAccountAdminAsync(db, actor, time, MemberRules.WhyNotAdmin(actor), ct);

    private static EcsError? RoleError(AccountRole role) =>
        Enum.IsDefined(role) ? null : CommonErrors.InvalidParameter("Role", "must be ReadOnly, Operator or Admin.");

    /// <summary>The membership of <paramref name="userId"/> in the actor's account, tracked; <see cref="AccountErrors.UserNotFoundCode"/> for anyone else.</summary>
    private static async Task<Result<AccountMembership>> FindMembershipAsync(ConsoleDbContext db, Actor actor, string userId, CancellationToken ct) =>
        await db.AccountMemberships.FirstOrDefaultAsync(m => m.AccountId == actor.AccountId && m.UserId == userId, ct) is { } membership
            ? membership
            : AccountErrors.UserNotFound();

    /// <summary>The Admins of <paramref name="member"/>'s account.</summary>
    private static Task<int> AdminCountAsync(ConsoleDbContext db, AccountMembership member, CancellationToken ct) =>
        db.AccountMemberships.CountAsync(m => m.AccountId == member.AccountId && m.Role == AccountRole.Admin, ct);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
