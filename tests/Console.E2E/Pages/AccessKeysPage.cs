namespace EcsConsole.E2E.Pages;

/// <summary><c>/settings/access-keys</c>: the user's AccessKey pairs (<c>access-key-row-&lt;id&gt;</c>); a new secret is shown once.</summary>
public sealed class AccessKeysPage(IPage page) : ConsolePage(page)
{
    public ILocator NewSecret => TestId("new-access-key-secret");

    public ILocator Row(string accessKeyId) => TestId($"access-key-row-{accessKeyId}");

    public ILocator Status(string accessKeyId) => TestId($"access-key-status-{accessKeyId}");

    /// <summary>The key icon in the app bar.</summary>
    public async Task FollowAppBarLinkAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "AccessKeys" }).ClickAsync();
        await WaitForInteractiveAsync();
    }

    /// <summary><c>Create AccessKey</c>; returns the new pair's ID as the page shows it (with its secret, once).</summary>
    public async Task<string> CreateAsync()
    {
        await Button("Create AccessKey").ClickAsync();
        return (await TestId("new-access-key-id").TextContentAsync())!.Trim();
    }

    public Task DismissSecretAsync() => Button("I have saved the secret").ClickAsync();

    public Task DisableAsync(string accessKeyId) => Button($"Disable {accessKeyId}").ClickAsync();

    public async Task DeleteAsync(string accessKeyId)
    {
        await Button($"Delete {accessKeyId}").ClickAsync();
        await ConfirmAsync();
    }
}
