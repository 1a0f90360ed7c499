using EcsConsole.Domain;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;
using EcsConsole.Domain.Seeding;
using EcsConsole.Web.Api;
using EcsConsole.Web.Components;
using EcsConsole.Web.Components.Account;
using EcsConsole.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

// The settings files are polled, not watched: the database lives in the content root (ConfigurationFiles, issue #20).
ConfigurationFiles.PollForChanges();
var builder = WebApplication.CreateBuilder(args);

// Parameters of the ECS API travel in the query string: allow long request lines. No page takes a large body (the API
// caps its own at EcsApiMiddleware.MaxBodyBytes before reading), so nobody can make the server buffer megabytes.
builder.WebHost.ConfigureKestrel(o =>
{
    o.Limits.MaxRequestLineSize = 256 * 1024;
    o.Limits.MaxRequestBodySize = 1024 * 1024;
});

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddMudServices();
// English and Simplified Chinese (ui-contract §8, ADR-023): resources per area in Localization/, MudBlazor's own texts too.
builder.Services.AddLocalization();
builder.Services.AddTransient<MudBlazor.MudLocalizer, EcsConsole.Web.Localization.ConsoleMudLocalizer>();

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
builder.Services.AddAuthorization();

var connectionString = ConnectionStrings.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
// A SQLite file's write-ahead log is checkpointed beside the writers, by SqliteCheckpointService, not in their commits.
builder.Services.AddConsoleDomain(connectionString, builder.Configuration, checkpointInBackground: true);
builder.Services.AddSingleton<EcsConsole.Web.Infrastructure.SqliteCheckpointService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<EcsConsole.Web.Infrastructure.SqliteCheckpointService>());
builder.Services.AddDatabaseDeveloperPageExceptionFilter();
builder.Services.AddHealthChecks().AddDbContextCheck<ConsoleDbContext>();

// The key ring lives in the database next to the AccessKey secrets it protects, so its keys are encrypted with a
// certificate kept outside the database (configured, the same on every node; generated next to the database file when
// none is): the database file alone decrypts nothing.
var keyRingCertificates = KeyRingCertificates.Resolve(builder.Configuration, connectionString, builder.Environment.ContentRootPath);
keyRingCertificates.ProtectKeys(builder.Services.AddDataProtection()
    .SetApplicationName(DataProtectionSecretProtector.ApplicationName));
builder.Services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
builder.Services.AddSingleton<KeyRingUpgrade>();

builder.Services.AddIdentityCore<ConsoleUser>(options =>
    {
        // A self-registered user confirms its email before signing in: signing it in at once would make registering
        // a new email look different from registering a taken one, and tell anonymous visitors which emails have an
        // account (see Register.razor). A laptop console has no mail server: the confirmation link goes to the server
        // log (IdentityNoOpEmailSender). Demo users and members added by an admin are created confirmed.
        options.SignIn.RequireConfirmedAccount = true;
        ConsoleDbContext.ApplyIdentityStoreOptions(options);
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
    })
    .AddEntityFrameworkStores<ConsoleDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders();

// Sign-in sessions live in the database (architecture mechanism 13): the cookie names a session, logout deletes it.
builder.Services.AddSingleton<DatabaseTicketStore>();
builder.Services.AddSingleton<EcsConsole.Web.Api.ApiAnswerCache>();
builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<DatabaseTicketStore>(DatabaseTicketStore.Use);

builder.Services.AddSingleton<IEmailSender<ConsoleUser>, IdentityNoOpEmailSender>();
builder.Services.AddScoped<CurrentActor>();
builder.Services.AddHostedService<AsyncTaskRunnerService>();
// Simulation control for test suites (ui-contract §7): the clock's offset read from the database on every node.
builder.Services.AddScoped<EcsConsole.Web.Simulation.SimulationAccounts>();
builder.Services.AddHostedService<EcsConsole.Web.Simulation.SimulatedClockRefresher>();
// The API log (ADR-013): calls are queued and written in batches off their path.
builder.Services.AddHostedService<EcsConsole.Web.Infrastructure.ApiCallLogPump>();
// Several nodes on PostgreSQL (ADR-019): changes committed on one node refresh the open pages of every other node.
if (ConsoleDatabase.ProviderFrom(builder.Configuration) == DatabaseProvider.Postgres)
{
    builder.Services.AddSingleton(sp => new EcsConsole.Web.Infrastructure.PostgresChangeRelay(
        sp.GetRequiredService<EcsConsole.Domain.Common.ChangeNotifier>(), connectionString, sp.GetRequiredService<ILogger<EcsConsole.Web.Infrastructure.PostgresChangeRelay>>()));
    builder.Services.AddHostedService(sp => sp.GetRequiredService<EcsConsole.Web.Infrastructure.PostgresChangeRelay>());
    // The custom tab's kept counts folded in the background (ADR-042).
    builder.Services.AddHostedService<EcsConsole.Web.Infrastructure.CustomImageCountCompactor>();
}

var app = builder.Build();

// nosniff, Referrer-Policy and the Content Security Policy on every response, the API's included.
app.UseSecurityHeaders();

// The ECS OpenAPI answers at "/" for requests carrying x-acs-action or an Action parameter, before any page
// machinery (status-code pages, antiforgery) can touch them.
app.UseMiddleware<EcsApiMiddleware>();
// /simulation/… (ui-contract §7): 404 unless Simulation:ControlToken is set, then bearer-token JSON controls.
app.UseMiddleware<EcsConsole.Web.Simulation.SimulationControlMiddleware>();

if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

// The language of pages and circuits, from the culture cookie only (the API above answers before it, always in English).
app.UseRequestLocalization(EcsConsole.Web.Localization.ConsoleCultures.Options());

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// Explicit, so that they run after the ECS API middleware above (WebApplication would otherwise put them first).
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// "Healthy" (200) while the database answers, "Unhealthy" (503) while it does not; a node recovers by itself, as its
// connections are opened afresh (ADR-017).
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapGet("/culture/set", EcsConsole.Web.Localization.ConsoleCultures.Set).AllowAnonymous();
app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
// The Buckets page's Download: a simulated OSS object as a file, for a signed-in user of the bucket's account.
EcsConsole.Web.Infrastructure.OssDownloadEndpoint.MapOssDownload(app);

// Add additional endpoints required by the Identity /Account Razor components.
app.MapAdditionalIdentityEndpoints();

// The route table (every page's endpoint, found by reflection over the components, and the static assets') is built on
// the second core while this one migrates and seeds the database: neither needs the other, and both must be done before
// the first request (issue #20's cold start).
var routeTable = Task.Run(() => StartupWarmUp.BuildEndpoints(app));

// Migrate, and seed the demo world into an empty database, before the first request is served.
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
// A key ring stored in clear by an earlier version is replaced by an encrypted one (its secrets re-protected).
await app.Services.GetRequiredService<KeyRingUpgrade>().UpgradeAsync();
if (keyRingCertificates.GeneratedFile is { } generatedCertificate && !app.Environment.IsDevelopment())
{
    app.Logger.LogWarning(
        "No key-ring certificate is configured ({Setting}): the Data Protection keys are encrypted with the self-signed certificate generated at {File}. " +
        "Configure one PFX shared by every node and kept outside the database (README, Security)",
        KeyRingCertificates.CertificatePath, generatedCertificate);
}

await routeTable;
await app.RunAsync();

/// <summary>The web host's entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
