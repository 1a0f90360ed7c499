using System.Net;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Localization;

/// <summary>
/// The Identity pages follow the culture cookie too (ui-contract §8): an anonymous page answers in Chinese with the
/// cookie and keeps its English texts without it.
/// </summary>
public sealed class AccountPagesInChineseTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private const string ChineseCookie = ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN";

    [Fact]
    public async Task ResendEmailConfirmation_HasAChineseHeadingAndButton_WithTheChineseCookie()
    {
        // Arrange
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/ResendEmailConfirmation");
        request.Headers.Add("Cookie", ChineseCookie);

        // Act
        var response = await app.CreateClient().SendAsync(request);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>重新发送确认邮件</h1>", page, StringComparison.Ordinal);
        Assert.Contains(">重新发送</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendEmailConfirmation_KeepsItsEnglishTexts_WithoutTheCookie()
    {
        // Act
        var page = await app.CreateClient().GetStringAsync("/Account/ResendEmailConfirmation");

        // Assert
        Assert.Contains("<h1>Resend email confirmation</h1>", page, StringComparison.Ordinal);
        Assert.Contains(">Resend</button>", page, StringComparison.Ordinal);
    }
}
