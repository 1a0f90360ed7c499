namespace EcsConsole.Domain.Accounts;

/// <summary>Cloud accounts and who acts in them.</summary>
public sealed class AccountService(IDbContextFactory<ConsoleDbContext> dbFactory, IdGenerator ids, TimeProvider time, AuditedWrite writes)
{
    /// <summary>
    /// The actor for a signed-in user or an AccessKey's user, as the database has it now: its account and role, or the
    /// platform-admin flag. Returns <see cref="AccountErrors.UserNotFoundCode"/> for an unknown user and <c>Forbidden</c>
    /// for a user locked out (after failed sign-ins): a lockout ends its open pages and its API keys too.
    /// </summary>
    public async Task<Result<Actor>> GetActorAsync(string userId, ActorSource source = ActorSource.Console, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The user and its strongest membership in one round trip (every page's change asks for it).
        var user = await Facts(db, db.Users.Where(u => u.Id == userId)).FirstOrDefaultAsync(ct);
        return ActorOf(user, source, time.GetUtcNow());
    }

    /// <summary>What an actor is made of, as one row: the user and its strongest membership (a subquery each).</summary>
    public sealed record ActorFacts(
        string Id, string? Email, bool IsPlatformAdmin, bool LockoutEnabled, DateTimeOffset? LockoutEnd, string? AccountId, AccountRole? Role);

    /// <summary>
    /// <paramref name="users"/> as <see cref="ActorFacts"/>, read in one statement. The API reads the same facts with its
    /// AccessKey (<see cref="AccessKeyService.FindCredentialAsync"/>).
    /// </summary>
    private static IQueryable<ActorFacts> Facts(ConsoleDbContext db, IQueryable<ConsoleUser> users) =>
        users.AsNoTracking().Select(u => new ActorFacts(
            u.Id, u.Email, u.IsPlatformAdmin, u.LockoutEnabled, u.LockoutEnd,
            db.AccountMemberships.Where(m => m.UserId == u.Id).OrderByDescending(m => m.Role).Select(m => m.AccountId).FirstOrDefault(),
            db.AccountMemberships.Where(m => m.UserId == u.Id).OrderByDescending(m => m.Role).Select(m => (AccountRole?)m.Role).FirstOrDefault()));

    /// <summary>The actor of <paramref name="user"/> at <paramref name="now"/>: <see cref="GetActorAsync"/>'s answer for facts already read.</summary>
    public static Result<Actor> ActorOf(ActorFacts? user, ActorSource source, DateTimeOffset now)
    {
        if (user is null)
        {
            return AccountErrors.UserNotFound();
        }

        if (ConsoleUser.IsLockedOut(user.LockoutEnabled, user.LockoutEnd, now))
        {
            return AccountErrors.LockedOut();
        }

        return new Actor(user.Id, user.Email ?? "", user.AccountId, user.Role ?? AccountRole.ReadOnly, user.IsPlatformAdmin, source);
    }

    /// <summary>The account with this ID, or null.</summary>
    public async Task<Account?> FindAsync(string accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
    }

    /// <summary>
    /// A user who signs up gets a cloud account of its own, with a fresh 16-digit ID, and is its Admin
    /// (as a new Alibaba Cloud registration does). Idempotent: a user who already has an account keeps it.
    /// </summary>
    public Task<Result<Account>> CreateAccountForNewUserAsync(string userId, string? accountName = null, CancellationToken ct = default) =>
        writes.RunAsync<Account>(new Actor(userId, "", null, AccountRole.ReadOnly, false), WriteRight.None, null, async scope =>
        {
            var db = scope.Db;
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return AccountErrors.UserNotFound();
            }

            var existing = await db.AccountMemberships.Where(m => m.UserId == userId).Select(m => m.AccountId).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                return await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == existing, ct);
            }

            string accountId;
            do
            {
                accountId = ids.NewAccountId();
            }
            while (await db.Accounts.AnyAsync(a => a.Id == accountId, ct));

            var account = new Account
            {
                Id = accountId,
                Name = string.IsNullOrWhiteSpace(accountName) ? (user.Email ?? accountId) : accountName,
                CreatedAt = scope.Now,
            };
            db.Accounts.Add(account);
            db.AccountMemberships.Add(new AccountMembership { AccountId = accountId, UserId = userId, Role = AccountRole.Admin, JoinedAt = scope.Now });
            await db.SaveChangesAsync(ct);
            scope.AuditAs(new Actor(userId, user.Email ?? "", accountId, AccountRole.Admin, false));
            scope.Audit(new AuditTarget(AuditActions.CreateAccount, ResourceKind.Account, accountId, null));
            return account;
        }, ct);
}
