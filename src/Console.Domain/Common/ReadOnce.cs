namespace EcsConsole.Domain.Common;

/// <summary>
/// A catalogue that never changes at run time (regions, instance types), read from the database on first use and kept.
/// Two first callers at once may both read it; both get the same rows.
/// </summary>
internal sealed class ReadOnce<T>(IDbContextFactory<ConsoleDbContext> dbFactory, Func<ConsoleDbContext, CancellationToken, Task<T>> read)
    where T : class
{
    private T? _value;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        if (_value is not null)
        {
            return _value;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        _value = await read(db, ct);
        return _value;
    }
}
