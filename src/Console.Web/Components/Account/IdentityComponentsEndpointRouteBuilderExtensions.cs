using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using EcsConsole.Web.Components.Account;
using EcsConsole.Web.Components.Account.Pages;
using EcsConsole.Web.Components.Account.Pages.Manage;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Persistence;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        // Every POST here checks its antiforgery token first and answers a missing or wrong one (or an unknown provider)
        // with 400: [FromForm] parameters would throw instead, which the production error page turns into a 500.
        accountGroup.MapAntiforgeryPost("/PerformExternalLogin", async context =>
        {
            var signInManager = context.RequestServices.GetRequiredService<SignInManager<ConsoleUser>>();
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var provider = form["provider"].ToString();
            if (!await IsExternalSchemeAsync(signInManager, provider))
            {
                return TypedResults.Text("Unknown external login provider.", statusCode: StatusCodes.Status400BadRequest);
            }

            IEnumerable<KeyValuePair<string, StringValues>> query = [
                new("ReturnUrl", form["returnUrl"].ToString()),
                new("Action", ExternalLogin.LoginCallbackAction)];

            var redirectUrl = UriHelper.BuildRelative(
                context.Request.PathBase,
                "/Account/ExternalLogin",
                QueryString.Create(query));

            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, redirectUrl);
            return TypedResults.Challenge(properties, [provider]);
        });

        // The antiforgery middleware validates the token (MapAntiforgeryPost requires it) and the endpoint answers a
        // missing or wrong one with 400 itself: bound [FromForm] parameters would throw instead, which the production
        // error page turns into a 500. A return URL that would leave the console lands on its home page.
        accountGroup.MapAntiforgeryPost("/Logout", async context =>
        {
            var signInManager = context.RequestServices.GetRequiredService<SignInManager<ConsoleUser>>();
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            await signInManager.SignOutAsync();
            var returnUrl = $"~/{form["ReturnUrl"]}";
            return TypedResults.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl : "~/");
        });

        accountGroup.MapPost("/PasskeyCreationOptions", async (
            HttpContext context,
            [FromServices] UserManager<ConsoleUser> userManager,
            [FromServices] SignInManager<ConsoleUser> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return AntiforgeryRefused();
            }

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            var userName = await userManager.GetUserNameAsync(user) ?? "User";
            var optionsJson = await signInManager.MakePasskeyCreationOptionsAsync(new()
            {
                Id = userId,
                Name = userName,
                DisplayName = userName
            });
            return TypedResults.Content(optionsJson, contentType: "application/json");
        });

        accountGroup.MapPost("/PasskeyRequestOptions", async (
            HttpContext context,
            [FromServices] UserManager<ConsoleUser> userManager,
            [FromServices] SignInManager<ConsoleUser> signInManager,
            [FromServices] IAntiforgery antiforgery,
            [FromQuery] string? username) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return AntiforgeryRefused();
            }

            var user = string.IsNullOrEmpty(username) ? null : await userManager.FindByNameAsync(username);
            var optionsJson = await signInManager.MakePasskeyRequestOptionsAsync(user);
            return TypedResults.Content(optionsJson, contentType: "application/json");
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        manageGroup.MapAntiforgeryPost("/LinkExternalLogin", async context =>
        {
            var signInManager = context.RequestServices.GetRequiredService<SignInManager<ConsoleUser>>();
            var provider = (await context.Request.ReadFormAsync(context.RequestAborted))["provider"].ToString();
            if (!await IsExternalSchemeAsync(signInManager, provider))
            {
                return TypedResults.Text("Unknown external login provider.", statusCode: StatusCodes.Status400BadRequest);
            }

            // Clear the existing external cookie to ensure a clean login process
            await context.SignOutAsync(IdentityConstants.ExternalScheme);

            var redirectUrl = UriHelper.BuildRelative(
                context.Request.PathBase,
                "/Account/Manage/ExternalLogins",
                QueryString.Create("Action", ExternalLogins.LinkLoginCallbackAction));

            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, redirectUrl, signInManager.UserManager.GetUserId(context.User));
            return TypedResults.Challenge(properties, [provider]);
        });

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        manageGroup.MapAntiforgeryPost("/DownloadPersonalData", async context =>
        {
            var userManager = context.RequestServices.GetRequiredService<UserManager<ConsoleUser>>();
            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            downloadLogger.LogInformation("User with ID '{UserId}' asked for their personal data.", userId);

            // Only include personal data for download
            var personalData = new Dictionary<string, string>();
            var personalDataProps = typeof(ConsoleUser).GetProperties().Where(
                prop => Attribute.IsDefined(prop, typeof(PersonalDataAttribute)));
            foreach (var p in personalDataProps)
            {
                personalData.Add(p.Name, p.GetValue(user)?.ToString() ?? "null");
            }

            var logins = await userManager.GetLoginsAsync(user);
            foreach (var l in logins)
            {
                personalData.Add($"{l.LoginProvider} external login provider key", l.ProviderKey);
            }

            personalData.Add("Authenticator Key", (await userManager.GetAuthenticatorKeyAsync(user))!);
            var fileBytes = JsonSerializer.SerializeToUtf8Bytes(personalData);

            context.Response.Headers.TryAdd("Content-Disposition", "attachment; filename=PersonalData.json");
            return TypedResults.File(fileBytes, contentType: "application/json", fileDownloadName: "PersonalData.json");
        });

        return accountGroup;
    }

    /// <summary>
    /// A form post guarded by its antiforgery token: the endpoint carries <see cref="RequireAntiforgeryTokenAttribute"/>,
    /// answers a missing or wrong token with <see cref="RefuseWithoutAntiforgery"/>'s 400, and runs
    /// <paramref name="handle"/> only for a valid one.
    /// </summary>
    private static RouteHandlerBuilder MapAntiforgeryPost(this IEndpointRouteBuilder group, string pattern, Func<HttpContext, Task<IResult>> handle) =>
        group.MapPost(pattern, async Task<IResult> (HttpContext context) => RefuseWithoutAntiforgery(context) ?? await handle(context))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());

    /// <summary>
    /// Null when the antiforgery middleware found a valid token on a form post (the endpoint carries
    /// <see cref="RequireAntiforgeryTokenAttribute"/>); else the 400 to answer. The feature is asked first: reading the
    /// form's content type already throws once validation has failed. The answer has a body, as the Razor component
    /// endpoints' has: an empty 400 would be re-executed as the not-found page, whose form reading fails on the same token.
    /// </summary>
    private static IResult? RefuseWithoutAntiforgery(HttpContext context) =>
        context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true } && context.Request.HasFormContentType
            ? null
            : AntiforgeryRefused();

    private static IResult AntiforgeryRefused() =>
        TypedResults.Text("A valid antiforgery token was not provided with the request.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>True for a configured external sign-in scheme (none is, on a laptop console).</summary>
    private static async Task<bool> IsExternalSchemeAsync(SignInManager<ConsoleUser> signInManager, string provider) =>
        provider.Length > 0 && (await signInManager.GetExternalAuthenticationSchemesAsync()).Any(s => s.Name == provider);
}
