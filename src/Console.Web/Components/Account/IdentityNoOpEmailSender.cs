using System.Net;
using Microsoft.AspNetCore.Identity;
using EcsConsole.Domain.Accounts;

namespace EcsConsole.Web.Components.Account;

/// <summary>
/// A laptop console has no mail server, so the mails Identity would send (account confirmation and password reset) are
/// written to the server's log at Information level instead, where whoever runs the console finds the link. Only the
/// server log shows them: no page does (RegisterConfirmation says where to look).
/// </summary>
internal sealed class IdentityNoOpEmailSender(ILogger<IdentityNoOpEmailSender> logger) : IEmailSender<ConsoleUser>
{
    // The pages pass the links HTML-encoded, ready for a mail body; the log gets them as a browser opens them.
    public Task SendConfirmationLinkAsync(ConsoleUser user, string email, string confirmationLink)
    {
        logger.LogInformation("Mail to {Email}: confirm your account by opening {ConfirmationLink}", email, WebUtility.HtmlDecode(confirmationLink));
        return Task.CompletedTask;
    }

    public Task SendPasswordResetLinkAsync(ConsoleUser user, string email, string resetLink)
    {
        logger.LogInformation("Mail to {Email}: reset your password by opening {ResetLink}", email, WebUtility.HtmlDecode(resetLink));
        return Task.CompletedTask;
    }

    public Task SendPasswordResetCodeAsync(ConsoleUser user, string email, string resetCode)
    {
        logger.LogInformation("Mail to {Email}: reset your password with the code {ResetCode}", email, resetCode);
        return Task.CompletedTask;
    }
}
