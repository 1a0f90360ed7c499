using System.Net;
using EcsConsole.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcsConsole.Tests.Localization;

/// <summary>
/// The language is ASP.NET Core's culture cookie (ui-contract §8): <c>/culture/set</c> writes it and goes back to a
/// page of the console, pages follow it, and the ECS API ignores it (its messages stay in English).
/// </summary>
public sealed class LanguageCookieTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private const string ChineseCookie = ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN";

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ChoosingChinese_WritesTheStandardCultureCookie_AndGoesBackToThePage()
    {
        // Act
        var response = await Client().GetAsync("/culture/set?culture=zh-CN&redirectUri=%2Fimages%3Fregion%3Dcn-shanghai");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/images?region=cn-shanghai", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ChineseCookie + ";", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task ChoosingALanguage_NeverRedirectsOutsideTheConsole(string redirectUri)
    {
        // Act
        var response = await Client().GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(redirectUri)}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ALanguageTheConsoleDoesNotSpeak_IsRefused_AndNoCookieIsWritten()
    {
        // Act
        var response = await Client().GetAsync("/culture/set?culture=fr-FR&redirectUri=%2F");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task APage_IsChinese_WithTheCookie_AndEnglish_WithoutIt_WhateverTheBrowserAsks()
    {
        // Arrange
        var chinese = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        chinese.Headers.Add("Cookie", ChineseCookie);
        var english = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        english.Headers.Add("Accept-Language", "zh-CN,zh;q=0.9");

        // Act
        var inChinese = await (await Client().SendAsync(chinese)).Content.ReadAsStringAsync();
        var inEnglish = await (await Client().SendAsync(english)).Content.ReadAsStringAsync();

        // Assert
        Assert.Contains("<html lang=\"zh-CN\">", inChinese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", inEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEcsApi_AnswersInEnglish_WithTheChineseCookie()
    {
        // Arrange
        var withCookie = new HttpRequestMessage(HttpMethod.Get, "/?Action=DescribeRegions&Format=JSON");
        withCookie.Headers.Add("Cookie", ChineseCookie);

        // Act
        var chinese = await (await Client().SendAsync(withCookie)).Content.ReadAsStringAsync();
        var english = await (await Client().GetAsync("/?Action=DescribeRegions&Format=JSON")).Content.ReadAsStringAsync();

        // Assert
        Assert.Contains("\"Code\"", english, StringComparison.Ordinal);
        Assert.Equal(WithoutRequestIds(english), WithoutRequestIds(chinese));
    }

    private static string WithoutRequestIds(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", "");
}
