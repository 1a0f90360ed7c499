namespace EcsConsole.Tests.Api.Support;

/// <summary>One field of an SDK model: its wire name, its JS type (string, number, boolean, object, array&lt;…&gt;) and its fields.</summary>
public sealed record ModelField(string Name, string Type, IReadOnlyList<ModelField> Fields);

/// <summary>
/// The official SDK's request and response models (@alicloud/ecs20140526 7.11.6), as ../shared/tools/ecs-sdk-probe dumps
/// them into ecs-model-trees.txt (a copy is kept next to the tests, Api/ModelTrees): two spaces of indent per level.
/// </summary>
public static class ModelTrees
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<ModelField>>> Models = new(Load);

    /// <summary>Each action's top-level request parameters.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> RequestFields() =>
        Models.Value.Where(m => m.Key.EndsWith("Request", StringComparison.Ordinal))
            .ToDictionary(m => m.Key[..^"Request".Length], m => (IReadOnlySet<string>)m.Value.Select(f => f.Name).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The request parameters of <paramref name="action"/>, an object's fields one by one, each with its wire form and a
    /// plausible value (ecs-openapi §1.7: <c>Name.1</c> for a list, <c>Name.1.Field</c> for a list of objects,
    /// <c>Parent.Field</c> for an object).
    /// </summary>
    public static IReadOnlyList<RequestParameter> RequestParameters(string action)
    {
        var parameters = new List<RequestParameter>();
        foreach (var field in Models.Value.TryGetValue(action + "Request", out var fields) ? fields : [])
        {
            if (field.Type == "object" && field.Fields.Count > 0)
            {
                parameters.AddRange(field.Fields.Select(child =>
                    new RequestParameter($"{field.Name}.{child.Name}", [($"{field.Name}.{child.Name}", Sample(child.Type))])));
            }
            else if (field.Type == "array<object>")
            {
                parameters.Add(new RequestParameter(field.Name, [.. field.Fields.Select(child => ($"{field.Name}.1.{child.Name}", Sample(child.Type)))]));
            }
            else if (field.Type.StartsWith("array<", StringComparison.Ordinal))
            {
                parameters.Add(new RequestParameter(field.Name, [($"{field.Name}.1", Sample(field.Type["array<".Length..^1]))]));
            }
            else
            {
                parameters.Add(new RequestParameter(field.Name, [(field.Name, Sample(field.Type))]));
            }
        }

        return parameters;
    }

    private static string Sample(string type) => type switch
    {
        "number" => "1",
        "boolean" => "true",
        _ => "x",
    };

    /// <summary>The response body's fields of <paramref name="action"/>.</summary>
    public static IReadOnlyList<ModelField> Response(string action) => Models.Value[action + "ResponseBody"];

    private static IReadOnlyDictionary<string, IReadOnlyList<ModelField>> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Api", "ModelTrees", "ecs-model-trees.txt");
        var models = new Dictionary<string, IReadOnlyList<ModelField>>(StringComparer.Ordinal);
        string? model = null;
        var stack = new List<(int Depth, List<ModelField> Fields)>();
        List<ModelField>? top = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                model = line[3..].Trim();
                top = [];
                models[model] = top;
                stack = [(0, top)];
                continue;
            }

            if (model is null || line.Trim().Length == 0)
            {
                continue;
            }

            var depth = (line.Length - line.TrimStart(' ').Length) / 2;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var children = new List<ModelField>();
            var field = new ModelField(line[..colon].Trim(), line[(colon + 1)..].Trim(), children);
            while (stack[^1].Depth >= depth)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            stack[^1].Fields.Add(field);
            stack.Add((depth, children));
        }

        return models;
    }
}

/// <summary>One request parameter as the SDK sends it: its model path (<c>Features.NvmeSupport</c>) and its wire form.</summary>
public sealed record RequestParameter(string Path, (string Name, string Value)[] Wire);

/// <summary>The request parameters of docs/api/parameters.md: ignored by ECS too, or gaps not closed yet.</summary>
public sealed record ParameterList(IReadOnlyList<string> EcsIgnores, IReadOnlyList<string> Gaps)
{
    private static readonly Lazy<IReadOnlyList<(string Table, string Action, string Parameter)>> Rows = new(Load);

    public static ParameterList Of(string action) => new(
        [.. Rows.Value.Where(r => r.Table == "ignored" && (r.Action == action || r.Action == "*")).Select(r => r.Parameter)],
        [.. Rows.Value.Where(r => r.Table == "gap" && r.Action == action).Select(r => r.Parameter)]);

    public static IEnumerable<(string Action, string Parameter)> All() =>
        Rows.Value.Where(r => r.Action != "*").Select(r => (r.Action, r.Parameter));

    /// <summary>The rows of the tables under "## Ignored by ECS too" and "## Gaps": <c>| Action | Parameter[, Parameter…] | … |</c>.</summary>
    private static IReadOnlyList<(string, string, string)> Load()
    {
        var rows = new List<(string, string, string)>();
        string? table = null;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Api", "ModelTrees", "parameters.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                table = line.Contains("Ignored by ECS", StringComparison.Ordinal) ? "ignored" : line.Contains("Gaps", StringComparison.Ordinal) ? "gap" : null;
                continue;
            }

            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (table is null || cells.Length < 4 || cells[1] is "Action" || cells[1].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var parameter in cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                rows.Add((table, cells[1].Trim('`'), parameter.Trim('`')));
            }
        }

        return rows;
    }
}

/// <summary>
/// The response fields of docs/api/response-fields.md that an action's answer still lacks or types differently from the
/// SDK's model (<c>| Action | Path[, Path…] |</c>, list items as <c>[]</c>): gaps not closed yet.
/// </summary>
public static class ResponseGaps
{
    private static readonly Lazy<ILookup<string, string>> Rows = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Api", "ModelTrees", "response-fields.md"))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 4 && cells[1] is not ("Action" or "") && !cells[1].StartsWith("---", StringComparison.Ordinal))
            .SelectMany(cells => cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(path => (cells[1], path)))
            .ToLookup(row => row.Item1, row => row.path));

    public static IReadOnlySet<string> Of(string action) => Rows.Value[action].ToHashSet(StringComparer.Ordinal);
}
