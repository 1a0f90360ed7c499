namespace EcsConsole.E2E.Pages;

/// <summary><c>/admin/members</c>: the account's users and their roles; <c>Add Member</c>.</summary>
public sealed class MembersPage(IPage page) : ConsolePage(page)
{
    public ILocator Table => TestId("members-table");

    public Task OpenAsync(string region) => GotoAsync($"/admin/members?region={region}");

    public async Task<AddMemberDialog> OpenAddMemberAsync()
    {
        await Button("Add Member").ClickAsync();
        return new AddMemberDialog(Page);
    }
}
