namespace EcsConsole.E2E.Pages;

/// <summary><c>/Account/Register</c>: a new user (and a new account), confirmed through the link the console logs.</summary>
public sealed class RegisterPage(IPage page)
{
    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name });

    /// <summary>The Identity template's success alert (the confirmation page has no test id of its own).</summary>
    public ILocator Confirmed => page.Locator(".alert-success[role='alert']");

    public async Task RegisterAsync(string email, string password)
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
    }
}
