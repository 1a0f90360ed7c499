using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcsConsole.Web.Api;

/// <summary>
/// Values of response fields for concepts the product does not model (ADR-021): derived from the resource they describe,
/// so the same resource always shows the same value and two resources never share one by accident.
/// </summary>
internal static class ApiDefaults
{
    /// <summary>An ECS-like ID (<c>prefix + region infix + 18 characters</c>) derived from <paramref name="seed"/>.</summary>
    public static string Id(string prefix, string infix, string seed) => EcsConsole.Domain.Instances.DefaultNetwork.Id(prefix, infix, seed);

    /// <summary><paramref name="length"/> decimal digits derived from <paramref name="seed"/>.</summary>
    public static string Digits(string seed, int length)
    {
        var hash = Hash(seed);
        var digits = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            digits.Append((char)('0' + (hash[i % hash.Length] % 10)));
        }

        return digits.ToString();
    }

    /// <summary>A lowercase GUID derived from <paramref name="seed"/> (an instance's <c>SerialNumber</c>).</summary>
    public static string Guid(string seed) => new Guid(Hash(seed).AsSpan(0, 16)).ToString("D");

    /// <summary>A private address in the default VPC's 172.16.0.0/12, derived from <paramref name="seed"/>.</summary>
    public static string PrivateIp(string seed)
    {
        var hash = Hash(seed);
        return string.Create(CultureInfo.InvariantCulture, $"172.{16 + (hash[0] % 16)}.{hash[1]}.{1 + (hash[2] % 253)}");
    }

    /// <summary>A MAC address of Alibaba Cloud's OUI (00:16:3e), derived from <paramref name="seed"/>.</summary>
    public static string Mac(string seed)
    {
        var hash = Hash(seed);
        return string.Create(CultureInfo.InvariantCulture, $"00:16:3e:{hash[0]:x2}:{hash[1]:x2}:{hash[2]:x2}");
    }

    private static byte[] Hash(string seed) => SHA256.HashData(Encoding.UTF8.GetBytes(seed));
}
