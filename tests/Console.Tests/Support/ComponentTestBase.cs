using System.Security.Claims;
using Bunit;
using EcsConsole.Domain;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Overview;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Domain.Tasks;
using EcsConsole.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace EcsConsole.Tests.Support;

/// <summary>
/// bUnit context with MudBlazor, the real domain services over an in-memory SQLite demo world, and helpers to sign
/// in as a demo user. Popover checks and transitions are off, as MudBlazor's own tests have them.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    // A live page re-reads half a second after a change (LivePage.Coalesce): waits return as soon as they hold, so a
    // longer limit costs only failing tests, and a busy machine does not fail passing ones.
    static ComponentTestBase() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.PopoverOptions.CheckForPopoverProvider = false;
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddLocalization();
        Services.AddTransient<MudLocalizer, EcsConsole.Web.Localization.ConsoleMudLocalizer>();
        Services.AddSingleton(Database.Factory);
        Services.AddSingleton<TimeProvider>(Database.Time);
        Services.AddConsoleDomainServices();
        Services.AddScoped<CurrentActor>();
        Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgery>();
    }

    protected TestDatabase Database { get; } = new();

    public virtual async Task InitializeAsync() => await Database.WithDemoWorldAsync();

    /// <summary>Renders <typeparamref name="TPage"/> at <paramref name="url"/>, as the router does after a navigation there.</summary>
    protected IRenderedComponent<TPage> RenderAt<TPage>(string url)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(url);
        return Render<TPage>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Signs the demo user in, as the cookie would: name and user-ID claims.</summary>
    protected async Task SignInAsync(string email)
    {
        await using var db = Database.NewContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        AddAuthorization().SetAuthorized(email).SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
    }

    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
