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
