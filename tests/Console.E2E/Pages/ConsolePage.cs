namespace EcsConsole.E2E.Pages;

/// <summary>
/// What every signed-in console page has: the shell around it (the <c>Region</c> combobox, the navigation links, the
/// user's email, <c>Logout</c>), the Blazor readiness marker and the error alert (ui-contract §4).
/// </summary>
public class ConsolePage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The alert a refused action shows (<c>data-error-code</c> carries the ECS code).</summary>
    public ILocator ErrorAlert => Page.GetByTestId("error-alert");

    public ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name });

    /// <summary>The page's own title (its one level-1 heading).</summary>
    public ILocator Title => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator NavLink(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator TestId(string testId) => Page.GetByTestId(testId);

    /// <summary>Opens a console path and waits until the Blazor circuit is live.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    /// <summary>Prerendered buttons do nothing until the circuit connects: the layout marks it with <c>data-interactive</c>.</summary>
    public Task WaitForInteractiveAsync() => Expect(Page.Locator("[data-interactive='true']")).ToBeAttachedAsync();

    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitForInteractiveAsync();
    }

    /// <summary>Follows a navigation link (<c>Images</c>, <c>Tasks</c>, <c>Admin</c>, ...) and waits for the page.</summary>
    public async Task FollowAsync(string link)
    {
        await NavLink(link).ClickAsync();
        await WaitForInteractiveAsync();
    }

    /// <summary>Picks a region in the app bar's <c>Region</c> combobox.</summary>
    public async Task SelectRegionAsync(string regionName)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Region" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = regionName }).ClickAsync();
    }

    /// <summary>A list page's <c>Resource Group</c> filter (<c>resource-group-filter</c>).</summary>
    public ILocator ResourceGroupFilter => Page.GetByRole(AriaRole.Combobox, new() { Name = "Resource Group" });

    /// <summary>Picks <paramref name="groupName"/> (or <c>All Resources</c>) in the list page's <c>Resource Group</c> filter.</summary>
    public async Task ChooseResourceGroupAsync(string groupName)
    {
        await ResourceGroupFilter.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = groupName, Exact = true }).ClickAsync();
    }

    public Task LogoutAsync() => Button("Logout").ClickAsync();

    public Task ExpectErrorAsync(string code) => Expect(ErrorAlert).ToHaveAttributeAsync("data-error-code", code);

    /// <summary>Every button named one of <paramref name="names"/> is absent or disabled (a read-only user's view).</summary>
    public async Task ExpectNoEnabledButtonAsync(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var buttons = Button(name);
            for (var i = 0; i < await buttons.CountAsync(); i++)
            {
                await Expect(buttons.Nth(i)).ToBeDisabledAsync();
            }
        }
    }

    /// <summary>Confirms the one open confirmation dialog with <c>OK</c>.</summary>
    public Task ConfirmAsync() => new ConsoleDialog(Page).OkAsync();
}
