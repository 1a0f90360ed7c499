namespace EcsConsole.Domain.Common;

/// <summary>
/// A catalogue that never changes at run time (regions, instance types), read from the database on first use and kept.
/// Two first callers at once may both read it; both get the same rows. A simulation reset (the whole database replaced)
/// calls <see cref="ReadOnce.ForgetAll"/>: every catalogue is read again on its next use.
/// </summary>
internal sealed class ReadOnce<T>(IDbContextFactory<ConsoleDbContext> dbFactory, Func<ConsoleDbContext, CancellationToken, Task<T>> read)
    where T : class
{
    private (T Value, long Generation)? _value;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        var generation = ReadOnce.Generation;
        if (_value is { } kept && kept.Generation == generation)
        {
            return kept.Value;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var value = await read(db, ct);
        _value = (value, generation);
        return value;
    }
}

/// <summary>The generation of every <see cref="ReadOnce{T}"/>: a value read in an earlier generation is read again.</summary>
internal static class ReadOnce
{
    private static long _generation;

    public static long Generation => Interlocked.Read(ref _generation);

    /// <summary>Every catalogue read once is read again on its next use (after the database was replaced).</summary>
    public static void ForgetAll() => Interlocked.Increment(ref _generation);
}
