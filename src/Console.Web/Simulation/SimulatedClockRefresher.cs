using EcsConsole.Domain.Simulation;

namespace EcsConsole.Web.Simulation;

/// <summary>
/// Keeps this node's <see cref="SimulatedClock"/> in step with the offset stored in the database (ADR-012): read at
/// start-up and every <see cref="Period"/>, so an advance made through another node is seen here within that time. When
/// the simulation control is on, it also builds the reset template in the background, so the first reset seeds nothing.
/// </summary>
internal sealed class SimulatedClockRefresher(SimulatedClock clock, WorldReset reset, IConfiguration configuration, ILogger<SimulatedClockRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.IsNullOrEmpty(configuration[SimulationControlMiddleware.TokenSetting]))
        {
            _ = reset.WarmUpAsync();
        }

        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await clock.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The simulated clock's offset could not be read; the last one read is kept");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
