using System.Globalization;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.ResourceGroups;
using EcsConsole.Web.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// A page that works in one region for the signed-in actor (ADR-010): resolves the region from <c>?region=</c>, the
/// actor and whether the actor may write, then loads. What the page holds decides only what it shows as enabled;
/// services re-check on every change.
/// </summary>
public abstract class ActorPage : ConsolePage
{
    /// <summary>The tooltip of an action the actor's role does not allow, in the current language.</summary>
    protected string ReadOnlyReason => AffordanceText.ReadOnlyText(Reasons);

    [SupplyParameterFromQuery(Name = "region")]
    public string? RegionId { get; set; }

    [Inject]
    protected RegionService Regions { get; set; } = default!;

    [Inject]
    protected CurrentActor CurrentActor { get; set; } = default!;

    /// <summary>The region the page shows, once resolved.</summary>
    protected Region? Region { get; private set; }

    /// <summary>The signed-in actor, or null.</summary>
    protected Actor? Actor { get; private set; }

    /// <summary>Whether the actor's role may change resources (shown as enabled actions).</summary>
    protected bool CanWrite { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        Region = (await Regions.ResolveAsync(RegionId)).Region;
        Actor = await CurrentActor.GetAsync();
        CanWrite = Actor is not null && Access.CheckCanWrite(Actor) is null;
        await LoadAsync();
    }

    /// <summary>
    /// A row's Change Resource Group (<see cref="ChangeResourceGroupDialog"/>) for one resource of the page's region,
    /// <paramref name="resourceType"/> in JoinResourceGroup's words; once moved, says so and re-reads the page.
    /// </summary>
    protected async Task ChangeResourceGroupAsync(string resourceType, string resourceId, string? currentGroupId, IReadOnlyList<ResourceGroupInfo> groups)
    {
        if (await ShowDialogAsync<ChangeResourceGroupDialog>(CommonTexts["Change Resource Group"], new()
            {
                { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id }, { d => d.ResourceType, resourceType }, { d => d.ResourceId, resourceId },
                { d => d.CurrentGroupId, currentGroupId }, { d => d.Groups, groups },
            }) is { Data: string groupId })
        {
            await ShowDoneAsync(CommonTexts["{0} moved to resource group {1}", resourceId, ResourceGroupText.NameOf(CommonTexts, groups, groupId)]);
        }
    }
}

/// <summary>
/// An <see cref="ActorPage"/> that refreshes live (ADR-010): it listens to <see cref="ChangeNotifier"/> for the kinds
/// it declares, in its region (or in every region) and its account, and re-reads on its circuit. A failure while
/// re-reading goes to the circuit's error boundary.
/// <para>Changes are coalesced (issue #20): the first relevant change schedules one re-read <see cref="Coalesce"/> later,
/// and every change until that re-read starts is served by it (it reads what the database holds then). A change that
/// arrives while a re-read runs schedules the next one. So a page re-reads at most about once per
/// <see cref="Coalesce"/> however fast changes come: under 30 creates whose task steps each published a change, every
/// open page re-read and re-rendered once per change, a quarter of the console's CPU and more of the browsers'. Half a
/// second keeps ui-contract §6's "refreshes the open pages of every other [node] within 2 seconds".</para>
/// </summary>
public abstract class LivePage : ActorPage, IDisposable
{
    /// <summary>How long a relevant change waits for others before the page re-reads (the machine's time: it paces, it decides nothing).</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(500);

    private IDisposable? _subscription;
    private readonly Lock _reloadGate = new();
    private bool _reloadScheduled;
    private bool _disposed;

    // The circuit's language (ui-contract §8), kept from when the page was made: a change arrives on the thread of
    // whatever made it, whose culture is not the circuit's, and the re-read must render in the page's language.
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    [Inject]
    protected ChangeNotifier Changes { get; set; } = default!;

    /// <summary>The kinds of resource whose changes this page shows.</summary>
    protected abstract IReadOnlyCollection<ResourceKind> LiveKinds { get; }

    /// <summary>True when a change in another region also changes what the page shows (e.g. an account-wide quota).</summary>
    protected virtual bool LiveInEveryRegion => false;

    /// <summary>Whether a change concerns this page: one of <see cref="LiveKinds"/>, the actor's account, the page's region.</summary>
    protected virtual bool IsLive(ResourceChange change) =>
        LiveKinds.Contains(change.Kind)
        && change.AccountId == Actor?.AccountId
        && (LiveInEveryRegion || change.RegionId == Region?.Id);

    /// <summary>What a relevant change re-reads; by default the whole page.</summary>
    protected virtual Task ReloadAsync() => LoadAsync();

    protected override void OnInitialized() => _subscription = Changes.Subscribe(OnResourceChanged);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription?.Dispose();
            lock (_reloadGate)
            {
                _disposed = true;
            }
        }
    }

    private void OnResourceChanged(ResourceChange change)
    {
        if (!IsLive(change))
        {
            return;
        }

        lock (_reloadGate)
        {
            if (_reloadScheduled || _disposed)
            {
                return; // the re-read already scheduled will see this change
            }

            _reloadScheduled = true;
        }

        _ = ReloadSoonAsync();
    }

    private async Task ReloadSoonAsync()
    {
        await Task.Delay(Coalesce);
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return;
            }
        }

        await InvokeAsync(async () =>
        {
            lock (_reloadGate)
            {
                // From here on a change schedules the next re-read: this one may already have read past it.
                _reloadScheduled = false;
                if (_disposed)
                {
                    return;
                }
            }

            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
            try
            {
                await ReloadAsync();
                StateHasChanged();
            }
            catch (Exception ex)
            {
                await DispatchExceptionAsync(ex);
            }
        });
    }
}
