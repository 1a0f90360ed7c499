namespace EcsConsole.Domain.Accounts;

/// <summary>
/// The signed-in user's own console preferences (issue #24: the theme), kept on the user's row so that they follow the
/// user to every node and browser. Any signed-in user may change their own, whatever their role.
/// </summary>
public sealed class UserPreferenceService(IDbContextFactory<ConsoleDbContext> dbFactory, AuditedWrite writes)
{
    /// <summary>Whether the actor chose the dark theme; false for an unknown user.</summary>
    public async Task<bool> IsDarkThemeAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DarkTheme).FirstOrDefaultAsync(ct);
    }

    /// <summary>Keeps the actor's theme choice. Audited as <see cref="AuditActions.ModifyUserPreference"/> on the user.</summary>
    public async Task<Result> SetDarkThemeAsync(Actor actor, bool dark, CancellationToken ct = default)
    {
        var outcome = await writes.RunAsync<bool>(actor, WriteRight.SignedIn, deniedTarget: null, async scope =>
        {
            var user = await scope.Db.Users.FirstAsync(u => u.Id == actor.UserId, ct);
            user.DarkTheme = dark;
            scope.Audit(new AuditTarget(AuditActions.ModifyUserPreference, ResourceKind.User, actor.UserId, null));
            return true;
        }, ct);
        return outcome.ToResult();
    }
}
