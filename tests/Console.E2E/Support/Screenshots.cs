namespace EcsConsole.E2E.Support;

/// <summary>Screenshots of a journey (the README's pictures), under TestResults/screenshots.</summary>
public static class Screenshots
{
    public static Task ScreenshotAsync(this IPage page, ConsoleFixture fixture, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
