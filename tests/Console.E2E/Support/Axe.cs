using System.Text.Json;

namespace EcsConsole.E2E.Support;

/// <summary>
/// axe-core (npm, pinned in tests/Console.E2E/package.json; <c>./test.sh</c> runs <c>npm ci</c> there) injected into a
/// console page and run with the WCAG 2.1 A/AA rules (ADR-024). Only <c>serious</c> and <c>critical</c> violations count.
/// </summary>
public static class Axe
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary><c>node_modules/axe-core/axe.min.js</c> under tests/Console.E2E of the repository the tests run from.</summary>
    public static string ScriptPath
    {
        get
        {
            var path = Path.Combine(Repository.Root(), "tests", "Console.E2E", "node_modules", "axe-core", "axe.min.js");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"axe-core not found at {path}: run ./test.sh (it runs npm ci in tests/Console.E2E) or npm ci there.");
        }
    }

    /// <summary>
    /// Loads axe into every page this context opens from now on, before the page's own scripts (Playwright's init
    /// script, ADR-034): a walk over many routes then neither sends axe's 550 kB script over the protocol nor adds a
    /// script tag to each page (measured: that step fell from ≈ 0.5 s to ≈ 15 ms a route). <see cref="SeriousViolationsAsync"/> still injects
    /// it into a page that lacks it (one opened before this call).
    /// </summary>
    public static Task PreloadAsync(IBrowserContext context) => context.AddInitScriptAsync(scriptPath: ScriptPath);

    /// <summary>
    /// Runs axe on the page as it is now (after its transitions end) and returns one line per serious or critical
    /// violation: where, the rule id, its impact and the target selectors of its nodes.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string where)
    {
        // Fading dialogs and menus would be measured half transparent: wait for the finite animations to end.
        await page.EvaluateAsync(
            "() => Promise.all(document.getAnimations().filter(a => a.effect?.getComputedTiming().iterations !== Infinity).map(a => a.finished.catch(() => null)))");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        }

        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
              const colours = d => d?.fgColor ? ` (${d.fgColor} on ${d.bgColor}: ${d.contrastRatio})` : '';
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' ') + colours(n.any[0]?.data)) })));
            }
            """,
            WcagTags);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return violations.Select(v => $"{where}: {v.Id} ({v.Impact}) at {string.Join(" | ", v.Targets.Take(8))}").ToList();
    }

    private sealed record Violation(string Id, string Impact, List<string> Targets);
}
