using System.Security.Cryptography;
using System.Text;

namespace EcsConsole.Tests.Api.Support;

/// <summary>
/// An independent implementation of the two ECS request signatures, written from ecs-openapi §1.4/§1.5 and checked
/// against the probe's test vectors (computed with the SDK's own functions), so the API's verifier is tested against
/// something it does not share code with.
/// </summary>
public static class EcsTestSigner
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    /// <summary>RFC 3986 percent-encoding over UTF-8, upper-case hex, byte by byte.</summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (Unreserved.Contains((char)b, StringComparison.Ordinal))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>The V3 signature (lower-case hex) of a request whose headers are all signed.</summary>
    public static string V3Signature(string method, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> headers, string payloadHash, string secret)
    {
        var sortedQuery = string.Join("&", query.Keys.Order(StringComparer.Ordinal).Select(k => Encode(k) + "=" + Encode(query[k])));
        var names = headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var canonicalHeaders = string.Concat(names.Select(n => n + ":" + headers.First(h => h.Key.Equals(n, StringComparison.OrdinalIgnoreCase)).Value.Trim() + "\n"));
        var canonical = $"{method}\n/\n{sortedQuery}\n{canonicalHeaders}\n{string.Join(";", names)}\n{payloadHash}";
        var stringToSign = "ACS3-HMAC-SHA256\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The V1 signature (Base64) of the parameters, <c>Signature</c> excluded.</summary>
    public static string V1Signature(string method, IReadOnlyDictionary<string, string> parameters, string secret)
    {
        var canonical = string.Join("&", parameters.Keys.Where(k => k != "Signature").Order(StringComparer.Ordinal)
            .Select(k => Encode(k) + "=" + Encode(parameters[k])));
        var stringToSign = method + "&" + Encode("/") + "&" + Encode(canonical);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Sha256Hex(byte[] data) => Hex(SHA256.HashData(data));

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
