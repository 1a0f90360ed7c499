using System.Text.Json;

namespace EcsConsole.Domain.ApiLog;

/// <summary>
/// What of a call's parameters the API log keeps (ADR-013). Redacted to <see cref="Mask"/>: <c>Signature</c> and every
/// parameter whose name contains <c>Password</c>, <c>Secret</c>, <c>SecurityToken</c> or <c>PrivateKey</c>
/// (<c>Password</c>, <c>AccessKeySecret</c>, …); <c>UserData</c> is replaced by its length (scripts carry passwords).
/// Kept: everything else (<c>AccessKeyId</c> is not a secret, and the page shows it anyway). Values are cut at
/// <see cref="MaxValueLength"/> characters and the whole at <see cref="MaxParameters"/> parameters.
/// </summary>
public static class ApiParameterRedaction
{
    public const string Mask = "******";

    public const int MaxValueLength = 512;

    public const int MaxParameters = 100;

    private static readonly string[] SecretWords = ["password", "secret", "securitytoken", "privatekey"];

    /// <summary>Whether the parameter <paramref name="name"/> is never stored.</summary>
    public static bool IsSecret(string name) =>
        name.Equals("Signature", StringComparison.OrdinalIgnoreCase)
        || SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The parameters as a JSON object, in name order, redacted and cut.</summary>
    public static string ToJson(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var (name, value) in parameters)
        {
            if (kept.Count >= MaxParameters)
            {
                skipped++;
                continue;
            }

            kept[ApiCallRecords.Cut(name, 128)] = Redact(name, value ?? "");
        }

        if (skipped > 0)
        {
            kept["…"] = $"{skipped} more parameters not kept";
        }

        return JsonSerializer.Serialize(kept);
    }

    private static string Redact(string name, string value) =>
        IsSecret(name) ? Mask
        : name.Equals("UserData", StringComparison.OrdinalIgnoreCase) ? $"[{value.Length} characters not kept]"
        : value.Length > MaxValueLength ? value[..MaxValueLength] + "…"
        : value;
}
