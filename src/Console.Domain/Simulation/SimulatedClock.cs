namespace EcsConsole.Domain.Simulation;

/// <summary>
/// The product's one clock (architecture.md, mechanism 6; ADR-012): the system clock plus an offset that only the
/// simulation control moves forward (<c>POST /simulation/clock/advance</c>). The offset's truth is the
/// <see cref="SimulationClockState"/> row; this object caches it so that <see cref="GetUtcNow"/> costs no database
/// read. The cache is re-read by <see cref="RefreshAsync"/> — every second on every node (the web host's refresher),
/// and before every advance — so a node learns of another node's advance within a second; an advance on this node is
/// seen here at once. Timers and timestamps (<see cref="TimeProvider.CreateTimer"/>) stay the system's: an advance
/// moves what time it is, never how long a delay lasts.
/// </summary>
public sealed class SimulatedClock(IDbContextFactory<ConsoleDbContext> dbFactory) : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far the clock runs ahead of the system clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Volatile.Read(ref _offsetTicks));

    /// <summary>The system clock's time: what a caller's own clock reads (API timestamps are signed with it).</summary>
    public static DateTimeOffset WallNow => TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => WallNow + Offset;

    /// <summary>Reads the offset from the database (no row: none).</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticks = await db.SimulationClock.AsNoTracking().Where(c => c.Id == SimulationClockState.TheRow)
            .Select(c => (long?)c.OffsetTicks).FirstOrDefaultAsync(ct);
        Volatile.Write(ref _offsetTicks, ticks ?? 0);
    }

    /// <summary>Stores <paramref name="offset"/> as the clock's offset, for every node, and uses it here at once.</summary>
    internal async Task SaveAsync(TimeSpan offset, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.SimulationClock.Where(c => c.Id == SimulationClockState.TheRow)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OffsetTicks, offset.Ticks), ct);
        if (updated == 0)
        {
            db.SimulationClock.Add(new SimulationClockState { OffsetTicks = offset.Ticks });
            await db.SaveChangesAsync(ct);
        }

        Volatile.Write(ref _offsetTicks, offset.Ticks);
    }

    /// <summary>
    /// Moves this node's clock to <paramref name="now"/> (never back) without storing it: the intermediate times of one
    /// advance, which ends with <see cref="SaveAsync"/>.
    /// </summary>
    internal void MoveTo(DateTimeOffset now)
    {
        var offset = now - WallNow;
        if (offset > Offset)
        {
            Volatile.Write(ref _offsetTicks, offset.Ticks);
        }
    }
}
