using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>Where content is written: a component's <c>Content</c>, or a template's build or test content.</summary>
public enum ContentKind
{
    Component,
    BuildContent,
    TestContent,
}

/// <summary>One command of Dockerfile-style content, or one task of YAML content.</summary>
/// <param name="Line">The 1-based line it starts on.</param>
/// <param name="Keyword">RUN, ENV, COMPONENT…; for YAML the task's Action.</param>
/// <param name="Argument">The text after the keyword; for YAML the command content (or the task's properties).</param>
public sealed record ContentCommand(int Line, string Keyword, string Argument);

/// <summary>Content that passed every check: its commands, and a YAML component's parameters.</summary>
public sealed record ParsedContent(IReadOnlyList<ContentCommand> Commands, bool IsYaml, IReadOnlyList<ComponentParameter> Parameters)
{
    public IEnumerable<ContentCommand> ComponentCommands => Commands.Where(c => c.Keyword == "COMPONENT");
}

/// <summary>
/// The command vocabulary of image-builder.md §1.3 and its checks (IB-13, IB-14, IB-20, IB-22, IB-23): Dockerfile-style
/// lines (Linux) or YAML with <c>Parameters</c> and <c>Tasks</c>, at most 16 KB (UTF-8 bytes) and 127 commands. Pure
/// functions: the services call them, pages may too.
/// <para>
/// <b>Simulated execution.</b> Nothing runs for real: every command succeeds, except a shell command whose last
/// statement is <c>exit N</c> with N ≠ 0 (<c>RUN exit 1</c>, <c>RUN make test || exit 3</c>, a YAML
/// <c>RunShellCommand</c> whose <c>commandContent</c> ends in <c>exit 2</c>): it "exits" with N, and the build (or the
/// update run) fails there with <see cref="ImageBuilderErrors.ExitCodeNonzeroCode"/>. Suites use it to test failure paths.
/// </para>
/// </summary>
public static partial class BuildContentRules
{
    public const int MaxContentBytes = 16 * 1024;
    public const int MaxCommands = 127;

    private static readonly string[] Keywords = ["COMPONENT", "RUN", "ENV", "WORKDIR", "COPY", "USER", "LABEL", "CMD", "ENTRYPOINT", "RESTART", "FROM"];

    private static readonly Dictionary<string, string[]> YamlActions = new(StringComparer.Ordinal)
    {
        ["RunShellCommand"] = ["commandContent"],
        ["RunPowerShellCommand"] = ["commandContent"],
        ["InvokeCommand"] = ["commandId"],
        ["OSSDownload"] = ["bucketName", "destinationDir", "objectName"],
        ["OSSUpload"] = ["bucketName", "fileToUpload", "objectName"],
        ["WebDownload"] = ["sourcePath", "destinationDir"],
        ["Reboot"] = [],
    };

    /// <summary>Whether the content is YAML (its first statement is a top-level <c>Parameters:</c> or <c>Tasks:</c>).</summary>
    public static bool IsYaml(string content) =>
        content.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')) is { } first
        && (first.StartsWith("Parameters:", StringComparison.Ordinal) || first.StartsWith("Tasks:", StringComparison.Ordinal));

    /// <summary>Checks content and returns its commands, or the first error with its code.</summary>
    public static Result<ParsedContent> Parse(string content, ContentKind kind, BuildSystemType system)
    {
        var bytes = Encoding.UTF8.GetByteCount(content);
        if (bytes > MaxContentBytes)
        {
            return kind == ContentKind.Component
                ? ImageBuilderErrors.ContentLength(bytes)
                : ImageBuilderErrors.BuildContentLength(kind.ToString(), bytes);
        }

        if (IsYaml(content))
        {
            return ParseYaml(content, kind, system);
        }

        var parsed = ParseLines(content, kind);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        // IB-23: Dockerfile-style commands are Linux only; Windows content is YAML or COMPONENT lines.
        if (system == BuildSystemType.Windows && parsed.Value.Commands.Any(c => c.Keyword is not ("COMPONENT" or "FROM")))
        {
            return ImageBuilderErrors.ContentInvalid(InvalidContentCode(kind),
                "Dockerfile-style commands run on Linux only; for Windows use YAML components (COMPONENT ic-…).");
        }

        return parsed;
    }

    /// <summary>The code for content that is not valid as a whole, per where it was written.</summary>
    public static string InvalidContentCode(ContentKind kind) => kind switch
    {
        ContentKind.Component => ImageBuilderErrors.ContentInvalidCode,
        ContentKind.BuildContent => ImageBuilderErrors.BuildContentInvalidCode,
        _ => ImageBuilderErrors.TestContentInvalidCode,
    };

    /// <summary>
    /// The exit code a shell command "returns" in the simulation: N when its last statement is <c>exit N</c>, else 0.
    /// </summary>
    public static int SimulatedExitCode(string shellCommand)
    {
        var last = shellCommand.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
        var match = ExitRegex().Match(last);
        return match.Success && int.TryParse(match.Groups[1].Value, out var code) ? code : 0;
    }

    private static Result<ParsedContent> ParseLines(string content, ContentKind kind)
    {
        var commands = new List<ContentCommand>();
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i + 1;
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            // A backslash at the end of a line continues the command on the next line.
            var builder = new StringBuilder();
            while (text.EndsWith('\\') && i + 1 < lines.Length)
            {
                builder.Append(text[..^1]).Append('\n');
                text = lines[++i].Trim();
            }

            builder.Append(text.TrimEnd('\\'));
            var whole = builder.ToString();
            var split = whole.IndexOfAny([' ', '\t', '\n']);
            var keyword = (split < 0 ? whole : whole[..split]).ToUpperInvariant();
            var argument = split < 0 ? "" : whole[(split + 1)..].Trim();
            if (!Keywords.Contains(keyword))
            {
                return ImageBuilderErrors.UnknownCommand(start, split < 0 ? whole : whole[..split]);
            }

            if (CheckCommand(start, keyword, argument, kind, commands) is { } error)
            {
                return error;
            }

            commands.Add(new ContentCommand(start, keyword, argument));
        }

        if (commands.Count > MaxCommands)
        {
            return ImageBuilderErrors.TooManyCommands(commands.Count);
        }

        if (kind == ContentKind.Component && commands.Count == 0)
        {
            return ImageBuilderErrors.MissingContent();
        }

        return new ParsedContent(commands, false, []);
    }

    private static EcsError? CheckCommand(int line, string keyword, string argument, ContentKind kind, List<ContentCommand> before)
    {
        switch (keyword)
        {
            case "FROM" when kind == ContentKind.Component:
                return ImageBuilderErrors.FromInComponent();
            case "COMPONENT" when kind == ContentKind.Component:
                return ImageBuilderErrors.ComponentCommand();
            case "RESTART":
                return argument.Length > 0 ? ImageBuilderErrors.RestartNotEmpty(line) : null;
        }

        if (argument.Length == 0)
        {
            // §6 has no EmptyCommandContent code for these two: FROM is InvalidCommandContent.FROM, and a COMPONENT
            // without a reference is malformed content like any other bad reference.
            return keyword switch
            {
                "FROM" => ImageBuilderErrors.InvalidCommand(line, keyword, "FROM needs an argument."),
                "COMPONENT" => ImageBuilderErrors.ContentInvalid(InvalidContentCode(kind), $"Line {line}: COMPONENT needs a component ID or ARN."),
                _ => ImageBuilderErrors.EmptyCommand(line, keyword),
            };
        }

        switch (keyword)
        {
            case "FROM":
                if (before.Any(c => c.Keyword == "FROM"))
                {
                    return ImageBuilderErrors.DuplicatedFrom(line);
                }

                if (before.Count > 0)
                {
                    return ImageBuilderErrors.FromOrder(line);
                }

                return FromRegex().IsMatch(argument)
                    ? null
                    : ImageBuilderErrors.InvalidCommand(line, keyword, "FROM takes IMAGE:<image ID> or IMAGE_FAMILY:<family>.");
            case "COMPONENT":
                return ComponentReference.TryParse(argument, out _)
                    ? null
                    : ImageBuilderErrors.ContentInvalid(InvalidContentCode(kind),
                        $"Line {line}: COMPONENT takes ic-<ID> or acs:ecs:<region>:<account>:imagecomponent/<Name>/<x.y.z>, then --name value pairs.");
            case "RUN":
                return argument.Count(c => c == '"') % 2 == 0 && argument.Count(c => c == '\'') % 2 == 0
                    ? null
                    : ImageBuilderErrors.InvalidCommand(line, keyword, "RUN has an unclosed quote.");
            case "ENV":
                return EnvPairsRegex().IsMatch(argument) || EnvKeyValueRegex().IsMatch(argument)
                    ? null
                    : ImageBuilderErrors.InvalidCommand(line, keyword, "ENV takes \"key value\" or key=\"value\" pairs with quoted values.");
            case "WORKDIR":
                return argument.StartsWith('/') && !argument.Any(char.IsWhiteSpace)
                    ? null
                    : ImageBuilderErrors.InvalidCommand(line, keyword, "WORKDIR takes one absolute path.");
            case "COPY":
                var operands = argument.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (operands.Length != 2)
                {
                    return ImageBuilderErrors.InvalidCommand(line, keyword, "COPY takes a source and a destination directory.");
                }

                return operands[0].Contains("://", StringComparison.Ordinal) && operands[0].Contains('?', StringComparison.Ordinal)
                    ? ImageBuilderErrors.InvalidCommand(line, keyword, "a COPY URL must not have a query string.")
                    : null;
            case "USER":
                return UserRegex().IsMatch(argument)
                    ? null
                    : ImageBuilderErrors.InvalidCommand(line, keyword, "USER takes the name of an existing user.");
            case "CMD" or "ENTRYPOINT":
                if (!argument.StartsWith('['))
                {
                    return null;
                }

                try
                {
                    return JsonSerializer.Deserialize<string[]>(argument) is { Length: > 0 }
                        ? null
                        : ImageBuilderErrors.InvalidCommand(line, keyword, $"{keyword} in exec form needs at least one string.");
                }
                catch (JsonException)
                {
                    return ImageBuilderErrors.InvalidCommand(line, keyword, $"{keyword} in exec form is a JSON array of strings, e.g. [\"/bin/app\",\"-v\"].");
                }

            default:
                return null;
        }
    }

    private static Result<ParsedContent> ParseYaml(string content, ContentKind kind, BuildSystemType system)
    {
        var code = InvalidContentCode(kind);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            return ImageBuilderErrors.ContentInvalid(code, $"The YAML content is malformed at line {e.Start.Line}: {e.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return ImageBuilderErrors.ContentInvalid(code, "The YAML content must be one mapping with Parameters and Tasks.");
        }

        var parameters = new List<ComponentParameter>();
        if (root.Children.TryGetValue(new YamlScalarNode("Parameters"), out var parametersNode))
        {
            if (parametersNode is not YamlMappingNode map)
            {
                return ImageBuilderErrors.ContentInvalid(code, "Parameters must map parameter names to their Type and DefaultValue.");
            }

            foreach (var (key, value) in map.Children)
            {
                if (key is not YamlScalarNode { Value: { Length: > 0 } name })
                {
                    return ImageBuilderErrors.ContentInvalid(code, "Parameters: every parameter name must be plain text.");
                }

                var spec = value as YamlMappingNode;
                var type = Scalar(spec, "Type");
                if (type is not ("String" or "Number" or "Boolean"))
                {
                    return ImageBuilderErrors.ContentInvalid(code, $"Parameter {name}: Type must be String, Number or Boolean.");
                }

                parameters.Add(new ComponentParameter(name, type, Scalar(spec, "DefaultValue")));
            }
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("Tasks"), out var tasksNode) || tasksNode is not YamlSequenceNode tasks || tasks.Children.Count == 0)
        {
            return ImageBuilderErrors.ContentInvalid(code, "The YAML content needs a Tasks list with at least one task.");
        }

        if (tasks.Children.Count > MaxCommands)
        {
            return ImageBuilderErrors.TooManyCommands(tasks.Children.Count);
        }

        var commands = new List<ContentCommand>();
        foreach (var node in tasks.Children)
        {
            var line = (int)node.Start.Line;
            var task = node as YamlMappingNode;
            var name = Scalar(task, "Name");
            var action = Scalar(task, "Action");
            if (string.IsNullOrEmpty(name) || action is null || !YamlActions.TryGetValue(action, out var required))
            {
                return ImageBuilderErrors.ContentInvalid(code,
                    $"Line {line}: every task needs a Name and an Action among {string.Join(", ", YamlActions.Keys)}.");
            }

            if ((action == "RunShellCommand" && system == BuildSystemType.Windows) || (action == "RunPowerShellCommand" && system == BuildSystemType.Linux))
            {
                return ImageBuilderErrors.ContentInvalid(code, $"Line {line}: {action} does not run on {system}.");
            }

            var properties = task!.Children.TryGetValue(new YamlScalarNode("Properties"), out var p) ? p as YamlMappingNode : null;
            if (required.FirstOrDefault(r => string.IsNullOrEmpty(Scalar(properties, r))) is { } missing)
            {
                return ImageBuilderErrors.ContentInvalid(code, $"Line {line}: the task {name} ({action}) needs the property {missing}.");
            }

            var argument = action is "RunShellCommand" or "RunPowerShellCommand"
                ? Scalar(properties, "commandContent")!
                : string.Join(" ", (properties?.Children.AsEnumerable() ?? []).Select(kv => $"{kv.Key}={(kv.Value as YamlScalarNode)?.Value}"));
            commands.Add(new ContentCommand(line, action, argument));
        }

        return new ParsedContent(commands, true, parameters);
    }

    private static string? Scalar(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    [GeneratedRegex(@"(?:^|[;&|]\s*)exit\s+(\d+)\s*;?\s*$")]
    private static partial Regex ExitRegex();

    [GeneratedRegex(@"^(IMAGE|IMAGE_FAMILY):\S+$")]
    private static partial Regex FromRegex();

    [GeneratedRegex("""^([A-Za-z_][A-Za-z0-9_]*="[^"]*"\s*)+$""")]
    private static partial Regex EnvPairsRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\s+\S.*$", RegexOptions.Singleline)]
    private static partial Regex EnvKeyValueRegex();

    [GeneratedRegex(@"^[a-z_][a-z0-9_.-]*\$?$")]
    private static partial Regex UserRegex();
}
