using System.Net;
using System.Text.Json;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api;

namespace EcsConsole.Tests.Api;

/// <summary>
/// Complete answers (issue #21, part 4; ADR-021): every field of an implemented action's response model
/// (ecs-model-trees.txt) is in a real answer of the console, with its JSON type — an empty string, an empty wrapper or a
/// default where the product has no such concept, never an absent key. Each action is called on the seeded world (lists
/// it answers are non-empty, so their items are walked too).
/// </summary>
public sealed partial class EcsApiResponseModelTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    public static TheoryData<string> ImplementedActions() => [.. EcsActions.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ImplementedActions))]
    public async Task EveryFieldOfTheResponseModel_IsInTheAnswer_WithItsJsonType(string action)
    {
        // Arrange: what the action needs, made through the API
        var (answer, nonEmpty) = await new SeededWorldCalls(api).CallAsync(action);

        // Act
        var problems = new List<string>();
        Walk(ModelTrees.Response(action), answer.Body, "", problems);

        // Assert: every field that differs is a listed gap, and every listed gap still differs
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var differing = problems.Select(p => ListIndex().Replace(p[..p.IndexOf(':', StringComparison.Ordinal)], "[]")).Distinct().ToList();
        var gaps = ResponseGaps.Of(action);
        var unexplained = problems.Where(p => !gaps.Contains(ListIndex().Replace(p[..p.IndexOf(':', StringComparison.Ordinal)], "[]"))).ToList();
        var closed = gaps.Except(differing).Order().ToList();
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} fields differ from the model:\n" + string.Join("\n", unexplained));
        Assert.True(closed.Count == 0, $"{action} answers {string.Join(", ", closed)} as the model has them now: take them off the gaps of docs/api/response-fields.md");
        Assert.All(nonEmpty, path => Assert.True(At(answer.Body, path).GetArrayLength() > 0, $"{path} is empty: nothing of it was walked"));
    }

    [Fact]
    public void EveryImplementedAction_HasAResponseModel()
    {
        // Act
        var without = EcsActions.All.Keys.Where(a => !ModelTrees.RequestFields().ContainsKey(a));

        // Assert
        Assert.Empty(without);
    }

    /// <summary>Each field of <paramref name="fields"/> present in <paramref name="json"/> with its type; items of arrays walked.</summary>
    private static void Walk(IReadOnlyList<ModelField> fields, JsonElement json, string path, List<string> problems)
    {
        foreach (var field in fields)
        {
            var at = path + field.Name;
            if (!json.TryGetProperty(field.Name, out var value))
            {
                problems.Add($"{at}: missing ({field.Type})");
                continue;
            }

            var kind = KindOf(value);
            if (field.Type.StartsWith("array<", StringComparison.Ordinal))
            {
                if (kind != "array")
                {
                    problems.Add($"{at}: {kind}, not {field.Type}");
                    continue;
                }

                var item = field.Type["array<".Length..^1];
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    if (item == "object" && element.ValueKind == JsonValueKind.Object)
                    {
                        Walk(field.Fields, element, $"{at}[{index}].", problems);
                    }
                    else if (KindOf(element) != item)
                    {
                        problems.Add($"{at}[{index}]: {KindOf(element)}, not {item}");
                    }

                    index++;
                }
            }
            else if (kind != field.Type)
            {
                problems.Add($"{at}: {kind}, not {field.Type}");
            }
            else if (kind == "object")
            {
                Walk(field.Fields, value, at + ".", problems);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex ListIndex();

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    private static JsonElement At(JsonElement body, string path)
    {
        foreach (var name in path.Split('.'))
        {
            body = body.GetProperty(name);
        }

        return body;
    }
}
