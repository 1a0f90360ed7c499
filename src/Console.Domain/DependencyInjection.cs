using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Overview;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcsConsole.Domain;

/// <summary>Registers the domain: the context factory on SQLite, time, IDs, options and every service.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddConsoleDomain(this IServiceCollection services, string connectionString, IConfiguration? configuration = null)
    {
        services.AddDbContextFactory<ConsoleDbContext>(o => o.UseSqlite(connectionString));
        services.AddOptions<SimulationOptions>();
        if (configuration is not null)
        {
            services.Configure<SimulationOptions>(configuration.GetSection(SimulationOptions.SectionName));
            services.Configure<EcsConsole.Domain.Instances.InstanceOptions>(configuration.GetSection(EcsConsole.Domain.Instances.InstanceOptions.SectionName));
        }

        // The product's one clock: the system's plus the simulation control's offset (ui-contract §7, ADR-012). It replaces
        // the TimeProvider.System that ASP.NET Core's authentication registers, so sign-in, Identity and the domain share it.
        services.TryAddSingleton<EcsConsole.Domain.Simulation.SimulatedClock>();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<EcsConsole.Domain.Simulation.SimulatedClock>());
        return services.AddConsoleDomainServices();
    }

    /// <summary>Every domain service, without the database and the clock (tests bring their own).</summary>
    public static IServiceCollection AddConsoleDomainServices(this IServiceCollection services)
    {
        services.AddOptions<SimulationOptions>();
        services.AddLogging();
        services.AddSingleton<IdGenerator>();
        services.AddSingleton<ChangeNotifier>();
        services.AddSingleton<AuditedWrite>();
        services.AddSingleton<RegionService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<ImageQueryService>();
        services.AddSingleton<ImageCatalogService>();
        services.AddSingleton<ImageLifecycleService>();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<InstanceQueryService>();
        services.AddSingleton<SnapshotQueryService>();
        services.AddSingleton<TaskQueryService>();
        services.AddSingleton<QuotaService>();
        services.AddSingleton<QuotaAdminService>();
        services.AddSingleton<EcsConsole.Domain.Audit.AuditQueryService>();
        services.AddSingleton<DatabaseInitializer>();

        // Read models and services the ECS API adapter needs besides the console's (issue #9).
        services.AddSingleton<AccessKeyService>();
        services.AddSingleton<EcsConsole.Domain.InstanceTypes.InstanceTypeQueryService>();
        services.AddSingleton<DiskQueryService>();
        services.AddSingleton<EcsConsole.Domain.Tags.TagService>();

        // Asynchronous work: one engine, one handler per task type.
        services.AddSingleton<EcsConsole.Domain.Tasks.AsyncTaskEngine>();
        services.AddSingleton<EcsConsole.Domain.Tasks.TaskService>();
        services.AddSingleton<CreateImageService>();
        services.AddSingleton<EcsConsole.Domain.Sharing.SharingService>();
        services.AddSingleton<EcsConsole.Domain.Copies.CopyImageService>();
        services.AddSingleton<EcsConsole.Domain.Storage.StorageService>();
        services.AddSingleton<EcsConsole.Domain.Storage.ExportImageService>();
        services.AddSingleton<EcsConsole.Domain.Storage.ImportImageService>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IAsyncTaskHandler, EcsConsole.Domain.Storage.ExportImageHandler>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IAsyncTaskHandler, EcsConsole.Domain.Storage.ImportImageHandler>();
        services.AddSingleton<EcsConsole.Domain.Snapshots.SnapshotService>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IAsyncTaskHandler, CreateImageHandler>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IAsyncTaskHandler, EcsConsole.Domain.Snapshots.CreateSnapshotHandler>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IAsyncTaskHandler, EcsConsole.Domain.Copies.CopyImageHandler>();

        // Instances and the buy page.
        services.AddOptions<EcsConsole.Domain.Instances.InstanceOptions>();
        services.AddSingleton<EcsConsole.Domain.Instances.CompatibilityService>();
        services.AddSingleton<EcsConsole.Domain.Instances.InstanceService>();
        services.AddSingleton<EcsConsole.Domain.Marketplace.MarketplaceService>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IAsyncTaskHandler, EcsConsole.Domain.Instances.StartInstanceHandler>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IAsyncTaskHandler, EcsConsole.Domain.Instances.StopInstanceHandler>();

        // Simple Application Server: servers, snapshots, custom images (copies run on the same engine).
        services.AddSingleton<EcsConsole.Domain.Sas.SasServerService>();
        services.AddSingleton<EcsConsole.Domain.Sas.SasImageService>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IAsyncTaskHandler, EcsConsole.Domain.Sas.SasCopyImageHandler>();

        // Image Builder (components, templates, builds) and the OOS image update: phased work on the same engine.
        services.AddSingleton<EcsConsole.Domain.ImageBuilder.ImageComponentService>();
        services.AddSingleton<EcsConsole.Domain.ImageBuilder.ImagePipelineService>();
        services.AddSingleton<EcsConsole.Domain.ImageBuilder.ImageBuildService>();
        services.AddSingleton<EcsConsole.Domain.ImageUpdates.ImageUpdateService>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IPhasedTaskHandler, EcsConsole.Domain.ImageBuilder.ImageBuildHandler>();
        services.AddSingleton<EcsConsole.Domain.Tasks.IPhasedTaskHandler, EcsConsole.Domain.ImageUpdates.ImageUpdateHandler>();

        // Simulation control for test suites (ui-contract §7): faults (the engine and the API take them), clock, reset.
        services.TryAddSingleton<EcsConsole.Domain.Simulation.SimulatedClock>();
        services.AddSingleton<EcsConsole.Domain.Simulation.SimulationFaults>();
        services.AddSingleton<EcsConsole.Domain.Simulation.SimulationClockService>();
        services.AddSingleton<EcsConsole.Domain.Simulation.WorldReset>();
        return services;
    }
}
