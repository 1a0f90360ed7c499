using System.Text.Json;

namespace EcsConsole.Web.Components.Pages.ApiLog;

/// <summary>How the API log page shows a call's stored parameters: one <c>name=value</c> line each, the signing ones muted.</summary>
public static class ApiLogParameters
{
    private static readonly HashSet<string> Protocol = new(StringComparer.Ordinal)
    {
        "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp",
    };

    /// <summary>The parameters of the stored JSON object, the call's own first, then the signing ones.</summary>
    public static IReadOnlyList<(string Name, string Value)> Read(string json)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            return [.. values.OrderBy(p => IsProtocol(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
        }
        catch (JsonException)
        {
            return [("", json)];
        }
    }

    /// <summary>A parameter of the signature protocol rather than of the action.</summary>
    public static bool IsProtocol(string name) => Protocol.Contains(name);
}
