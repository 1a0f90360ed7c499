using System.Text.RegularExpressions;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>
/// A <c>COMPONENT</c> reference (IB-21): by ID (<c>ic-…</c>) or by ARN
/// <c>acs:ecs:&lt;region&gt;:&lt;account&gt;:imagecomponent/&lt;Name&gt;/&lt;x.y.z&gt;</c> (also <c>&lt;Name&gt;:&lt;x.y.z&gt;</c>;
/// one part of the version may be <c>*</c>, the latest matching when the build starts), then <c>--name value</c> arguments.
/// </summary>
public sealed partial record ComponentReference(string Text, string? Id, string? Name, string? VersionPattern, IReadOnlyDictionary<string, string> Arguments)
{
    public static bool TryParse(string argument, out ComponentReference reference)
    {
        reference = null!;
        var tokens = argument.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || tokens.Length % 2 == 0)
        {
            return false;
        }

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < tokens.Length; i += 2)
        {
            if (!tokens[i].StartsWith("--", StringComparison.Ordinal) || tokens[i].Length < 3)
            {
                return false;
            }

            arguments[tokens[i][2..]] = tokens[i + 1];
        }

        var target = tokens[0];
        if (IdRegex().IsMatch(target))
        {
            reference = new ComponentReference(target, target, null, null, arguments);
            return true;
        }

        var arn = ArnRegex().Match(target);
        if (!arn.Success)
        {
            return false;
        }

        reference = new ComponentReference(target, null, arn.Groups["name"].Value, arn.Groups["version"].Value, arguments);
        return true;
    }

    /// <summary>Whether a version <c>x.y.z</c> matches the pattern (<c>*</c> matches any part).</summary>
    public bool Matches(ImageComponent component) =>
        Id is not null
            ? component.Id == Id
            : component.Name == Name && VersionPattern!.Split('.').Zip(component.Version.Split('.')).All(p => p.First == "*" || p.First == p.Second);

    [GeneratedRegex("^ic-[a-z0-9]{4,40}$")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^acs:ecs:[a-z0-9-]*:\d*:imagecomponent/(?<name>[^/:]+)[/:](?<version>(\d+|\*)\.(\d+|\*)\.(\d+|\*))$")]
    private static partial Regex ArnRegex();
}
