using EcsConsole.Domain.KeyPairs;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Audit;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.InstanceTypes;
using EcsConsole.Domain.Marketplace;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.Sharing;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// The one database of EcsConsole: Identity, the cloud model and the Data Protection key ring.
/// Services create one per operation through <c>IDbContextFactory&lt;ConsoleDbContext&gt;</c>; components never hold one.
/// <para>Add a migration (from the repository root):
/// <c>scripts/add-migration.sh &lt;Name&gt;</c> (both providers: SQLite here, PostgreSQL in Console.Domain.Postgres; ADR-017).</para>
/// </summary>
public sealed class ConsoleDbContext(DbContextOptions<ConsoleDbContext> options)
    : IdentityDbContext<ConsoleUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Zone> Zones => Set<Zone>();

    public DbSet<InstanceType> InstanceTypes => Set<InstanceType>();

    public DbSet<InstanceTypeZone> InstanceTypeZones => Set<InstanceTypeZone>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountMembership> AccountMemberships => Set<AccountMembership>();

    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();

    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    public DbSet<SignatureNonce> SignatureNonces => Set<SignatureNonce>();

    public DbSet<EcsConsole.Domain.ClientTokens.ClientTokenClaim> ClientTokenClaims => Set<EcsConsole.Domain.ClientTokens.ClientTokenClaim>();

    public DbSet<Image> Images => Set<Image>();

    public DbSet<ImageDiskMapping> ImageDiskMappings => Set<ImageDiskMapping>();

    public DbSet<ImageTag> ImageTags => Set<ImageTag>();

    public DbSet<ImageShare> ImageShares => Set<ImageShare>();

    public DbSet<Snapshot> Snapshots => Set<Snapshot>();

    public DbSet<AutoSnapshotPolicy> AutoSnapshotPolicies => Set<AutoSnapshotPolicy>();

    public DbSet<DiskAutoSnapshotPolicy> DiskAutoSnapshotPolicies => Set<DiskAutoSnapshotPolicy>();
    public DbSet<SnapshotGroup> SnapshotGroups => Set<SnapshotGroup>();

    public DbSet<Instance> Instances => Set<Instance>();

    public DbSet<Disk> Disks => Set<Disk>();

    public DbSet<KeyPair> KeyPairs => Set<KeyPair>();

    public DbSet<ResourceGroups.ResourceGroup> ResourceGroups => Set<ResourceGroups.ResourceGroup>();

    public DbSet<AsyncTask> AsyncTasks => Set<AsyncTask>();

    public DbSet<Quota> Quotas => Set<Quota>();

    public DbSet<QuotaRequest> QuotaRequests => Set<QuotaRequest>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<MarketplaceProduct> MarketplaceProducts => Set<MarketplaceProduct>();

    public DbSet<MarketplaceSubscription> MarketplaceSubscriptions => Set<MarketplaceSubscription>();

    public DbSet<MarketplacePrice> MarketplacePrices => Set<MarketplacePrice>();

    public DbSet<Storage.OssBucket> OssBuckets => Set<Storage.OssBucket>();

    public DbSet<Storage.OssObject> OssObjects => Set<Storage.OssObject>();

    public DbSet<Sas.SasServer> SasServers => Set<Sas.SasServer>();

    public DbSet<Sas.SasDisk> SasDisks => Set<Sas.SasDisk>();

    public DbSet<Sas.SasSnapshot> SasSnapshots => Set<Sas.SasSnapshot>();

    public DbSet<Sas.SasImage> SasImages => Set<Sas.SasImage>();

    public DbSet<ImageBuilder.ImageComponent> ImageComponents => Set<ImageBuilder.ImageComponent>();

    public DbSet<ImageBuilder.ImagePipeline> ImagePipelines => Set<ImageBuilder.ImagePipeline>();

    public DbSet<ImageBuilder.ImagePipelineExecution> ImagePipelineExecutions => Set<ImageBuilder.ImagePipelineExecution>();

    public DbSet<ImageUpdates.ImageUpdateRun> ImageUpdateRuns => Set<ImageUpdates.ImageUpdateRun>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Simulation.SimulationClockState> SimulationClock => Set<Simulation.SimulationClockState>();

    public DbSet<Simulation.SimulationFault> SimulationFaults => Set<Simulation.SimulationFault>();

    /// <summary>The API log's records (ADR-013).</summary>
    public DbSet<ApiLog.ApiCallRecord> ApiCalls => Set<ApiLog.ApiCallRecord>();

    /// <summary>The data version's one row (<see cref="Persistence.DataVersion"/>, ADR-033).</summary>
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    /// <summary>
    /// Identity builds its part of the model from the host's <see cref="IdentityOptions"/> (schema version 3 with
    /// passkeys, key lengths). A context made without the web host (tests, tools) gets the same options from here,
    /// so every context builds the model the migrations were made from.
    /// </summary>
    private static readonly IServiceProvider IdentityStoreDefaults = new ServiceCollection()
        .Configure<IdentityOptions>(ApplyIdentityStoreOptions)
        .BuildServiceProvider();

    /// <summary>The Identity store options every host must use (Program.cs applies them too).</summary>
    public static void ApplyIdentityStoreOptions(IdentityOptions options)
    {
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        options.Stores.MaxLengthForKeys = 128;
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentityStoreDefaults);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Identity sizes these keys from IdentityOptions.Stores.MaxLengthForKeys (128 under AddIdentityCore); fixed here
        // so the model is the same with or without the web host's options (tests, design time).
        builder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        builder.Entity<IdentityUserToken<string>>(b =>
        {
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });

        builder.ApplyConfigurationsFromAssembly(typeof(ConsoleDbContext).Assembly);
    }

    /// <summary>
    /// How the model stores what many entities have, said once; a configuration that says otherwise for one column wins.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsNpgsql())
        {
            // PostgreSQL (ADR-017): times are timestamptz, which Npgsql writes only with a zero offset; every time of
            // the model is UTC already (the clock's), the converter makes sure. Decimals are numeric. Strings compare
            // and sort by code point, as SQLite's BINARY does, whatever the server's locale.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<string>().UseCollation("C");
        }
        else
        {
            // SQLite cannot compare or order DateTimeOffset; stored as an ordered 64-bit number instead.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

            // SQLite has no decimal type (EF Core would store text, which it cannot compare or sum): prices and sizes are REAL.
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
        }

        // Enums are stored by name, readable in the database and safe from reordered members.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(ColumnLength.EnumName);

        configurationBuilder.Conventions.Add(_ => new WellKnownColumnsConvention());
    }
}

/// <summary>A time stored in UTC (PostgreSQL's timestamptz takes only a zero offset); read back in UTC.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
