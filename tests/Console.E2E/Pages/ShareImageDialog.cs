namespace EcsConsole.E2E.Pages;

/// <summary><c>Share Image</c>: <c>Account ID</c> with <c>Add</c>, the list <c>share-list</c> with a <c>Remove</c> per account.</summary>
public sealed class ShareImageDialog(IPage page) : ConsoleDialog(page, "Share Image")
{
    public ILocator ShareList => TestId("share-list");

    public ILocator EmptyList => TestId("share-list-empty");

    public async Task AddAccountAsync(string accountId)
    {
        await Field("Account ID").FillAsync(accountId);
        await Button("Add").ClickAsync();
    }

    public Task RemoveAccountAsync(string accountId) => Button($"Remove {accountId}").ClickAsync();
}
