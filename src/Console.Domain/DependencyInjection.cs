using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcsConsole.Domain;

/// <summary>Registers the domain: the context factory on the configured provider, time, IDs, options and every service.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// The domain on the database <paramref name="connectionString"/> names (the provider from <paramref name="configuration"/>).
    /// <paramref name="checkpointInBackground"/>: the host runs <c>SqliteCheckpointService</c>, which checkpoints a SQLite
    /// file's log beside the writers, so no commit does (<see cref="SqliteCheckpoints"/>); without that service the log
    /// would only grow.
    /// </summary>
    public static IServiceCollection AddConsoleDomain(this IServiceCollection services, string connectionString, IConfiguration? configuration = null,
        bool checkpointInBackground = false)
    {
        var provider = configuration is null ? DatabaseProvider.Sqlite : ConsoleDatabase.ProviderFrom(configuration);
        services.AddPooledDbContextFactory<ConsoleDbContext>(o => o.Use(provider, connectionString, checkpointInBackground));
        services.AddOptions<SimulationOptions>();
        if (configuration is not null)
        {
            services.Configure<SimulationOptions>(configuration.GetSection(SimulationOptions.SectionName));
            services.Configure<InstanceOptions>(configuration.GetSection(InstanceOptions.SectionName));
        }

        // The product's one clock: the system's plus the simulation control's offset (ui-contract §7, ADR-012). It replaces
        // the TimeProvider.System that ASP.NET Core's authentication registers, so sign-in, Identity and the domain share it
        // (AddConsoleDomainServices registers the clock itself).
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<EcsConsole.Domain.Simulation.SimulatedClock>());
        return services.AddConsoleDomainServices();
    }

    /// <summary>
    /// Every domain service, without the database and the clock (tests bring their own): the shared mechanisms, then by
    /// convention every public <c>…Service</c> class of the domain and every task handler (one per task type, found by its
    /// interface), all singletons. A new feature's service or handler is registered by being written.
    /// </summary>
    public static IServiceCollection AddConsoleDomainServices(this IServiceCollection services)
    {
        services.AddOptions<SimulationOptions>();
        services.AddOptions<InstanceOptions>();
        services.AddLogging();
        services.AddSingleton<IdGenerator>();
        services.AddSingleton<ChangeNotifier>();
        services.AddSingleton<AuditedWrite>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<AsyncTaskEngine>();

        // Simulation control for test suites (ui-contract §7; SimulationClockService comes by convention below): faults
        // (the engine and the API take them), the clock's offset, the reset.
        services.TryAddSingleton<EcsConsole.Domain.Simulation.SimulatedClock>();
        services.AddSingleton<EcsConsole.Domain.Simulation.SimulationFaults>();
        services.AddSingleton<EcsConsole.Domain.Simulation.WorldReset>();

        // The API log (ADR-013): calls hand their records to the queue; a hosted writer stores them in batches.
        services.AddSingleton<EcsConsole.Domain.ApiLog.ApiCallQueue>();
        services.AddSingleton<EcsConsole.Domain.ApiLog.ApiCallLogWriter>();
        foreach (var type in typeof(DependencyInjection).Assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (type.Name.EndsWith("Service", StringComparison.Ordinal))
            {
                services.AddSingleton(type);
            }

            foreach (var handler in type.GetInterfaces().Where(i => i == typeof(IAsyncTaskHandler) || i == typeof(IPhasedTaskHandler)))
            {
                services.AddSingleton(handler, type);
            }
        }

        return services;
    }
}
