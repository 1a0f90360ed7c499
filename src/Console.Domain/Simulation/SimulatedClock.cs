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
    private readonly Lock _gate = new();
    private long _offsetTicks;

    /// <summary>Bumped by every local change of the offset: a refresh that read the row before it does not undo it.</summary>
    private long _version;

    /// <summary>While an advance runs, the time it has reached (UTC ticks), standing still between its steps; 0 otherwise.</summary>
    private long _frozenTicks;

    /// <summary>How far the clock runs ahead of the system clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Volatile.Read(ref _offsetTicks));

    /// <summary>The system clock's time: what a caller's own clock reads (API timestamps are signed with it).</summary>
    public static DateTimeOffset WallNow => TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow()
    {
        var frozen = Volatile.Read(ref _frozenTicks);
        return frozen != 0 ? new DateTimeOffset(frozen, TimeSpan.Zero) : WallNow + Offset;
    }

    /// <summary>Reads the offset from the database (no row: none).</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        var version = Interlocked.Read(ref _version);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticks = await db.SimulationClock.AsNoTracking().Where(c => c.Id == SimulationClockState.TheRow)
            .Select(c => (long?)c.OffsetTicks).FirstOrDefaultAsync(ct);
        lock (_gate)
        {
            if (_version == version)
            {
                Volatile.Write(ref _offsetTicks, ticks ?? 0);
            }
        }
    }

    /// <summary>
    /// Stops the clock where it is, for an advance: each step then happens exactly at the time it was due, so a job of
    /// N steps takes exactly N step durations of simulated time however long the steps take to run.
    /// </summary>
    internal void Freeze() => Volatile.Write(ref _frozenTicks, GetUtcNow().UtcTicks);

    /// <summary>Moves the stopped clock forward to <paramref name="now"/> (never back).</summary>
    internal void MoveTo(DateTimeOffset now)
    {
        if (now.UtcTicks > Volatile.Read(ref _frozenTicks))
        {
            Volatile.Write(ref _frozenTicks, now.UtcTicks);
        }
    }

    /// <summary>
    /// Lets the stopped clock run again from where it stands, and stores the offset that keeps it there for every node
    /// (the row is upserted; this node uses it at once).
    /// </summary>
    internal async Task ThawAsync(CancellationToken ct)
    {
        var offset = GetUtcNow() - WallNow;
        if (offset < TimeSpan.Zero)
        {
            offset = TimeSpan.Zero;
        }

        try
        {
            // Stored first (still standing), so that a refresh which reads the row after this sees the new offset ...
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var updated = await db.SimulationClock.Where(c => c.Id == SimulationClockState.TheRow)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.OffsetTicks, offset.Ticks), ct);
            if (updated == 0)
            {
                db.SimulationClock.Add(new SimulationClockState { OffsetTicks = offset.Ticks });
                await db.SaveChangesAsync(ct);
            }
        }
        finally
        {
            // ... and one which read it before is discarded (the version moved).
            lock (_gate)
            {
                Volatile.Write(ref _offsetTicks, offset.Ticks);
                Interlocked.Increment(ref _version);
            }

            Volatile.Write(ref _frozenTicks, 0);
        }
    }
}
