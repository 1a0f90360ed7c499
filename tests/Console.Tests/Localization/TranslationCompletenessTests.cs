using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EcsConsole.Web.Localization;

namespace EcsConsole.Tests.Localization;

/// <summary>
/// The console in Chinese (issue #24, ui-contract §8): every English text of src/Console.Web/Localization has its
/// Chinese twin, and every text a page asks its localizer for is one of its area's English texts. Read from the
/// sources, so a key added in a page or in an English file without its translation fails here.
/// </summary>
public sealed partial class TranslationCompletenessTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Folder = Path.Combine(Root, "src", "Console.Web", "Localization");

    public static TheoryData<string> Areas()
    {
        var areas = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(FindRoot(), "src", "Console.Web", "Localization"), "*.resx")
                     .Where(f => !f.EndsWith(".zh-CN.resx", StringComparison.Ordinal)).Order())
        {
            areas.Add(Path.GetFileNameWithoutExtension(file));
        }

        return areas;
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Every_English_text_has_a_Chinese_translation(string area)
    {
        var chinese = Texts($"{area}.zh-CN.resx");
        var untranslated = Texts($"{area}.resx").Keys.Where(key => string.IsNullOrWhiteSpace(chinese.GetValueOrDefault(key))).ToList();

        Assert.True(untranslated.Count == 0, $"{area}: {untranslated.Count} untranslated: {string.Join(" | ", untranslated)}");
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Every_Chinese_text_translates_an_English_one_with_the_same_placeholders(string area)
    {
        var english = Texts($"{area}.resx");
        var stale = new List<string>();
        foreach (var (key, value) in Texts($"{area}.zh-CN.resx"))
        {
            if (!english.ContainsKey(key) || !Placeholders(key).SetEquals(Placeholders(value)))
            {
                stale.Add(key);
            }
        }

        Assert.True(stale.Count == 0, $"{area}: {stale.Count} without their English text or with other placeholders: {string.Join(" | ", stale)}");
    }

    [Fact]
    public void Every_text_a_page_asks_for_is_an_English_text_of_its_area()
    {
        var unknown = new List<string>();
        var web = Path.Combine(Root, "src", "Console.Web");
        foreach (var file in Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            foreach (Match localizer in LocalizerDeclaration().Matches(source))
            {
                var area = localizer.Groups["area"].Value;
                var english = Texts($"{area}.resx");
                var asked = new Regex($@"\b{Regex.Escape(localizer.Groups["name"].Value)}\[\s*""(?<key>(?:[^""\\]|\\.)*)""");
                foreach (Match use in asked.Matches(source))
                {
                    var key = Regex.Unescape(use.Groups["key"].Value);
                    if (!english.ContainsKey(key))
                    {
                        unknown.Add($"{Path.GetRelativePath(web, file)}: {area} lacks \"{key}\"");
                    }
                }
            }
        }

        Assert.True(unknown.Count == 0, $"{unknown.Count} texts asked for and missing: {string.Join(Environment.NewLine, unknown)}");
    }

    [Fact]
    public void The_Chinese_texts_are_built_into_the_console()
    {
        var shell = new ResourceManager(typeof(ShellTexts).FullName!, typeof(ShellTexts).Assembly);

        Assert.Equal("镜像", shell.GetString("Images", CultureInfo.GetCultureInfo(ConsoleCultures.Chinese)));
        Assert.Equal("Images", shell.GetString("Images", CultureInfo.GetCultureInfo(ConsoleCultures.English)));
    }

    [Fact]
    public void The_navigation_says_what_the_contract_fixes_in_Chinese()
    {
        var shell = Texts("ShellTexts.zh-CN.resx");

        Assert.Equal(["概览", "镜像", "快照", "实例", "任务"],
            new[] { "Overview", "Images", "Snapshots", "Instances", "Tasks" }.Select(key => shell[key]));
    }

    private static Dictionary<string, string> Texts(string file)
    {
        var path = Path.Combine(Folder, file);
        Assert.True(File.Exists(path), $"{file} is missing");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string FindRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Console.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Console.sln not found above the test binaries");
        }

        return root.FullName;
    }

    [GeneratedRegex(@"IStringLocalizer<(?:EcsConsole\.Web\.Localization\.)?(?<area>\w+)>\s+(?<name>\w+)")]
    private static partial Regex LocalizerDeclaration();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
