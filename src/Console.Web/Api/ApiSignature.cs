using System.Security.Cryptography;
using System.Text;

namespace EcsConsole.Web.Api;

/// <summary>
/// The two request signatures of the ECS OpenAPI, as the official SDKs compute them (ecs-openapi §1.4, §1.5): V3
/// <c>ACS3-HMAC-SHA256</c> over a canonical request (Authorization header) and V1 <c>HMAC-SHA1</c> over the sorted
/// parameters (<c>Signature</c> parameter). Values are always decoded first and re-encoded canonically; the raw wire
/// string is never signed.
/// </summary>
public static class ApiSignature
{
    public const string V3Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>SHA-256 of the empty body, lower-case hex.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>RFC 3986: everything but <c>A–Z a–z 0–9 - _ . ~</c> as upper-case <c>%XX</c> of UTF-8; what <see cref="Uri.EscapeDataString(string)"/> does on .NET 10.</summary>
    public static string PercentEncode(string value) => Uri.EscapeDataString(value);

    /// <summary>The parts of a V3 <c>Authorization</c> header, or null when it is not well formed.</summary>
    public static V3Authorization? ParseV3(string authorization)
    {
        if (!authorization.StartsWith(V3Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in authorization[(V3Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential":
                    credential = value;
                    break;
                case "SignedHeaders":
                    signedHeaders = value;
                    break;
                case "Signature":
                    signature = value;
                    break;
                default:
                    break;
            }
        }

        return credential is { Length: > 0 } && signedHeaders is { Length: > 0 } && signature is { Length: > 0 }
            ? new V3Authorization(credential, [.. signedHeaders.Split(';').Select(h => h.Trim().ToLowerInvariant())], signature)
            : null;
    }

    /// <summary>
    /// V3 string to sign: <c>ACS3-HMAC-SHA256\n</c> + hex SHA-256 of the canonical request built from the method, path,
    /// decoded query, the signed headers (lower-case names, trimmed values) and the payload hash.
    /// </summary>
    public static string V3StringToSign(string method, string path, IEnumerable<KeyValuePair<string, string>> query,
        IReadOnlyList<string> signedHeaders, Func<string, string?> header, string payloadHash)
    {
        var canonical = new StringBuilder();
        canonical.Append(method.ToUpperInvariant()).Append('\n');
        canonical.Append(string.IsNullOrEmpty(path) ? "/" : path).Append('\n');
        canonical.AppendJoin('&', query.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => PercentEncode(kv.Key) + "=" + PercentEncode(kv.Value))).Append('\n');
        var names = signedHeaders.OrderBy(h => h, StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            canonical.Append(name).Append(':').Append((header(name) ?? "").Trim()).Append('\n');
        }

        canonical.Append('\n').AppendJoin(';', names).Append('\n').Append(payloadHash);
        return V3Algorithm + "\n" + Sha256Hex(Encoding.UTF8.GetBytes(canonical.ToString()));
    }

    /// <summary>Lower-case hex HMAC-SHA256 with the secret as key (no <c>&amp;</c> suffix).</summary>
    public static string V3Sign(string secret, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>V1 string to sign: <c>METHOD&amp;%2F&amp;</c> + the percent-encoded sorted parameters, <c>Signature</c> left out.</summary>
    public static string V1StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var canonical = string.Join('&', parameters.Where(kv => kv.Key != "Signature").OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => PercentEncode(kv.Key) + "=" + PercentEncode(kv.Value)));
        return method.ToUpperInvariant() + "&" + PercentEncode("/") + "&" + PercentEncode(canonical);
    }

    /// <summary>Base64 HMAC-SHA1 with <c>secret + "&amp;"</c> as key.</summary>
    public static string V1Sign(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Compares two signatures in constant time.</summary>
    public static bool SameSignature(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}

/// <summary>The parts of <c>Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…</c>.</summary>
public sealed record V3Authorization(string AccessKeyId, IReadOnlyList<string> SignedHeaders, string Signature);
