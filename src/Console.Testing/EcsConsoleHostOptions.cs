namespace EcsConsole.Testing;

/// <summary>How <see cref="EcsConsoleHost.StartAsync"/> starts the console.</summary>
public sealed class EcsConsoleHostOptions
{
    /// <summary>How long an image task runs in simulated time (<c>Simulation:TaskDuration</c>); one second unless set.
    /// <see cref="EcsConsoleHost.AdvanceClockAsync"/> or <see cref="EcsConsoleHost.CompleteTasksAsync"/> end tasks at once.</summary>
    public TimeSpan TaskDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra configuration (<c>Section:Key</c> → value), applied last, so it overrides the fixture's own.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host environment; <c>Development</c> (the run command's) unless set.</summary>
    public string Environment { get; set; } = "Development";

    /// <summary>A fixed control token; a random one unless set.</summary>
    public string? ControlToken { get; set; }

    /// <summary>
    /// An Npgsql connection string (without <c>Database</c>) of a PostgreSQL role that may create databases: the console
    /// then runs on a database of its own there (ADR-017), dropped on dispose. Unset: the <c>ECSCONSOLE_HOST_PG</c>
    /// environment variable, or a temporary SQLite file when that is unset too.
    /// </summary>
    public string? PostgresServer { get; set; } = System.Environment.GetEnvironmentVariable("ECSCONSOLE_HOST_PG");
}
