namespace EcsConsole.Domain.Common;

/// <summary>
/// <c>Simulation</c> section of appsettings.json (env <c>Simulation__TaskDuration</c>): how long a simulated
/// asynchronous job (create image, copy, export, import, snapshot) takes in wall-clock time. The task runner
/// scales every stage of a job to it.
/// </summary>
public sealed class SimulationOptions
{
    public const string SectionName = "Simulation";

    public TimeSpan TaskDuration { get; set; } = TimeSpan.FromSeconds(20);
}
