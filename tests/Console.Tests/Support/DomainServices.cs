using EcsConsole.Domain;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Support;

/// <summary>
/// Every domain service as the web host registers them (one engine with every handler), over a test database and its
/// fake clock, a job taking <see cref="EngineFactory.TaskDuration"/>. For features whose work calls other services
/// (Image Builder builds, image updates).
/// </summary>
public sealed class DomainServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public DomainServices(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddSingleton(database.Factory);
        services.AddSingleton<TimeProvider>(database.Time);
        services.AddConsoleDomainServices();
        services.Configure<SimulationOptions>(o => o.TaskDuration = EngineFactory.TaskDuration);
        _provider = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public AsyncTaskEngine Engine => Get<AsyncTaskEngine>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Steps the clock and the engine until <paramref name="done"/> holds, at most <paramref name="maxSteps"/> steps.</summary>
    public async Task RunUntilAsync(Func<Task<bool>> done, int maxSteps = 400)
    {
        for (var i = 0; i < maxSteps && !await done(); i++)
        {
            Database.Time.Advance(Engine.StepDuration);
            await Engine.RunDueAsync();
        }
    }

    /// <summary>Steps the clock and the engine <paramref name="steps"/> times.</summary>
    public Task RunStepsAsync(int steps) => Engine.RunStepsAsync(Database.Time, steps);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
