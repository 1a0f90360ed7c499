namespace EcsConsole.E2E.Pages;

/// <summary><c>/image-builder/updates?execution=</c>: update runs (<c>update-row-&lt;exec-id&gt;</c>), their status and seven steps.</summary>
public sealed partial class ImageUpdatesPage(IPage page) : ConsolePage(page)
{
    public ILocator Status(string runId) => TestId($"update-status-{runId}");

    public ILocator Steps(string runId) => TestId($"update-steps-{runId}");

    public ILocator Step(string runId, string step) => TestId($"update-step-row-{runId}-{step}");

    /// <summary>Waits until the console shows the page of a run, and returns the run's ID from its URL.</summary>
    public async Task<string> ShownRunIdAsync(string region, float timeout)
    {
        await Expect(Page).ToHaveURLAsync(new Regex($"/image-builder/updates\\?region={Regex.Escape(region)}&execution=exec-"), new() { Timeout = timeout });
        return RunInUrl().Match(Page.Url).Groups["id"].Value;
    }

    [GeneratedRegex("[?&]execution=(?<id>[^&]+)")]
    private static partial Regex RunInUrl();
}
