namespace EcsConsole.E2E.Pages;

/// <summary><c>/Account/Login</c> (static SSR, as the Identity template has it): <c>Email</c>, <c>Password</c>, <c>Log in</c>.</summary>
public sealed class SignInPage(IPage page)
{
    public ILocator Refusal(string text) => page.GetByText(text);

    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name });

    /// <summary>
    /// Signs in through the real form, as a person does; lands wherever the console sends the user — the page of
    /// <paramref name="returnUrl"/> when given (a local path, as a link to a console page that asked for sign-in).
    /// </summary>
    public async Task LogInAsync(string email, string password, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in and waits for the console (the overview) to be interactive.</summary>
    public async Task<OverviewPage> LogInToConsoleAsync(string email, string password)
    {
        await LogInAsync(email, password);
        var overview = new OverviewPage(page);
        await overview.WaitForInteractiveAsync();
        return overview;
    }
}
