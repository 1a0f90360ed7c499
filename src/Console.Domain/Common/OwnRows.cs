namespace EcsConsole.Domain.Common;

/// <summary>
/// Reads of the actor's account's own rows (instances, disks, snapshots, tasks): an actor without an account owns none
/// and gets the empty answer without a context; any other actor's read runs on a context of its own, with its account.
/// </summary>
public static class OwnRows
{
    /// <summary><paramref name="none"/> for an actor without an account, else <paramref name="read"/> of its account.</summary>
    public static async Task<T> ReadOwnAsync<T>(this IDbContextFactory<ConsoleDbContext> dbFactory, Actor actor, T none,
        Func<ConsoleDbContext, string, Task<T>> read, CancellationToken ct)
    {
        if (actor.AccountId is not { } account)
        {
            return none;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await read(db, account);
    }
}
