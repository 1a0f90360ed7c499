namespace EcsConsole.E2E.Pages;

/// <summary>
/// <c>/key-pairs</c> (ui-contract §4): rows <c>key-pair-row-&lt;name&gt;</c>, buttons <c>Create Key Pair</c> and
/// <c>Import Key Pair</c>, row action <c>Delete</c>; a key pair just created shows its private key once.
/// </summary>
public sealed class KeyPairsPage(IPage page) : ConsolePage(page)
{
    public Table Table { get; } = new(page, "key-pairs-table", "key-pair-row-");

    public ILocator Row(string name) => Table.Row(name);

    public ILocator PrivateKey => TestId("new-key-pair-private-key");

    public Task OpenAsync(string region) => GotoAsync($"/key-pairs?region={region}");

    /// <summary><c>Create Key Pair</c> with <paramref name="name"/>; the dialog, left open for the caller to look at, then OK.</summary>
    public async Task<ConsoleDialog> OpenCreateAsync(string name)
    {
        await Button("Create Key Pair").ClickAsync();
        var dialog = new ConsoleDialog(Page, "Create Key Pair");
        await dialog.Field("Key Pair Name").FillAsync(name);
        return dialog;
    }

    public async Task ImportAsync(string name, string publicKey)
    {
        await Button("Import Key Pair").ClickAsync();
        var dialog = new ConsoleDialog(Page, "Import Key Pair");
        await dialog.Field("Key Pair Name").FillAsync(name);
        await dialog.Field("Public Key").FillAsync(publicKey);
        await dialog.SubmitAsync();
    }

    public Task DismissPrivateKeyAsync() => Button("I have saved the private key").ClickAsync();

    /// <summary><c>Delete</c> on the row, confirmed.</summary>
    public async Task DeleteAsync(string name)
    {
        await TestId($"key-pair-delete-{name}").ClickAsync();
        await ConfirmAsync();
    }
}
