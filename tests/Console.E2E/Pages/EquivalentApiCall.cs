namespace EcsConsole.E2E.Pages;

/// <summary>The "Equivalent API call" panel of a change dialog (<c>equivalent-api-call</c>, ADR-014): collapsed until its header is clicked.</summary>
public sealed class EquivalentApiCall(ConsoleDialog dialog)
{
    public ILocator Root => dialog.TestId("equivalent-api-call");

    public ILocator Header => Root.GetByText("Equivalent API call", new() { Exact = true });

    public ILocator Action => Root.GetByTestId("api-call-action");

    public ILocator CliLine => Root.GetByTestId("api-call-cli");

    public ILocator NodeSnippet => Root.GetByTestId("api-call-node");

    public ILocator CopyCli => Root.GetByRole(AriaRole.Button, new() { Name = "Copy CLI command" });

    public async Task ExpandAsync()
    {
        await Header.ClickAsync();
        await Expect(CliLine).ToBeVisibleAsync();
    }
}
