using System.Text.RegularExpressions;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>
/// Turns checked content into the steps a build runs (IB-21, IB-18): <c>COMPONENT</c> lines expand into the
/// component's own commands (by ID, or by ARN with the highest matching version), with <c>{{ param }}</c> filled from
/// the line's <c>--name value</c> arguments or the parameter's default; <c>FROM</c> is accepted and ignored (IB-22).
/// Each step carries the exit code the simulation gives it (<see cref="BuildContentRules.SimulatedExitCode"/>).
/// </summary>
public static partial class BuildPlan
{
    /// <summary>
    /// The steps, or: <see cref="ImageBuilderErrors.ReferencedComponentNotFoundCode"/> (no such component);
    /// <see cref="ImageBuilderErrors.ComponentNotSupportedCode"/> (a Test component in build content, a Build one in
    /// test content, or another OS); <c>InvalidParameter.BuildContent</c>/<c>.TestContent</c> (a parameter without a
    /// default and no value).
    /// </summary>
    public static async Task<Result<List<BuildStep>>> ResolveAsync(ConsoleDbContext db, Actor actor, string regionId, ParsedContent content,
        ContentKind kind, BuildSystemType system, CancellationToken ct)
    {
        var steps = new List<BuildStep>();
        List<ImageComponent>? candidates = null;
        foreach (var command in content.Commands)
        {
            if (command.Keyword == "FROM")
            {
                continue;
            }

            if (command.Keyword != "COMPONENT")
            {
                steps.Add(Step($"line {command.Line}", command.Keyword, command.Argument));
                continue;
            }

            ComponentReference.TryParse(command.Argument, out var reference);
            candidates ??= [.. await db.ImageComponents.AsNoTracking()
                .Where(c => c.AccountId == actor.AccountId && c.RegionId == regionId).ToListAsync(ct), .. SystemComponents.For(regionId)];
            var component = candidates.Where(reference.Matches)
                .OrderByDescending(c => c.Major).ThenByDescending(c => c.Minor).ThenByDescending(c => c.Patch).FirstOrDefault();
            if (component is null)
            {
                return ImageBuilderErrors.ReferencedComponentNotFound(reference.Text);
            }

            var wanted = kind == ContentKind.TestContent ? ComponentType.Test : ComponentType.Build;
            if (component.ComponentType != wanted)
            {
                return ImageBuilderErrors.ComponentNotSupported(reference.Text,
                    $"it is a {component.ComponentType} component; {(kind == ContentKind.TestContent ? "test" : "build")} content takes {wanted} components.");
            }

            if (component.SystemType != system)
            {
                return ImageBuilderErrors.ComponentNotSupported(reference.Text, $"it is for {component.SystemType}; the base image is {system}.");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var parameter in component.Parameters)
            {
                if (reference.Arguments.TryGetValue(parameter.Name, out var given))
                {
                    values[parameter.Name] = given;
                }
                else if (parameter.DefaultValue is { } fallback)
                {
                    values[parameter.Name] = fallback;
                }
                else
                {
                    return ImageBuilderErrors.ContentInvalid(BuildContentRules.InvalidContentCode(kind),
                        $"Line {command.Line}: the component {component.Name} needs a value for its parameter {parameter.Name} (--{parameter.Name} <value>).");
                }
            }

            var inner = BuildContentRules.Parse(component.Content, ContentKind.Component, component.SystemType);
            if (!inner.IsSuccess)
            {
                return ImageBuilderErrors.ComponentNotSupported(reference.Text, inner.Error.Message);
            }

            var source = $"{component.Name} {component.Version} ({component.Id})";
            steps.AddRange(inner.Value.Commands.Select(c => Step(source, c.Keyword, Substitute(c.Argument, values))));
        }

        return steps;
    }

    private static BuildStep Step(string source, string keyword, string text) =>
        new(source, keyword, text, keyword is "RUN" or "RunShellCommand" or "RunPowerShellCommand" ? BuildContentRules.SimulatedExitCode(text) : 0);

    private static string Substitute(string text, Dictionary<string, string> values) =>
        ParameterRegex().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex ParameterRegex();
}
