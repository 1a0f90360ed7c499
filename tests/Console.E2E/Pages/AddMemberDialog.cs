namespace EcsConsole.E2E.Pages;

/// <summary><c>Add Member</c>: a user by <c>Email</c>, whose one-time password (<c>one-time-password</c>) is shown once.</summary>
public sealed class AddMemberDialog(IPage page) : ConsoleDialog(page, "Add Member")
{
    /// <summary>Adds <paramref name="email"/> and returns the one-time password the dialog shows.</summary>
    public async Task<string> AddAsync(string email)
    {
        await Field("Email").FillAsync(email);
        await OkAsync();
        return (await TestId("one-time-password").TextContentAsync())!.Trim();
    }

    public Task CloseAsync() => Button("Close").ClickAsync();
}
