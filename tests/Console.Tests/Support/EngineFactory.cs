using EcsConsole.Domain.Common;
using EcsConsole.Domain.Copies;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Storage;
using EcsConsole.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcsConsole.Tests.Support;

/// <summary>The task engine with every real handler, over a given database and fake clock; a job takes 10 s.</summary>
public static class EngineFactory
{
    public static readonly TimeSpan TaskDuration = TimeSpan.FromSeconds(10);

    public static AsyncTaskEngine Create(IDbContextFactory<ConsoleDbContext> db, FakeTimeProvider time, ChangeNotifier? changes = null) =>
        new(db, [new CreateImageHandler(), new CreateSnapshotHandler(), new CopySnapshotHandler(), new CopyImageHandler(), new ExportImageHandler(), new ImportImageHandler(),
            new EcsConsole.Domain.Instances.StartInstanceHandler(), new EcsConsole.Domain.Instances.StopInstanceHandler(), new EcsConsole.Domain.Sas.SasCopyImageHandler()], time,
            new StaticOptions(new SimulationOptions { TaskDuration = TaskDuration }), changes ?? new ChangeNotifier(), NullLogger<AsyncTaskEngine>.Instance);

    /// <summary>Steps the clock one step at a time and runs due tasks, <paramref name="steps"/> times.</summary>
    public static async Task RunStepsAsync(this AsyncTaskEngine engine, FakeTimeProvider time, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            time.Advance(engine.StepDuration);
            await engine.RunDueAsync();
        }
    }

    private sealed class StaticOptions(SimulationOptions value) : IOptionsMonitor<SimulationOptions>
    {
        public SimulationOptions CurrentValue => value;

        public SimulationOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SimulationOptions, string?> listener) => null;
    }
}
