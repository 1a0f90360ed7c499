using System.Net;

namespace EcsConsole.Domain.Instances;

/// <summary>IPv4 private addresses and CIDR blocks, as RunInstances' <c>PrivateIpAddress</c> needs them.</summary>
public static class PrivateAddresses
{
    /// <summary>A dotted IPv4 address (four numbers 0–255), or null.</summary>
    public static uint? Parse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4 || !IPAddress.TryParse(text, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    /// <summary>
    /// Whether <paramref name="address"/> is a host address of <paramref name="cidr"/> (<c>a.b.c.d/n</c>): neither the
    /// block's network address nor its broadcast address.
    /// </summary>
    public static bool InCidr(string address, string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (Parse(address) is not { } ip || Parse(cidr[..slash]) is not { } network
            || !int.TryParse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        var broadcast = network | ~mask;
        return (ip & mask) == (network & mask) && ip != network && ip != broadcast;
    }
}
