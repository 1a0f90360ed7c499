namespace EcsConsole.E2E.Pages;

/// <summary>
/// A dialog of the console: role <c>dialog</c> named by its title (any open dialog when there is no title), confirmed with
/// <c>OK</c>, left with <c>Cancel</c>, its refusals in its own error alert (ui-contract §4).
/// </summary>
public class ConsoleDialog(IPage page, string? title = null)
{
    public IPage Page { get; } = page;

    public ILocator Root => title is null ? Page.GetByRole(AriaRole.Dialog) : Page.GetByRole(AriaRole.Dialog, new() { Name = title });

    public ILocator ErrorAlert => Root.GetByTestId("error-alert");

    public ILocator Field(string label, bool exact = false) => Root.GetByLabel(label, new() { Exact = exact });

    public ILocator Button(string name) => Root.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator TestId(string testId) => Root.GetByTestId(testId);

    public Task ExpectOpenAsync() => Expect(Root).ToBeVisibleAsync();

    public Task ExpectClosedAsync() => Expect(Root).ToBeHiddenAsync();

    public Task OkAsync() => Button("OK").ClickAsync();

    /// <summary><c>OK</c>, and the dialog closes (the action was accepted).</summary>
    public async Task SubmitAsync()
    {
        await OkAsync();
        await ExpectClosedAsync();
    }

    public Task CancelAsync() => Button("Cancel").ClickAsync();

    public Task ExpectErrorAsync(string code) => Expect(ErrorAlert).ToHaveAttributeAsync("data-error-code", code);

    /// <summary>Opens the select labelled <paramref name="label"/> and picks <paramref name="option"/> in its popover.</summary>
    public async Task PickAsync(string label, string option)
    {
        await Field(label).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }
}
